import { readFileSync } from "node:fs";
import { join } from "node:path";
import { graphql, type GraphqlResponse } from "@onestop/testkit";

/**
 * The example requests of a guide in docs/, as its reader would send them.
 *
 * A runnable example is marked in the guide's source by a line of its own,
 * `<!-- example: <name> -->` (or `<!-- example: <name> as: <caller> -->` when the guide has
 * several kinds of caller), right before a ```graphql block holding one operation, or an
 * ```http block holding a plain request to the gateway (`GET /audit?after=0`, then header
 * lines; an `Authorization` header stands for the caller's token). The ```json blocks that
 * follow it, before any other text block, are its variables (an object of variables) and its
 * documented answer (an object with `data` or `errors`, or for an http request its body), each
 * optional.
 */
export interface GuideExample {
  name: string;
  /** Who sends it; `undefined` is the guide's one caller. */
  caller: string | undefined;
  /** 1-based line of the marker, for messages. */
  line: number;
  /** A GraphQL operation; or, for an http example, the request line and its headers. */
  kind: "graphql" | "http";
  query: string;
  variables: Record<string, unknown>;
  answer: ({ data?: unknown; errors?: Array<{ extensions?: Record<string, unknown> }> } & Record<string, unknown>) | undefined;
}

const marker = /^<!-- example: ([a-z0-9-]+)(?: as: ([a-z_]+))? -->$/;
const fence = /^```(\w*)$/;

export function readGuideExamples(guide: string): GuideExample[] {
  const lines = readFileSync(join(__dirname, "..", "..", guide), "utf8").split("\n");
  const examples: GuideExample[] = [];
  let index = 0;
  /** The next fenced block at or after `index`, skipping blank lines only; null when prose comes first. */
  const nextBlock = (): { language: string; text: string } | null => {
    while (index < lines.length && lines[index]!.trim() === "") index++;
    const opening = fence.exec(lines[index] ?? "");
    if (!opening) return null;
    const end = lines.indexOf("```", index + 1);
    if (end < 0) throw new Error(`${guide}:${index + 1}: unclosed block`);
    const block = { language: opening[1]!, text: lines.slice(index + 1, end).join("\n") };
    index = end + 1;
    return block;
  };
  while (index < lines.length) {
    const found = marker.exec(lines[index]!);
    index++;
    if (!found) continue;
    const line = index;
    const query = nextBlock();
    if (query?.language !== "graphql" && query?.language !== "http") throw new Error(`${guide}:${line}: an example marker is followed by a graphql or http block`);
    const example: GuideExample = { name: found[1]!, caller: found[2], line, kind: query.language, query: query.text, variables: {}, answer: undefined };
    for (let start = index, block = nextBlock(); block?.language === "json"; start = index, block = nextBlock()) {
      let parsed: Record<string, unknown>;
      try {
        parsed = JSON.parse(block.text) as Record<string, unknown>;
      } catch (error) {
        throw new Error(`${guide}:${start + 1}: the json block of example ${example.name} is not JSON: ${String(error)}`);
      }
      if (example.kind === "http" || "data" in parsed || "errors" in parsed) example.answer = parsed as GuideExample["answer"];
      else example.variables = parsed;
    }
    examples.push(example);
  }
  return examples;
}

/** Replaces every string value the guide shows by the one of the running system, where a replacement is given. */
export function substituted(value: unknown, replacements: ReadonlyMap<string, string>): unknown {
  if (typeof value === "string") return replacements.get(value) ?? value;
  if (Array.isArray(value)) return value.map((item) => substituted(item, replacements));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substituted(item, replacements)]));
  }
  return value;
}

const kindOf = (value: unknown) => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value);

/**
 * Where `actual` differs in shape from what the guide documents: the same keys, the same
 * kinds of values (strings, numbers, booleans, null, lists, objects; a scalar shown may be
 * answered null and the other way round); a documented list's first item is the shape of every
 * item answered. Values themselves may differ.
 */
