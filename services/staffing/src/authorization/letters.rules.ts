import type { AuthorizedAct } from "@onestop/authorization";
import { StaffingErrorCode } from "../errors";

export interface LetterToGrant {
  staffId: string;
  departmentId: string;
  itemId: string | null;
  acts: readonly AuthorizedAct[];
}

export interface GrantFacts {
  /** The item's department from catalog's replica; null when staffing has not heard of the item. */
  itemDepartmentId: string | null;
  /** Staff of the department, or posted at a comprehensive window acting for it. */
  staffServesDepartment: boolean;
  /**
   * 代办授权 (issue 22): what a letter to this person may carry at most — "ALL" for staff of the
   * department's own center, the agent's acts for staff of a township or village point under it
   * (`agentLetterActsAllowed`), null for anyone else.
   */
  agentActs?: readonly AuthorizedAct[] | "ALL" | null;
}

export type GrantViolation =
  | typeof StaffingErrorCode.ActNotForAgent
  | typeof StaffingErrorCode.UnknownItem
  | typeof StaffingErrorCode.ItemOfAnotherDepartment
  | typeof StaffingErrorCode.StaffNotOfDepartment;

/**
 * A department delegates only its own items, only to people who serve it in the hall. No
 * letter carries the veto: that is the department principal's (单位主要负责人) by office.
 */
export function grantViolation(letter: LetterToGrant, facts: GrantFacts): GrantViolation | null {
  if (letter.itemId !== null) {
    if (facts.itemDepartmentId === null) return StaffingErrorCode.UnknownItem;
    if (facts.itemDepartmentId !== letter.departmentId) return StaffingErrorCode.ItemOfAnotherDepartment;
  }
  const agentActs = facts.agentActs ?? "ALL";
  if (agentActs !== "ALL") {
    // A township's or village point's agent (代办): the county department's letter, only for what the agent may do.
    return letter.acts.every((act) => agentActs.includes(act)) ? null : StaffingErrorCode.ActNotForAgent;
  }
  if (!facts.staffServesDepartment) return StaffingErrorCode.StaffNotOfDepartment;
  return null;
}
