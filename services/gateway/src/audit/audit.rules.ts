import { createHash } from "node:crypto";
import { Kind, valueFromASTUntyped, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from "graphql";
import { REDACTED, redactPersonalText, type Identity } from "@onestop/platform";

/** The hash the first entry links back to. */
export const GENESIS_HASH = "0".repeat(64);

/** Argument names whose values are personal data or secrets: recorded as redacted, never as given. */
const PERSONAL_KEY = /(id_?(card|number|no)$|idnumber|phone|mobile|telephone|password|passwd|secret|token|credential|private_?key)/i;
export { REDACTED };

/** One mutation field of the operation, with its arguments as resolved and redacted. */
export interface AuditedField {
  field: string;
  alias?: string;
  arguments: Record<string, unknown>;
}

export interface AuditClient {
  ip: string | null;
  forwardedFor: string | null;
  userAgent: string | null;
  clientName: string | null;
  clientVersion: string | null;
}

/** What the gateway knows of one mutation once it has answered it. */
export interface AuditFacts {
  requestId: string;
  identity: Identity;
  operationName: string | null;
  fields: AuditedField[];
  client: AuditClient;
  errorCodes: string[];
  /** The centers whose data the subgraphs report the operation changed. */
  touchedCenters: string[];
}

/**
 * One entry of the audit log exactly as stored: the JSON columns are kept as the strings
 * written, so the hash is recomputed over the same characters it was computed over.
 */
export interface AuditEntry {
  seq: number;
  recordedAt: Date;
  requestId: string;
  subject: string;
  roles: string;
  centerCode: string | null;
  departmentId: string | null;
  windowId: string | null;
  operationName: string | null;
  fields: string;
  clientIp: string | null;
  forwardedFor: string | null;
  userAgent: string | null;
  clientName: string | null;
  clientVersion: string | null;
  outcome: "ok" | "error";
  errorCodes: string;
  /** JSON list of the centers the operation changed data of; null in entries written before it was kept. */
  touchedCenters: string | null;
  prevHash: string;
  hash: string;
}

export type UnhashedEntry = Omit<AuditEntry, "hash">;

/** Column widths, so what is hashed is what fits in the table. */
const WIDTH = { requestId: 64, subject: 128, id: 64, operationName: 200, clientIp: 64, forwardedFor: 400, userAgent: 400, clientName: 100, clientVersion: 50 };

/** Whole code points only, and no lone surrogates, so the text reads back from the database unchanged. */
function fit(value: string | null | undefined, width: number): string | null {
  if (value === null || value === undefined) return null;
  return Array.from(value.replace(/[\uD800-\uDFFF]/gu, "\uFFFD"))
    .slice(0, width)
    .join("");
}

/** Personal data out of arguments: by argument name, and ID and mobile numbers inside any text. */
export function redact(value: unknown, key?: string): unknown {
  if (key !== undefined && PERSONAL_KEY.test(key) && value !== null && value !== undefined) return REDACTED;
  if (typeof value === "string") return redactPersonalText(value);
  if (Array.isArray(value)) return value.map((item) => redact(item, key));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, redact(inner, name)]));
  }
  return value;
}

/** The operation's top-level fields (through fragments), arguments resolved against the variables and redacted. */
export function mutationFields(document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): AuditedField[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const fields: AuditedField[] = [];
  const visit = (selectionSet: SelectionSetNode, seen: ReadonlySet<string>) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === "__typename") continue;
        const args = Object.fromEntries((selection.arguments ?? []).map((argument) => [argument.name.value, valueFromASTUntyped(argument.value, variables)]));
        fields.push({
          field: selection.name.value,
          ...(selection.alias ? { alias: selection.alias.value } : {}),
          arguments: redact(args) as Record<string, unknown>,
        });
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, seen);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !seen.has(fragment.name.value)) visit(fragment.selectionSet, new Set([...seen, fragment.name.value]));
      }
    }
  };
  visit(operation.selectionSet, new Set());
  return fields;
}

const CENTER_CODE = /^\d{12}$/;

/**
 * The service centers an entry belongs to, whose supervision reads it: the caller's own (from
 * the verified token) and every center whose data the operation changed, as the subgraphs
 * reported it. Never a center the input merely names: the caller chooses that. An entry of a
 * caller without a center that changed nothing belongs to no center.
 */
export function entryCenters(entry: Pick<AuditEntry, "centerCode" | "touchedCenters">): string[] {
  const touched = entry.touchedCenters === null ? [] : (JSON.parse(entry.touchedCenters) as string[]);
  return [...new Set([...(entry.centerCode ? [entry.centerCode] : []), ...touched])].sort();
}

