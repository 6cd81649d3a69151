import { resetEnvironment, startSystem, type RunningSystem } from "@onestop/testkit";
import { testEnvironment } from "../support/environment";

/**
 * The portal's sign-in (issue 17, point 6): the access token in the page's memory, the refresh
 * token in an HttpOnly; Secure; SameSite=Strict cookie that the gateway sets on the sign-in and
 * reads on /auth/refresh and /auth/logout. Callers that do not ask for the cookie keep the token
 * in the body. Through the gateway, as a browser would talk to it.
 */

jest.setTimeout(60_000);

const environment = testEnvironment("e2e_portal_session");
const PASSWORD = "citizen-pass-2026";
const PORTAL = { "x-onestop-refresh": "cookie" };

let system: RunningSystem;
let origin: string;

beforeAll(async () => {
  await resetEnvironment(environment);
  system = await startSystem(environment);
  origin = new URL(system.gatewayUrl).origin;
}, 150_000);

afterAll(async () => {
  await system?.stop();
});

/** A valid resident ID number (MOD 11-2 check character) with the given 3-digit sequence. */
function residentId(sequence: number): string {
  const body = `11010519850101${String(sequence).padStart(3, "0")}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((total, weight, i) => total + weight * Number(body[i]), 0);
  return body + "10X98765432"[sum % 11];
}

interface Answer {
  status: number;
  setCookie: string | null;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

async function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(origin + path, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, setCookie: response.headers.get("set-cookie"), body: await response.json() };
}

const LOGIN = `mutation Login($i: LoginCitizenInput!) { loginCitizen(input: $i) { accessToken expiresAt refreshToken refreshExpiresAt account { id name } } }`;
const ME = `query { myCitizenAccount { id name } }`;

/** The cookie's value as the browser would send it back. */
const cookieOf = (setCookie: string | null) => {
  const match = /^onestop_refresh=([^;]*)/.exec(setCookie ?? "");
  if (!match) throw new Error(`no refresh cookie in ${setCookie}`);
  return `onestop_refresh=${match[1]}`;
};

async function signedUp(sequence: number): Promise<{ idNumber: string }> {
  const idNumber = residentId(sequence);
  const registered = await post("/graphql", {
    query: `mutation ($i: RegisterCitizenInput!) { registerCitizen(input: $i) { id } }`,
    variables: { i: { name: "李四", idNumber, phone: "13800138000", password: PASSWORD } },
  });
  expect(registered.body.errors).toBeUndefined();
  return { idNumber };
}

const portalLogin = (idNumber: string) => post("/graphql", { query: LOGIN, variables: { i: { idNumber, password: PASSWORD } } }, PORTAL);
const me = (accessToken: string) => post("/graphql", { query: ME }, { authorization: `Bearer ${accessToken}` });
const refresh = (cookie: string | null, headers: Record<string, string> = PORTAL) => post("/auth/refresh", {}, { ...headers, ...(cookie ? { cookie } : {}) });

describe("the portal's refresh cookie", () => {
  test("a portal sign-in sets the cookie HttpOnly, Secure, SameSite=Strict on /auth, and the body carries no refresh token", async () => {
    const { idNumber } = await signedUp(11);
    const answer = await portalLogin(idNumber);
    expect(answer.status).toBe(200);
    const login = answer.body.data.loginCitizen;
    expect(login.refreshToken).toBe("");
    const attributes = answer.setCookie!.split(";").map((part) => part.trim());
    expect(attributes[0]).toMatch(/^onestop_refresh=[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(answer.body)).not.toContain(attributes[0].slice("onestop_refresh=".length));
    expect(attributes).toEqual(expect.arrayContaining(["Path=/auth", "HttpOnly", "Secure", "SameSite=Strict"]));
    const maxAge = Number(attributes.find((part) => part.startsWith("Max-Age="))!.slice(8));
    const untilExpiry = (Date.parse(login.refreshExpiresAt) - Date.now()) / 1000;
    expect(Math.abs(maxAge - untilExpiry)).toBeLessThan(10);
    expect((await me(login.accessToken)).body.data.myCitizenAccount.name).toBe("李四");
  });

  test("a caller that does not ask for the cookie gets the token in the body and no cookie", async () => {
    const { idNumber } = await signedUp(12);
    const answer = await post("/graphql", { query: LOGIN, variables: { i: { idNumber, password: PASSWORD } } });
    expect(answer.body.data.loginCitizen.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(answer.setCookie).toBeNull();
  });

  test("a reload refreshes from the cookie; the spent cookie presented again ends the whole sign-in", async () => {
    const { idNumber } = await signedUp(13);
    const first = cookieOf((await portalLogin(idNumber)).setCookie);
    const renewed = await refresh(first);
    expect(renewed.status).toBe(200);
    expect(Object.keys(renewed.body).sort()).toEqual(["accessToken", "expiresAt", "tokenType"]);
    const second = cookieOf(renewed.setCookie);
    expect(second).not.toBe(first);
    expect(renewed.setCookie).toContain("HttpOnly");
    expect((await me(renewed.body.accessToken)).body.data.myCitizenAccount.name).toBe("李四");

    // The first cookie again: someone copied it. The family goes, the newest cookie with it.
    const reused = await refresh(first);
    expect(reused.status).toBe(401);
    expect(reused.body.errors[0].extensions.code).toBe("REFRESH_TOKEN_REUSED");
    expect(reused.setCookie).toMatch(/^onestop_refresh=; Path=\/auth; Max-Age=0/);
    const after = await refresh(second);
    expect(after.status).toBe(401);
    expect(after.body.errors[0].extensions.code).toBe("INVALID_REFRESH_TOKEN");
  });

  test("sign-out revokes the sign-in and clears the cookie", async () => {
    const { idNumber } = await signedUp(14);
    const login = await portalLogin(idNumber);
    const cookie = cookieOf(login.setCookie);
    const out = await post("/auth/logout", {}, { ...PORTAL, cookie });
    expect(out.status).toBe(200);
    expect(out.setCookie).toMatch(/^onestop_refresh=; Path=\/auth; Max-Age=0; HttpOnly; Secure; SameSite=Strict$/);
    expect((await refresh(cookie)).body.errors[0].extensions.code).toBe("INVALID_REFRESH_TOKEN");
    // The gateway hears the revocation: the access token of the ended sign-in stops working.
    const deadline = Date.now() + 10_000;
    let status = 200;
    while (Date.now() < deadline && status === 200) {
      status = (await me(login.body.data.loginCitizen.accessToken)).status;
      if (status === 200) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(status).toBe(401);
  });

  test("the endpoints refuse other sites' requests: no header, no POST, no cookie", async () => {
    const { idNumber } = await signedUp(15);
    const cookie = cookieOf((await portalLogin(idNumber)).setCookie);
    const withoutHeader = await refresh(cookie, {});
    expect(withoutHeader.status).toBe(400);
    expect(withoutHeader.body.errors[0].extensions.code).toBe("BAD_REQUEST");
    expect(withoutHeader.setCookie).toBeNull();
    const get = await fetch(`${origin}/auth/refresh`, { headers: { ...PORTAL, cookie } });
    expect(get.status).toBe(405);
    const noCookie = await refresh(null);
    expect(noCookie.status).toBe(401);
    expect(noCookie.body.errors[0].extensions.code).toBe("UNAUTHENTICATED");
    // The refused attempts spent nothing: the cookie still renews once.
    expect((await refresh(cookie)).status).toBe(200);
  });
});
