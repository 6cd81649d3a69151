import type { StaffMessageKey } from "./messages-staff";

export type AreaKey = "workbench" | "admin" | "supervision" | "joint" | "finance" | "townships";

export interface Area {
  key: AreaKey;
  path: string;
  label: StaffMessageKey;
  /** The roles whose holders the services let act here; the page only chooses what to offer. */
  roles: readonly string[];
  /** Roles that open the area only at a township or village point (代办: a county's staff take nothing in as agent). */
  agentRoles?: readonly string[];
}

export const AREAS: readonly Area[] = [
  { key: "workbench", path: "/staff/workbench", label: "staff.area.workbench", roles: ["window_staff", "chief_representative", "department_principal"] },
  { key: "admin", path: "/staff/admin", label: "staff.area.admin", roles: ["center_admin"] },
  { key: "supervision", path: "/staff/supervision", label: "staff.area.supervision", roles: ["supervisor", "center_admin", "window_staff", "chief_representative"] },
  { key: "joint", path: "/staff/joint", label: "staff.area.joint", roles: ["bureau", "center_admin", "supervisor"] },
  { key: "finance", path: "/staff/finance", label: "staff.area.finance", roles: ["finance", "center_admin"] },
  // 乡镇与代办 (issue 22): the townships' monthly report for the overseers; the agency cases for staff of a township or village point.
  { key: "townships", path: "/staff/townships", label: "staff.area.townships", roles: ["supervisor", "center_admin"], agentRoles: ["window_staff", "chief_representative", "department_principal"] },
];

/** A township's (xxxxxxyyy000) or a village point's code, not a county's (xxxxxx000000): the centers that act as agent. */
export const isAgentCenter = (centerCode: string | null): boolean => centerCode !== null && /^\d{12}$/.test(centerCode) && !centerCode.endsWith("000000");

/** A village point's code (xxxxxxyyyzzz): it takes in and hands over, and has no cases of its own to work. */
export const isVillagePoint = (centerCode: string | null): boolean => isAgentCenter(centerCode) && !centerCode!.endsWith("000");

/** The areas a person with these roles, at this center, may open, in menu order. */
export function areasFor(roles: readonly string[], centerCode: string | null = null): Area[] {
  const holds = (candidates: readonly string[] | undefined) => (candidates ?? []).some((role) => roles.includes(role));
  return AREAS.filter((area) => holds(area.roles) || (isAgentCenter(centerCode) && holds(area.agentRoles)));
}

/** The area a staff path is in, or null for /staff itself and unknown paths. */
export function areaOfPath(pathname: string): Area | null {
  return AREAS.find((area) => pathname === area.path || pathname.startsWith(`${area.path}/`)) ?? null;
}
