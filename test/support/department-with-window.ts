import { mintAccessToken, type RunningSystem } from "@onestop/testkit";
import type { Data } from "./gateway-client";

interface Center {
  system: RunningSystem;
  /** The gateway client's `data`: its errors fail the test. */
  data: (token: string, query: string, variables?: Record<string, unknown>) => Promise<Data>;
  adminToken: string;
  centerCode: string;
}

/**
 * A department of the center with its resident window, a clerk (letter: ACCEPT,
 * PRE_REVIEW_PROMISED, DELIVER) and the chief representative (APPROVE), each with a token.
 */
export async function departmentWithWindow({ system, data, adminToken, centerCode }: Center, deptCode: string, name: string) {
  const { registerDepartment } = await data(adminToken, `mutation ($i: RegisterDepartmentInput!) { registerDepartment(input: $i) { id } }`, { i: { centerCode, code: deptCode, name } });
  const id = registerDepartment.id as string;
  const { openWindow } = await data(adminToken, `mutation ($i: OpenWindowInput!) { openWindow(input: $i) { id } }`, {
    i: { centerCode, code: `W-${deptCode}`, name: `${name}窗口`, kind: "RESIDENT", departmentId: id },
  });
  const { registerStaff } = await data(adminToken, `mutation ($i: RegisterStaffInput!) { registerStaff(input: $i) { id } }`, { i: { centerCode, code: `${deptCode}-01`, name: "王窗口", departmentId: id } });
  await data(adminToken, `mutation ($i: GrantAuthorizationInput!) { grantAuthorization(input: $i) { id } }`, {
    i: { staffId: registerStaff.id, departmentId: id, acts: ["ACCEPT", "PRE_REVIEW_PROMISED", "DELIVER"] },
  });
  const token = await mintAccessToken(system.keys, { subject: registerStaff.id, roles: ["window_staff"], centerCode, departmentId: id, windowId: openWindow.id });
  // 批准 belongs to whom the letter names: the chief representative, never the clerk who reviewed.
  const chief = await data(adminToken, `mutation ($i: RegisterStaffInput!) { registerStaff(input: $i) { id } }`, { i: { centerCode, code: `${deptCode}-00`, name: "李首席", departmentId: id } });
  await data(adminToken, `mutation ($i: GrantAuthorizationInput!) { grantAuthorization(input: $i) { id } }`, {
    i: { staffId: chief.registerStaff.id, departmentId: id, acts: ["APPROVE"] },
  });
  const chiefToken = await mintAccessToken(system.keys, { subject: chief.registerStaff.id, roles: ["window_staff", "chief_representative"], centerCode, departmentId: id, windowId: openWindow.id });
  return { id, token, chiefToken };
}
