import { randomUUID } from "node:crypto";
import { decodeJwt } from "jose";
import { applicantKey, type Identity } from "@onestop/platform";
import { eventually, graphql, resetEnvironment, startSystem, type RunningSystem } from "@onestop/testkit";
import { buildJointCounty, errorOf, gatewayCaller, ok, type Call, type JointCounty } from "../../services/parallel-approval/test/support/joint-county";
import { testEnvironment } from "../support/environment";
import { solvedChallenge, withChallengeWhenAsked } from "../support/challenge";
import { graphqlFrom } from "../support/from-address";

/**
 * Who can call (issue 8 point 1): citizens and enterprises register and sign in, see only their
 * own cases; refresh tokens rotate and a reused one ends the sign-in; the bank signs in as a
 * machine client with its own credentials. Everything through the gateway.
 */

jest.setTimeout(120_000);

const environment = testEnvironment("e2e_accounts");
const CENTER = "330110000000";
const PASSWORD = "citizen-pass-2026";

let system: RunningSystem;
let call: Call;
let county: JointCounty;

const REGISTER = `mutation ($i: RegisterCitizenInput!) { registerCitizen(input: $i) { id kind name idNumber phone } }`;
const LOGIN = `mutation ($i: LoginCitizenInput!) { loginCitizen(input: $i) { accessToken tokenType expiresAt refreshToken refreshExpiresAt account { id kind name idNumber phone } } }`;
const REFRESH = `mutation ($t: String!) { refreshAccessToken(refreshToken: $t) { accessToken refreshToken refreshExpiresAt } }`;

interface CitizenAccount {
  id: string;
  kind: string;
  name: string;
  idNumber: string;
  phone: string;
}
interface Login {
  accessToken: string;
  tokenType: string;
  expiresAt: string;
  refreshToken: string;
  refreshExpiresAt: string;
  account: CitizenAccount;
}

