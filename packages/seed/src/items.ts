import { graphql } from "@onestop/testkit";
import { seedWindows } from "./county";
import { enterpriseItems } from "./items-enterprise";
import { investmentItems } from "./items-investment";
import { livelihoodItems } from "./items-livelihood";
import { createInputOf, itemCodeOf, type SeedItem } from "./items-model";
import { batchedMutation, MAX_BATCH, type BatchedCall, type SeedContext } from "./load";

/** The county's catalog (事项目录): 177 items of the 26 departments in the hall. */
export const seedItems: readonly SeedItem[] = [...investmentItems, ...enterpriseItems, ...livelihoodItems];

interface ItemState {
  id: string;
  code: string;
  status: string;
  version: number;
  versionStatus: string;
  draft: { version: number } | null;
  entry: { status: string; window: { id: string } | null; notEnteredReason: string | null } | null;
}

interface Operation extends BatchedCall {
  field: "createItem" | "publishItemVersion" | "reviseItem" | "setItemEntry";
}

/** Catalog learns departments and windows from staffing's events: how long to wait for them. */
const REPLICA_WAIT_MS = 60_000;
const RETRYABLE = new Set(["UNKNOWN_DEPARTMENT", "UNKNOWN_WINDOW"]);

const STATE = `query ($c: String!) {
  items(centerCode: $c, scope: ALL) {
    id code status version versionStatus draft { version }
    entry { status window { id } notEnteredReason }
  }
}`;

/** Where the hall accepts a department's items: its own windows in turn, or the comprehensive window acting for it. */
function windowCodeOf(item: SeedItem, indexInDepartment: number): string {
  const comprehensive = seedWindows.find((w) => w.kind === "COMPREHENSIVE" && w.actsFor?.includes(item.department));
  if (comprehensive) return comprehensive.code;
  const own = seedWindows.filter((w) => w.department === item.department);
  return own[indexInDepartment % own.length].code;
}

type DesiredEntry = { windowId: string } | { notEnteredReason: string } | null;

function sameEntry(current: ItemState["entry"], desired: Exclude<DesiredEntry, null>): boolean {
  if (!current) return false;
  if ("windowId" in desired) return current.status === "ENTERED" && current.window?.id === desired.windowId;
  return current.status === "NOT_ENTERED" && current.notEnteredReason === desired.notEnteredReason;
}

/**
 * The next step for one item toward its seeded state: created, first version published,
 * each reform revised and published, entered at its window (or not, with its reason).
 */
function nextStep(item: SeedItem, state: ItemState | undefined, context: SeedContext, entry: DesiredEntry): Operation | null {
  if (!state) {
    return { field: "createItem", arguments: { input: { type: "CreateItemInput!", value: createInputOf(item, context.centerCode, context.departmentIds) } } };
  }
  if (state.status !== "ACTIVE") return null;
  const publish = (version: number) => ({
    field: "publishItemVersion" as const,
    arguments: {
      itemId: { type: "ID!", value: state.id },
      version: { type: "Int!", value: version },
      changeNote: { type: "String", value: version === 1 ? "首次发布" : item.revisions![version - 2].note },
    },
  });
  if (state.versionStatus === "DRAFT") return publish(state.version);
  const revisions = item.revisions ?? [];
  if (state.version < 1 + revisions.length) {
    // A draft left by an interrupted run was started from these same changes: publish it.
    if (state.draft) return publish(state.draft.version);
    return {
      field: "reviseItem",
      arguments: { itemId: { type: "ID!", value: state.id }, input: { type: "ItemDraftInput!", value: revisions[state.version - 1].changes } },
    };
  }
  if (entry && !sameEntry(state.entry, entry)) {
    return { field: "setItemEntry", arguments: { itemId: { type: "ID!", value: state.id }, input: { type: "ItemEntryInput!", value: entry } } };
  }
  return null;
}

/**
 * Runs operations of one kind as aliased fields of one mutation, MAX_BATCH at a time.
 * Returns how many failed for a reason that time cures (a replica not caught up); a
 * failure stops the rest of its batch, which the next round picks up.
 */
