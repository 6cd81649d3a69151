import { graphql, type GraphqlResponse } from "@onestop/testkit";

/** altcha-lib ships ES modules for the type checker; jest loads its CommonJS build. */
const altcha = () => Promise.all([import("altcha-lib"), import("altcha-lib/algorithms/pbkdf2")]).then(([lib, { deriveKey }]) => ({ ...lib, deriveKey }));

/** Which query hands out the challenges an operation takes: cases' for caseProgress, staffing's for login and loginCitizen. */
export type ChallengeQuery = "progressLookupChallenge" | "signInChallenge";

/** Solves a challenge as the portal does (the same library), giving the `challenge` argument to send: base64 JSON of { challenge, solution }. */
export async function solveChallenge(altchaJson: string): Promise<string> {
  const { solveChallenge: solve, deriveKey } = await altcha();
  const challenge = JSON.parse(altchaJson) as Parameters<typeof solve>[0]["challenge"];
  const solution = await solve({ challenge, deriveKey, timeout: 30_000 });
  if (!solution) throw new Error("challenge not solved within 30 s");
  return Buffer.from(JSON.stringify({ challenge, solution }), "utf8").toString("base64");
}

/** Fetches a challenge from the gateway anonymously and solves it. */
export async function solvedChallenge(gatewayUrl: string, query: ChallengeQuery = "progressLookupChallenge"): Promise<string> {
  const answer = await graphql<Record<ChallengeQuery, { altcha: string }>>(gatewayUrl, `{ ${query} { altcha } }`);
  if (!answer.data?.[query]) throw new Error(`no challenge: ${JSON.stringify(answer.errors)}`);
  return solveChallenge(answer.data[query].altcha);
}

/**
 * Sends an operation as a client should: without a challenge first and, when the answer asks for
 * one (CHALLENGE_REQUIRED: sign-in after a failure), once more with a solved one.
 */
export async function withChallengeWhenAsked<T>(
  gatewayUrl: string,
  query: ChallengeQuery,
  send: (challenge: string | undefined) => Promise<GraphqlResponse<T>>,
): Promise<GraphqlResponse<T>> {
  const first = await send(undefined);
  if (first.errors?.[0]?.extensions?.code !== "CHALLENGE_REQUIRED") return first;
  return send(await solvedChallenge(gatewayUrl, query));
}
