import { preReviewActFor } from "@onestop/authorization";
import { DomainError, validate, type Identity } from "@onestop/platform";
import { CaseErrorCode } from "../errors";
import type { CaseAccess } from "./case-access";
import type { CaseEndings } from "./case-endings";
import { requireTransition } from "./case-steps";
import type { CaseAction } from "./cases.rules";
import type { CaseRow } from "./entities";
import { deliverInput, keyOnly, verifyInput } from "./inputs";

/** 办结 and 送达: concluding a decided case, delivering its result, and verifying a commitment (告知承诺) after approval. */
export class ConclusionService {
  constructor(
    private readonly access: CaseAccess,
    private readonly endings: CaseEndings,
  ) {}

  /** 办结: an approval concludes only once the fee gate is open. */
  async concludeCase(identity: Identity, caseId: string, rawInput: unknown = {}): Promise<CaseRow> {
    const input = validate(keyOnly, rawInput);
    return this.access.staffStep(identity, caseId, "CONCLUDE", input.idempotencyKey, (c) => preReviewActFor(c.kind), async (context) => {
      requireTransition("CONCLUDE", context.current);
      return this.endings.conclusion(context);
    });
  }

  /** 送达: the result (approval or denial) reached the applicant. */
  async deliverResult(identity: Identity, caseId: string, rawInput: unknown): Promise<CaseRow> {
    const input = validate(deliverInput, rawInput);
    return this.access.staffStep(identity, caseId, "DELIVER", input.idempotencyKey, () => "DELIVER", async ({ current, now }) => {
      requireTransition("DELIVER", current);
      return { to: "DELIVERED", opinion: input.note ?? null, changes: { deliveredAt: now, deliveryMethod: input.method }, details: { method: input.method } };
    });
  }

  /** 告知承诺 verification after approval: kept, or breached and the approval revoked. */
  async verifyCommitment(identity: Identity, caseId: string, rawInput: unknown): Promise<CaseRow> {
    const input = validate(verifyInput, rawInput);
    const action: CaseAction = input.result === "VERIFIED" ? "VERIFY_COMMITMENT" : "REVOKE_FOR_BREACHED_COMMITMENT";
    return this.access.staffStep(identity, caseId, action, input.idempotencyKey, (c) => preReviewActFor(c.kind), async ({ current }) => {
      requireTransition(action, current, action === "VERIFY_COMMITMENT" ? current.status : "REVOKED");
      if (current.commitmentState !== "PENDING") {
        throw new DomainError(CaseErrorCode.CommitmentNotPending, `Case ${current.id} has no commitment waiting for verification`);
      }
      if (action === "VERIFY_COMMITMENT") return { to: current.status, opinion: input.opinion, changes: { commitmentState: "VERIFIED" } };
      return { to: "REVOKED", opinion: input.opinion, changes: { commitmentState: "BREACHED" } };
    });
  }
}