async function runBatches(context: SeedContext, operations: readonly Operation[]): Promise<{ retryable: number; codes: Set<string> }> {
  let retryable = 0;
  const codes = new Set<string>();
  for (let start = 0; start < operations.length; start += MAX_BATCH) {
    const { query, variables } = batchedMutation(operations.slice(start, start + MAX_BATCH), "{ __typename }");
    const result = await graphql(context.gatewayUrl, query, variables, { token: context.adminToken });
    for (const error of result.errors ?? []) {
      const code = String(error.extensions?.code);
      if (!RETRYABLE.has(code)) throw new Error(`Seeding items failed (${result.status}): ${code}: ${error.message}`);
      retryable += 1;
      codes.add(code);
    }
  }
  return { retryable, codes };
}

/** Loads the county catalog through the gateway; running it again changes nothing. */
export async function seedItemsStep(context: SeedContext): Promise<void> {
  const indexInDepartment = new Map<SeedItem, number>();
  const perDepartment = new Map<string, number>();
  for (const item of seedItems) {
    const index = perDepartment.get(item.department) ?? 0;
    indexInDepartment.set(item, index);
    perDepartment.set(item.department, index + 1);
  }
  const desiredEntry = (item: SeedItem): DesiredEntry => {
    if (item.notEntered) return { notEnteredReason: item.notEntered };
    const windowId = context.windowIds.get(windowCodeOf(item, indexInDepartment.get(item)!));
    return windowId ? { windowId } : null;
  };

  const deadline = Date.now() + REPLICA_WAIT_MS;
  let waitingForWindows = false;
  let before: Map<string, ItemState> | null = null;
  let after = new Map<string, ItemState>();
  for (let round = 0; ; round += 1) {
    const fetched = await graphql<{ items: ItemState[] }>(context.gatewayUrl, STATE, { c: context.centerCode }, { token: context.adminToken });
    if (!fetched.data) throw new Error(`Reading the catalog failed: ${JSON.stringify(fetched.errors)}`);
    after = new Map(fetched.data.items.map((state) => [state.code, state]));
    before ??= after;
    const givenUpOnWindows = waitingForWindows && Date.now() > deadline;
    const steps = seedItems
      .map((item) => nextStep(item, after.get(itemCodeOf(item)), context, givenUpOnWindows && !item.notEntered ? null : desiredEntry(item)))
      .filter((step): step is Operation => step !== null);
    if (steps.length === 0) break;
    if (round > 20) throw new Error(`Seeding items does not converge: ${steps.length} steps left after ${round} rounds`);
    let retryable = 0;
    for (const field of ["createItem", "publishItemVersion", "reviseItem", "setItemEntry"] as const) {
      const ofField = steps.filter((step) => step.field === field);
      if (ofField.length === 0) continue;
      const outcome = await runBatches(context, ofField);
      retryable += outcome.retryable;
      waitingForWindows ||= outcome.codes.has("UNKNOWN_WINDOW");
      if (outcome.codes.has("UNKNOWN_DEPARTMENT") && Date.now() > deadline) {
        throw new Error("Catalog does not know the seeded departments yet: is staffing publishing its events?");
      }
    }
    if (retryable > 0) await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const seeded = seedItems.map((item) => after.get(itemCodeOf(item))).filter((state): state is ItemState => state !== undefined);
  const created = seedItems.filter((item) => !before!.has(itemCodeOf(item))).length;
  const entered = seeded.filter((state) => state.entry?.status === "ENTERED").length;
  const notEntered = seeded.filter((state) => state.entry?.status === "NOT_ENTERED").length;
  context.log?.(
    `items: ${seeded.length} in the catalog (${created} created now); entered ${entered}, not entered ${notEntered}, ` +
      `undecided ${seeded.length - entered - notEntered}${waitingForWindows ? " (some windows never reached the catalog)" : ""}`,
  );
}
