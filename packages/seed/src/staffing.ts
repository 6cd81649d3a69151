import { seedWindows } from "./county";
import { call, type SeedContext } from "./load";
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
  for (const hall of seedHalls.filter((h) => !ids.has(h.code))) {
    const created = await call<{ createHall: { id: string } }>(context, `mutation ($i: CreateHallInput!) { createHall(input: $i) { id } }`, {
      i: { centerCode: context.centerCode, code: hall.code, name: hall.name, theme: hall.theme },
    });
    ids.set(hall.code, created.createHall.id);
  }
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
  for (const window of seedWindows) {
    let id = ids.get(window.code);
    if (!id) {
      const created = await call<{ openWindow: { id: string } }>(context, `mutation ($i: OpenWindowInput!) { openWindow(input: $i) { id } }`, {
        i: {
          centerCode: context.centerCode,
          code: window.code,
          name: window.name,
          kind: window.kind,
          departmentId: window.department ? requireId(context.departmentIds, window.department, "department") : null,
          actsForDepartmentIds: (window.actsFor ?? []).map((code) => requireId(context.departmentIds, code, "department")),
          hallId: requireId(hallIds, hallOf(window), "hall"),
        },
      });
      id = created.openWindow.id;
    }
    context.windowIds.set(window.code, id);
  }
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
  for (const staff of seedStaff.filter((s) => !ids.has(s.code))) {
    const created = await call<{ registerStaff: { id: string } }>(context, `mutation ($i: RegisterStaffInput!) { registerStaff(input: $i) { id } }`, {
      i: {
        centerCode: context.centerCode,
        code: staff.code,
        name: staff.name,
        departmentId: staff.department ? requireId(context.departmentIds, staff.department, "department") : null,
      },
    });
    ids.set(staff.code, created.registerStaff.id);
  }
  return ids;
}

/** Each department's two offices, appointed by the center: the chief representative (首席代表) and the principal (单位主要负责人). */
async function seedOfficesStep(context: SeedContext, staffIds: Map<string, string>): Promise<void> {
  const data = await call<{ departments: Array<{ id: string; code: string; chiefRepresentative: { id: string } | null; principal: { id: string } | null }> }>(
    context,
    `query ($c: String!) { departments(centerCode: $c) { id code chiefRepresentative { id } principal { id } } }`,
    { c: context.centerCode },
  );
  for (const department of data.departments.filter((d) => context.departmentIds.has(d.code))) {
    const chief = staffIds.get(chiefRepresentativeOf(department.code));
    if (chief && department.chiefRepresentative?.id !== chief) {
      await call(context, `mutation ($i: AppointChiefRepresentativeInput!) { appointChiefRepresentative(input: $i) { id } }`, {
        i: { departmentId: department.id, staffId: chief },
      });
    }
    const principal = staffIds.get(principalOf(department.code));
    if (principal && department.principal?.id !== principal) {
      await call(context, `mutation ($i: AppointDepartmentPrincipalInput!) { appointDepartmentPrincipal(input: $i) { id } }`, {
        i: { departmentId: department.id, staffId: principal },
      });
    }
  }
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
  for (const post of ordered) {
    const window = windows.get(post.window);
    if (!window) throw new Error(`Seed: no window ${post.window}`);
    const staffId = requireId(staffIds, post.staff, "staff");
    if ((post.position === "A" ? window.aPost : window.bPost)?.holder.id === staffId) continue;
    let requestId = pending.postChangeRequests.find((r) => r.window.id === window.id && r.position === post.position && r.proposedHolder.id === staffId)?.id;
    for (const stale of pending.postChangeRequests.filter((r) => r.window.id === window.id && r.position === post.position && r.id !== requestId)) {
      await call(context, `mutation ($i: DecidePostChangeInput!) { rejectPostChange(input: $i) { id } }`, { i: { requestId: stale.id, note: "由初始化数据取代" } });
    }
    if (!requestId) {
      const requested = await call<{ requestPostChange: { id: string } }>(
        context,
        `mutation ($i: RequestPostChangeInput!) { requestPostChange(input: $i) { id } }`,
        { i: { windowId: window.id, position: post.position, staffId, termYears: post.termYears, reason: "窗口人员进驻" } },
      );
      requestId = requested.requestPostChange.id;
    }
    await call(context, `mutation ($i: DecidePostChangeInput!) { approvePostChange(input: $i) { id } }`, { i: { requestId, note: "同意进驻" } });
  }
}

async function seedLettersAndAccountsStep(context: SeedContext, staffIds: Map<string, string>): Promise<{ letters: number; accounts: number }> {
  const existing = new Map((await existingStaff(context)).map((s) => [s.code, s]));
  let letters = 0;
  for (const letter of seedLetters) {
    const departmentId = requireId(context.departmentIds, letter.department, "department");
    const held = existing.get(letter.staff)?.authorizations ?? [];
    const covered = held.some((l) => l.department.id === departmentId && l.item === null && letter.acts.every((act) => l.acts.includes(act)));
    if (covered) continue;
    await call(context, `mutation ($i: GrantAuthorizationInput!) { grantAuthorization(input: $i) { id } }`, {
      i: { staffId: requireId(staffIds, letter.staff, "staff"), departmentId, acts: letter.acts },
    });
    letters += 1;
  }
  const missing = seedStaff.filter((s) => !existing.get(s.code)?.account);
  // Hashing is memory-hard on purpose; a few at a time keep the seed quick without starving the service.
  for (let i = 0; i < missing.length; i += 4) {
    await Promise.all(
      missing.slice(i, i + 4).map((staff) =>
        call(context, `mutation ($i: CreateStaffAccountInput!) { createStaffAccount(input: $i) { username } }`, {
          i: { staffId: requireId(staffIds, staff.code, "staff"), username: staff.code.toLowerCase(), password: demoStaffPassword, roles: staff.roles },
        }),
      ),
    );
  }
  return { letters, accounts: missing.length };
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
