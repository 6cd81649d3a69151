import { randomUUID } from "node:crypto";
import { decodeJwt } from "jose";
import { demoCenter, seedCounty, seedSteps, type SeedContext } from "@onestop/seed";
import { seedDepartments } from "../../packages/seed/src/county";
import { eventually, graphql, mintAccessToken, resetEnvironment, startSystem, type RunningSystem } from "@onestop/testkit";
import { seedItemsStep } from "../../packages/seed/src/items";
import { seedStaffingStep } from "../../packages/seed/src/staffing";
import { demoStaffPassword, seedStaff } from "../../packages/seed/src/staffing-roster";
import { testEnvironment } from "../support/environment";
import { withChallengeWhenAsked } from "../support/challenge";

const environment = testEnvironment("e2e_staffing");
const CENTER = demoCenter.centerCode;
let system: RunningSystem;
let adminToken: string;
let seeded: SeedContext;
const seedLog: string[] = [];

const LOGIN = `mutation ($i: LoginInput!) { login(input: $i) { accessToken tokenType expiresAt roles staff { code } } }`;

async function asAdmin<T>(query: string, variables: Record<string, unknown> = {}) {
  const result = await graphql<T>(system.gatewayUrl, query, variables, { token: adminToken });
  expect(result.errors).toBeUndefined();
  return result.data!;
}

/** Signs in as the portal does: after a failure of the name or this client, with a solved challenge. */
function login(username: string, password: string) {
  return withChallengeWhenAsked(system.gatewayUrl, "signInChallenge", (challenge) =>
    graphql<{ login: { accessToken: string; tokenType: string; expiresAt: string; roles: string[]; staff: { code: string } } }>(system.gatewayUrl, LOGIN, {
      i: { username, password, challenge },
    }),
  );
}

beforeAll(async () => {
  await resetEnvironment(environment);
  system = await startSystem(environment);
  adminToken = await mintAccessToken(system.keys, { subject: "seed-admin", roles: ["center_admin"], centerCode: CENTER });
  seeded = await seedCounty({ gatewayUrl: system.gatewayUrl, adminToken, log: (line) => seedLog.push(line) }, [
    seedSteps.departments,
    seedStaffingStep,
    seedItemsStep,
  ]);
}, 180_000);

afterAll(async () => {
  await system?.stop();
});

