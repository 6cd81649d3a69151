import { randomUUID } from "node:crypto";
import { jetstream, jetstreamManager } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import { supervisionEvents, streams } from "@onestop/events";
import { ManualClock, namespacedStream, namespacedSubject } from "@onestop/platform";
import { eventually, mintAccessToken, planningLicenceItem, resetEnvironment, startSystem, type RunningSystem } from "@onestop/testkit";
import { departmentWithWindow } from "../support/department-with-window";
import { testEnvironment } from "../support/environment";
import { code, gatewayClient, type Data } from "../support/gateway-client";

/**
 * 好差评 and the figures through the gateway (issue 16, points 3 and 4): a real case concluded in
 * cases; its applicant rates it once (a retry is the same rating), adds to it; the bad rating opens
 * a follow-up, unanswered past its deadline it raises a warning, the department answers and the
 * warning closes; the department appeals and the supervision office decides; staffing's monthly
 * assessment counts the rating; the figures and the CSV report for the month; who sees what.
 */
jest.setTimeout(120_000);

const environment = testEnvironment("e2e_supervision_ratings");
const CENTER = "330110000000";
const ID_NUMBER = "11010519491231002X";
// Monday 2026-03-02, 09:30 Beijing.
const clock = new ManualClock("2026-03-02T01:30:00Z");
let system: RunningSystem;
let adminToken: string;
let citizenToken: string;
let supervisorToken: string;

const { gql, data, once } = gatewayClient(() => system.gatewayUrl);

const department = (deptCode: string, name: string) => departmentWithWindow({ system, data, adminToken, centerCode: CENTER }, deptCode, name);


beforeAll(async () => {
  await resetEnvironment(environment);
  system = await startSystem({ ...environment, clock });
  adminToken = await mintAccessToken(system.keys, { subject: "admin-1", roles: ["center_admin"], centerCode: CENTER });
  citizenToken = await mintAccessToken(system.keys, { subject: "citizen-42", roles: ["citizen"] });
  supervisorToken = await mintAccessToken(system.keys, { subject: "jcj-01", roles: ["supervisor"], centerCode: CENTER });
});

afterAll(async () => {
  await system?.stop();
});

const RATING = `{ case { id } receiptNo department { id } level score bad channel comment additions { text } followUp { due status answer note } appeal { reason decision } }`;
const RATE = `mutation ($i: RateCaseInput!) { rateCase(input: $i) ${RATING} }`;
const FIGURES = `query ($c: String!, $p: SupervisionPeriodInput!, $g: SupervisionDimension!) {
  supervisionFigures(centerCode: $c, period: $p, groupBy: $g) { key department { id } staff { id } figures { accepted concluded onTimeRate refusals ratings badRatings averageRating warnings redWarnings } }
}`;
const MARCH = { from: "2026-03-01", to: "2026-03-31" };

