import { parse } from "graphql";
import { clearedRefreshCookie, refreshCookie, refreshTokenFromCookies, refreshTokenLocations } from "../../src/auth/refresh-cookie.rules";

const operationOf = (source: string) => {
  const document = parse(source);
  const operation = document.definitions.find((definition) => definition.kind === "OperationDefinition");
  return { document, operation: operation as Parameters<typeof refreshTokenLocations>[0] };
};

describe("the portal's refresh cookie", () => {
  test("HttpOnly, Secure, SameSite=Strict on /auth, living as long as the token", () => {
    const now = new Date("2026-12-06T00:00:00Z");
    expect(refreshCookie("abc_DEF-123", new Date("2027-01-05T00:00:00Z"), now)).toBe(
      "onestop_refresh=abc_DEF-123; Path=/auth; Max-Age=2592000; HttpOnly; Secure; SameSite=Strict",
    );
    expect(refreshCookie("t", new Date("2026-12-05T00:00:00Z"), now)).toContain("Max-Age=0;");
    expect(clearedRefreshCookie()).toBe("onestop_refresh=; Path=/auth; Max-Age=0; HttpOnly; Secure; SameSite=Strict");
  });

  test("read back from the Cookie header among others; anything that is not a token is none", () => {
    const token = "A".repeat(43);
    expect(refreshTokenFromCookies(`a=1; onestop_refresh=${token}; b=2`)).toBe(token);
    expect(refreshTokenFromCookies("onestop_refresh=")).toBeNull();
    expect(refreshTokenFromCookies("onestop_refresh=x;y")).toBeNull();
    expect(refreshTokenFromCookies(`onestop_refresh=${"A".repeat(20)}%3Cscript%3E`)).toBeNull();
    expect(refreshTokenFromCookies(undefined)).toBeNull();
  });

  test("found in a sign-in's answer by its response keys, aliases included; queries and other fields are not", () => {
    const login = operationOf(`mutation { s: loginCitizen(input: {}) { accessToken r: refreshToken refreshExpiresAt } }`);
    expect(refreshTokenLocations(login.operation, login.document)).toEqual([{ rootKey: "s", tokenKey: "r", expiresKey: "refreshExpiresAt" }]);
    const refresh = operationOf(`mutation { refreshAccessToken(refreshToken: "x") { refreshToken } }`);
    expect(refreshTokenLocations(refresh.operation, refresh.document)).toEqual([{ rootKey: "refreshAccessToken", tokenKey: "refreshToken", expiresKey: null }]);
    const other = operationOf(`mutation { registerCitizen(input: {}) { id } }`);
    expect(refreshTokenLocations(other.operation, other.document)).toEqual([]);
    const withoutToken = operationOf(`mutation { loginCitizen(input: {}) { accessToken } }`);
    expect(refreshTokenLocations(withoutToken.operation, withoutToken.document)).toEqual([]);
    const query = operationOf(`query { myCitizenAccount { id } }`);
    expect(refreshTokenLocations(query.operation, query.document)).toEqual([]);
  });
});
