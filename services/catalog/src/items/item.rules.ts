import type { FeeStandardPayload } from "@onestop/events";
import type { ItemKind } from "./entities";

/** 时限: the promised limit never exceeds the legal one; an instant item is decided the same day. */
export function timeLimitProblems(kind: ItemKind, legalLimitDays: number, promisedLimitDays: number): string[] {
  const problems: string[] = [];
  if (promisedLimitDays > legalLimitDays) {
    problems.push(`promisedLimitDays: ${promisedLimitDays} exceeds the legal limit of ${legalLimitDays} working days`);
  }
  if (kind === "INSTANT" && promisedLimitDays !== 0) {
    problems.push("promisedLimitDays: an instant item (即办件) is decided on the spot, so its promised limit is 0");
  }
  return problems;
}

/** 提速: how much shorter the promise is than the law, 1 − promised/legal. */
export function speedUpRatio(legalLimitDays: number, promisedLimitDays: number): number {
  if (legalLimitDays === 0) return 0;
  return 1 - promisedLimitDays / legalLimitDays;
}

/** Tiers must rise strictly and end with an open tier, so every quantity has exactly one price. */
export function feeStandardProblems(standard: FeeStandardPayload): string[] {
  if (standard.kind !== "TIERED") return [];
  const { tiers } = standard;
  if (tiers.length === 0) return ["feeStandard.tiers: at least one tier"];
  const problems: string[] = [];
  tiers.forEach((tier, index) => {
    const last = index === tiers.length - 1;
    if (last && tier.upTo !== null) problems.push("feeStandard.tiers: the last tier has no upper bound (upTo: null)");
    if (!last && tier.upTo === null) problems.push(`feeStandard.tiers.${index}: only the last tier may be open`);
    const previous = index > 0 ? tiers[index - 1].upTo : 0;
    if (tier.upTo !== null && previous !== null && tier.upTo <= previous) {
      problems.push(`feeStandard.tiers.${index}: upTo must rise above ${previous}`);
    }
  });
  return problems;
}
