import { randomUUID } from "node:crypto";
import { catalogEvents, staffingEvents } from "@onestop/events";
import { ManualClock, type RunningSubgraph } from "@onestop/platform";
import { ensureDevelopmentKeys, eventually, resetEnvironment, startOneSubgraph } from "@onestop/testkit";
import { testEnvironment } from "../../../../test/support/environment";
import { CASE_MUTATIONS as M, citizen, errorOf, EventInjector, itemVersion, letter, ok, staff, subgraphCaller, type CaseView, type ItemPayload } from "./support";

jest.setTimeout(60_000);

// The workbench's reads: a window's queue, soonest due first, paged; and the acts a case offers each person.
const environment = testEnvironment("cases_workbench");
const CENTER = "330110000000";
const ID_NUMBER = "11010519491231002X";
const clock = new ManualClock("2026-03-02T01:30:00Z");

const departments = { zj: randomUUID(), sc: randomUUID() };
const windows = { zj: randomUUID(), zj2: randomUUID(), sc: randomUUID() };
const people = { clerk: randomUUID(), clerk2: randomUUID(), chief: randomUUID(), scClerk: randomUUID() };
const clerk = staff(people.clerk, CENTER, departments.zj, windows.zj);
const clerk2 = staff(people.clerk2, CENTER, departments.zj, windows.zj2);
const chief = staff(people.chief, CENTER, departments.zj, null, ["chief_representative"]);
const scClerk = staff(people.scClerk, CENTER, departments.sc, windows.sc);
const applicant = citizen("citizen-wb");

let cases: RunningSubgraph;
let events: EventInjector;
const call = subgraphCaller(() => cases, ensureDevelopmentKeys(environment.keysDir), clock);

const items: Record<string, ItemPayload> = {
  quick: itemVersion(CENTER, departments.zj, { name: "两日事项", promisedLimitDays: 2 }),
  slow: itemVersion(CENTER, departments.zj, { name: "十日事项", promisedLimitDays: 10 }),
  other: itemVersion(CENTER, departments.sc, { name: "市场监管事项" }),
};

const QUEUE = `query ($c: String!, $w: ID, $first: Int, $after: String) {
  caseQueue(centerCode: $c, windowId: $w, first: $first, after: $after) {
    totalCount pageInfo { endCursor hasNextPage }
    nodes { id status window { id } clock { deadline remainingWorkingDays level } stageClock { deadline } }
  }
}`;
const ACTS = `query ($id: ID!) { case(id: $id) { id status allowedActs } }`;

async function submit(item: ItemPayload): Promise<CaseView> {
  return ok(await call<{ submitCase: CaseView }>(applicant, M.submit, { input: { itemId: item.itemId, applicantName: "李四", applicantIdNumber: ID_NUMBER, idempotencyKey: randomUUID() } })).submitCase;
}

async function act(who: typeof clerk, mutation: keyof typeof M, variables: Record<string, unknown>): Promise<CaseView> {
  return Object.values(ok(await call<Record<string, CaseView>>(who, M[mutation], variables)))[0]!;
}

const actsOf = async (who: typeof clerk, id: string): Promise<string[]> => ok(await call<{ case: { allowedActs: string[] } }>(who, ACTS, { id })).case.allowedActs;

