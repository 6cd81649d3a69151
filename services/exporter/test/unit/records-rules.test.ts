import { readFileSync } from "node:fs";
import { join } from "node:path";
import { casesEvents, provincialExport, supervisionEvents, type Envelope } from "@onestop/events";
import { exporterEnvSchema } from "../../src/env";
import { beijingDay, caseConclusionRecord, caseStageRecord, warningRecord } from "../../src/export/records.rules";
import { step } from "../../../supervision/test/support/steps";

const envelope = (id: string): Envelope => ({ id, type: "x", occurredAt: "2026-03-02T02:00:00.000Z", requestId: null, centerCode: "330110000000", payload: null });

describe("provincial export records", () => {
  it("counts the day in Beijing time: 16:00 UTC is the next day", () => {
    expect(beijingDay("2026-03-02T15:59:59.999Z")).toBe("2026-03-02");
    expect(beijingDay("2026-03-02T16:00:00.000Z")).toBe("2026-03-03");
    expect(beijingDay("2026-12-31T16:30:00.000Z")).toBe("2027-01-01");
  });

  it("makes a stage change a case-stage record keyed by the case, with the item's 实施编码 and the applicant as the event carries them", () => {
    const payload = casesEvents.caseStageChanged.schema.parse(
      step(2, { caseId: "case-7", occurredAt: "2026-03-02T16:10:00.000Z", itemCode: "CODE-1", applicantKind: "ENTERPRISE", applicantIdMasked: "913501********0Y43" }),
    );
    const lookedUp: string[] = [];
    const record = caseStageRecord(payload, envelope("e-1"), (itemId) => (lookedUp.push(itemId), "CATALOG-CODE"));
    expect(record).toMatchObject({ family: "case-stage", key: "case-7", eventId: "e-1" });
    expect(provincialExport.caseStageRecord.parse(record.value)).toMatchObject({
      itemCode: "CODE-1",
      applicantKind: "ENTERPRISE",
      applicantIdMasked: "913501********0Y43",
      beijingDay: "2026-03-03",
      eventId: "e-1",
      schemaVersion: 2,
    });
    expect(lookedUp).toEqual([]);
  });

  it("reads a stage change published before cases carried code and applicant: the code from the catalog, the applicant null", () => {
    const { itemCode: _code, applicantKind: _kind, applicantIdMasked: _masked, ...old } = step(2);
    const record = caseStageRecord(casesEvents.caseStageChanged.schema.parse(old), envelope("e-5"), (itemId, version) => (itemId === "item-1" && version === 1 ? "CODE-1" : null));
    expect(provincialExport.caseStageRecord.parse(record.value)).toMatchObject({ itemCode: "CODE-1", applicantKind: null, applicantIdMasked: null });
  });

  it("refuses a record whose ID number is not masked", () => {
    const payload = casesEvents.caseStageChanged.schema.parse(step(2, { applicantKind: "PERSON", applicantIdMasked: "11010519491231002X" }));
    expect(provincialExport.caseStageRecord.safeParse(caseStageRecord(payload, envelope("e-6"), () => null).value).success).toBe(false);
  });

  it("makes a conclusion a record with promised and used working days; an unknown item's code is null", () => {
    const payload = casesEvents.caseConcluded.schema.parse({
      ...step(5),
      windowId: null,
      handlerId: null,
      outcome: "APPROVED",
      acceptedAt: "2026-03-02T02:00:00.000Z",
      concludedAt: "2026-03-05T02:00:00.000Z",
      deadline: null,
      onTime: true,
      workingDaysUsed: 3,
      promisedLimitDays: 10,
    });
    const record = caseConclusionRecord(payload, envelope("e-2"), () => null);
    expect(provincialExport.caseConclusionRecord.parse(record.value)).toMatchObject({ promisedWorkingDays: 10, usedWorkingDays: 3, itemCode: null, outcome: "APPROVED" });
  });

  it("keys a warning by its case, or by itself when it is about a window", () => {
    const base = { warningId: "w-1", change: "RAISED", kind: "WINDOW_UNATTENDED", level: "RED", status: "OPEN", centerCode: "330110000000", departmentId: null, windowId: "win-1", caseId: null, jointApprovalId: null, clock: null, deadline: null, detail: "", raisedAt: "2026-03-02T02:00:00.000Z", closedAt: null, changedAt: "2026-03-02T02:00:00.000Z" };
    expect(warningRecord(supervisionEvents.supervisionWarningChanged.schema.parse(base), envelope("e-3")).key).toBe("w-1");
    expect(warningRecord(supervisionEvents.supervisionWarningChanged.schema.parse({ ...base, caseId: "case-1" }), envelope("e-4")).key).toBe("case-1");
  });

  it("has its JSON Schema checked in as generated from the record schemas", () => {
    const file = join(__dirname, "..", "..", "..", "..", "packages", "events", "schemas", `provincial-export.v${provincialExport.PROVINCIAL_EXPORT_SCHEMA_VERSION}.json`);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(provincialExport.provincialExportJsonSchema());
  });

  it("reads the Kafka settings, and names every missing SASL setting", () => {
    const env = exporterEnvSchema.parse({ KAFKA_BROKERS: "a:9092, b:9093" });
    expect(env.KAFKA_BROKERS).toEqual(["a:9092", "b:9093"]);
    expect(env.KAFKA_IDEMPOTENT).toBe(true);
    expect(exporterEnvSchema.parse({}).KAFKA_BROKERS).toEqual([]);
    const bad = exporterEnvSchema.safeParse({ KAFKA_BROKERS: "a", KAFKA_SASL_MECHANISM: "scram-sha-512" });
    expect(bad.success ? [] : bad.error.issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["KAFKA_BROKERS", "KAFKA_SASL_USERNAME", "KAFKA_SASL_PASSWORD"]));
  });
});
