// The breaking-change check of the API the gateway serves: the supergraph as composed now
// against the last released one (services/gateway/released/README.md). The bank and the bureau
// call the gateway from their own systems, released on their own schedules; a field removed by
// accident would break their counters, so every break must be listed, with a reason, on purpose.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Supergraph } from "@apollo/federation-internals";
import { diff } from "@graphql-inspector/core";
import { buildSchema, Kind, parse, printSchema, validate, type GraphQLSchema, type OperationDefinitionNode } from "graphql";
import { parse as parseYaml } from "yaml";

const root = join(__dirname, "..", "..");
const released = join(root, "services/gateway/released");

/** What clients see of a supergraph: its API schema, without federation's join and link types. */
const apiSchema = (supergraphSdl: string) => Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();

interface AllowedBreak {
  change: string;
  reason: string;
  reviewedBy: string;
}

function allowedBreaks(): AllowedBreak[] {
  const entries = parseYaml(readFileSync(join(released, "allowed-breaking-changes.yaml"), "utf8")) as unknown;
  if (!Array.isArray(entries)) throw new Error("allowed-breaking-changes.yaml must be a list");
  for (const entry of entries as Array<Partial<AllowedBreak>>) {
    for (const key of ["change", "reason", "reviewedBy"] as const) {
      if (typeof entry?.[key] !== "string" || entry[key].trim() === "") throw new Error(`an allowed break needs a ${key}: ${JSON.stringify(entry)}`);
    }
  }
  return entries as AllowedBreak[];
}

/** The breaking changes from `before` to `after` nobody allowed, and the allowances that match no change. */
async function unallowedBreaks(before: GraphQLSchema, after: GraphQLSchema, allowed: AllowedBreak[]) {
  const breaking = (await diff(before, after)).filter((change) => change.criticality.level === "BREAKING").map((change) => change.message);
  return {
    unallowed: breaking.filter((message) => !allowed.some((entry) => entry.change === message)),
    stale: allowed.filter((entry) => !breaking.includes(entry.change)).map((entry) => entry.change),
  };
}

/** Every operation in the ```graphql blocks of a published document, one document each. */
function publishedOperations(doc: string): Array<{ doc: string; operation: OperationDefinitionNode }> {
  const text = readFileSync(join(root, "docs", doc), "utf8");
  const blocks = [...text.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]);
  return blocks.flatMap((block) =>
    parse(block).definitions.flatMap((definition) => (definition.kind === Kind.OPERATION_DEFINITION ? [{ doc, operation: definition }] : [])),
  );
}

const releasedApi = apiSchema(readFileSync(join(released, "supergraph.graphql"), "utf8"));
const currentApi = apiSchema(readFileSync(join(root, "services/gateway/supergraph.graphql"), "utf8"));
const contracts = [...publishedOperations("bank-integration.md"), ...publishedOperations("joint-approval.md")];

test("the API breaks nothing the released supergraph offered, but for the allowed breaks (services/gateway/released/)", async () => {
  expect(await unallowedBreaks(releasedApi, currentApi, allowedBreaks())).toEqual({ unallowed: [], stale: [] });
});

test("every operation the bank's and the bureau's documents publish validates against the API", () => {
  expect(contracts.length).toBeGreaterThanOrEqual(10);
  const invalid = contracts.flatMap(({ doc, operation }) =>
    validate(currentApi, { kind: Kind.DOCUMENT, definitions: [operation] }).map((error) => `${doc}: ${error.message}`),
  );
  expect(invalid).toEqual([]);
});

test("a field of the bank's contract removed is a break the check reports, until it is allowed", async () => {
  const withoutReceiptNo = buildSchema(printSchema(releasedApi).replace(/^(type BankPayment \{[\s\S]*?)\n  receiptNo: [^\n]*/m, "$1"));
  const change = "Field 'receiptNo' was removed from object type 'BankPayment'";
  expect(await unallowedBreaks(releasedApi, withoutReceiptNo, [])).toEqual({ unallowed: [change], stale: [] });
  expect(await unallowedBreaks(releasedApi, withoutReceiptNo, [{ change, reason: "test", reviewedBy: "test" }])).toEqual({ unallowed: [], stale: [] });
  expect(await unallowedBreaks(releasedApi, releasedApi, [{ change, reason: "test", reviewedBy: "test" }])).toEqual({ unallowed: [], stale: [change] });
});