test("rated once by its applicant; a bad rating's follow-up, its warning, the answer, the appeal; figures, CSV and who sees what", async () => {
  const zjj = await department("ZJJ", "住房和城乡建设局");
  const hbj = await department("HBJ", "生态环境局");
  const { createItem } = await once(["UNKNOWN_DEPARTMENT"], () =>
    gql(adminToken, `mutation ($i: CreateItemInput!) { createItem(input: $i) { id } }`, { i: planningLicenceItem(CENTER, zjj.id) }),
  );
  await data(adminToken, `mutation ($id: ID!) { publishItemVersion(itemId: $id, version: 1) { id } }`, { id: createItem.id });
  const { submitCase } = await once(["UNKNOWN_ITEM"], () =>
    gql(citizenToken, `mutation ($i: SubmitCaseInput!) { submitCase(input: $i) { id receiptNo } }`, { i: { itemId: createItem.id, applicantName: "张三", applicantIdNumber: ID_NUMBER, idempotencyKey: randomUUID() } }),
  );
  const caseId = submitCase.id as string;
  await once(["NOT_AUTHORIZED"], () => gql(zjj.token, `mutation ($id: ID!) { acceptCase(caseId: $id) { id } }`, { id: caseId }));

  // Not yet concluded: nothing to rate.
  await eventually(async () => ((await data(supervisorToken, `query ($id: ID!) { caseSupervision(caseId: $id) { status } }`, { id: caseId })).caseSupervision?.status === "ACCEPTED" ? true : null), 20_000);
  expect(code(await gql(citizenToken, RATE, { i: { caseId, level: "SATISFIED", idempotencyKey: "early-rating-1" } }))).toBe("CASE_NOT_CONCLUDED");

  await data(zjj.token, `mutation ($id: ID!) { reviewCase(caseId: $id, opinion: "材料齐全") { id } }`, { id: caseId });
  await once(["NOT_AUTHORIZED"], () => gql(zjj.chiefToken, `mutation ($id: ID!) { decideCase(caseId: $id, decision: APPROVE, opinion: "准予许可") { id } }`, { id: caseId }));
  await once(["FEE_NOT_SETTLED"], () => gql(zjj.token, `mutation ($id: ID!) { concludeCase(caseId: $id) { id status } }`, { id: caseId }));
  await eventually(async () => ((await data(supervisorToken, `query ($id: ID!) { caseSupervision(caseId: $id) { status } }`, { id: caseId })).caseSupervision?.status === "CONCLUDED" ? true : null), 20_000);

  // Only its applicant rates it by its id; another window's evaluator not by its receipt number.
  const otherCitizen = await mintAccessToken(system.keys, { subject: "citizen-77", roles: ["citizen"] });
  expect(code(await gql(otherCitizen, RATE, { i: { caseId, level: "SATISFIED", idempotencyKey: "other-citizen-1" } }))).toBe("FORBIDDEN");
  expect(code(await gql(hbj.token, RATE, { i: { receiptNo: submitCase.receiptNo, level: "SATISFIED", idempotencyKey: "hbj-device-1" } }))).toBe("FORBIDDEN");
  expect(code(await gql(null as unknown as string, RATE, { i: { caseId, level: "SATISFIED", idempotencyKey: "anonymous-1" } }))).toBe("UNAUTHENTICATED");
  const bad = await gql(citizenToken, RATE, { i: { caseId, level: "VERY_DISSATISFIED", idempotencyKey: "x" } });
  expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.idempotencyKey" });

  // Two submissions with one key at the same time (a double tap, a retry racing the first): one rating.
  const [rated, twin] = await Promise.all(
    [1, 2].map(() => data(citizenToken, RATE, { i: { caseId, level: "VERY_DISSATISFIED", comment: "窗口态度差", idempotencyKey: "rating-key-0001" } })),
  );
  expect(twin.rateCase).toEqual(rated.rateCase);
  // Rated Monday 03-02: 3 working days, due Thursday 03-05, 24:00 Beijing.
  expect(rated.rateCase).toMatchObject({ level: "VERY_DISSATISFIED", score: 1, bad: true, channel: "APPLICANT", department: { id: zjj.id }, followUp: { due: "2026-03-05T16:00:00.000Z", status: "OPEN", answer: null } });
  // A retry with the same key is the same rating; a second rating is refused.
  expect((await data(citizenToken, RATE, { i: { caseId, level: "VERY_DISSATISFIED", comment: "窗口态度差", idempotencyKey: "rating-key-0001" } })).rateCase).toEqual(rated.rateCase);
  expect(code(await gql(citizenToken, RATE, { i: { caseId, level: "SATISFIED", idempotencyKey: "rating-key-0002" } }))).toBe("ALREADY_RATED");
  // 追评 appends, once per key.
  const ADD = `mutation ($i: AddToRatingInput!) { addToRating(input: $i) ${RATING} }`;
  await data(citizenToken, ADD, { i: { caseId, text: "补充: 等候两小时", idempotencyKey: "addition-0001" } });
  const added = await data(citizenToken, ADD, { i: { caseId, text: "补充: 等候两小时", idempotencyKey: "addition-0001" } });
  expect(added.addToRating).toMatchObject({ level: "VERY_DISSATISFIED", additions: [{ text: "补充: 等候两小时" }] });
  expect(code(await gql(otherCitizen, ADD, { i: { caseId, text: "冒充", idempotencyKey: "addition-0002" } }))).toBe("FORBIDDEN");

  // Staffing's monthly assessment counts it (the hook).
  await eventually(async () => ((await data(adminToken, `query { monthlyFigures(centerCode: "${CENTER}", month: "2026-03") { center { ratingCount averageRating } } }`)).monthlyFigures.center.ratingCount === 1 ? true : null), 20_000);

  // Unanswered past the deadline: a RED warning, for the department too.
  clock.set("2026-03-05T16:00:01Z");
  const WARN = `query ($f: SupervisionWarningFilter!) { supervisionWarnings(filter: $f) { nodes { id kind level status closedAt department { id } case { id } } } }`;
  const warning = await eventually(async () => (await data(supervisorToken, WARN, { f: { centerCode: CENTER, kinds: ["BAD_RATING_UNANSWERED"] } })).supervisionWarnings.nodes[0], 20_000);
  expect(warning).toMatchObject({ level: "RED", status: "OPEN", department: { id: zjj.id }, case: { id: caseId } });
  expect((await data(zjj.token, WARN, { f: { centerCode: CENTER, kinds: ["BAD_RATING_UNANSWERED"] } })).supervisionWarnings.nodes).toHaveLength(1);
  expect((await data(hbj.token, WARN, { f: { centerCode: CENTER, kinds: ["BAD_RATING_UNANSWERED"] } })).supervisionWarnings.nodes).toHaveLength(0);
  const FOLLOW_UPS = `query ($c: String!, $first: Int, $after: String) { ratingFollowUps(centerCode: $c, first: $first, after: $after) { totalCount pageInfo { endCursor hasNextPage } nodes ${RATING} } }`;
  const followUps = (await data(zjj.token, FOLLOW_UPS, { c: CENTER, first: 1 })).ratingFollowUps;
  expect(followUps).toMatchObject({ totalCount: 1, pageInfo: { hasNextPage: false, endCursor: expect.any(String) }, nodes: [{ followUp: { status: "OVERDUE" } }] });
  // Past the last one: an empty page, still counting all of them.
  expect((await data(zjj.token, FOLLOW_UPS, { c: CENTER, after: followUps.pageInfo.endCursor })).ratingFollowUps).toMatchObject({ totalCount: 1, nodes: [] });
  expect(code(await gql(zjj.token, FOLLOW_UPS, { c: CENTER, after: "not-a-cursor" }))).toBe("INVALID_CURSOR");
  expect((await data(hbj.token, FOLLOW_UPS, { c: CENTER })).ratingFollowUps).toMatchObject({ totalCount: 0, nodes: [] });

  // The department answers (another department may not); the warning closes.
  const ANSWER = `mutation ($i: AnswerRatingFollowUpInput!) { answerRatingFollowUp(input: $i) ${RATING} }`;
  expect(code(await gql(hbj.token, ANSWER, { i: { caseId, answer: "CALLBACK", note: "x" } }))).toBe("FORBIDDEN");
  const answered = await data(zjj.token, ANSWER, { i: { caseId, answer: "CALLBACK", note: "已电话回访, 致歉" } });
  expect(answered.answerRatingFollowUp.followUp).toMatchObject({ status: "ANSWERED", answer: "CALLBACK", note: "已电话回访, 致歉" });
  expect(code(await gql(zjj.token, ANSWER, { i: { caseId, answer: "FIXED", note: "again" } }))).toBe("FOLLOW_UP_ALREADY_ANSWERED");
  await eventually(async () => ((await data(supervisorToken, WARN, { f: { centerCode: CENTER, kinds: ["BAD_RATING_UNANSWERED"] } })).supervisionWarnings.nodes[0].status === "CLOSED" ? true : null), 20_000);

  // The appeal: the chief representative files it, the supervision office (only) decides.
  const APPEAL = `mutation ($i: AppealRatingInput!) { appealRating(input: $i) ${RATING} }`;
  const DECIDE = `mutation ($i: DecideRatingAppealInput!) { decideRatingAppeal(input: $i) ${RATING} }`;
  expect(code(await gql(zjj.token, APPEAL, { i: { caseId, reason: "恶意差评" } }))).toBe("FORBIDDEN");
  expect(code(await gql(supervisorToken, DECIDE, { i: { caseId, decision: "UPHELD", note: "x" } }))).toBe("NO_APPEAL");
  await data(zjj.chiefToken, APPEAL, { i: { caseId, reason: "申请人事后承认为误评" } });
  expect(code(await gql(adminToken, DECIDE, { i: { caseId, decision: "UPHELD", note: "x" } }))).toBe("FORBIDDEN");
  const decided = await data(supervisorToken, DECIDE, { i: { caseId, decision: "REJECTED", note: "证据不足, 差评有效" } });
  expect(decided.decideRatingAppeal.appeal).toEqual({ reason: "申请人事后承认为误评", decision: "REJECTED" });
  // The applicant sees the answer and the appeal's outcome.
  const seen = await data(citizenToken, `query ($id: ID!) { caseRating(caseId: $id) ${RATING} }`, { id: caseId });
  expect(seen.caseRating).toMatchObject({ followUp: { status: "ANSWERED", answer: "CALLBACK" }, appeal: { decision: "REJECTED" } });
  expect(code(await gql(otherCitizen, `query ($id: ID!) { caseRating(caseId: $id) { score } }`, { id: caseId }))).toBe("FORBIDDEN");

  // Figures for March: the center sees every department; a department its own only.
  const byDepartment = await data(supervisorToken, FIGURES, { c: CENTER, p: MARCH, g: "DEPARTMENT" });
  expect(byDepartment.supervisionFigures).toEqual([
    { key: zjj.id, department: { id: zjj.id }, staff: null, figures: expect.objectContaining({ accepted: 1, concluded: 1, onTimeRate: 1, refusals: 0, ratings: 1, badRatings: 1, averageRating: 1, warnings: 1, redWarnings: 1 }) },
  ]);
  expect((await data(zjj.token, FIGURES, { c: CENTER, p: MARCH, g: "STAFF" })).supervisionFigures).toHaveLength(1);
  expect((await data(hbj.token, FIGURES, { c: CENTER, p: MARCH, g: "DEPARTMENT" })).supervisionFigures).toEqual([]);
  expect((await data(supervisorToken, FIGURES, { c: CENTER, p: { from: "2026-04-01", to: "2026-04-30" }, g: "DEPARTMENT" })).supervisionFigures).toEqual([]);
  const backwards = await gql(supervisorToken, FIGURES, { c: CENTER, p: { from: "2026-03-31", to: "2026-03-01" }, g: "CENTER" });
  expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "period.to" });
  expect(code(await gql(citizenToken, FIGURES, { c: CENTER, p: MARCH, g: "CENTER" }))).toBe("FORBIDDEN");

  // The monthly report and its CSV (UTF-8 with BOM).
  const REPORT = `query ($c: String!, $m: String!) { supervisionReport(centerCode: $c, month: $m) { kind title dueOn center { concluded } windows { rows { key rank redFlag notEligible } } csv } }`;
  const report = (await data(supervisorToken, REPORT, { c: CENTER, m: "2026-03" })).supervisionReport;
  expect(report).toMatchObject({ kind: "MONTHLY", dueOn: "2026-04-03", center: { concluded: 1 } });
  expect(report.windows.rows[0]).toMatchObject({ rank: 1, redFlag: false });
  expect(report.windows.rows[0].notEligible).toContain("fewer than 10 concluded");
  expect(report.csv.charCodeAt(0)).toBe(0xfeff);
  // The bytes Excel reads: a UTF-8 byte-order mark, then valid UTF-8 naming the department, its window and its staff.
  const bytes = Buffer.from(report.csv, "utf8");
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const opened = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  expect(opened.split("\r\n")[0]).toBe("2026年03月政务服务统计月报");
  expect(opened).toContain(`部门,住房和城乡建设局,${zjj.id},1,1,1`);
  expect(opened).toContain(`窗口,住房和城乡建设局窗口,`);
  expect(opened).toMatch(/\r\n人员,(王窗口|李首席),/);
  expect(report.csv.split("\r\n")[0]).toBe("\ufeff2026年03月政务服务统计月报");

  // The public: nothing before the report is due; then rankings of departments and windows with rating summaries, no person's data.
  const SUMMARY = `{ ratings byLevel { level count } satisfaction averageRating }`;
  const PUBLISHED = `query ($c: String!, $m: String!) { publishedSupervisionReport(centerCode: $c, month: $m) {
    title month from to publishedOn center ${SUMMARY} departments { key name rank score redFlag ratings ${SUMMARY} } windows { key name rank score redFlag ratings ${SUMMARY} } } }`;
  const anonymous = null as unknown as string;
  expect((await data(anonymous, PUBLISHED, { c: CENTER, m: "2026-03" })).publishedSupervisionReport).toBeNull();
  clock.set("2026-04-02T16:00:00Z");
  const published = (await data(anonymous, PUBLISHED, { c: CENTER, m: "2026-03" })).publishedSupervisionReport;
  const oneVeryDissatisfied = {
    ratings: 1,
    byLevel: [
      { level: "VERY_SATISFIED", count: 0 },
      { level: "SATISFIED", count: 0 },
      { level: "BASIC", count: 0 },
      { level: "DISSATISFIED", count: 0 },
      { level: "VERY_DISSATISFIED", count: 1 },
    ],
    satisfaction: 0,
    averageRating: 1,
  };
  expect(published).toMatchObject({ month: "2026-03", from: "2026-03-01", to: "2026-03-31", publishedOn: "2026-04-03", center: oneVeryDissatisfied });
  expect(published.departments).toEqual([{ key: zjj.id, name: "住房和城乡建设局", rank: 1, score: expect.any(Number), redFlag: false, ratings: oneVeryDissatisfied }]);
  expect(published.windows).toEqual([expect.objectContaining({ name: "住房和城乡建设局窗口", rank: 1, ratings: oneVeryDissatisfied })]);
  // Field by field, the public type has no figures, staff, cases or CSV to ask for; the internal report is refused.
  for (const selection of ["staff { key }", "csv", "departments { figures { accepted } }", "windows { department { id } }", "departments { window { id } }", "center { accepted }"]) {
    const refused = await gql(anonymous, `query { publishedSupervisionReport(centerCode: "${CENTER}", month: "2026-03") { ${selection} } }`);
    expect(refused.data ?? null).toBeNull();
    expect(code(refused)).toBe("GRAPHQL_VALIDATION_FAILED");
  }
  expect(code(await gql(anonymous, `query { supervisionReport(centerCode: "${CENTER}", month: "2026-03") { staff { key } } }`))).toBe("UNAUTHENTICATED");
  expect(code(await gql(citizenToken, `query { supervisionFigures(centerCode: "${CENTER}", period: { from: "2026-03-01", to: "2026-03-31" }, groupBy: STAFF) { key } }`))).toBe("FORBIDDEN");
  const staffIds = (await data(supervisorToken, FIGURES, { c: CENTER, p: MARCH, g: "STAFF" })).supervisionFigures.map((r: Data) => r.key);
  expect(staffIds.length).toBeGreaterThan(0);
  const text = JSON.stringify(published);
  expect(text).not.toContain("citizen-42");
  for (const id of staffIds) expect(text).not.toContain(id);

  // The evaluator at the window rates in the hall by the receipt number, under that window's staff session.
  const second = (await data(citizenToken, `mutation ($i: SubmitCaseInput!) { submitCase(input: $i) { id receiptNo } }`, { i: { itemId: createItem.id, applicantName: "张三", applicantIdNumber: ID_NUMBER, idempotencyKey: randomUUID() } })).submitCase;
  await data(zjj.token, `mutation ($id: ID!) { acceptCase(caseId: $id) { id } }`, { id: second.id });
  await data(zjj.token, `mutation ($id: ID!) { reviewCase(caseId: $id, opinion: "材料齐全") { id } }`, { id: second.id });
  await data(zjj.chiefToken, `mutation ($id: ID!) { decideCase(caseId: $id, decision: APPROVE, opinion: "准予许可") { id } }`, { id: second.id });
  await once(["FEE_NOT_SETTLED"], () => gql(zjj.token, `mutation ($id: ID!) { concludeCase(caseId: $id) { id status } }`, { id: second.id }));
  await eventually(async () => ((await data(supervisorToken, `query ($id: ID!) { caseSupervision(caseId: $id) { status } }`, { id: second.id })).caseSupervision?.status === "CONCLUDED" ? true : null), 20_000);
  expect(code(await gql(hbj.token, RATE, { i: { receiptNo: second.receiptNo, level: "SATISFIED", idempotencyKey: "hbj-device-2" } }))).toBe("FORBIDDEN");
  const inHall = await data(zjj.token, RATE, { i: { receiptNo: second.receiptNo, level: "SATISFIED", idempotencyKey: "zjj-device-0001" } });
  expect(inHall.rateCase).toMatchObject({ case: { id: second.id }, channel: "HALL_DEVICE", level: "SATISFIED", bad: false, followUp: null });
});

