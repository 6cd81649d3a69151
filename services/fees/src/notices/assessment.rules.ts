import type { catalogEvents, FeeStandardPayload } from "@onestop/events";

type FeeItemPayload = catalogEvents.FeeItemPayload;

/** One line of a notice. `amountFen` is what is due: the standard's amount less any reduction. */
export interface NoticeLine {
  /** The fee item's code in the catalog (收费项目编码); `STANDARD` for versions published before fee items had codes. */
  feeCode: string;
  description: string;
  quantity: number;
  /** What the published standard charges for this line. */
  standardAmountFen: number;
  /** 减免: taken off under a preferential policy, approved by finance. */
  reductionFen: number;
  amountFen: number;
  /** 收费依据. */
  legalBasis: string;
}

/** The fee code given to the one fee of a version published before fee items had codes. */
export const LEGACY_FEE_CODE = "STANDARD";

/** The published standard of one item version, as the replica holds it. */
export interface PublishedStandard {
  itemName: string;
  /** Empty for a free item, and for versions published before fee items (then `feeStandard` is the fee). */
  feeItems: readonly FeeItemPayload[];
  feeStandard: FeeStandardPayload;
}

/** The fee items a version charges: its own, or its single whole-case standard if it predates fee items. */
export function feeItemsOf(standard: PublishedStandard): FeeItemPayload[] {
  if (standard.feeItems.length > 0) return [...standard.feeItems];
  if (standard.feeStandard.kind === "FREE") return [];
  return [{ code: LEGACY_FEE_CODE, name: standard.itemName, calculation: standard.feeStandard, legalBasis: "" }];
}

function line(fee: FeeItemPayload, description: string, quantity: number, amountFen: number): NoticeLine {
  return { feeCode: fee.code, description, quantity, standardAmountFen: amountFen, reductionFen: 0, amountFen, legalBasis: fee.legalBasis };
}

/**
 * The lines one fee item charges for the case's quantity. Tiered fees are progressive: each
 * band's units at that band's price, one line per band.
 */
export function linesOfFee(fee: FeeItemPayload, quantity: number): NoticeLine[] {
  const calculation = fee.calculation;
  switch (calculation.kind) {
    case "FREE":
      return [];
    case "FIXED":
      return calculation.amountFen > 0 ? [line(fee, fee.name, 1, calculation.amountFen)] : [];
    case "PER_UNIT": {
      const amount = calculation.unitPriceFen * quantity;
      return amount > 0 ? [line(fee, `${fee.name} (${calculation.unitName})`, quantity, amount)] : [];
    }
    case "TIERED": {
      const lines: NoticeLine[] = [];
      let lower = 0;
      for (const tier of calculation.tiers) {
        const upper = tier.upTo ?? Number.POSITIVE_INFINITY;
        const units = Math.max(0, Math.min(quantity, upper) - lower);
        if (units > 0 && tier.unitPriceFen > 0) {
          const band = tier.upTo === null ? `>${lower}` : `${lower + 1}-${tier.upTo}`;
          lines.push(line(fee, `${fee.name} (${band} ${calculation.unitName})`, units, units * tier.unitPriceFen));
        }
        if (quantity <= upper) break;
        lower = upper;
      }
      return lines;
    }
  }
}

export interface Assessment {
  lines: NoticeLine[];
  /** Fees of the version that may not be charged: cancelled for good since it was published. */
  outsideStandard: Array<{ feeCode: string; name: string; amountFen: number }>;
}

/**
 * 核定收费: the lines of a case from its item version's fee items and its quantity. A fee code
 * the catalog has cancelled (收费取消) is never charged again, even under a version published
 * before the cancellation; it is returned apart so supervision hears of it.
 */
export function assess(standard: PublishedStandard, cancelledFeeCodes: ReadonlySet<string>, quantity: number): Assessment {
  if (!Number.isInteger(quantity) || quantity < 1) throw new RangeError(`quantity ${quantity} is not a positive whole number`);
  const lines: NoticeLine[] = [];
  const outsideStandard: Assessment["outsideStandard"] = [];
  for (const fee of feeItemsOf(standard)) {
    const charged = linesOfFee(fee, quantity);
    if (cancelledFeeCodes.has(fee.code)) {
      const amountFen = totalFen(charged);
      if (amountFen > 0) outsideStandard.push({ feeCode: fee.code, name: fee.name, amountFen });
      continue;
    }
    lines.push(...charged);
  }
  return { lines, outsideStandard };
}

/**
 * A reduction (减免) of `percent` of every line, rounded to the fen half up per line, so the
 * applicant never pays a fraction of a fen; 100 is a full waiver (免收).
 */
export function applyReduction(lines: readonly NoticeLine[], percent: number): NoticeLine[] {
  if (!Number.isInteger(percent) || percent < 1 || percent > 100) throw new RangeError(`reduction of ${percent}% is not 1-100`);
  return lines.map((each) => {
    const reductionFen = Math.floor((each.standardAmountFen * percent + 50) / 100);
    return { ...each, reductionFen, amountFen: each.standardAmountFen - reductionFen };
  });
}

export const totalFen = (lines: readonly Pick<NoticeLine, "amountFen">[]) => lines.reduce((sum, each) => sum + each.amountFen, 0);
export const standardTotalFen = (lines: readonly NoticeLine[]) => lines.reduce((sum, each) => sum + each.standardAmountFen, 0);

/** Lines stored before codes and reductions existed read as unreduced lines of the legacy fee. */
export function readLine(raw: Partial<NoticeLine> & { description: string; quantity: number; amountFen: number }): NoticeLine {
  const reductionFen = raw.reductionFen ?? 0;
  return {
    feeCode: raw.feeCode ?? LEGACY_FEE_CODE,
    description: raw.description,
    quantity: raw.quantity,
    standardAmountFen: raw.standardAmountFen ?? raw.amountFen + reductionFen,
    reductionFen,
    amountFen: raw.amountFen,
    legalBasis: raw.legalBasis ?? "",
  };
}