export function shapeDifferences(actual: unknown, documented: unknown, path = "$"): string[] {
  // A nullable scalar may be shown with a value and answered null, or the other way round.
  const scalarOrNull = (value: unknown) => value === null || (typeof value !== "object" && value !== undefined);
  if (scalarOrNull(actual) && scalarOrNull(documented) && (actual === null || documented === null)) return [];
  if (kindOf(actual) !== kindOf(documented)) return [`${path}: documented ${kindOf(documented)}, answered ${kindOf(actual)}`];
  if (Array.isArray(documented) && Array.isArray(actual)) {
    if (documented.length === 0) return [];
    if (actual.length === 0) return [`${path}: documented items, answered none`];
    return actual.flatMap((item, index) => shapeDifferences(item, documented[0], `${path}[${index}]`));
  }
  if (kindOf(documented) !== "object") return [];
  const got = actual as Record<string, unknown>;
  const shown = documented as Record<string, unknown>;
  const keys = new Set([...Object.keys(got), ...Object.keys(shown)]);
  return [...keys].flatMap((key) => {
    if (!(key in shown)) return [`${path}.${key}: answered, not documented`];
    if (!(key in got)) return [`${path}.${key}: documented, not answered`];
    return shapeDifferences(got[key], shown[key], `${path}.${key}`);
  });
}

export interface GuideRun {
  gatewayUrl: string;
  /** The token of the example's caller. */
  tokenFor(caller: string | undefined): string;
  /** The guide's example values (a notice number, a day) and what stands for them in the running system. */
  replacements: ReadonlyMap<string, string>;
}

/**
 * Sends the example as its reader would and says what does not match the guide: an answer
 * with errors where the guide shows data, another code than the one the guide shows, or
 * another shape. An empty list is an example that runs as written.
 */
export async function runGuideExample(example: GuideExample, run: GuideRun): Promise<{ response: GraphqlResponse; mismatches: string[] }> {
  if (example.kind === "http") return runHttpExample(example, run);
  const variables = substituted(example.variables, run.replacements) as Record<string, unknown>;
  const response = await graphql(run.gatewayUrl, example.query, variables, { token: run.tokenFor(example.caller) });
  const documented = example.answer;
  const mismatches: string[] = [];
  if (documented?.errors) {
    const code = documented.errors[0]?.extensions?.code;
    const answered = response.errors?.[0];
    if (answered?.extensions?.code !== code) mismatches.push(`documented ${String(code)}, answered ${JSON.stringify(response.errors ?? response.data)}`);
    else {
      // Details a guide leaves out (the gateway's serviceName) may come along; what it shows must.
      const shown = documented.errors[0]!.extensions ?? {};
      const extensions = answered?.extensions ?? {};
      const picked = Object.fromEntries(Object.keys(shown).filter((key) => key in extensions).map((key) => [key, extensions[key]]));
      mismatches.push(...shapeDifferences(picked, shown, "$.errors[0].extensions"));
    }
  } else {
    if (response.status !== 200 || response.errors) mismatches.push(`answered HTTP ${response.status} ${JSON.stringify(response.errors)}`);
    else if (documented) mismatches.push(...shapeDifferences({ data: response.data }, documented));
  }
  return { response, mismatches };
}

/** A plain request to the gateway as the guide writes it; its answer's body has the documented shape. */
async function runHttpExample(example: GuideExample, run: GuideRun): Promise<{ response: GraphqlResponse; mismatches: string[] }> {
  const [requestLine, ...headerLines] = example.query.split("\n").filter((line) => line.trim() !== "");
  const [method, path] = requestLine!.trim().split(/\s+/);
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const at = line.indexOf(":");
    const name = line.slice(0, at).trim().toLowerCase();
    headers[name] = name === "authorization" ? `Bearer ${run.tokenFor(example.caller)}` : line.slice(at + 1).trim();
  }
  const answered = await fetch(new URL(path!, run.gatewayUrl), { method, headers });
  const body = (await answered.json()) as Record<string, unknown>;
  const response = { status: answered.status, data: body } as unknown as GraphqlResponse;
  const mismatches = answered.status !== 200 ? [`answered HTTP ${answered.status} ${JSON.stringify(body)}`] : example.answer ? shapeDifferences(body, example.answer) : [];
  return { response, mismatches };
}
