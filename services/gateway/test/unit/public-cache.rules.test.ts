import { parse, type OperationDefinitionNode } from "graphql";
import { LruStore } from "../../src/cache/lru-store";
import { cacheKey, isPublicQuery, mutationMayChangePublicData, readOnlyCacheableSubgraphs } from "../../src/cache/public-cache.rules";

const operation = (source: string) => parse(source).definitions[0] as OperationDefinitionNode;

describe("a public query", () => {
  test("is a query whose every root field is a public catalog field", () => {
    expect(isPublicQuery(operation(`{ searchItems(centerCode: "1", keyword: "jsgc") { totalCount } }`))).toBe(true);
    expect(isPublicQuery(operation(`query ($id: ID!) { item(id: $id) { name department { name } } itemByCode(code: "X") { id } __typename }`))).toBe(true);
    expect(isPublicQuery(operation(`{ entryRate(centerCode: "1") { rate { entered } } items(centerCode: "1") { id } }`))).toBe(true);
  });

  test("is not one with any other root field, a fragment at the root, or any mutation", () => {
    expect(isPublicQuery(operation(`{ searchItems(centerCode: "1") { totalCount } departments(centerCode: "1") { id } }`))).toBe(false);
    expect(isPublicQuery(operation(`{ __schema { types { name } } }`))).toBe(false);
    expect(isPublicQuery(operation(`{ myCases { id } }`))).toBe(false);
    expect(isPublicQuery(operation(`{ ... on Query { searchItems(centerCode: "1") { totalCount } } }`))).toBe(false);
    expect(isPublicQuery(operation(`mutation { item(id: "1") { id } }`))).toBe(false);
    expect(isPublicQuery(operation(`subscription { searchItems { id } }`))).toBe(false);
  });
});

test("an answer is kept only if it read the catalog and staffing alone", () => {
  expect(readOnlyCacheableSubgraphs(new Set(["catalog"]))).toBe(true);
  expect(readOnlyCacheableSubgraphs(new Set(["catalog", "staffing"]))).toBe(true);
  expect(readOnlyCacheableSubgraphs(new Set(["catalog", "fees"]))).toBe(false);
  expect(readOnlyCacheableSubgraphs(new Set(["cases"]))).toBe(false);
});

test("a mutation empties the cache when it reached the catalog, not when it only signed someone in", () => {
  expect(mutationMayChangePublicData(new Set(["catalog"]))).toBe(true);
  expect(mutationMayChangePublicData(new Set(["staffing"]))).toBe(false);
  expect(mutationMayChangePublicData(new Set(["cases", "fees"]))).toBe(false);
});

test("the key is the body without the client's spacing, with the media types asked for and sent", () => {
  const body = JSON.parse(`{ "query": "{ searchItems { totalCount } }",   "variables": { "k": "不动产" } }`) as unknown;
  const same = JSON.parse(`{"query":"{ searchItems { totalCount } }","variables":{"k":"不动产"}}`) as unknown;
  expect(cacheKey(body, "application/json", "application/json")).toBe(cacheKey(same, "application/json", "application/json"));
  expect(cacheKey(body, "application/graphql-response+json", "application/json")).not.toBe(cacheKey(body, "application/json", "application/json"));
  expect(cacheKey({ query: "{ a }", variables: { k: "x" } }, undefined, "application/json")).not.toBe(cacheKey({ query: "{ a }", variables: { k: "y" } }, undefined, "application/json"));
});

describe("the store", () => {
  let now = 0;
  const store = () => new LruStore<string>({ maxEntries: 3, maxBytes: 100, ttlMs: 1000 }, () => now);

  test("forgets the least recently used first, by count and by bytes", () => {
    const s = store();
    s.set("a", "A", 10, s.generation);
    s.set("b", "B", 10, s.generation);
    s.set("c", "C", 10, s.generation);
    expect(s.get("a")).toBe("A");
    s.set("d", "D", 10, s.generation);
    expect([s.get("a"), s.get("b"), s.get("c"), s.get("d")]).toEqual(["A", undefined, "C", "D"]);
    s.set("e", "E", 85, s.generation);
    expect([s.size, s.totalBytes]).toEqual([2, 95]);
    expect([s.get("a"), s.get("c"), s.get("d")]).toEqual([undefined, undefined, "D"]);
    expect(s.set("huge", "H", 101, s.generation)).toBe(false);
    expect(s.get("e")).toBe("E");
  });

  test("keeps nothing beyond its TTL", () => {
    const s = store();
    now = 0;
    s.set("a", "A", 10, s.generation);
    now = 999;
    expect(s.get("a")).toBe("A");
    now = 1000;
    expect(s.get("a")).toBeUndefined();
    expect(s.totalBytes).toBe(0);
  });

  test("refuses a value computed before a clear", () => {
    const s = store();
    const before = s.generation;
    s.set("a", "A", 10, before);
    s.clear();
    expect(s.get("a")).toBeUndefined();
    expect(s.set("b", "B", 10, before)).toBe(false);
    expect(s.set("b", "B", 10, s.generation)).toBe(true);
  });
});
