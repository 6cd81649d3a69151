import { graphql } from "@onestop/testkit";
import { demoCenter, seedDepartments } from "./county";

export interface SeedTarget {
  gatewayUrl: string;
  /** An access token of the center's administration (center_admin of the demo center). */
  adminToken: string;
  log?: (line: string) => void;
}

export interface SeedContext extends SeedTarget {
  centerCode: string;
  /** Department id by seed code, filled by the first step. */
  departmentIds: Map<string, string>;
  /** Window id by seed code, filled by the staffing step. */
  windowIds: Map<string, string>;
}

/** Runs one GraphQL operation and throws with every error's code and message if it fails. */
export async function call<T>(context: SeedTarget, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await graphql<T>(context.gatewayUrl, query, variables, { token: context.adminToken });
  if (result.errors?.length || !result.data) {
    const errors = (result.errors ?? []).map((e) => `${String(e.extensions?.code)}: ${e.message}`).join("; ");
    throw new Error(`Seed operation failed (${result.status}): ${errors || "no data"}`);
  }
  return result.data;
}

/** One mutation field of a batch: its name and its arguments with their GraphQL types. */
export interface BatchedCall {
  field: string;
  arguments: Record<string, { type: string; value: unknown }>;
}

/** How many fields one batched mutation carries. */
export const MAX_BATCH = 25;

/**
 * A mutation of aliased fields `o0`, `o1`… with their variables. The fields run one after another
 * in order, and the gateway sends a run of them to their subgraph in one request: a seed of
 * hundreds of calls costs a few round trips, not hundreds.
 */
export function batchedMutation(calls: readonly BatchedCall[], selection: string): { query: string; variables: Record<string, unknown> } {
  const variables: Record<string, unknown> = {};
  const declarations: string[] = [];
  const fields = calls.map((call, index) => {
    const args = Object.entries(call.arguments).map(([name, { type, value }]) => {
      variables[`o${index}_${name}`] = value;
      declarations.push(`$o${index}_${name}: ${type}`);
      return `${name}: $o${index}_${name}`;
    });
    return `o${index}: ${call.field}(${args.join(", ")}) ${selection}`;
  });
  return { query: `mutation (${declarations.join(", ")}) { ${fields.join(" ")} }`, variables };
}

/** Runs the calls in order, MAX_BATCH to a request, and returns each one's result; throws on any error. */
export async function callBatched<T>(context: SeedTarget, calls: readonly BatchedCall[], selection: string): Promise<T[]> {
  const results: T[] = [];
  for (let start = 0; start < calls.length; start += MAX_BATCH) {
    const batch = calls.slice(start, start + MAX_BATCH);
    const { query, variables } = batchedMutation(batch, selection);
    const data = await call<Record<string, T>>(context, query, variables);
    results.push(...batch.map((_, index) => data[`o${index}`]));
  }
  return results;
}

/** `field(input: …)` once per input, batched as callBatched does. */
export function callEachInput<T>(context: SeedTarget, field: string, inputType: string, inputs: readonly unknown[], selection: string): Promise<T[]> {
  return callBatched<T>(context, inputs.map((input) => ({ field, arguments: { input: { type: `${inputType}!`, value: input } } })), selection);
}

/** Registers the county's departments, or finds them when they are already there. */
async function seedDepartmentsStep(context: SeedContext): Promise<void> {
  const existing = await call<{ departments: Array<{ id: string; code: string }> }>(
    context,
    `query ($c: String!) { departments(centerCode: $c) { id code } }`,
    { c: context.centerCode },
  );
  const byCode = new Map(existing.departments.map((d) => [d.code, d.id]));
  const missing = seedDepartments.filter((department) => !byCode.has(department.code));
  const created = await callEachInput<{ id: string }>(
    context,
    "registerDepartment",
    "RegisterDepartmentInput",
    missing.map((department) => ({ centerCode: context.centerCode, code: department.code, name: department.name })),
    "{ id }",
  );
  missing.forEach((department, index) => byCode.set(department.code, created[index].id));
  for (const department of seedDepartments) context.departmentIds.set(department.code, byCode.get(department.code)!);
  context.log?.(`departments: ${context.departmentIds.size}`);
}

export type SeedStep = (context: SeedContext) => Promise<void>;

/**
 * Loads the demonstration county through the gateway, step by step; every step is
 * idempotent, so running it again changes nothing.
 */
export async function seedCounty(target: SeedTarget, steps: readonly SeedStep[] = [seedDepartmentsStep]): Promise<SeedContext> {
  const context: SeedContext = { ...target, centerCode: demoCenter.centerCode, departmentIds: new Map(), windowIds: new Map() };
  for (const step of steps) await step(context);
  return context;
}

export const seedSteps = { departments: seedDepartmentsStep };
