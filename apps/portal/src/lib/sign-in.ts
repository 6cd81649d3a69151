import type { Client, OperationResult } from "urql";
import { solveChallenge } from "./challenge";
import { describeError } from "./errors";
import { SignInChallengeQuery } from "./queries";

/**
 * Staffing asks for a solved proof-of-work challenge once the name or this client has failed to
 * sign in lately (docs/security.md, "Guessing"); the page solves one and tries again, once.
 */
export function asksForChallenge(code: string): boolean {
  return code === "CHALLENGE_REQUIRED" || code === "CHALLENGE_FAILED";
}

/**
 * One sign-in (a citizen's or a staff member's): tried without a challenge, and once more with a
 * fresh one solved in the page's workers when staffing asks for it. `verifying` tells the page
 * while the solving runs.
 */
export async function signInWithChallenge<T>(
  client: Client,
  attempt: (challenge: string | null) => Promise<OperationResult<T>>,
  verifying: (on: boolean) => void,
): Promise<OperationResult<T>> {
  const first = await attempt(null);
  if (!asksForChallenge(describeError(first.error)?.code ?? "")) return first;
  verifying(true);
  const issued = await client.query(SignInChallengeQuery, {}, { requestPolicy: "network-only" }).toPromise();
  const altcha = issued.data?.signInChallenge.altcha;
  const solved = altcha ? await solveChallenge(altcha).catch(() => null) : null;
  verifying(false);
  return solved ? attempt(solved) : first;
}
