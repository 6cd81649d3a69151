import { buildSchema, getVariableValues, GraphQLError, parse, validate, type OperationDefinitionNode } from "graphql";
import { createLogger } from "@onestop/platform";
import { createGatewayErrorFormatter, inputFaultOf } from "../../src/input-errors";

const schema = buildSchema(`
  input Participant { departmentId: ID!, itemId: ID! }
  input PaymentInput { noticeNo: String!, amountFen: Int!, participants: [Participant!] }
  type Query { notice(noticeNo: String!, first: Int): Boolean, pay(input: PaymentInput!, flag: Boolean): Boolean }
`);

/** The variable coercion errors graphql-js reports for `variables`, as the gateway's executor meets them. */
function coercionErrors(query: string, variables: Record<string, unknown>): GraphQLError[] {
  const operation = parse(query).definitions[0] as OperationDefinitionNode;
  return [...(getVariableValues(schema, operation.variableDefinitions ?? [], variables).errors ?? [])];
}

const validationErrors = (query: string) => [...validate(schema, parse(query))];

describe("a type error of a variable names its place from the argument", () => {
  test("a wrong value inside an input object", () => {
    const [error] = coercionErrors(`query ($i: PaymentInput!) { pay(input: $i) }`, { i: { noticeNo: "1", amountFen: "5000" } });
    expect(inputFaultOf(error)).toEqual({ field: "input.amountFen", message: expect.stringContaining("Int cannot represent") });
  });

  test("inside a list, positions counting from 0", () => {
    const [error] = coercionErrors(`query ($i: PaymentInput!) { pay(input: $i) }`, {
      i: { noticeNo: "1", amountFen: 1, participants: [{ departmentId: "d", itemId: "i" }, { departmentId: "d", itemId: 7.5 }] },
    });
    expect(inputFaultOf(error)?.field).toBe("input.participants.1.itemId");
  });

  test("a missing and an unknown field name themselves", () => {
    const errors = coercionErrors(`query ($i: PaymentInput!) { pay(input: $i) }`, { i: { noticeNo: "1", extra: true } });
    expect(errors.map((e) => inputFaultOf(e)?.field).sort()).toEqual(["input.amountFen", "input.extra"]);
  });

  test("a variable named otherwise than its argument, used inside a literal object", () => {
    const [error] = coercionErrors(`query ($n: Int!) { pay(input: { noticeNo: "1", amountFen: $n }) }`, { n: "x" });
    expect(inputFaultOf(error)?.field).toBe("input.amountFen");
    const [missing] = coercionErrors(`query ($no: String!) { notice(noticeNo: $no) }`, {});
    expect(inputFaultOf(missing)).toEqual({ field: "noticeNo", message: expect.stringContaining("was not provided") });
  });

  test("a value whose text looks like a path does not mislead it", () => {
    const [error] = coercionErrors(`query ($i: PaymentInput!) { pay(input: $i) }`, { i: { noticeNo: 'at "i.noticeNo"; x', amountFen: { 'at "i.noticeNo"': 1 } } });
    expect(inputFaultOf(error)?.field).toBe("input.amountFen");
  });
});

describe("a type error of a value written into the document names its place from the argument", () => {
  test("a scalar of the wrong type, nested and top-level", () => {
    const errors = validationErrors(`{ pay(input: { noticeNo: "1", amountFen: "x", participants: [{ departmentId: "d", itemId: "i" }, { departmentId: 3.5, itemId: "i" }] }) notice(noticeNo: "1", first: "ten") }`);
    expect(errors.map((e) => inputFaultOf(e)?.field)).toEqual(["input.amountFen", "input.participants.1.departmentId", "first"]);
  });

  test("a missing field is named on the object that lacks it; an unknown one on itself", () => {
    const errors = validationErrors(`{ pay(input: { noticeNo: "1", bogus: 1 }) }`);
    expect(errors.map((e) => inputFaultOf(e)?.field).sort()).toEqual(["input.amountFen", "input.bogus"]);
  });

  test("errors about the document rather than a value are left alone", () => {
    expect(validationErrors(`{ nope }`).map(inputFaultOf)).toEqual([null]);
    expect(validationErrors(`query ($x: Int) { notice(noticeNo: "1", first: $y) }`).map(inputFaultOf)).toEqual([null, null]);
  });
});

test("the gateway answers such an error as BAD_USER_INPUT with field and problems, and leaves a service's own alone", () => {
  const format = createGatewayErrorFormatter(createLogger("test", "silent"), { hideSchema: false });
  const [error] = validationErrors(`{ notice(noticeNo: "1", first: "ten") }`);
  expect(format({ message: error.message, extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }, error).extensions).toEqual({
    code: "BAD_USER_INPUT",
    field: "first",
    problems: [{ field: "first", message: 'Int cannot represent non-integer value: "ten"' }],
  });
  const fromService = new GraphQLError("Invalid input", { extensions: { code: "BAD_USER_INPUT", field: "input.day", problems: [{ field: "input.day", message: "yyyy-MM-dd" }] } });
  expect(format({ message: fromService.message, extensions: fromService.extensions }, fromService).extensions).toEqual(fromService.extensions);
});