describe("the demonstration county's hall, seeded through the gateway", () => {
  test("29 windows (26 of single departments, 3 comprehensive), every A and B post filled by two different people", async () => {
    expect(seeded.windowIds.size).toBe(29);
    const { windows } = await asAdmin<{ windows: Array<{ id: string; code: string; kind: string; hall: { theme: string }; aPost: { holder: { id: string } }; bPost: { holder: { id: string } } }> }>(
      `query ($c: String!) { windows(centerCode: $c) { id code kind hall { theme } aPost { holder { id } } bPost { holder { id } } } }`,
      { c: CENTER },
    );
    expect(windows).toHaveLength(29);
    expect(windows.filter((w) => w.kind === "COMPREHENSIVE").map((w) => w.code)).toEqual(["ZH-01", "ZH-02", "ZH-03"]);
    expect(windows.filter((w) => w.kind === "AB")).toHaveLength(12);
    expect(new Set(windows.map((w) => w.hall.theme))).toEqual(new Set(["ENTERPRISE_REGISTRATION", "CONSTRUCTION_PROJECTS", "SOCIAL_AFFAIRS", "GENERAL"]));
    for (const window of windows) expect(window.aPost.holder.id).not.toBe(window.bPost.holder.id);
    expect(new Set(windows.map((w) => w.aPost.holder.id)).size).toBe(29);
    expect(Object.fromEntries(windows.map((w) => [w.code, w.id]))).toEqual(Object.fromEntries(seeded.windowIds));
  });

  test("46 window staff, 3 of the center's office, 26 principals and the development bureau's project officer; a chief representative and a principal per department; letters for everyone at a window", async () => {
    type Member = { code: string; department: { code: string } | null; isChiefRepresentative: boolean; isDepartmentPrincipal: boolean; authorizations: Array<{ acts: string[]; department: { code: string } }> };
    const { staffMembers } = await asAdmin<{ staffMembers: Member[] }>(
      `query ($c: String!) { staffMembers(centerCode: $c) { code department { code } isChiefRepresentative isDepartmentPrincipal authorizations { acts department { code } } } }`,
      { c: CENTER },
    );
    expect(staffMembers).toHaveLength(76);
    const principals = staffMembers.filter((s) => s.isDepartmentPrincipal);
    expect(principals.map((s) => s.code).sort()).toEqual(seedDepartments.map((d) => `${d.code}-00`).sort());
    // 单位主要负责人: of the department, at no window, without letters: the veto is the office's.
    for (const principal of principals) expect(principal).toMatchObject({ department: { code: principal.code.slice(0, -3) }, isChiefRepresentative: false, authorizations: [] });
    // 发改局's project officer opens joint approvals; no window, no letter.
    expect(staffMembers.find((s) => s.code === "FGJ-XM-01")).toMatchObject({ department: { code: "FGJ" }, isChiefRepresentative: false, isDepartmentPrincipal: false, authorizations: [] });
    const windowStaff = staffMembers.filter((s) => s.department && !s.isDepartmentPrincipal && s.code !== "FGJ-XM-01");
    expect(windowStaff).toHaveLength(46);
    expect(staffMembers.filter((s) => s.isChiefRepresentative)).toHaveLength(26);
    const clerkActs = ["ACCEPT", "DECIDE_INSTANT", "PRE_REVIEW_PROMISED", "PRE_REVIEW_JOINT", "PRE_REVIEW_REPORTED", "DELIVER", "CANCEL_FEE_NOTICE", "REISSUE_FEE_NOTICE", "REQUEST_FEE_REDUCTION", "REQUEST_FEE_REFUND"];
    const chiefActs = [...clerkActs, "APPROVE", "RECORD_HIGHER_AUTHORITY_RESULT", "APPROVE_EXTENSION"];
    for (const staff of windowStaff) {
      const home = staff.authorizations.filter((l) => l.department.code === staff.department!.code);
      expect(home.map((l) => [...l.acts].sort())).toEqual([[...(staff.isChiefRepresentative ? chiefActs : clerkActs)].sort()]);
    }
    const qxj = staffMembers.find((s) => s.code === "QXJ-01")!;
    expect(qxj.authorizations.map((l) => l.department.code).sort()).toEqual(["QXJ", "SFJ"]);
    // At the comprehensive window QXJ-01 acts for SFJ as a clerk: the approval is SFJ's own chief's.
    expect([...qxj.authorizations.find((l) => l.department.code === "SFJ")!.acts].sort()).toEqual([...clerkActs].sort());
  });

  test("seeding again changes nothing", async () => {
    const requestsBefore = await asAdmin<{ postChangeRequests: unknown[] }>(`query ($c: String!) { postChangeRequests(centerCode: $c) { id } }`, { c: CENTER });
    const again = await seedCounty({ gatewayUrl: system.gatewayUrl, adminToken, log: (line) => seedLog.push(line) }, [seedSteps.departments, seedStaffingStep]);
    expect(Object.fromEntries(again.windowIds)).toEqual(Object.fromEntries(seeded.windowIds));
    expect(seedLog.at(-1)).toContain("0 letters and 0 accounts added");
    const requestsAfter = await asAdmin<{ postChangeRequests: unknown[] }>(`query ($c: String!) { postChangeRequests(centerCode: $c) { id } }`, { c: CENTER });
    expect(requestsAfter.postChangeRequests).toHaveLength(requestsBefore.postChangeRequests.length);
    expect(requestsBefore.postChangeRequests).toHaveLength(58);
  });

  test("who is on duty at every window, through the gateway", async () => {
    const { dutyRoster } = await asAdmin<{ dutyRoster: Array<{ window: { code: string }; status: string; onDuty: { code: string } }> }>(
      `query ($c: String!) { dutyRoster(centerCode: $c) { window { code } status onDuty { code } } }`,
      { c: CENTER },
    );
    expect(dutyRoster).toHaveLength(29);
    expect(new Set(dutyRoster.map((d) => d.status))).toEqual(new Set(["A_ON_DUTY"]));
    expect(dutyRoster.find((d) => d.window.code === "W-ZJJ-2")!.onDuty.code).toBe("ZJJ-02");
  });
});

