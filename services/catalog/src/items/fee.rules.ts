import type { FeeStandardPayload } from "@onestop/events";
import type { FeeItem } from "./item.rules";

/** Tiers must rise strictly and end with an open tier, so every quantity has exactly one price. */
export function feeStandardProblems(standard: FeeStandardPayload, path = "feeStandard"): string[] {
  if (standard.kind !== "TIERED") return [];
  const { tiers } = standard;
  if (tiers.length === 0) return [`${path}.tiers: at least one tier`];
  const problems: string[] = [];
  tiers.forEach((tier, index) => {
    const last = index === tiers.length - 1;
    if (last && tier.upTo !== null) problems.push(`${path}.tiers: the last tier has no upper bound (upTo: null)`);
    if (!last && tier.upTo === null) problems.push(`${path}.tiers.${index}: only the last tier may be open`);
    const previous = index > 0 ? tiers[index - 1].upTo : 0;
    if (tier.upTo !== null && previous !== null && tier.upTo <= previous) {
      problems.push(`${path}.tiers.${index}: upTo must rise above ${previous}`);
    }
  });
  if (tiers.every((tier) => tier.unitPriceFen === 0)) problems.push(`${path}.tiers: every tier is free, so this is no fee`);
  return problems;
}

const chargesPerUnit = (item: FeeItem) => item.calculation.kind === "PER_UNIT" || item.calculation.kind === "TIERED";

/**
 * 收费标准: only fees in the published standard may be charged, so each must be computable
 * from the case. A case carries one quantity, so a fee charged per unit (or by tiers) is the
 * item's only fee; fixed fees may stand together and add up.
 */
export function feeItemProblems(feeItems: readonly FeeItem[]): string[] {
  const problems: string[] = [];
  const codes = new Set<string>();
  feeItems.forEach((item, index) => {
    const path = `feeItems.${index}`;
    if (codes.has(item.code)) problems.push(`${path}.code: ${item.code} is used twice`);
    codes.add(item.code);
    const { calculation } = item;
    if (calculation.kind === "FREE") problems.push(`${path}.kind: a free item has no fee items; leave this one out`);
    if (calculation.kind === "FIXED" && calculation.amountFen === 0) problems.push(`${path}.amountFen: a fee of 0 is no fee; leave it out`);
    if (calculation.kind === "PER_UNIT" && calculation.unitPriceFen === 0) problems.push(`${path}.unitPriceFen: a price of 0 is no fee; leave it out`);
    problems.push(...feeStandardProblems(calculation, path));
  });
  if (feeItems.some(chargesPerUnit) && feeItems.length > 1) {
    problems.push("feeItems: a fee charged per unit or by tiers is the item's only fee, since a case carries one quantity");
  }
  return problems;
}

/** The fee codes a version drops compared with the one before it: cancelled from then on. */
export function droppedFeeCodes(previous: readonly FeeItem[], next: readonly FeeItem[]): string[] {
  const kept = new Set(next.map((item) => item.code));
  return previous.map((item) => item.code).filter((code) => !kept.has(code));
}

/** 已取消的收费不得再收: the codes of a version that were cancelled before. */
export function reintroducedFeeCodes(feeItems: readonly FeeItem[], cancelledCodes: Iterable<string>): string[] {
  const cancelled = new Set(cancelledCodes);
  return feeItems.map((item) => item.code).filter((code) => cancelled.has(code));
}

/** The whole fee of one case as one computation: free, the single fee, or fixed fees added up. */
export function combinedFeeStandard(feeItems: readonly FeeItem[]): FeeStandardPayload {
  if (feeItems.length === 0) return { kind: "FREE" };
  if (feeItems.length === 1) return feeItems[0].calculation;
  let amountFen = 0;
  for (const { code, calculation } of feeItems) {
    if (calculation.kind !== "FIXED") throw new Error(`Fee ${code} is charged per unit beside other fees; feeItemProblems refuses that`);
    amountFen += calculation.amountFen;
  }
  return { kind: "FIXED", amountFen };
}
