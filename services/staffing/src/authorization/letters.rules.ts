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
  /** The department's chief representative now. */
  chiefStaffId: string | null;
}

export type GrantViolation =
  | typeof StaffingErrorCode.UnknownItem
  | typeof StaffingErrorCode.ItemOfAnotherDepartment
  | typeof StaffingErrorCode.StaffNotOfDepartment
  | typeof StaffingErrorCode.VetoNeedsChiefRepresentative;

/**
 * A department delegates only its own items, only to people who serve it in the hall; the
 * power to sign a veto is the chief representative's (首席代表) alone.
 */
export function grantViolation(letter: LetterToGrant, facts: GrantFacts): GrantViolation | null {
  if (letter.itemId !== null) {
    if (facts.itemDepartmentId === null) return StaffingErrorCode.UnknownItem;
    if (facts.itemDepartmentId !== letter.departmentId) return StaffingErrorCode.ItemOfAnotherDepartment;
  }
  if (!facts.staffServesDepartment) return StaffingErrorCode.StaffNotOfDepartment;
  if (letter.acts.includes("SIGN_VETO") && facts.chiefStaffId !== letter.staffId) return StaffingErrorCode.VetoNeedsChiefRepresentative;
  return null;
}
