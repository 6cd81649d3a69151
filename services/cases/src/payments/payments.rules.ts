import type { FeeAssessment, FeeStandardPayload } from "@onestop/events";

/**
 * The fee gate (统一收费): a case that owes a fee cannot conclude before fees reports it
 * paid. Cases never asks fees synchronously; it keeps what fees' notice events said.
 */

export type NoticeState = "ISSUED" | "SETTLED" | "CANCELLED";

/**
 * Whether the item version's fee standard charges this case anything. Cases knows this the
 * moment it accepts, before fees' notice event arrives, so an early conclusion cannot slip
 * through the gap between acceptance and the notice.
 */
export function owesFee(standard: FeeStandardPayload, quantity: number): boolean {
  switch (standard.kind) {
    case "FREE":
      return false;
    case "FIXED":
      return standard.amountFen > 0;
    case "PER_UNIT":
      return standard.unitPriceFen > 0 && quantity > 0;
    case "TIERED": {
      let below = 0;
      for (const tier of standard.tiers) {
        const cap = tier.upTo ?? Infinity;
        if (quantity > below && tier.unitPriceFen > 0) return true;
        below = cap;
        if (quantity <= below) break;
      }
      return false;
    }
  }
}

export type FeeGate = { open: true } | { open: false; reason: "NOTICE_NOT_YET_ISSUED" | "NOTICE_UNSETTLED" };

/** What fees last made of the case's fee (its `case.fee-assessed` event), if it said anything yet. */
export type { FeeAssessment };

/**
 * An approval concludes only when the case owes nothing, or every notice for it is settled
 * or cancelled and at least one was settled (paid, or waived under a preferential policy), or
 * fees found nothing to charge after all (the version's fees were cancelled in the catalog) and
 * no notice is open.
 */
export function feeGate(owes: boolean, notices: readonly NoticeState[], assessment: FeeAssessment | null = null): FeeGate {
  if (!owes) return { open: true };
  if (notices.some((state) => state === "ISSUED")) return { open: false, reason: "NOTICE_UNSETTLED" };
  if (notices.some((state) => state === "SETTLED") || assessment === "NOTHING_TO_CHARGE") return { open: true };
  return { open: false, reason: "NOTICE_NOT_YET_ISSUED" };
}

/** Events may arrive out of order: a settled or cancelled notice never goes back to issued. */
export function laterNoticeState(current: NoticeState | null, incoming: NoticeState): NoticeState {
  if (current === null || current === "ISSUED") return incoming;
  if (current === "SETTLED") return "SETTLED";
  return incoming === "SETTLED" ? "SETTLED" : "CANCELLED";
}
