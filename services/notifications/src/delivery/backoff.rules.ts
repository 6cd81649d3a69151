/**
 * 重试: a failed SMS is tried again after base·2^(n−1) (n the attempts so far), capped, half of it
 * random so that messages failed together by one gateway outage do not all come back together.
 * After `maxAttempts` the message is FAILED and stays so, its last error shown to staff.
 */
export interface RetryPolicy {
  baseMs: number;
  maxMs: number;
  maxAttempts: number;
}

export function retryDelayMs(attempts: number, policy: Pick<RetryPolicy, "baseMs" | "maxMs">, random: () => number = Math.random): number {
  const exponent = Math.max(0, attempts - 1);
  const full = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(exponent, 30));
  return Math.round(full / 2 + random() * (full / 2));
}

export type AfterFailure = { status: "PENDING"; retryAt: Date } | { status: "FAILED" };

/** What a failed attempt leaves: another try later, or FAILED once the attempts are used up. */
export function afterFailure(attempts: number, now: Date, policy: RetryPolicy, random: () => number = Math.random): AfterFailure {
  if (attempts >= policy.maxAttempts) return { status: "FAILED" };
  return { status: "PENDING", retryAt: new Date(now.getTime() + retryDelayMs(attempts, policy, random)) };
}
