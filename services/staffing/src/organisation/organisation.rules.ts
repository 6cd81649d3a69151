import type { WindowKind } from "@onestop/events";

/**
 * A resident or A/B window belongs to exactly one department; a comprehensive window (综合窗口)
 * belongs to none and accepts for the departments it acts for.
 */
export function windowShapeProblems(kind: WindowKind, departmentId: string | null, actsForDepartmentIds: readonly string[]): string[] {
  const problems: string[] = [];
  if (kind === "COMPREHENSIVE") {
    if (departmentId) problems.push("departmentId: a comprehensive window belongs to no single department");
    if (actsForDepartmentIds.length === 0) problems.push("actsForDepartmentIds: a comprehensive window acts for at least one department");
  } else {
    if (!departmentId) problems.push(`departmentId: a ${kind === "AB" ? "two-person A/B" : "resident"} window belongs to a department`);
    if (actsForDepartmentIds.length > 0) problems.push("actsForDepartmentIds: only a comprehensive window acts for other departments");
  }
  if (new Set(actsForDepartmentIds).size !== actsForDepartmentIds.length) problems.push("actsForDepartmentIds: a department is named twice");
  return problems;
}

/** The departments whose cases a window takes. */
export function departmentsServed(window: { kind: WindowKind; departmentId: string | null }, actsForDepartmentIds: readonly string[]): string[] {
  return window.kind === "COMPREHENSIVE" ? [...actsForDepartmentIds] : window.departmentId ? [window.departmentId] : [];
}
