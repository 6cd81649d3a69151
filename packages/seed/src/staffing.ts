import { seedWindows } from "./county";
import { call, callEachInput, type SeedContext } from "./load";
import { chiefRepresentativeOf, demoStaffPassword, hallOf, principalOf, seedHalls, seedLetters, seedPosts, seedStaff } from "./staffing-roster";

export { demoStaffPassword } from "./staffing-roster";

interface ExistingWindow {
  id: string;
  code: string;
  aPost: { holder: { id: string } } | null;
  bPost: { holder: { id: string } } | null;
}

interface ExistingStaff {
  id: string;
  code: string;
  account: { username: string } | null;
  authorizations: Array<{ department: { id: string }; item: { id: string } | null; acts: string[] }>;
}

const requireId = (map: Map<string, string>, code: string, what: string): string => {
  const id = map.get(code);
  if (!id) throw new Error(`Seed: no ${what} ${code}`);
  return id;
};

async function seedHallsStep(context: SeedContext): Promise<Map<string, string>> {
  const existing = await call<{ halls: Array<{ id: string; code: string }> }>(context, `query ($c: String!) { halls(centerCode: $c) { id code } }`, {
    c: context.centerCode,
  });
  const ids = new Map(existing.halls.map((h) => [h.code, h.id]));
  const missing = seedHalls.filter((h) => !ids.has(h.code));
  const created = await callEachInput<{ id: string }>(
    context,
    "createHall",
    "CreateHallInput",
    missing.map((hall) => ({ centerCode: context.centerCode, code: hall.code, name: hall.name, theme: hall.theme })),
    "{ id }",
  );
  missing.forEach((hall, index) => ids.set(hall.code, created[index].id));
  return ids;
}

async function existingWindows(context: SeedContext): Promise<ExistingWindow[]> {
  const data = await call<{ windows: ExistingWindow[] }>(
    context,
    `query ($c: String!) { windows(centerCode: $c) { id code aPost { holder { id } } bPost { holder { id } } } }`,
    { c: context.centerCode },
  );
  return data.windows;
}

async function seedWindowsStep(context: SeedContext, hallIds: Map<string, string>): Promise<void> {
  const ids = new Map((await existingWindows(context)).map((w) => [w.code, w.id]));
  const missing = seedWindows.filter((window) => !ids.has(window.code));
  const created = await callEachInput<{ id: string }>(
    context,
    "openWindow",
    "OpenWindowInput",
    missing.map((window) => ({
      centerCode: context.centerCode,
      code: window.code,
      name: window.name,
      kind: window.kind,
      departmentId: window.department ? requireId(context.departmentIds, window.department, "department") : null,
      actsForDepartmentIds: (window.actsFor ?? []).map((code) => requireId(context.departmentIds, code, "department")),
      hallId: requireId(hallIds, hallOf(window), "hall"),
    })),
    "{ id }",
  );
  missing.forEach((window, index) => ids.set(window.code, created[index].id));
  for (const window of seedWindows) context.windowIds.set(window.code, ids.get(window.code)!);
}

async function existingStaff(context: SeedContext): Promise<ExistingStaff[]> {
  const data = await call<{ staffMembers: ExistingStaff[] }>(
    context,
    `query ($c: String!) { staffMembers(centerCode: $c) { id code account { username } authorizations { department { id } item { id } acts } } }`,
    { c: context.centerCode },
  );
  return data.staffMembers;
}

async function seedStaffStep(context: SeedContext): Promise<Map<string, string>> {
  const ids = new Map((await existingStaff(context)).map((s) => [s.code, s.id]));
  const missing = seedStaff.filter((s) => !ids.has(s.code));
  const created = await callEachInput<{ id: string }>(
    context,
    "registerStaff",
    "RegisterStaffInput",
    missing.map((staff) => ({
      centerCode: context.centerCode,
      code: staff.code,
      name: staff.name,
      departmentId: staff.department ? requireId(context.departmentIds, staff.department, "department") : null,
    })),
    "{ id }",
  );
  missing.forEach((staff, index) => ids.set(staff.code, created[index].id));
  return ids;
}

/** Each department's two offices, appointed by the center: the chief representative (首席代表) and the principal (单位主要负责人). */
async function seedOfficesStep(context: SeedContext, staffIds: Map<string, string>): Promise<void> {
  const data = await call<{ departments: Array<{ id: string; code: string; chiefRepresentative: { id: string } | null; principal: { id: string } | null }> }>(
    context,
    `query ($c: String!) { departments(centerCode: $c) { id code chiefRepresentative { id } principal { id } } }`,
    { c: context.centerCode },
  );
  const chiefs: Array<{ departmentId: string; staffId: string }> = [];
  const principals: Array<{ departmentId: string; staffId: string }> = [];
  for (const department of data.departments.filter((d) => context.departmentIds.has(d.code))) {
    const chief = staffIds.get(chiefRepresentativeOf(department.code));
    if (chief && department.chiefRepresentative?.id !== chief) chiefs.push({ departmentId: department.id, staffId: chief });
    const principal = staffIds.get(principalOf(department.code));
    if (principal && department.principal?.id !== principal) principals.push({ departmentId: department.id, staffId: principal });
  }
  await callEachInput(context, "appointChiefRepresentative", "AppointChiefRepresentativeInput", chiefs, "{ id }");
  await callEachInput(context, "appointDepartmentPrincipal", "AppointDepartmentPrincipalInput", principals, "{ id }");
}

