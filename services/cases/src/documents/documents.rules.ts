import type { RoutingEntryRow } from "../cases/entities";
import type { CaseDocumentRow } from "./entities";

/** A routing-slip step with the documents results issued for it. */
export type SlipEntry = RoutingEntryRow & { documents: CaseDocumentRow[] };

/**
 * Puts each document under the step it was issued for: results dates a document at its cause (the
 * step's time, or the payment notice's), so it belongs to the last step at or before that time —
 * the acceptance's receipt, the notice's 告知书, the conclusion's licence; a payment notice or a
 * replacement under the step the case had reached then. A document dated before every step (a
 * clock apart) goes under the first. The slip's own numbering is left alone: the steps' numbers
 * are those of the stage events, which the other services read in sequence.
 */
export function documentsOnSlip(entries: readonly RoutingEntryRow[], documents: readonly CaseDocumentRow[]): SlipEntry[] {
  const slip: SlipEntry[] = entries.map((entry) => ({ ...entry, documents: [] }));
  if (slip.length === 0) return slip;
  const byTime = [...documents].sort((a, b) => a.issuedAt.getTime() - b.issuedAt.getTime() || a.documentNo.localeCompare(b.documentNo));
  for (const document of byTime) {
    let at = 0;
    for (let index = 0; index < slip.length; index++) if (slip[index]!.occurredAt.getTime() <= document.issuedAt.getTime()) at = index;
    slip[at]!.documents.push(document);
  }
  return slip;
}
