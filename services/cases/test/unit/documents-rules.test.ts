import type { RoutingEntryRow } from "../../src/cases/entities";
import { documentsOnSlip } from "../../src/documents/documents.rules";
import type { CaseDocumentRow } from "../../src/documents/entities";

const step = (seq: number, action: RoutingEntryRow["action"], at: string) => ({ seq, action, occurredAt: new Date(at) }) as RoutingEntryRow;
const document = (documentNo: string, kind: CaseDocumentRow["kind"], at: string) =>
  ({ documentId: documentNo, caseId: "c", kind, documentNo, sha256: "0".repeat(64), sizeBytes: 1, issuedAt: new Date(at), recordedAt: new Date(at) }) as CaseDocumentRow;

describe("documents on the routing slip", () => {
  const slip = [step(1, "SUBMIT", "2026-03-02T01:00:00Z"), step(2, "ACCEPT", "2026-03-02T02:00:00Z"), step(3, "APPROVE", "2026-03-03T02:00:00Z"), step(4, "CONCLUDE", "2026-03-03T03:00:00Z")];

  test("each document goes under the step it was dated by, a payment notice under the step the case had reached", () => {
    const placed = documentsOnSlip(slip, [
      document("ZZ-1", "LICENCE", "2026-03-03T03:00:00Z"),
      document("SL-1", "RECEIPT", "2026-03-02T02:00:00Z"),
      document("JK-1", "PAYMENT_NOTICE", "2026-03-02T02:00:01Z"),
    ]);
    expect(placed.map((entry) => [entry.seq, entry.documents.map((d) => d.documentNo)])).toEqual([
      [1, []],
      [2, ["SL-1", "JK-1"]],
      [3, []],
      [4, ["ZZ-1"]],
    ]);
  });

  test("the steps keep their own numbers; a document dated before every step goes under the first; no steps, no slip", () => {
    const placed = documentsOnSlip(slip, [document("GZ-1", "MATERIAL_NOTICE", "2026-03-01T00:00:00Z")]);
    expect(placed.map((entry) => entry.seq)).toEqual([1, 2, 3, 4]);
    expect(placed[0]!.documents.map((d) => d.documentNo)).toEqual(["GZ-1"]);
    expect(documentsOnSlip([], [document("GZ-1", "MATERIAL_NOTICE", "2026-03-01T00:00:00Z")])).toEqual([]);
  });
});