/** A valid resident ID number (MOD 11-2 check character) with the given 3-digit sequence. */
function residentId(sequence: number): string {
  const body = `11010519800101${String(sequence).padStart(3, "0")}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((total, weight, i) => total + weight * Number(body[i]), 0);
  return body + "10X98765432"[sum % 11];
}

const anonymous = <T>(query: string, variables: Record<string, unknown>) => graphql<T>(system.gatewayUrl, query, variables);
const withToken = <T>(token: string, query: string, variables: Record<string, unknown> = {}) => graphql<T>(system.gatewayUrl, query, variables, { token });
const register = (input: Record<string, unknown>) => anonymous<{ registerCitizen: CitizenAccount }>(REGISTER, { i: input });
/** Signs in as the portal does: after a failure of the number or this client, with a solved challenge. */
const login = (idNumber: string, password = PASSWORD) =>
  withChallengeWhenAsked(system.gatewayUrl, "signInChallenge", (challenge) => anonymous<{ loginCitizen: Login }>(LOGIN, { i: { idNumber, password, challenge } }));
const refresh = (token: string) => anonymous<{ refreshAccessToken: { accessToken: string; refreshToken: string } }>(REFRESH, { t: token });
const codeOf = (response: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) => response.errors?.[0]?.extensions?.code;

async function registeredCitizen(sequence: number, name = "王小明"): Promise<{ idNumber: string; login: Login }> {
  const idNumber = residentId(sequence);
  ok(await register({ name, idNumber, phone: "13800138000", password: PASSWORD }));
  return { idNumber, login: ok(await login(idNumber)).loginCitizen };
}

beforeAll(async () => {
  await resetEnvironment(environment);
  system = await startSystem(environment);
  call = gatewayCaller(() => system.gatewayUrl, system.keys);
  county = await buildJointCounty(call, {
    centerCode: CENTER,
    departments: [
      { code: "FGJ", name: "发展和改革局" },
      { code: "ZJJ", name: "住房和城乡建设局" },
    ],
    items: [{ key: "a", department: "ZJJ", name: "建设工程规划许可证核发", kind: "PROMISED", promisedLimitDays: 7, feeFen: 5000 }],
    leadDepartment: "FGJ",
  });
  // The department's clerk may accept the item, so an accepted case gives a payment notice.
  ok(
    await call("staffing", county.admin, `mutation ($i: GrantAuthorizationInput!) { grantAuthorization(input: $i) { id } }`, {
      i: { staffId: county.departments.ZJJ!.clerk.subject, departmentId: county.departments.ZJJ!.id, itemId: county.items.a!.id, acts: ["ACCEPT"] },
    }),
  );
}, 150_000);

afterAll(async () => {
  await system?.stop();
});

const SUBMIT = `mutation ($i: SubmitCaseInput!) { submitCase(input: $i) { id receiptNo } }`;

async function submitAs(token: string, idNumber: string): Promise<{ id: string; receiptNo: string }> {
  const idempotencyKey = randomUUID();
  return eventually(async () => {
    const result = await withToken<{ submitCase: { id: string; receiptNo: string } }>(token, SUBMIT, {
      i: { itemId: county.items.a!.id, applicantName: "王小明", applicantIdNumber: idNumber, idempotencyKey },
    });
    return codeOf(result) === "UNKNOWN_ITEM" ? null : ok(result).submitCase;
  }, 20_000);
}

describe("citizens register and sign in (群众注册登录)", () => {
  test("register, sign in, submit a case and see it; another citizen sees nothing of it", async () => {
    const idNumber = residentId(11);
    const registered = ok(await register({ name: "王小明", idNumber, phone: "13800138001", password: PASSWORD })).registerCitizen;
    // The anonymous caller who registered has not proved anything yet: masked.
    expect(registered).toMatchObject({ kind: "PERSON", name: "王小明", idNumber: `110105********${idNumber.slice(-4)}`, phone: "138****8001" });
    const { loginCitizen } = ok(await login(idNumber));
    // The holder sees the ID number; the phone only masked (notifications alone keeps it whole).
    expect(loginCitizen.account).toEqual({ id: registered.id, kind: "PERSON", name: "王小明", idNumber, phone: "138****8001" });
    // The applicant key of the verified number binds the account to what is opened for that number.
    expect(decodeJwt(loginCitizen.accessToken)).toMatchObject({ sub: registered.id, roles: ["citizen"], aud: "onestop-gateway", apk: applicantKey("PERSON", idNumber) });
    expect(loginCitizen.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const submitted = await submitAs(loginCitizen.accessToken, idNumber);
    const mine = ok(await withToken<{ myCases: Array<{ id: string }> }>(loginCitizen.accessToken, `query { myCases { id } }`)).myCases;
    expect(mine.map((c) => c.id)).toEqual([submitted.id]);
    const own = await withToken<{ case: { id: string } | null }>(loginCitizen.accessToken, `query ($id: ID!) { case(id: $id) { id } }`, { id: submitted.id });
    expect(own.data?.case?.id).toBe(submitted.id);

    const other = await registeredCitizen(12, "李四");
    expect(ok(await withToken<{ myCases: unknown[] }>(other.login.accessToken, `query { myCases { id } }`)).myCases).toEqual([]);
    const theirs = await withToken<{ case: { id: string } | null }>(other.login.accessToken, `query ($id: ID!) { case(id: $id) { id } }`, { id: submitted.id });
    expect(theirs.data?.case ?? null).toBeNull();
    const me = ok(await withToken<{ myCitizenAccount: CitizenAccount }>(other.login.accessToken, `query { myCitizenAccount { name idNumber } }`));
    expect(me.myCitizenAccount).toEqual({ name: "李四", idNumber: other.idNumber });
  });

  test("an enterprise registers with its unified social credit code", async () => {
    const { registerCitizen } = ok(await register({ name: "某某饲料有限公司", idNumber: "91350100m000100y43", phone: "13900139000", password: PASSWORD }));
    expect(registerCitizen.kind).toBe("ENTERPRISE");
    const { loginCitizen } = ok(await login("91350100M000100Y43"));
    expect(loginCitizen.account.idNumber).toBe("91350100M000100Y43");
    // A refreshed token carries the key as well.
    const refreshed = ok(await refresh(loginCitizen.refreshToken)).refreshAccessToken;
    expect(decodeJwt(refreshed.accessToken).apk).toBe(applicantKey("ENTERPRISE", "91350100M000100Y43"));
  });

  test("one account per ID number, also when ten registrations race", async () => {
    const idNumber = residentId(21);
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => register({ name: `并发${i}`, idNumber, phone: "13800138002", password: PASSWORD })));
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.filter((r) => codeOf(r) === "CITIZEN_ALREADY_REGISTERED").length).toBe(9);
    const again = await register({ name: "再来", idNumber, phone: "13800138002", password: PASSWORD });
    expect(codeOf(again)).toBe("CITIZEN_ALREADY_REGISTERED");
    const winner = results.find((r) => !r.errors)!.data!.registerCitizen;
    expect(ok(await login(idNumber)).loginCitizen.account.name).toBe(winner.name);
  });

  test("bad input is refused and writes nothing: wrong check character, weak passwords", async () => {
    const good = residentId(31);
    const wrongCheck = good.slice(0, 17) + (good[17] === "1" ? "2" : "1");
    expect(codeOf(await register({ name: "甲", idNumber: wrongCheck, phone: "13800138003", password: PASSWORD }))).toBe("BAD_USER_INPUT");
    expect(codeOf(await register({ name: "甲", idNumber: good, phone: "13800138003", password: "1234567890" }))).toBe("BAD_USER_INPUT");
    expect(codeOf(await register({ name: "甲", idNumber: good, phone: "13800138003", password: "abc123" }))).toBe("BAD_USER_INPUT");
    expect(codeOf(await login(good))).toBe("INVALID_CREDENTIALS");
    expect(ok(await register({ name: "甲", idNumber: good, phone: "13800138003", password: PASSWORD })).registerCitizen.name).toBe("甲");
  });

  test("injection strings in the name are stored inert and read back unchanged", async () => {
    for (const [i, name] of ["'; DROP TABLE staff; --", "<script>alert(1)</script>"].entries()) {
      const { login: session } = await registeredCitizen(41 + i, name);
      expect(session.account.name).toBe(name);
      expect(ok(await withToken<{ myCitizenAccount: { name: string } }>(session.accessToken, `query { myCitizenAccount { name } }`)).myCitizenAccount.name).toBe(name);
    }
    // The staff table is still there.
    expect(ok(await call<{ staffMembers: unknown[] }>("staffing", county.admin, `query ($c: String!) { staffMembers(centerCode: $c) { id } }`, { c: CENTER })).staffMembers.length).toBeGreaterThan(0);
  });

  test("wrong passwords lock the account: five in a row, then even the right one is refused", async () => {
    const { idNumber } = await registeredCitizen(51);
    for (let i = 0; i < 5; i += 1) expect(codeOf(await login(idNumber, `wrong-password-${i}`))).toBe("INVALID_CREDENTIALS");
    expect(codeOf(await login(idNumber))).toBe("ACCOUNT_LOCKED");
  });
});

describe("refresh tokens (刷新令牌)", () => {
  test("a refresh token gives a new pair once; presented again it ends the whole sign-in", async () => {
    const { login: session } = await registeredCitizen(61);
    const first = ok(await refresh(session.refreshToken)).refreshAccessToken;
    expect(first.refreshToken).not.toBe(session.refreshToken);
    expect(decodeJwt(first.accessToken).sub).toBe(session.account.id);
    const second = ok(await refresh(first.refreshToken)).refreshAccessToken;
    // The first token again: copied by someone. The family goes, the newest token with it.
    expect(codeOf(await refresh(session.refreshToken))).toBe("REFRESH_TOKEN_REUSED");
    expect(codeOf(await refresh(second.refreshToken))).toBe("INVALID_REFRESH_TOKEN");
  });

  test("of two exchanges of the same token at once, one rotates and the other revokes the family", async () => {
    const { login: session } = await registeredCitizen(62);
    const results = await Promise.all([refresh(session.refreshToken), refresh(session.refreshToken)]);
    expect(results.map(codeOf).sort()).toEqual(["REFRESH_TOKEN_REUSED", undefined].sort());
    const winner = results.find((r) => !r.errors)!.data!.refreshAccessToken;
    expect(codeOf(await refresh(winner.refreshToken))).toBe("INVALID_REFRESH_TOKEN");
  });

  test("logout ends the sign-in; unknown tokens are refused", async () => {
    const { login: session } = await registeredCitizen(63);
    expect(ok(await anonymous<{ logout: boolean }>(`mutation ($t: String!) { logout(refreshToken: $t) }`, { t: session.refreshToken })).logout).toBe(true);
    expect(codeOf(await refresh(session.refreshToken))).toBe("INVALID_REFRESH_TOKEN");
    expect(codeOf(await refresh("made-up-token"))).toBe("INVALID_REFRESH_TOKEN");
  });
});

describe("sign-in lock-out tells nothing and locks nobody out for long (issue 15, point 1)", () => {
  const LOGIN_ONLY = `mutation ($i: LoginCitizenInput!) { loginCitizen(input: $i) { accessToken } }`;
  const STAFF_LOGIN = `mutation ($i: LoginInput!) { login(input: $i) { accessToken } }`;
  const citizenFrom = (address: string, idNumber: string, password: string) =>
    withChallengeWhenAsked(system.gatewayUrl, "signInChallenge", (challenge) => graphqlFrom(address, system.gatewayUrl, LOGIN_ONLY, { i: { idNumber, password, challenge } }));
  const staffFrom = (address: string, username: string, password: string) =>
    withChallengeWhenAsked(system.gatewayUrl, "signInChallenge", (challenge) => graphqlFrom(address, system.gatewayUrl, STAFF_LOGIN, { i: { username, password, challenge } }));
  /** What a caller learns from a refusal, with the instant in the message taken out. */
  const seen = (answer: Awaited<ReturnType<typeof citizenFrom>>) => ({
    status: answer.status,
    data: answer.data,
    count: answer.errors?.length,
    code: answer.errors?.[0]?.extensions?.code,
    message: answer.errors?.[0]?.message.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/, "<instant>"),
    extensions: Object.keys(answer.errors?.[0]?.extensions ?? {}).sort(),
    path: answer.errors?.[0]?.path,
  });

  test("an unregistered ID number and a registered one fail, count and lock alike", async () => {
    const { idNumber: registered } = await registeredCitizen(91);
    const unregistered = residentId(92);
    const client = "127.0.0.7";
    for (let i = 0; i < 5; i += 1) {
      const [a, b] = [await citizenFrom(client, registered, `wrong-password-${i}`), await citizenFrom(client, unregistered, `wrong-password-${i}`)];
      expect(seen(a)).toEqual(seen(b));
      expect(seen(a)).toMatchObject({ status: 200, data: null, code: "INVALID_CREDENTIALS" });
    }
    const [a, b] = [await citizenFrom(client, registered, PASSWORD), await citizenFrom(client, unregistered, PASSWORD)];
    expect(seen(a)).toEqual(seen(b));
    expect(seen(a)).toMatchObject({ code: "ACCOUNT_LOCKED", extensions: ["code", "lockedUntil", "serviceName"] });
    // The first lock is short, and none is ever longer than LOGIN_LOCK_MINUTES.
    const lockedFor = Date.parse(a.errors![0]!.extensions!.lockedUntil as string) - Date.now();
    expect(lockedFor).toBeGreaterThan(0);
    expect(lockedFor).toBeLessThanOrEqual(60_000);
  });

  test("a stranger guessing from one address locks the name for that address only; the owner signs in from another", async () => {
    const { idNumber } = await registeredCitizen(93);
    const stranger = "127.0.0.8";
    for (let i = 0; i < 5; i += 1) expect(codeOf(await citizenFrom(stranger, idNumber, `wrong-password-${i}`))).toBe("INVALID_CREDENTIALS");
    expect(codeOf(await citizenFrom(stranger, idNumber, PASSWORD))).toBe("ACCOUNT_LOCKED");
    expect(ok(await citizenFrom("127.0.0.9", idNumber, PASSWORD)).loginCitizen).toMatchObject({ accessToken: expect.any(String) });
  });

  test("staff: an unknown username and a known one fail and lock alike", async () => {
    const username = `clerk-lock-${Date.now()}`;
    ok(await call("staffing", county.admin, `mutation ($i: CreateStaffAccountInput!) { createStaffAccount(input: $i) { username } }`, {
      i: { staffId: county.departments.FGJ!.clerk.subject, username, password: "Clerk-passw0rd-1", roles: ["window_staff"] },
    }));
    const client = "127.0.0.10";
    for (let i = 0; i < 5; i += 1) {
      const [a, b] = [await staffFrom(client, username, `wrong-passw0rd-${i}`), await staffFrom(client, `${username}-nobody`, `wrong-passw0rd-${i}`)];
      expect(seen(a)).toEqual(seen(b));
    }
    const [a, b] = [await staffFrom(client, username, "Clerk-passw0rd-1"), await staffFrom(client, `${username}-nobody`, "Clerk-passw0rd-1")];
    expect(seen(a)).toEqual(seen(b));
    expect(seen(a).code).toBe("ACCOUNT_LOCKED");
    expect(ok(await staffFrom("127.0.0.11", username, "Clerk-passw0rd-1")).login).toMatchObject({ accessToken: expect.any(String) });
  });
});

describe("sign-in after a failure needs a solved challenge (issue 15, point 1)", () => {
  const LOGIN_ONLY = `mutation ($i: LoginCitizenInput!) { loginCitizen(input: $i) { accessToken } }`;
  const STAFF_LOGIN = `mutation ($i: LoginInput!) { login(input: $i) { accessToken } }`;
  const citizenFrom = (address: string, idNumber: string, password: string, challenge?: string) =>
    graphqlFrom(address, system.gatewayUrl, LOGIN_ONLY, { i: { idNumber, password, challenge } });
  const refusal = (answer: Awaited<ReturnType<typeof citizenFrom>>) => ({ data: answer.data, code: codeOf(answer), field: answer.errors?.[0]?.extensions?.field, message: answer.errors?.[0]?.message });

  test("a first try needs none; after a failure, registered or not, the name needs one from any client, and refusals count nothing", async () => {
    const { idNumber: registered } = await registeredCitizen(94);
    const unregistered = residentId(95);
    const client = "127.0.0.12";
    expect(codeOf(await citizenFrom(client, registered, "wrong-password-0"))).toBe("INVALID_CREDENTIALS");
    expect(codeOf(await citizenFrom("127.0.0.15", unregistered, "wrong-password-0"))).toBe("INVALID_CREDENTIALS");
    // Asked for a challenge alike, from the client that failed and from another.
    const asked = [
      await citizenFrom(client, registered, PASSWORD),
      await citizenFrom("127.0.0.15", unregistered, PASSWORD),
      await citizenFrom("127.0.0.13", registered, PASSWORD),
      await citizenFrom("127.0.0.13", unregistered, PASSWORD),
    ];
    for (const answer of asked) expect(refusal(answer)).toEqual(refusal(asked[1]!));
    expect(refusal(asked[0]!)).toMatchObject({ data: null, code: "CHALLENGE_REQUIRED", field: "input.challenge" });
    // Refused for want of a challenge, or for a bad one, many more times than lock a name: nothing counts.
    for (let i = 0; i < 6; i += 1) {
      expect(codeOf(await citizenFrom(client, registered, `wrong-password-${i}`))).toBe("CHALLENGE_REQUIRED");
      expect(codeOf(await citizenFrom(client, registered, `wrong-password-${i}`, "Zm9yZ2Vk"))).toBe("CHALLENGE_FAILED");
    }
    // With a solved one the owner signs in; that challenge is spent.
    const challenge = await solvedChallenge(system.gatewayUrl, "signInChallenge");
    expect(ok(await citizenFrom(client, registered, PASSWORD, challenge)).loginCitizen).toMatchObject({ accessToken: expect.any(String) });
    expect(codeOf(await citizenFrom("127.0.0.13", registered, PASSWORD, challenge))).toBe("CHALLENGE_FAILED");
    // A challenge of the progress look-up is cases', not staffing's.
    expect(codeOf(await citizenFrom("127.0.0.13", registered, PASSWORD, await solvedChallenge(system.gatewayUrl)))).toBe("CHALLENGE_FAILED");
  });

  test("staff sign-in likewise: an unknown and a known username are asked alike after a failure", async () => {
    const username = `clerk-pow-${Date.now()}`;
    const staffId = ok(await call<{ registerStaff: { id: string } }>("staffing", county.admin, `mutation ($i: RegisterStaffInput!) { registerStaff(input: $i) { id } }`, {
      i: { centerCode: CENTER, code: `ZJJ-W${Date.now() % 100000}`, name: "钱工作", departmentId: county.departments.ZJJ!.id },
    })).registerStaff.id;
    ok(await call("staffing", county.admin, `mutation ($i: CreateStaffAccountInput!) { createStaffAccount(input: $i) { username } }`, {
      i: { staffId, username, password: "Clerk-passw0rd-1", roles: ["window_staff"] },
    }));
    const staffFrom = (name: string, password: string, challenge?: string) => graphqlFrom("127.0.0.14", system.gatewayUrl, STAFF_LOGIN, { i: { username: name, password, challenge } });
    expect(ok(await staffFrom(username, "Clerk-passw0rd-1")).login).toMatchObject({ accessToken: expect.any(String) });
    expect(codeOf(await staffFrom(username, "wrong-passw0rd-1"))).toBe("INVALID_CREDENTIALS");
    const [known, unknown] = [await staffFrom(username, "Clerk-passw0rd-1"), await staffFrom(`${username}-nobody`, "Clerk-passw0rd-1")];
    expect(refusal(known)).toEqual(refusal(unknown));
    expect(codeOf(known)).toBe("CHALLENGE_REQUIRED");
    expect(ok(await staffFrom(username, "Clerk-passw0rd-1", await solvedChallenge(system.gatewayUrl, "signInChallenge"))).login).toMatchObject({ accessToken: expect.any(String) });
  });
});

describe("signing out signs out (issue 15, point 7)", () => {
  const ME = `query { myCitizenAccount { id } }`;
  /** Milliseconds until the gateway refuses the token with 401, asked every 5 ms. */
  async function refusedWithin(token: string, query = ME): Promise<number> {
    const started = Date.now();
    const refused = await eventually(async () => {
      const answer = await withToken(token, query);
      return answer.status === 401 ? answer : null;
    }, 5000, 5);
    expect(refused.errors?.[0]).toMatchObject({ message: expect.stringMatching(/revoked/), extensions: { code: "UNAUTHENTICATED" } });
    return Date.now() - started;
  }

  test("after logout the same access token is refused with 401; another sign-in of the account goes on", async () => {
    const { idNumber, login: session } = await registeredCitizen(81);
    const other = ok(await login(idNumber)).loginCitizen;
    ok(await withToken(session.accessToken, ME));
    ok(await anonymous(`mutation ($t: String!) { logout(refreshToken: $t) }`, { t: session.refreshToken }));
    const latency = await refusedWithin(session.accessToken);
    expect(latency).toBeLessThan(1000);
    expect(ok(await withToken<{ myCitizenAccount: { id: string } }>(other.accessToken, ME)).myCitizenAccount.id).toBe(session.account.id);
  });

  test("a reused refresh token ends the sign-in's access tokens, the thief's and the owner's", async () => {
    const { login: session } = await registeredCitizen(82);
    const rotated = ok(await refresh(session.refreshToken)).refreshAccessToken;
    ok(await withToken(rotated.accessToken, ME));
    expect(codeOf(await refresh(session.refreshToken))).toBe("REFRESH_TOKEN_REUSED");
    await refusedWithin(rotated.accessToken);
    await refusedWithin(session.accessToken);
  });

  test("a password reset by the center ends every sign-in of the staff account", async () => {
    // A staff member of its own: the reset ends every token of the account, and other tests act as ZJJ's clerk.
    const username = `clerk-${Date.now()}`;
    const staffId = ok(await call<{ registerStaff: { id: string } }>("staffing", county.admin, `mutation ($i: RegisterStaffInput!) { registerStaff(input: $i) { id } }`, {
      i: { centerCode: CENTER, code: `ZJJ-R${Date.now() % 100000}`, name: "赵重置", departmentId: county.departments.ZJJ!.id },
    })).registerStaff.id;
    ok(await call("staffing", county.admin, `mutation ($i: CreateStaffAccountInput!) { createStaffAccount(input: $i) { username } }`, {
      i: { staffId, username, password: "Clerk-passw0rd-1", roles: ["window_staff"] },
    }));
    const signIn = () =>
      withChallengeWhenAsked(system.gatewayUrl, "signInChallenge", (challenge) =>
        anonymous<{ login: { accessToken: string } }>(`mutation ($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { username, password: "Clerk-passw0rd-1", challenge } }),
      );
    const token = ok(await signIn()).login.accessToken;
    const MINE = `query { __typename }`;
    ok(await withToken(token, MINE));
    ok(await call("staffing", county.admin, `mutation ($i: ResetStaffPasswordInput!) { resetStaffPassword(input: $i) { username } }`, {
      i: { staffId, password: "Clerk-passw0rd-2" },
    }));
    await refusedWithin(token, MINE);
  });
});

