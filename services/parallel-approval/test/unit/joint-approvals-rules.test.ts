import { applicantKey, type Identity, type Role } from "@onestop/platform";
import {
  atParticipantDeadline,
  awaitsAnswer,
  conclusionAfter,
  decodeCursor,
  encodeCursor,
  isRoutineStep,
  mayReadApplicantIdNumber,
  outcomeEffect,
  participantStatus,
  keyedFingerprint,
  requestFingerprint,
  runningStatus,
  startProblems,
  type KnownDepartment,
  type KnownItem,
  type ParticipantFacts,
  type StartRequest,
} from "../../src/joint-approvals/joint-approvals.rules";

const CENTER = "330110000000";
const facts = (overrides: Partial<ParticipantFacts> = {}): ParticipantFacts => ({ outcome: null, caseStatus: null, deemedConsentRequestedAt: null, timedOutAt: null, ...overrides });
const at = new Date("2026-03-02T02:00:00Z");

describe("a participant's status as the bureau sees it", () => {
  test.each([
    [null, "REQUESTED"],
    ["SUBMITTED", "AWAITING_ACCEPTANCE"],
    ["MATERIALS_REQUESTED", "MATERIALS_REQUESTED"],
    ["ACCEPTED", "IN_REVIEW"],
    ["REVIEWED", "IN_REVIEW"],
    ["VETO_PROPOSED", "VETO_PROPOSED"],
    ["AWAITING_COUNTY_MEETING", "AWAITING_COUNTY_MEETING"],
    ["APPROVED", "DECIDED"],
    ["DENIED", "DECIDED"],
    ["CONCLUDED", "DECIDED"],
  ] as const)("case %s → %s", (caseStatus, expected) => {
    expect(participantStatus(facts({ caseStatus }))).toBe(expected);
  });

  test("a counted outcome is final whatever else is known", () => {
    expect(participantStatus(facts({ outcome: "DENIED", caseStatus: "REVIEWED", timedOutAt: at }))).toBe("DENIED");
  });

  test("a pending veto shows as such even past the deadline; silence shows the saga's deadline state", () => {
    expect(participantStatus(facts({ caseStatus: "AWAITING_COUNTY_MEETING", timedOutAt: at }))).toBe("AWAITING_COUNTY_MEETING");
    expect(participantStatus(facts({ caseStatus: "REVIEWED", timedOutAt: at }))).toBe("TIMED_OUT");
    expect(participantStatus(facts({ caseStatus: "ACCEPTED", deemedConsentRequestedAt: at }))).toBe("DEEMED_CONSENT_REQUESTED");
    // Cases did not deem it (the department decided first): the decision shows.
    expect(participantStatus(facts({ caseStatus: "APPROVED", deemedConsentRequestedAt: at }))).toBe("DECIDED");
  });
});

describe("at a participant's deadline (超时默认)", () => {
  test("an undecided department is taken to agree where the item allows it, else escalated", () => {
    expect(atParticipantDeadline(facts({ caseStatus: "REVIEWED" }), true)).toBe("REQUEST_DEEMED_CONSENT");
    expect(atParticipantDeadline(facts({ caseStatus: null }), true)).toBe("REQUEST_DEEMED_CONSENT");
    expect(atParticipantDeadline(facts({ caseStatus: "REVIEWED" }), false)).toBe("ESCALATE");
  });

  test("a pending veto is an answer to escalate, never a silence to deem", () => {
    expect(atParticipantDeadline(facts({ caseStatus: "VETO_PROPOSED" }), true)).toBe("ESCALATE");
    expect(atParticipantDeadline(facts({ caseStatus: "AWAITING_COUNTY_MEETING" }), true)).toBe("ESCALATE");
  });

  test("a department that decided, or a participant already handled, owes nothing more", () => {
    expect(atParticipantDeadline(facts({ caseStatus: "APPROVED" }), true)).toBe("NOTHING");
    expect(atParticipantDeadline(facts({ outcome: "APPROVED" }), true)).toBe("NOTHING");
    expect(atParticipantDeadline(facts({ caseStatus: "REVIEWED", timedOutAt: at }), false)).toBe("NOTHING");
    expect(awaitsAnswer(facts({ caseStatus: "REVIEWED", deemedConsentRequestedAt: at }))).toBe(false);
  });
});