/** Every post by request and approval, as the center would; A posts first, so the mutual A/B pairs never collide. */
async function seedPostsStep(context: SeedContext, staffIds: Map<string, string>): Promise<void> {
  const windows = new Map((await existingWindows(context)).map((w) => [w.code, w]));
  const pending = await call<{ postChangeRequests: Array<{ id: string; window: { id: string }; position: string; proposedHolder: { id: string } }> }>(
    context,
    `query ($c: String!) { postChangeRequests(centerCode: $c, status: PENDING) { id window { id } position proposedHolder { id } } }`,
    { c: context.centerCode },
  );
  const ordered = [...seedPosts.filter((p) => p.position === "A"), ...seedPosts.filter((p) => p.position === "B")];
  const stale: string[] = [];
  const wanted: Array<{ requestId?: string; request: { windowId: string; position: string; staffId: string; termYears: number; reason: string } }> = [];
  for (const post of ordered) {
    const window = windows.get(post.window);
    if (!window) throw new Error(`Seed: no window ${post.window}`);
    const staffId = requireId(staffIds, post.staff, "staff");
    if ((post.position === "A" ? window.aPost : window.bPost)?.holder.id === staffId) continue;
    const requestId = pending.postChangeRequests.find((r) => r.window.id === window.id && r.position === post.position && r.proposedHolder.id === staffId)?.id;
    stale.push(...pending.postChangeRequests.filter((r) => r.window.id === window.id && r.position === post.position && r.id !== requestId).map((r) => r.id));
    wanted.push({ requestId, request: { windowId: window.id, position: post.position, staffId, termYears: post.termYears, reason: "窗口人员进驻" } });
  }
  await callEachInput(context, "rejectPostChange", "DecidePostChangeInput", stale.map((requestId) => ({ requestId, note: "由初始化数据取代" })), "{ id }");
  const toRequest = wanted.filter((post) => !post.requestId);
  const requested = await callEachInput<{ id: string }>(context, "requestPostChange", "RequestPostChangeInput", toRequest.map((post) => post.request), "{ id }");
  toRequest.forEach((post, index) => (post.requestId = requested[index].id));
  await callEachInput(context, "approvePostChange", "DecidePostChangeInput", wanted.map((post) => ({ requestId: post.requestId, note: "同意进驻" })), "{ id }");
}

async function seedLettersAndAccountsStep(context: SeedContext, staffIds: Map<string, string>): Promise<{ letters: number; accounts: number }> {
  const existing = new Map((await existingStaff(context)).map((s) => [s.code, s]));
  const grants = seedLetters.flatMap((letter) => {
    const departmentId = requireId(context.departmentIds, letter.department, "department");
    const held = existing.get(letter.staff)?.authorizations ?? [];
    const covered = held.some((l) => l.department.id === departmentId && l.item === null && letter.acts.every((act) => l.acts.includes(act)));
    return covered ? [] : [{ staffId: requireId(staffIds, letter.staff, "staff"), departmentId, acts: letter.acts }];
  });
  await callEachInput(context, "grantAuthorization", "GrantAuthorizationInput", grants, "{ id }");
  const missing = seedStaff.filter((s) => !existing.get(s.code)?.account);
  const accounts = missing.map((staff) => ({ staffId: requireId(staffIds, staff.code, "staff"), username: staff.code.toLowerCase(), password: demoStaffPassword, roles: staff.roles }));
  // Hashing is memory-hard on purpose and runs on the service's thread pool (four threads): four
  // batches side by side keep the pool busy without starving the service.
  const quarter = Math.ceil(accounts.length / 4);
  await Promise.all(
    [0, 1, 2, 3].map((part) =>
      callEachInput(context, "createStaffAccount", "CreateStaffAccountInput", accounts.slice(part * quarter, (part + 1) * quarter), "{ username }"),
    ),
  );
  return { letters: grants.length, accounts: missing.length };
}

/**
 * The hall's functional halls, 29 windows, 75 staff (46 at windows, 3 of the center's office,
 * 26 department principals), a chief representative and a principal per department, every A
 * and B post, department-wide authorization letters and a login for everyone. Runs after the departments and before the items (which enter at these
 * windows); fills `context.windowIds`. Running it again changes nothing.
 */
export async function seedStaffingStep(context: SeedContext): Promise<void> {
  const hallIds = await seedHallsStep(context);
  await seedWindowsStep(context, hallIds);
  const staffIds = await seedStaffStep(context);
  await seedOfficesStep(context, staffIds);
  await seedPostsStep(context, staffIds);
  const added = await seedLettersAndAccountsStep(context, staffIds);
  context.log?.(
    `staffing: ${seedHalls.length} halls, ${context.windowIds.size} windows, ${staffIds.size} staff, ${seedPosts.length} posts; ` +
      `${added.letters} letters and ${added.accounts} accounts added (demo password: ${demoStaffPassword})`,
  );
}