describe("staff login (登录)", () => {
  test("a seeded chief representative signs in; the token carries staff, center, department, window and roles, and the gateway accepts it", async () => {
    const result = await login("ZJJ-01", demoStaffPassword);
    expect(result.errors).toBeUndefined();
    const { accessToken, tokenType, roles, staff } = result.data!.login;
    expect({ tokenType, roles, staff }).toEqual({ tokenType: "Bearer", roles: ["window_staff", "chief_representative"], staff: { code: "ZJJ-01" } });
    const claims = decodeJwt(accessToken);
    expect(claims).toMatchObject({ iss: "onestop", aud: "onestop-gateway", center: CENTER, dept: seeded.departmentIds.get("ZJJ"), win: seeded.windowIds.get("W-ZJJ-1") });
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(900);
    const me = await graphql<{ me: { code: string; posts: Array<{ position: string; window: { code: string } }> } }>(
      system.gatewayUrl,
      `query { me { code posts { position window { code } } } }`,
      {},
      { token: accessToken },
    );
    expect(me.errors).toBeUndefined();
    expect(me.data!.me.posts.map((p) => `${p.position}@${p.window.code}`).sort()).toEqual(["A@W-ZJJ-1", "B@W-ZJJ-2"]);
  });

  test("a seeded department principal signs in with the role department_principal, the department and no window", async () => {
    const { data, errors } = await login("zjj-00", demoStaffPassword);
    expect(errors).toBeUndefined();
    expect(data!.login).toMatchObject({ roles: ["department_principal"], staff: { code: "ZJJ-00" } });
    expect(decodeJwt(data!.login.accessToken)).toMatchObject({ roles: ["department_principal"], dept: seeded.departmentIds.get("ZJJ"), win: null, center: CENTER });
  });

  test("the center's administrator signs in with the center_admin role and no department", async () => {
    const { data } = await login("zx-gl-01", demoStaffPassword);
    expect(data!.login.roles).toEqual(["center_admin"]);
    expect(decodeJwt(data!.login.accessToken)).toMatchObject({ roles: ["center_admin"], dept: null, win: null, center: CENTER });
  });

  test("unknown name and wrong password look the same; five failures lock the account until the center resets it", async () => {
    const unknown = await login("nobody-here", demoStaffPassword);
    const wrong = await login("gaj-01", "not-the-password-1");
    expect([unknown.errors?.[0].extensions?.code, wrong.errors?.[0].extensions?.code]).toEqual(["INVALID_CREDENTIALS", "INVALID_CREDENTIALS"]);
    expect(unknown.errors?.[0].message).toBe(wrong.errors?.[0].message);
    for (let i = 0; i < 4; i += 1) expect((await login("gaj-01", `wrong-password-${i}`)).errors?.[0].extensions?.code).toBe("INVALID_CREDENTIALS");
    const locked = await login("gaj-01", demoStaffPassword);
    expect(locked.errors?.[0].extensions?.code).toBe("ACCOUNT_LOCKED");
    expect(locked.data).toBeNull();
    const staffId = (await asAdmin<{ staffMembers: Array<{ id: string; code: string }> }>(`query ($c: String!) { staffMembers(centerCode: $c) { id code } }`, { c: CENTER })).staffMembers.find(
      (s) => s.code === "GAJ-01",
    )!.id;
    const account = await asAdmin<{ staff: { account: { lockedUntil: string | null } } }>(`query ($id: ID!) { staff(id: $id) { account { lockedUntil } } }`, { id: staffId });
    expect(account.staff.account.lockedUntil).not.toBeNull();
    await asAdmin(`mutation ($i: ResetStaffPasswordInput!) { resetStaffPassword(input: $i) { username } }`, { i: { staffId, password: "Reset2026hall" } });
    expect((await login("gaj-01", "Reset2026hall")).data?.login.staff.code).toBe("GAJ-01");
  });

  test("every seeded person can sign in with the documented demo password", async () => {
    const sample = [seedStaff[0], seedStaff[17], seedStaff[45], seedStaff[47]];
    for (const staff of sample) expect((await login(staff.code.toLowerCase(), demoStaffPassword)).data?.login.staff.code).toBe(staff.code);
  });
});

