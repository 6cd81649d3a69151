import { z } from "zod";
import { centerCode, defineEvent } from "./define";
import { streams } from "./streams";

/**
 * What the results service (docs/results.md) renders, one PDF per cause: the receipt (受理回执),
 * the one-time notice (一次性告知书), the payment notice (缴款通知书), the licence or certificate
 * (证照) of an approval, the written decision of a denial (不予许可决定书) and the written
 * refusal to accept (不予受理决定书).
 */
export const resultDocumentKinds = ["RECEIPT", "MATERIAL_NOTICE", "PAYMENT_NOTICE", "LICENCE", "DENIAL_DECISION", "REFUSAL_DECISION"] as const;
export type ResultDocumentKind = (typeof resultDocumentKinds)[number];
export const resultDocumentKind = z.enum(resultDocumentKinds);

/** 电子证照: valid, revoked (撤销), past its validity (过期), replaced by a new licence (换发). */
export const licenceStatuses = ["VALID", "REVOKED", "EXPIRED", "REPLACED"] as const;
export type LicenceStatus = (typeof licenceStatuses)[number];

/**
 * A document was rendered and stored, once: its number and SHA-256, for the case's routing slip
 * (办件流程单). The verification code is not on the bus: it is what a holder shows, not what
 * every consumer of the stream should be able to look up.
 */
export const documentIssued = defineEvent(
  streams.results,
  "document.issued",
  z.object({
    documentId: z.string(),
    caseId: z.string(),
    receiptNo: z.string(),
    centerCode,
    departmentId: z.string(),
    kind: resultDocumentKind,
    documentNo: z.string(),
    sha256: z.string(),
    sizeBytes: z.number().int().positive(),
    issuedAt: z.string(),
    /** The licence registered with it, for a LICENCE. */
    licenceId: z.string().nullable(),
  }),
);

const licenceChange = z.object({
  licenceId: z.string(),
  licenceNo: z.string(),
  caseId: z.string(),
  centerCode,
  departmentId: z.string(),
  itemId: z.string(),
  /** Who acted (a staff id) and why. */
  actorId: z.string(),
  reason: z.string(),
  occurredAt: z.string(),
});

/** 撤销: the licence no longer stands; the public check says so from now on. */
export const licenceRevoked = defineEvent(streams.results, "licence.revoked", licenceChange);

/** 换发: the licence was replaced by a new one (a new number and code); the old one reads REPLACED. */
export const licenceReplaced = defineEvent(
  streams.results,
  "licence.replaced",
  licenceChange.extend({ replacementId: z.string(), replacementNo: z.string() }),
);