describe("routine steps, which the saga takes together without a joint approval's lock", () => {
  test("moving a case along before any decision is routine", () => {
    expect(isRoutineStep({ fromStatus: null, toStatus: "SUBMITTED" })).toBe(true);
    expect(isRoutineStep({ fromStatus: "SUBMITTED", toStatus: "ACCEPTED" })).toBe(true);
    expect(isRoutineStep({ fromStatus: "ACCEPTED", toStatus: "REVIEWED" })).toBe(true);
    expect(isRoutineStep({ fromStatus: "ACCEPTED", toStatus: "FORWARDED" })).toBe(true);
  });

  test("a notice starting or ending, a decision, a veto or a closing is not", () => {
    expect(isRoutineStep({ fromStatus: "SUBMITTED", toStatus: "MATERIALS_REQUESTED" })).toBe(false);
    expect(isRoutineStep({ fromStatus: "MATERIALS_REQUESTED", toStatus: "SUBMITTED" })).toBe(false);
    expect(isRoutineStep({ fromStatus: "REVIEWED", toStatus: "APPROVED" })).toBe(false);
    expect(isRoutineStep({ fromStatus: "REVIEWED", toStatus: "VETO_PROPOSED" })).toBe(false);
    expect(isRoutineStep({ fromStatus: "AWAITING_COUNTY_MEETING", toStatus: "ACCEPTED" })).toBe(false);
    expect(isRoutineStep({ fromStatus: "SUBMITTED", toStatus: "REFUSED" })).toBe(false);
  });

  test("a routine step never changes whether an undecided participant owes an answer", () => {
    const routine = [null, "SUBMITTED", "ACCEPTED", "REVIEWED", "FORWARDED"] as const;
    for (const from of routine) for (const to of routine.filter((s) => s !== null)) {
      expect(awaitsAnswer(facts({ caseStatus: from }))).toBe(awaitsAnswer(facts({ caseStatus: to })));
    }
  });
});

describe("what an outcome does to the joint approval", () => {
  const open = { status: "OPEN" as const, participantsTotal: 3, approvalsCounted: 1 };

  test("only concluded denials, refusals and returns reject; approvals approve once all are in", () => {
    expect(outcomeEffect("DENIED", false)).toBe("REJECTS");
    expect(outcomeEffect("REFUSED", false)).toBe("REJECTS");
    expect(outcomeEffect("RETURNED", false)).toBe("REJECTS");
    expect(outcomeEffect("DEEMED_APPROVED", false)).toBe("APPROVES");
    expect(conclusionAfter(open, "APPROVED", "APPROVES", "住建局")).toBeNull();
    expect(conclusionAfter({ ...open, approvalsCounted: 3 }, "DEEMED_APPROVED", "APPROVES", "住建局")).toEqual({ outcome: "APPROVED", reason: "全部参与部门同意" });
    expect(conclusionAfter(open, "DENIED", "REJECTS", "自然资源局")).toEqual({ outcome: "REJECTED", reason: "自然资源局不予批准" });
  });

  test("a withdrawal the saga asked for changes nothing; one the applicant made on the case withdraws the whole", () => {
    expect(outcomeEffect("WITHDRAWN", true)).toBe("NONE");
    expect(outcomeEffect("WITHDRAWN", false)).toBe("WITHDRAWS");
    expect(conclusionAfter(open, "WITHDRAWN", "WITHDRAWS", "环保局")?.outcome).toBe("WITHDRAWN");
  });

  test("nothing reopens a concluded joint approval", () => {
    expect(conclusionAfter({ ...open, status: "REJECTED", approvalsCounted: 3 }, "APPROVED", "APPROVES", "x")).toBeNull();
    expect(conclusionAfter({ ...open, status: "WITHDRAWN" }, "DENIED", "REJECTS", "x")).toBeNull();
  });

  test("a passed overall deadline shows before a stopped clock", () => {
    expect(runningStatus({ timedOutAt: null, paused: false })).toBe("OPEN");
    expect(runningStatus({ timedOutAt: null, paused: true })).toBe("PAUSED");
    expect(runningStatus({ timedOutAt: at, paused: true })).toBe("TIMED_OUT");
  });
});

