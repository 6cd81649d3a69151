/** A window serves a department when it is the department's own, or a comprehensive window acting for it. */
export function windowServes(window: { kind: string; departmentId: string | null; actsFor: readonly string[]; open: boolean }, departmentId: string): boolean {
  if (!window.open) return false;
  return window.kind === "COMPREHENSIVE" ? window.actsFor.includes(departmentId) : window.departmentId === departmentId;
}
