import { resultsEvents } from "@onestop/events";
import { onEvent, type Clock } from "@onestop/platform";
import type { CaseDocumentsRepository } from "./documents.repository";

/**
 * Results' `document.issued` puts each document, with its number and SHA-256, on the case's
 * routing slip. The inbox makes it once per event; the document's id as the key makes it once per
 * document, whatever event carried it.
 */
export function caseDocumentHandlers(repository: CaseDocumentsRepository, clock: Clock) {
  return [
    onEvent("routing-slip-document-issued", resultsEvents.documentIssued, (tx, issued) =>
      repository.record(tx, {
        documentId: issued.documentId,
        caseId: issued.caseId,
        kind: issued.kind,
        documentNo: issued.documentNo,
        sha256: issued.sha256,
        sizeBytes: issued.sizeBytes,
        issuedAt: new Date(issued.issuedAt),
        recordedAt: clock.now(),
      }),
    ),
  ];
}
