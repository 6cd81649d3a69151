import { buildSchema, GraphQLError, parse } from "graphql";
import { checkQueryLimits, type QueryLimits } from "../../src/limits/query-limits.rules";

const schema = buildSchema(`
  type Query {
    items(centerCode: String!): [Item!]!
    searchItems(first: Int = 20, after: String): ItemConnection!
    cases(limit: Int = 50): [Case!]!
    case(id: ID!): Case
  }
  type Mutation { acceptCase(caseId: ID!): Case }
  type ItemConnection { edges: [ItemEdge!]! }
  type ItemEdge { node: Item! }
  type Item { id: ID! name: String! versions: [Item!]! department: Department }
  type Department { name: String! items: [Item!]! }
  type Case { id: ID! item: Item notices(first: Int): [Notice!]! }
  type Notice { noticeNo: String! }
`);
const limits: QueryLimits = { maxDepth: 6, maxCost: 1000, maxRepeats: 5, maxAliases: 20, defaultListSize: 10 };

const measure = (query: string, variables: Record<string, unknown> = {}, overrides: Partial<QueryLimits> = {}) =>
  checkQueryLimits(parse(query), { ...limits, ...overrides }, schema, variables);

function refusal(query: string, variables: Record<string, unknown> = {}, overrides: Partial<QueryLimits> = {}): GraphQLError {
  try {
    measure(query, variables, overrides);
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions.http).toEqual({ status: 400 });
    return error as GraphQLError;
  }
  throw new Error("expected a refusal");
}

test("depth counts levels of fields; cost counts each field once per item of the lists around it", () => {
  expect(measure(`{ case(id: "1") { id item { name department { name } } } }`)).toEqual({ depth: 4, cost: 6, repeats: 1, aliases: 0 });
  // items: 1, then 10 (default list size) × (id, name) = 21
  expect(measure(`{ items(centerCode: "330110000000") { id name } }`).cost).toBe(21);
  // the schema's default (limit: 50) is used when the caller gives none
  expect(measure(`{ cases { id } }`).cost).toBe(51);
});

test("list sizes come from first/limit given inline, in variables, or as the operation's variable default", () => {
  expect(measure(`{ cases(limit: 3) { id } }`).cost).toBe(4);
  expect(measure(`query ($n: Int) { cases(limit: $n) { id } }`, { n: 7 }).cost).toBe(8);
  expect(measure(`query ($n: Int = 9) { cases(limit: $n) { id } }`).cost).toBe(10);
  expect(measure(`{ case(id: "1") { notices(first: 4) { noticeNo } } }`).cost).toBe(6);
});

test("a connection's first is the size of the lists inside it", () => {
  // searchItems 1, edges 1, node 5, id 5
  expect(measure(`{ searchItems(first: 5) { edges { node { id } } } }`).cost).toBe(12);
  expect(refusal(`{ searchItems(first: 10000) { edges { node { id name } } } }`).extensions.code).toBe("QUERY_TOO_COMPLEX");
});

test("nested lists multiply", () => {
  const error = refusal(`{ items(centerCode: "x") { versions { versions { versions { id } } } } }`);
  expect(error.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", maxCost: 1000 });
});

test("an aliased bomb is refused by its aliases, and by its cost where aliases are allowed", () => {
  const bomb = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: case(id: "${i}") { id }`).join(" ")} }`;
  expect(refusal(bomb).extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", maxAliases: 20 });
  expect(refusal(bomb, {}, { maxAliases: 5000 }).message).toMatch(/cost passes 1000/);
  expect(measure(`{ a: case(id: "1") { id } b: case(id: "2") { x: id } }`).aliases).toBe(3);
});

test("one field asked for again and again is refused before validation could spend quadratic time on it", () => {
  const repeated = `{ ${Array.from({ length: 6 }, () => `case(id: "1") { id }`).join(" ")} }`;
  expect(refusal(repeated).extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", field: "case", maxRepeats: 5 });
  // through fragments too
  const viaFragments = `{ case(id: "1") { ...A ...B ...C } } fragment A on Case { id id } fragment B on Case { id id } fragment C on Case { id id }`;
  expect(refusal(viaFragments).extensions).toMatchObject({ field: "id" });
  expect(measure(`{ case(id: "1") { id ...A } } fragment A on Case { id }`).repeats).toBe(2);
});

test("deep nesting is refused as too deep, also when it hides in fragments", () => {
  expect(measure(`{ case(id: "1") { item { department { items { department { name } } } } } }`).depth).toBe(6);
  expect(refusal(`{ case(id: "1") { item { department { items { department { items { id } } } } } } }`).extensions).toMatchObject({
    code: "QUERY_TOO_DEEP",
    maxDepth: 6,
  });
  const viaFragments = `{ case(id: "1") { item { ...D } } } fragment D on Item { department { items { department { items { id } } } } }`;
  expect(refusal(viaFragments).extensions.code).toBe("QUERY_TOO_DEEP");
});

test("fragment cycles end the walk without counting forever (validation names them)", () => {
  expect(measure(`{ case(id: "1") { item { ...A } } } fragment A on Item { ...B } fragment B on Item { id ...A }`).cost).toBe(3);
  expect(measure(`{ case(id: "1") { item { ...A } } } fragment A on Item { department { items { ...A } } }`).depth).toBe(4);
});

test("fragments that multiply one another stop at the limit at once", () => {
  const levels = Array.from({ length: 30 }, (_, i) => `fragment F${i + 1} on Item { a: department { items { ...F${i} } } b: department { items { ...F${i} } } }`);
  const query = `{ items(centerCode: "x") { ...F30 } } fragment F0 on Item { id } ${levels.join(" ")}`;
  const started = performance.now();
  expect(refusal(query, {}, { maxDepth: 100 }).extensions.code).toBe("QUERY_TOO_COMPLEX");
  expect(performance.now() - started).toBeLessThan(200);
});

test("fragments nobody spreads are measured too: validation would look at them", () => {
  const unused = `{ case(id: "1") { id } } fragment Bomb on Query { ${Array.from({ length: 6 }, () => "cases { id }").join(" ")} }`;
  expect(refusal(unused).extensions.code).toBe("QUERY_TOO_COMPLEX");
});

test("every operation of the document counts, whichever is run", () => {
  const two = `query A { cases(limit: 600) { id } } query B { cases(limit: 600) { id } }`;
  expect(refusal(two).extensions.code).toBe("QUERY_TOO_COMPLEX");
});

test("without a schema (unknown fields) every field still counts once", () => {
  expect(checkQueryLimits(parse(`{ nope { a b } }`), limits, undefined).cost).toBe(3);
});