test("an appeal upheld takes the bad rating out of the figures and out of staffing's monthly assessment, once; a redelivered event changes nothing", async () => {
  // Wednesday 2026-04-08, 09:30 Beijing (after the first test's April 3rd).
  clock.set("2026-04-08T01:30:00Z");
  const zrj = await department("ZRJ", "自然资源局");
  const { createItem } = await once(["UNKNOWN_DEPARTMENT"], () =>
    gql(adminToken, `mutation ($i: CreateItemInput!) { createItem(input: $i) { id } }`, { i: planningLicenceItem(CENTER, zrj.id) }),
  );
  await data(adminToken, `mutation ($id: ID!) { publishItemVersion(itemId: $id, version: 1) { id } }`, { id: createItem.id });
  const submitKey = randomUUID();
  const { submitCase } = await once(["UNKNOWN_ITEM"], () =>
    gql(citizenToken, `mutation ($i: SubmitCaseInput!) { submitCase(input: $i) { id } }`, { i: { itemId: createItem.id, applicantName: "张三", applicantIdNumber: ID_NUMBER, idempotencyKey: submitKey } }),
  );
  const caseId = submitCase.id as string;
  await once(["NOT_AUTHORIZED"], () => gql(zrj.token, `mutation ($id: ID!) { acceptCase(caseId: $id) { id } }`, { id: caseId }));
  await data(zrj.token, `mutation ($id: ID!) { reviewCase(caseId: $id, opinion: "材料齐全") { id } }`, { id: caseId });
  await once(["NOT_AUTHORIZED"], () => gql(zrj.chiefToken, `mutation ($id: ID!) { decideCase(caseId: $id, decision: APPROVE, opinion: "准予许可") { id } }`, { id: caseId }));
  await once(["FEE_NOT_SETTLED"], () => gql(zrj.token, `mutation ($id: ID!) { concludeCase(caseId: $id) { id status } }`, { id: caseId }));
  await eventually(async () => ((await data(supervisorToken, `query ($id: ID!) { caseSupervision(caseId: $id) { status } }`, { id: caseId })).caseSupervision?.status === "CONCLUDED" ? true : null), 20_000);

  // The department's window in staffing's monthly assessment (its own row, whatever the other tests rated).
  const windowOf = (await data(supervisorToken, `query ($id: ID!) { caseSupervision(caseId: $id) { window { id } } }`, { id: caseId })).caseSupervision.window.id as string;
  const assessed = async () => {
    const { monthlyFigures } = await data(adminToken, `query { monthlyFigures(centerCode: "${CENTER}", month: "2026-04") { windows { window { id } figures { concluded ratingCount averageRating } } } }`);
    return monthlyFigures.windows.find((w: Data) => w.window.id === windowOf)?.figures ?? null;
  };
  await eventually(async () => ((await assessed())?.concluded === 1 ? true : null), 20_000);

  await data(citizenToken, RATE, { i: { caseId, level: "DISSATISFIED", comment: "态度冷淡", idempotencyKey: "zrj-rating-0001" } });
  expect(await eventually(async () => ((await assessed())?.ratingCount === 1 ? assessed() : null), 20_000)).toEqual({ concluded: 1, ratingCount: 1, averageRating: 2 });
  const APRIL = { from: "2026-04-01", to: "2026-04-30" };
  const supervised = async () => (await data(supervisorToken, FIGURES, { c: CENTER, p: APRIL, g: "DEPARTMENT" })).supervisionFigures.find((r: Data) => r.key === zrj.id).figures;
  expect(await supervised()).toMatchObject({ ratings: 1, badRatings: 1 });

  // The chief representative appeals; the supervision office upholds: a malicious rating counts nowhere.
  await data(zrj.chiefToken, `mutation ($i: AppealRatingInput!) { appealRating(input: $i) { case { id } } }`, { i: { caseId, reason: "申请人承认系误操作" } });
  const upheld = await data(supervisorToken, `mutation ($i: DecideRatingAppealInput!) { decideRatingAppeal(input: $i) ${RATING} }`, { i: { caseId, decision: "UPHELD", note: "经核实为恶意差评" } });
  expect(upheld.decideRatingAppeal).toMatchObject({ followUp: { status: "VOIDED" }, appeal: { decision: "UPHELD" } });
  expect(await eventually(async () => ((await assessed())?.ratingCount === 0 ? assessed() : null), 20_000)).toEqual({ concluded: 1, ratingCount: 0, averageRating: null });
  expect(await supervised()).toMatchObject({ ratings: 0, badRatings: 0 });

  // The same two envelopes delivered again (as after a crash before the ack): staffing's inboxes drop them, nothing changes.
  const nats = await connect({ servers: process.env.NATS_URL ?? "nats://127.0.0.1:4222" });
  try {
    const stream = namespacedStream(environment.namespace, streams.supervision);
    const manager = await jetstreamManager(nats);
    const js = jetstream(nats);
    for (const [event, durable] of [
      [supervisionEvents.ratingSubmitted, "staffing_assessment-case-rated"],
      [supervisionEvents.ratingAppealDecided, "staffing_assessment-rating-voided"],
    ] as const) {
      const subject = namespacedSubject(environment.namespace, event.subject);
      const original = await manager.streams.getMessage(stream, { last_by_subj: subject });
      expect(original?.json<{ payload: { caseId: string } }>().payload.caseId).toBe(caseId);
      const { seq } = await js.publish(subject, original!.data, { msgID: randomUUID() });
      // Wait until the consumer has taken and acknowledged the redelivery.
      await eventually(async () => {
        const info = await manager.consumers.info(stream, durable);
        return info.ack_floor.stream_seq >= seq && info.num_ack_pending === 0 ? true : null;
      }, 20_000);
    }
  } finally {
    await nats.close();
  }
  expect(await assessed()).toEqual({ concluded: 1, ratingCount: 0, averageRating: null });
  // Deciding again is refused; the first decision stands.
  expect(code(await gql(supervisorToken, `mutation ($i: DecideRatingAppealInput!) { decideRatingAppeal(input: $i) { case { id } } }`, { i: { caseId, decision: "REJECTED", note: "再议" } }))).toBe("APPEAL_ALREADY_DECIDED");
});