/** The entry for the next link of the chain, before its hash. */
export function nextEntry(facts: AuditFacts, previous: { seq: number; hash: string }, recordedAt: Date): UnhashedEntry {
  return {
    seq: previous.seq + 1,
    recordedAt,
    requestId: fit(facts.requestId, WIDTH.requestId) ?? "",
    subject: fit(facts.identity.subject, WIDTH.subject) ?? "",
    roles: JSON.stringify(facts.identity.roles),
    centerCode: facts.identity.centerCode && CENTER_CODE.test(facts.identity.centerCode) ? facts.identity.centerCode : null,
    departmentId: fit(facts.identity.departmentId, WIDTH.id),
    windowId: fit(facts.identity.windowId, WIDTH.id),
    operationName: fit(facts.operationName, WIDTH.operationName),
    fields: JSON.stringify(facts.fields),
    clientIp: fit(facts.client.ip, WIDTH.clientIp),
    forwardedFor: fit(facts.client.forwardedFor, WIDTH.forwardedFor),
    userAgent: fit(facts.client.userAgent, WIDTH.userAgent),
    clientName: fit(facts.client.clientName, WIDTH.clientName),
    clientVersion: fit(facts.client.clientVersion, WIDTH.clientVersion),
    outcome: facts.errorCodes.length === 0 ? "ok" : "error",
    errorCodes: JSON.stringify([...new Set(facts.errorCodes)]),
    touchedCenters: JSON.stringify([...new Set(facts.touchedCenters.filter((center) => CENTER_CODE.test(center)))].sort()),
    prevHash: previous.hash,
  };
}

/** Every column of an entry but its links, in the fixed order the hash and the table both use. */
export function entryValues(entry: UnhashedEntry): unknown[] {
  return [
    entry.seq,
    entry.recordedAt,
    entry.requestId,
    entry.subject,
    entry.roles,
    entry.centerCode,
    entry.departmentId,
    entry.windowId,
    entry.operationName,
    entry.fields,
    entry.clientIp,
    entry.forwardedFor,
    entry.userAgent,
    entry.clientName,
    entry.clientVersion,
    entry.outcome,
    entry.errorCodes,
  ];
}

/** SHA-256 over the previous link's hash and every column of the entry (a Date as its ISO text). */
export function entryHash(entry: UnhashedEntry): string {
  // Entries written before the touched centers were kept hash as they always did.
  const canonical = JSON.stringify(entry.touchedCenters === null ? entryValues(entry) : [...entryValues(entry), entry.touchedCenters]);
  return createHash("sha256").update(`${entry.prevHash}\n${canonical}`, "utf8").digest("hex");
}

export function sealed(entry: UnhashedEntry): AuditEntry {
  return { ...entry, hash: entryHash(entry) };
}

export type ChainProblem = { seq: number; problem: string };

/**
 * Walks the chain in order of seq and names the first broken link: a missing or repeated seq,
 * a link to another hash than the one before it, or content that no longer gives its hash.
 */
export class ChainWalker {
  private previous = { seq: 0, hash: GENESIS_HASH };
  private broken: ChainProblem | null = null;
  count = 0;

  /** False once a link is broken; the rest need not be read. */
  accept(entry: AuditEntry): boolean {
    if (this.broken) return false;
    this.count += 1;
    if (entry.seq !== this.previous.seq + 1) {
      this.broken = { seq: entry.seq, problem: `expected entry ${this.previous.seq + 1} after ${this.previous.seq}, found ${entry.seq}` };
    } else if (entry.prevHash !== this.previous.hash) {
      this.broken = { seq: entry.seq, problem: `links to ${entry.prevHash.slice(0, 12)}…, but entry ${this.previous.seq} hashes to ${this.previous.hash.slice(0, 12)}…` };
    } else if (entryHash(entry) !== entry.hash) {
      this.broken = { seq: entry.seq, problem: "its content does not give its recorded hash: altered after it was written" };
    }
    this.previous = { seq: entry.seq, hash: entry.hash };
    return this.broken === null;
  }

  /** The verdict, given the chain head the log keeps (the last seq and hash written). */
  finish(head: { seq: number; hash: string }): { ok: true; last: { seq: number; hash: string } } | { ok: false; broken: ChainProblem } {
    if (this.broken) return { ok: false, broken: this.broken };
    const last = this.previous;
    if (head.seq > last.seq) {
      return { ok: false, broken: { seq: last.seq + 1, problem: `${head.seq} entries were written but the log ends at entry ${last.seq}: entries removed from its end` } };
    }
    if (head.seq < last.seq) {
      return { ok: false, broken: { seq: head.seq + 1, problem: `the log was written up to entry ${head.seq}; entries after it were added around the log` } };
    }
    if (head.hash !== last.hash) {
      return { ok: false, broken: { seq: last.seq, problem: "the last entry's hash differs from the one the log recorded when writing it" } };
    }
    return { ok: true, last: this.previous };
  }
}
