import { readFileSync } from "node:fs";
import { join } from "node:path";
import { composeFromSources, composeSupergraph } from "@onestop/gateway";

const root = join(__dirname, "..", "..");

test("the subgraphs compose without errors", () => {
  const result = composeSupergraph(root);
  expect(result.ok ? [] : result.errors).toEqual([]);
});

test("the checked-in supergraph is what composition produces now (run `pnpm compose` after a schema change)", () => {
  const result = composeSupergraph(root);
  if (!result.ok) throw new Error(result.errors.join("\n"));
  const checkedIn = readFileSync(join(root, "services/gateway/supergraph.graphql"), "utf8");
  expect(checkedIn).toBe(result.supergraphSdl);
});

test("a composition error is reported, not written", () => {
  const link = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';
  const result = composeFromSources([
    { name: "a", url: "http://a/graphql", sdl: `${link}\ntype Item @key(fields: "id") { id: ID! name: String! }\ntype Query { a: Item }` },
    { name: "b", url: "http://b/graphql", sdl: `${link}\ntype Item @key(fields: "id") { id: ID! name: Int! }\ntype Query { b: Item }` },
  ]);
  expect(result.ok).toBe(false);
  expect(result.ok ? "" : result.errors.join("\n")).toMatch(/name/);
});
