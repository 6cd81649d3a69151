import { solveChallengeWorkers, type Challenge } from "altcha-lib";

/** The solver could not finish (an old browser, a worker that failed, the time ran out). */
export class ChallengeUnsolved extends Error {}

/**
 * Solves a proof-of-work challenge the way the gateway's services check it (ALTCHA v2,
 * PBKDF2/SHA-256), in web workers so the page stays responsive, and gives the `challenge`
 * argument to send: base64 JSON of { challenge, solution }. About a second on a phone.
 */
export async function solveChallenge(altchaJson: string): Promise<string> {
  const challenge = JSON.parse(altchaJson) as Challenge;
  const solution = await solveChallengeWorkers({
    challenge,
    concurrency: Math.min(Math.max(navigator.hardwareConcurrency || 2, 1), 4),
    createWorker: () => new Worker(new URL("./challenge.worker.ts", import.meta.url), { type: "module" }),
    timeout: 60_000,
  }).catch(() => null);
  if (!solution) throw new ChallengeUnsolved();
  return btoa(JSON.stringify({ challenge, solution }));
}
