import type { CenterLevel, staffingEvents } from "@onestop/events";

type AuthorizedAct = staffingEvents.AuthorizedAct;

/**
 * 行政区划代码: 6 digits of the county, 3 of the township (乡镇/街道), 3 of the village
 * (村/社区). A county's service center is keyed `xxxxxx000000`, a township's convenience
 * center `xxxxxxyyy000`, a village point `xxxxxxyyyzzz`. The hierarchy follows from the
 * codes; staffing's register keeps the names, addresses and parents and checks they agree.
 */
const CODE = /^\d{12}$/;

export function isCenterCode(code: string): boolean {
  return CODE.test(code);
}

/** The level a code's shape says; null for a code that is not 12 digits or names no county. */
export function centerLevelOf(code: string): CenterLevel | null {
  if (!isCenterCode(code) || code.slice(0, 6).endsWith("00")) return null;
  if (code.slice(6) === "000000") return "COUNTY";
  if (code.slice(9) === "000") return "TOWNSHIP";
  if (code.slice(6, 9) === "000") return null;
  return "VILLAGE";
}

/** The center directly above: a village point's township, a township's county; null for a county. */
export function parentCodeOf(code: string): string | null {
  const level = centerLevelOf(code);
  if (level === "VILLAGE") return `${code.slice(0, 9)}000`;
  if (level === "TOWNSHIP") return `${code.slice(0, 6)}000000`;
  return null;
}

/** The county a center belongs to (itself for a county). */
export function countyCodeOf(code: string): string | null {
  return centerLevelOf(code) ? `${code.slice(0, 6)}000000` : null;
}

/** Whether `code` is `ancestor` or lies under it (a county covers its townships and their villages). */
export function isWithin(code: string, ancestor: string): boolean {
  const level = centerLevelOf(ancestor);
  if (!level || !centerLevelOf(code)) return false;
  const prefix = level === "COUNTY" ? 6 : level === "TOWNSHIP" ? 9 : 12;
  return code.slice(0, prefix) === ancestor.slice(0, prefix);
}

/**
 * Who oversees a center's records and figures: its own center, and every center above it (a
 * county's supervisor sees all its townships and village points; a township's head their own
 * township and its villages, never a neighbour's, never the county's).
 */
export function oversees(callerCenter: string | null, target: string): boolean {
  return callerCenter !== null && isWithin(target, callerCenter);
}

/**
 * 代办: whether staff of `callerCenter` serve a case as its agent — the township serving it
 * (`agentCenterCode`) or one of its village points. Null on either side: nobody does.
 */
export function servesAsAgent(callerCenter: string | null, agentCenterCode: string | null): boolean {
  return callerCenter !== null && agentCenterCode !== null && isWithin(callerCenter, agentCenterCode);
}

export interface CenterToRegister {
  code: string;
  level: CenterLevel;
  parentCode: string | null;
}

export type HierarchyProblem = { field: "code" | "level" | "parentCode"; message: string };

/**
 * A center's place in the hierarchy: the level its code's shape says, the parent its code
 * says, and (when the register knows the parent) a parent one level up. `parent` is the
 * registered parent's level, or null when it is not registered.
 */
export function hierarchyProblems(center: CenterToRegister, parent: { level: CenterLevel } | null): HierarchyProblem[] {
  const shape = centerLevelOf(center.code);
  if (!shape) return [{ field: "code", message: "must be a 12-digit administrative-division code of a county, township or village" }];
  if (shape !== center.level) return [{ field: "level", message: `the code is a ${shape} code` }];
  const expected = parentCodeOf(center.code);
  if (center.parentCode !== expected) {
    return [{ field: "parentCode", message: expected === null ? "a county has no parent" : `must be ${expected}, the center its code lies under` }];
  }
  if (expected !== null && !parent) return [{ field: "parentCode", message: `${expected} is not registered` }];
  if (parent && expected !== null && parent.level !== (center.level === "VILLAGE" ? "TOWNSHIP" : "COUNTY")) {
    return [{ field: "parentCode", message: `${expected} is a ${parent.level}` }];
  }
  return [];
}

/**
 * Whether the caller may register or change the center: the county center's administration,
 * for its county and everything under it (a township's own administration runs its windows
 * and staff, not the register).
 */
export function mayAdministerRegister(callerCenter: string | null, target: string): boolean {
  return callerCenter !== null && centerLevelOf(callerCenter) === "COUNTY" && isWithin(target, callerCenter);
}

/**
 * What a case's step is, from the center's point of view. `TAKE_IN` is receiving the
 * application and its materials on the applicant's behalf (申请 taken at a village point or a
 * township's window); the others are the letter acts.
 */
export type CenterAct = "TAKE_IN" | AuthorizedAct;

/** 代办: what a township's window may do on a county department's case — take it in, accept it, have materials supplied, hand over the result. */
export const TOWNSHIP_AGENT_ACTS: readonly CenterAct[] = ["TAKE_IN", "ACCEPT", "DELIVER"];
/** 代办员: a village point takes in and hands over, and never decides anything, not even acceptance. */
export const VILLAGE_AGENT_ACTS: readonly CenterAct[] = ["TAKE_IN", "DELIVER"];

export type CenterScope =
  /** The case is the center's own: its letters decide the rest. */
  | { allowed: true; as: "OWN" }
  /** The center acts as agent (代办) for a center above it. */
  | { allowed: true; as: "AGENT" }
  | { allowed: false; reason: "OTHER_CENTER" | "AGENT_MAY_NOT" };

/**
 * Whether staff of `actingCenter` may perform `act` on a case of `caseCenter`. Staff act on
 * their own center's cases (a village point has none to decide: only take-in and hand-over);
 * a township acts as agent for the county's cases (take in, accept, hand over), a village
 * point for its township's and the county's (take in, hand over); nobody acts on a neighbour's
 * or a lower center's case.
 */
export function centerScope(actingCenter: string | null, caseCenter: string, act: CenterAct): CenterScope {
  const level = actingCenter ? centerLevelOf(actingCenter) : null;
  if (!actingCenter || !level) return { allowed: false, reason: "OTHER_CENTER" };
  if (actingCenter === caseCenter) {
    if (level === "VILLAGE" && !VILLAGE_AGENT_ACTS.includes(act)) return { allowed: false, reason: "AGENT_MAY_NOT" };
    return { allowed: true, as: "OWN" };
  }
  if (!isWithin(actingCenter, caseCenter)) return { allowed: false, reason: "OTHER_CENTER" };
  const agentActs = level === "VILLAGE" ? VILLAGE_AGENT_ACTS : TOWNSHIP_AGENT_ACTS;
  return agentActs.includes(act) ? { allowed: true, as: "AGENT" } : { allowed: false, reason: "AGENT_MAY_NOT" };
}

/**
 * The letter acts a department of a county may grant to staff of a center under it (代办授权):
 * nothing beyond what the center may do as agent; none at all to a center outside the county.
 */
export function agentLetterActsAllowed(staffCenter: string, departmentCenter: string): readonly AuthorizedAct[] | "ALL" | null {
  if (staffCenter === departmentCenter) return "ALL";
  if (!isWithin(staffCenter, departmentCenter)) return null;
  const acts = centerLevelOf(staffCenter) === "VILLAGE" ? VILLAGE_AGENT_ACTS : TOWNSHIP_AGENT_ACTS;
  return acts.filter((a): a is AuthorizedAct => a !== "TAKE_IN");
}
