import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import type { ReadRecord } from "../../../../test/support/kafka-mock";
import { provincialExport } from "@onestop/events";
import { APPLICANT_NUMBERS, type Published } from "./scripted";

const VERSION = String(provincialExport.PROVINCIAL_EXPORT_SCHEMA_VERSION);
const schema = JSON.parse(readFileSync(join(__dirname, "..", "..", "..", "..", "packages", "events", "schemas", `provincial-export.v${VERSION}.json`), "utf8")) as { $id: string };
const ajv = new Ajv2020({ allErrors: true, strict: false });
ajv.addSchema(schema);

/** The problems of a record against the checked-in JSON Schema of its family (the topic's last part). */
export function schemaProblems(record: ReadRecord): string[] {
  const family = record.topic.slice(record.topic.lastIndexOf(".") + 1);
  const validate = ajv.getSchema(`${schema.$id}#/$defs/${family}`);
  if (!validate) return [`no schema for ${family}`];
  return validate(record.value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

export interface ExportCheck {
  missing: string[];
  unexpected: string[];
  /** Repeats whose record is not the same as the first (a repeat must be a redelivery). */
  changedRepeats: string[];
  repeats: number;
  /** Keys whose records (repeats dropped) are not in the order their events were published. */
  outOfOrder: string[];
  invalid: string[];
  headerMismatches: string[];
  /** Records whose bytes on the topic hold an applicant's full ID number. */
  unmasked: string[];
}

/**
 * What the province would see, checked against what was published: each event once after
 * dropping repeats by the `event-id` header, each key's records in publishing order.
 */
export function checkExport(records: readonly ReadRecord[], published: readonly Published[]): ExportCheck {
  const position = new Map(published.map((event, index) => [event.id, index]));
  const first = new Map<string, ReadRecord>();
  const result: ExportCheck = { missing: [], unexpected: [], changedRepeats: [], repeats: 0, outOfOrder: [], invalid: [], headerMismatches: [], unmasked: [] };
  const sorted = [...records].sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition || a.offset - b.offset);
  const lastOfKey = new Map<string, number>();
  for (const record of sorted) {
    const id = record.headers["event-id"]!;
    const value = record.value as { eventId: string };
    if (value.eventId !== id || record.headers["schema-version"] !== VERSION) result.headerMismatches.push(id);
    if (Object.values(APPLICANT_NUMBERS).some((number) => record.raw.includes(number))) result.unmasked.push(id);
    const seen = first.get(id);
    if (seen) {
      result.repeats += 1;
      if (JSON.stringify(seen.value) !== JSON.stringify(record.value) || seen.key !== record.key) result.changedRepeats.push(id);
      continue;
    }
    first.set(id, record);
    if (!position.has(id)) result.unexpected.push(id);
    const problems = schemaProblems(record);
    if (problems.length > 0) result.invalid.push(`${record.topic} ${id}: ${problems.join("; ")}`);
    const key = `${record.topic}/${record.key}`;
    const at = position.get(id) ?? -1;
    if ((lastOfKey.get(key) ?? -1) > at) result.outOfOrder.push(key);
    lastOfKey.set(key, at);
  }
  for (const event of published) if (!first.has(event.id)) result.missing.push(event.id);
  return result;
}

export const clean: Omit<ExportCheck, "repeats"> = { missing: [], unexpected: [], changedRepeats: [], outOfOrder: [], invalid: [], headerMismatches: [], unmasked: [] };
