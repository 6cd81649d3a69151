import { eventually, mintAccessToken, type KeyFiles } from "@onestop/testkit";
import type { Data } from "./gateway-client";

type DataFn = (token: string, query: string, variables?: Record<string, unknown>) => Promise<Data>;

export interface HallWindowFixture {
  departmentId: string;
  windowId: string;
  code: string;
  aStaffId: string;
  bStaffId: string;
  /** Tokens of the A and the B post holder (window_staff, signed for the window). */
  aToken: string;
  bToken: string;
}

/**
 * A department of the hall with its A/B window, both posts filled (the center approved them),
 * and the two clerks' tokens; waits until the hall's replica heard of the window and its posts.
 */
export async function hallWindow(
  { keys, data, adminToken, centerCode }: { keys: KeyFiles; data: DataFn; adminToken: string; centerCode: string },
  deptCode: string,
  name: string,
): Promise<HallWindowFixture> {
  const { registerDepartment } = await data(adminToken, `mutation ($i: RegisterDepartmentInput!) { registerDepartment(input: $i) { id } }`, { i: { centerCode, code: deptCode, name } });
  const departmentId = registerDepartment.id as string;
  const code = `W-${deptCode}`;
  const { openWindow } = await data(adminToken, `mutation ($i: OpenWindowInput!) { openWindow(input: $i) { id } }`, {
    i: { centerCode, code, name: `${name}窗口`, kind: "AB", departmentId },
  });
  const windowId = openWindow.id as string;
  const register = async (staffCode: string, staffName: string) =>
    (await data(adminToken, `mutation ($i: RegisterStaffInput!) { registerStaff(input: $i) { id } }`, { i: { centerCode, code: staffCode, name: staffName, departmentId } })).registerStaff.id as string;
  const aStaffId = await register(`${deptCode}-01`, "王甲");
  const bStaffId = await register(`${deptCode}-02`, "李乙");
  for (const [position, staffId] of [["A", aStaffId], ["B", bStaffId]] as const) {
    const { requestPostChange } = await data(adminToken, `mutation ($i: RequestPostChangeInput!) { requestPostChange(input: $i) { id } }`, { i: { windowId, position, staffId, termYears: 1, reason: "进驻" } });
    await data(adminToken, `mutation ($i: DecidePostChangeInput!) { approvePostChange(input: $i) { id } }`, { i: { requestId: requestPostChange.id } });
  }
  const token = (subject: string) => mintAccessToken(keys, { subject, roles: ["window_staff"], centerCode, departmentId, windowId });
  const aToken = await token(aStaffId);
  const bToken = await token(bStaffId);
  await eventually(async () => {
    const { windowQueue } = await data(aToken, `query ($w: ID!) { windowQueue(windowId: $w) { onDuty { id } } }`, { w: windowId }).catch(() => ({ windowQueue: null }));
    return windowQueue?.onDuty?.id === aStaffId ? true : null;
  }, 20_000);
  return { departmentId, windowId, code, aStaffId, bStaffId, aToken, bToken };
}
