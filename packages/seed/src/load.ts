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

/** Registers the county's departments, or finds them when they are already there. */
async function seedDepartmentsStep(context: SeedContext): Promise<void> {
  const existing = await call<{ departments: Array<{ id: string; code: string }> }>(
    context,
    `query ($c: String!) { departments(centerCode: $c) { id code } }`,
    { c: context.centerCode },
  );
  const byCode = new Map(existing.departments.map((d) => [d.code, d.id]));
  for (const department of seedDepartments) {
    let id = byCode.get(department.code);
    if (!id) {
      const created = await call<{ registerDepartment: { id: string } }>(
        context,
        `mutation ($input: RegisterDepartmentInput!) { registerDepartment(input: $input) { id } }`,
        { input: { centerCode: context.centerCode, code: department.code, name: department.name } },
      );
      id = created.registerDepartment.id;
    }
    context.departmentIds.set(department.code, id);
  }
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