describe("the bank as a machine client (银行代收点)", () => {
  const CREATE = `mutation ($i: CreateBankClientInput!) { createBankClient(input: $i) { secretId clientSecret client { id centerCode role } } }`;
  const TOKEN = `mutation ($c: String!, $s: String!) { clientCredentialsToken(clientId: $c, clientSecret: $s) { accessToken tokenType } }`;
  const tokenFor = (clientId: string, clientSecret: string) =>
    anonymous<{ clientCredentialsToken: { accessToken: string; tokenType: string } }>(TOKEN, { c: clientId, s: clientSecret });

  test("created by the center's administration; its token looks a payment notice up; secrets rotate and are revoked", async () => {
    const finance: Identity = { subject: "finance-1", roles: ["finance"], centerCode: CENTER, departmentId: null, windowId: null };
    expect(codeOf(await call("staffing", finance, CREATE, { i: { centerCode: CENTER, name: "工行代收点" } }))).toBe("FORBIDDEN");
    const created = ok(await call<{ createBankClient: { secretId: string; clientSecret: string; client: { id: string; centerCode: string; role: string } } }>("staffing", county.admin, CREATE, {
      i: { centerCode: CENTER, name: "中国工商银行宣汉支行代收点" },
    })).createBankClient;
    expect(created.client).toMatchObject({ centerCode: CENTER, role: "bank" });
    const { clientCredentialsToken } = ok(await tokenFor(created.client.id, created.clientSecret));
    expect(decodeJwt(clientCredentialsToken.accessToken)).toMatchObject({ sub: created.client.id, roles: ["bank"], center: CENTER });
    expect(codeOf(await tokenFor(created.client.id, "wrong-secret"))).toBe("INVALID_CREDENTIALS");

    // A citizen's case accepted by the department gives a payment notice the bank can look up.
    const citizen = await registeredCitizen(71);
    const submitted = await submitAs(citizen.login.accessToken, citizen.idNumber);
    await eventually(async () => {
      const result = await call("cases", county.departments.ZJJ!.clerk, `mutation ($id: ID!) { acceptCase(caseId: $id, idempotencyKey: "accounts-accept") { id } }`, { id: submitted.id });
      return ["FORBIDDEN", "NOT_AUTHORIZED"].includes(String(errorOf(result)?.code)) ? null : ok(result);
    }, 20_000);
    const noticeNo = await eventually(async () => {
      const result = ok(await call<{ case: { paymentNotices: Array<{ noticeNo: string }> } }>("cases", county.admin, `query ($id: ID!) { case(id: $id) { paymentNotices { noticeNo } } }`, { id: submitted.id }));
      return result.case.paymentNotices[0]?.noticeNo ?? null;
    }, 20_000);
    const NOTICE = `query ($n: String!) { paymentNotice(noticeNo: $n) { noticeNo amountFen } }`;
    const looked = ok(await withToken<{ paymentNotice: { noticeNo: string; amountFen: number } }>(clientCredentialsToken.accessToken, NOTICE, { n: noticeNo }));
    expect(looked.paymentNotice).toEqual({ noticeNo, amountFen: 5000 });

    const ROTATE = `mutation ($c: ID!) { rotateBankClientSecret(clientId: $c) { secretId clientSecret } }`;
    const rotated = ok(await call<{ rotateBankClientSecret: { secretId: string; clientSecret: string } }>("staffing", county.admin, ROTATE, { c: created.client.id })).rotateBankClientSecret;
    // Both secrets work during the switch; after the old one is revoked only the new one does.
    expect(ok(await tokenFor(created.client.id, created.clientSecret)).clientCredentialsToken.tokenType).toBe("Bearer");
    expect(ok(await tokenFor(created.client.id, rotated.clientSecret)).clientCredentialsToken.tokenType).toBe("Bearer");
    const REVOKE = `mutation ($c: ID!, $s: ID!) { revokeBankClientSecret(clientId: $c, secretId: $s) { id secrets { id revokedAt } } }`;
    const revoked = ok(await call<{ revokeBankClientSecret: { secrets: Array<{ id: string; revokedAt: string | null }> } }>("staffing", county.admin, REVOKE, {
      c: created.client.id,
      s: created.secretId,
    })).revokeBankClientSecret;
    expect(revoked.secrets.find((s) => s.id === created.secretId)?.revokedAt).not.toBeNull();
    expect(codeOf(await tokenFor(created.client.id, created.clientSecret))).toBe("INVALID_CREDENTIALS");
    expect(ok(await tokenFor(created.client.id, rotated.clientSecret)).clientCredentialsToken.tokenType).toBe("Bearer");
  });
});