describe("opening a joint approval", () => {
  const departments: KnownDepartment[] = ["fgj", "zjj", "zrzy", "hbj"].map((departmentId) => ({ departmentId, centerCode: CENTER }));
  const items: KnownItem[] = [
    { itemId: "i-zjj", centerCode: CENTER, departmentId: "zjj", kind: "JOINT", promisedLimitDays: 10, cancelled: false },
    { itemId: "i-zrzy", centerCode: CENTER, departmentId: "zrzy", kind: "JOINT", promisedLimitDays: 12, cancelled: false },
    { itemId: "i-hbj-promised", centerCode: CENTER, departmentId: "hbj", kind: "PROMISED", promisedLimitDays: 5, cancelled: false },
    { itemId: "i-hbj-old", centerCode: CENTER, departmentId: "hbj", kind: "JOINT", promisedLimitDays: 5, cancelled: true },
    { itemId: "i-other-center", centerCode: "330111000000", departmentId: "hbj", kind: "JOINT", promisedLimitDays: 5, cancelled: false },
  ];
  const request = (overrides: Partial<StartRequest> = {}): StartRequest => ({
    projectName: "年产十万吨饲料项目",
    projectCode: "2611-330110-04-01-583921",
    applicant: { name: "某某饲料有限公司", idNumber: "91350100M000100Y43" },
    leadDepartmentId: "fgj",
    participants: [
      { departmentId: "zjj", itemId: "i-zjj" },
      { departmentId: "zrzy", itemId: "i-zrzy" },
    ],
    deadlineWorkingDays: 15,
    greenChannel: false,
    ...overrides,
  });
  const codes = (r: StartRequest) => startProblems(CENTER, r, departments, items).map((p) => [p.code, p.field]);

  test("a good request has no problems", () => {
    expect(codes(request())).toEqual([]);
  });

  test.each([
    ["an unknown lead department", { leadDepartmentId: "nope" }, [["UNKNOWN_DEPARTMENT", "input.leadDepartmentId"]]],
    ["an unknown participating department", { participants: [{ departmentId: "x", itemId: "i-zjj" }, { departmentId: "zrzy", itemId: "i-zrzy" }] }, [["UNKNOWN_DEPARTMENT", "input.participants.0.departmentId"]]],
    ["an unknown item", { participants: [{ departmentId: "zjj", itemId: "nope" }, { departmentId: "zrzy", itemId: "i-zrzy" }] }, [["UNKNOWN_ITEM", "input.participants.0.itemId"]]],
    ["an item of another center", { participants: [{ departmentId: "zjj", itemId: "i-zjj" }, { departmentId: "hbj", itemId: "i-other-center" }] }, [["UNKNOWN_ITEM", "input.participants.1.itemId"]]],
    ["an item of another department", { participants: [{ departmentId: "zjj", itemId: "i-zrzy" }, { departmentId: "zrzy", itemId: "i-zrzy" }] }, [["ITEM_NOT_OF_DEPARTMENT", "input.participants.0.itemId"]]],
    ["an item that is not joint", { participants: [{ departmentId: "zjj", itemId: "i-zjj" }, { departmentId: "hbj", itemId: "i-hbj-promised" }] }, [["ITEM_NOT_JOINT", "input.participants.1.itemId"]]],
    ["a retired item", { participants: [{ departmentId: "zjj", itemId: "i-zjj" }, { departmentId: "hbj", itemId: "i-hbj-old" }] }, [["ITEM_CANCELLED", "input.participants.1.itemId"]]],
    ["a participant listed twice", { participants: [{ departmentId: "zjj", itemId: "i-zjj" }, { departmentId: "zjj", itemId: "i-zjj" }] }, [["DUPLICATE_PARTICIPANT", "input.participants.1.departmentId"]]],
    ["a deadline shorter than a promised limit", { deadlineWorkingDays: 11 }, [["DEADLINE_TOO_SHORT", "input.deadlineWorkingDays"]]],
  ] as const)("%s is a typed problem", (_, overrides, expected) => {
    expect(codes(request(overrides as Partial<StartRequest>))).toEqual(expected);
  });

  test("a retry is recognised whatever the participants' order; other content is not the same request", () => {
    const first = request();
    const reordered = request({ participants: [...first.participants].reverse() });
    expect(requestFingerprint(reordered)).toBe(requestFingerprint(first));
    expect(requestFingerprint(request({ deadlineWorkingDays: 16 }))).not.toBe(requestFingerprint(first));
    expect(requestFingerprint(request({ greenChannel: true }))).not.toBe(requestFingerprint(first));
  });
});