describe("across the services", () => {
  interface CatalogItem {
    id: string;
    kind: string;
    department: { code: string };
    entry: { status: string; window: { id: string; code: string } | null } | null;
  }

  async function zjjPromisedItem(): Promise<CatalogItem> {
    const { items } = await asAdmin<{ items: CatalogItem[] }>(
      `query ($c: String!) { items(centerCode: $c) { id kind department { code } entry { status window { id code } } } }`,
      { c: CENTER },
    );
    const item = items.find((i) => i.department.code === "ZJJ" && i.kind === "PROMISED" && i.entry?.window);
    if (!item) throw new Error("the seed catalog has no entered promised item of ZJJ");
    return item;
  }

  test("catalog entered the items at the windows staffing published; a new case goes to the entry window's on-duty A", async () => {
    const item = await zjjPromisedItem();
    const windowCode = item.entry!.window!.code;
    expect(seeded.windowIds.get(windowCode)).toBe(item.entry!.window!.id);
    const { window } = await asAdmin<{ window: { aPost: { holder: { code: string } } } }>(`query ($id: ID!) { window(id: $id) { aPost { holder { code } } } }`, {
      id: item.entry!.window!.id,
    });
    const assignment = await eventually(async () => {
      const result = await graphql<{ caseAssignment: { assigned: boolean; route: string; window: { code: string }; staff: { code: string } } }>(
        system.gatewayUrl,
        `query ($i: CaseAssignmentInput!) { caseAssignment(input: $i) { assigned route window { code } staff { code } } }`,
        { i: { itemId: item.id } },
        { token: adminToken },
      );
      return result.data?.caseAssignment.route === "ENTRY_WINDOW" ? result.data.caseAssignment : null;
    }, 20_000);
    expect(assignment).toEqual({ assigned: true, route: "ENTRY_WINDOW", window: { code: windowCode }, staff: { code: window.aPost.holder.code } });
  });

  test("a signed-in window staff member accepts a case under their letter, Case.handler resolves in staffing, and after revocation cases refuses the next act", async () => {
    const item = await zjjPromisedItem();
    const citizen = await mintAccessToken(system.keys, { subject: "citizen-e2e-staffing", roles: ["citizen"] });
    const submit = (idempotencyKey = randomUUID()) =>
      eventually(async () => {
        const result = await graphql<{ submitCase: { id: string } }>(
          system.gatewayUrl,
          `mutation ($i: SubmitCaseInput!) { submitCase(input: $i) { id } }`,
          { i: { itemId: item.id, applicantName: "张三", applicantIdNumber: "11010519491231002X", idempotencyKey } },
          { token: citizen },
        );
        return result.errors?.[0]?.extensions?.code === "UNKNOWN_ITEM" ? null : result;
      });
    const [first, second] = [await submit(), await submit()];
    expect(first.errors).toBeUndefined();
    const staffLogin = await login("zjj-02", demoStaffPassword);
    const token = staffLogin.data!.login.accessToken;
    const accept = (caseId: string) => graphql(system.gatewayUrl, `mutation ($id: ID!) { acceptCase(caseId: $id) { id status } }`, { id: caseId }, { token });
    const accepted = await eventually(async () => {
      const result = await accept(first.data!.submitCase.id);
      return result.errors?.[0]?.extensions?.code === "NOT_AUTHORIZED" ? null : result;
    }, 20_000);
    expect(accepted.errors).toBeUndefined();
    const view = await asAdmin<{ case: { handler: { code: string; name: string; department: { code: string } } } }>(
      `query ($id: ID!) { case(id: $id) { handler { code name department { code } } } }`,
      { id: first.data!.submitCase.id },
    );
    expect(view.case.handler).toEqual({ code: "ZJJ-02", name: seedStaff.find((s) => s.code === "ZJJ-02")!.name, department: { code: "ZJJ" } });

    const { staffMembers } = await asAdmin<{ staffMembers: Array<{ code: string; authorizations: Array<{ id: string }> }> }>(
      `query ($c: String!) { staffMembers(centerCode: $c) { code authorizations { id } } }`,
      { c: CENTER },
    );
    // Revoked while cases hears nothing from staffing (its consumers stopped): the next act is refused at once (issue 15, point 3).
    await system.subgraphs.cases.consumers.stop();
    try {
      for (const letter of staffMembers.find((s) => s.code === "ZJJ-02")!.authorizations) {
        await asAdmin(`mutation ($i: RevokeAuthorizationInput!) { revokeAuthorization(input: $i) { id } }`, { i: { letterId: letter.id, reason: "调离窗口" } });
      }
      const refused = await accept(second.data!.submitCase.id);
      expect(refused.errors?.[0]?.extensions?.code).toBe("NOT_AUTHORIZED");
      expect(refused.data).toBeNull();
    } finally {
      await system.subgraphs.cases.consumers.start();
    }
  });
});