beforeAll(async () => {
  await resetEnvironment(environment);
  cases = await startOneSubgraph("cases", environment, { clock });
  events = await EventInjector.connect(environment);
  const window = (windowId: string, code: string, departmentId: string) =>
    events.publish(staffingEvents.windowPublished, {
      windowId, centerCode: CENTER, code, name: code, kind: "RESIDENT", departmentId, actsForDepartmentIds: [], open: true, hallId: null, aPostStaffId: null, bPostStaffId: null, revision: 1,
    });
  await window(windows.zj, "A01", departments.zj);
  await window(windows.zj2, "A02", departments.zj);
  await window(windows.sc, "B01", departments.sc);
  for (const item of Object.values(items)) await events.publish(catalogEvents.itemPublished, item);
  for (const item of [items.quick, items.slow]) {
    await events.publish(catalogEvents.itemEntryChanged, {
      itemId: item.itemId, centerCode: CENTER, departmentId: departments.zj, entered: true, windowId: windows.zj, notEnteredReason: null, changedAt: "2026-01-01T00:00:00Z",
    });
  }
  const grant = (who: string, department: string, acts: Parameters<typeof letter>[3]) => events.publish(staffingEvents.authorizationGranted, letter(CENTER, who, department, acts));
  await grant(people.clerk, departments.zj, ["ACCEPT", "PRE_REVIEW_PROMISED", "DELIVER"]);
  await grant(people.clerk2, departments.zj, ["ACCEPT", "PRE_REVIEW_PROMISED"]);
  await grant(people.chief, departments.zj, ["ACCEPT", "PRE_REVIEW_PROMISED", "APPROVE", "APPROVE_EXTENSION", "DELIVER"]);
  await grant(people.scClerk, departments.sc, ["ACCEPT"]);
  await eventually(async () => {
    const count = async (table: string) => Number(((await cases.infrastructure.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`)) as Array<{ n: string }>)[0]!.n);
    return (await count("item_version_replica")) === 3 && (await count("authorization_letter_replica")) === 4 && (await count("window_replica")) === 3 && (await count("item_state_replica WHERE entry_window_id IS NOT NULL")) === 2 ? true : null;
  }, 20_000);
});

afterAll(async () => {
  await events?.close();
  await cases?.stop();
});

describe("the window's queue (caseQueue)", () => {
  test("lists the window's open cases soonest due first, with the remaining working days, a page at a time, and only the caller's departments", async () => {
    const slow = await act(clerk, "accept", { id: (await submit(items.slow)).id });
    const quick = await act(clerk, "accept", { id: (await submit(items.quick)).id });
    const waiting = await submit(items.slow);
    const refused = await act(clerk, "refuse", { id: (await submit(items.quick)).id, reason: "不属于本部门职责" });
    await submit(items.other);

    const first = ok(await call<{ caseQueue: any }>(clerk, QUEUE, { c: CENTER, w: windows.zj, first: 2 })).caseQueue;
    expect(first.totalCount).toBe(3);
    expect(first.nodes.map((n: CaseView) => n.id)).toEqual([quick.id, slow.id]);
    expect(first.nodes[0].clock).toMatchObject({ remainingWorkingDays: 2, level: "GREEN" });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = ok(await call<{ caseQueue: any }>(clerk, QUEUE, { c: CENTER, w: windows.zj, first: 2, after: first.pageInfo.endCursor })).caseQueue;
    // Not yet accepted: no deadline of its own (the item sets no acceptance limit), so last.
    expect(second.nodes.map((n: CaseView) => n.id)).toEqual([waiting.id]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect([...first.nodes, ...second.nodes].map((n: CaseView) => n.id)).not.toContain(refused.id);

    // Another department's clerk sees none of this window's cases; a made-up cursor is bad input naming `after`.
    const foreign = ok(await call<{ caseQueue: any }>(scClerk, QUEUE, { c: CENTER, w: windows.zj })).caseQueue;
    expect(foreign.totalCount).toBe(0);
    const bad = await call(clerk, QUEUE, { c: CENTER, w: windows.zj, after: "nonsense" });
    expect(errorOf(bad)).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });
});

describe("the acts a case offers (Case.allowedActs)", () => {
  test("follow the letter and the two-person rule, and change as the case moves", async () => {
    const submitted = await submit(items.slow);
    expect(await actsOf(clerk, submitted.id)).toEqual(["ACCEPT", "REFUSE", "ISSUE_MATERIAL_NOTICE", "REFER"]);
    await act(clerk, "accept", { id: submitted.id });
    expect(await actsOf(clerk, submitted.id)).toEqual(["REVIEW", "REFER", "SUSPEND_CLOCK"]);
    // The chief representative is of the department: it may refer too, and extend.
    expect(await actsOf(chief, submitted.id)).toEqual(["REVIEW", "REFER", "SUSPEND_CLOCK", "EXTEND_DEADLINE"]);
    await act(clerk, "review", { id: submitted.id, o: "材料齐全" });
    // The reviewer's colleague has no APPROVE; the chief has and did not review: only the chief may decide.
    expect(await actsOf(clerk2, submitted.id)).not.toContain("DECIDE");
    expect(await actsOf(chief, submitted.id)).toContain("DECIDE");
    const refused = await call(clerk2, M.decide, { id: submitted.id, d: "APPROVE", o: "同意" });
    expect(errorOf(refused)).toMatchObject({ code: "NOT_AUTHORIZED" });
    await act(chief, "decide", { id: submitted.id, d: "APPROVE", o: "同意" });
    expect(await actsOf(clerk, submitted.id)).toEqual(["CONCLUDE"]);
    // Concluded, the result is handed over (送达) by whoever holds DELIVER; then nothing is left to do.
    await act(clerk, "conclude", { id: submitted.id });
    expect(await actsOf(clerk, submitted.id)).toEqual(["DELIVER"]);
    expect(await actsOf(clerk2, submitted.id)).toEqual([]);
    await act(clerk, "deliver", { id: submitted.id });
    expect(await actsOf(clerk, submitted.id)).toEqual([]);
    // The applicant sees the case and may do none of the staff's acts.
    expect(await actsOf(applicant as typeof clerk, submitted.id)).toEqual([]);
  });
});