test("a cursor carries the position and nothing else survives decoding", () => {
  const cursor = { openedAt: new Date("2026-03-02T02:00:00.123Z"), id: "0b6f5b8e-1a52-4c1e-9a3e-6a1d2b3c4d5e" };
  expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  expect(decodeCursor("garbage")).toBeNull();
  expect(decodeCursor(Buffer.from("1:' OR 1=1 --").toString("base64url"))).toBeNull();
});

describe("who reads the applicant's ID number in full (个人信息)", () => {
  const key = applicantKey("ENTERPRISE", "91350100M000100Y43");
  const joint = { applicantSubject: key, leadDepartmentId: "fgj" };
  const who = (subject: string, roles: Role[], departmentId: string | null, applicantKey: string | null = null): Identity => ({
    subject,
    roles,
    centerCode: CENTER,
    departmentId,
    windowId: null,
    applicantKey,
  });
  test.each([
    ["the applicant (the account verified for the number)", who("enterprise-1", ["citizen"], null, key), true],
    ["the lead bureau", who("s1", ["bureau"], "fgj"), true],
    ["the lead department's clerk", who("s2", ["window_staff"], "fgj"), true],
    ["a participating department's clerk", who("s3", ["window_staff"], "zjj"), false],
    ["supervision", who("s4", ["supervisor"], null), false],
    ["the center's administration", who("s5", ["center_admin"], "fgj"), false],
    ["another citizen", who("citizen-2", ["citizen"], null, applicantKey("PERSON", "11010519491231002X")), false],
    ["staff whose subject is the key", who(key, ["window_staff"], "zjj"), false],
  ])("%s: %s", (_who, identity, reads) => {
    expect(mayReadApplicantIdNumber(identity, joint)).toBe(reads);
  });
});

test("a keyed request's fingerprint is its operation and every argument that shapes its effect", () => {
  const urge = keyedFingerprint("URGE", "joint-1", "participant-1", "请加快");
  expect(keyedFingerprint("URGE", "joint-1", "participant-1", "请加快")).toBe(urge);
  expect(keyedFingerprint("URGE", "joint-1", "participant-2", "请加快")).not.toBe(urge);
  expect(keyedFingerprint("URGE", "joint-1", "participant-1", null)).not.toBe(urge);
  expect(keyedFingerprint("START", "joint-1", "participant-1", "请加快")).not.toBe(urge);
  // Arguments are kept apart: moving text from one into the next is another request.
  expect(keyedFingerprint("URGE", "joint-1p", "articipant-1", "请加快")).not.toBe(urge);
});
