import { barredUntil, slotCapacity, slotsOfDay } from "../../src/appointments/appointments.rules";
import { callOrder, departmentsServed, maskName, prefixAt, ticketNumber, type QueuedTicket } from "../../src/tickets/tickets.rules";

const at = (iso: string) => new Date(iso);

describe("ticket numbers", () => {
  test("prefixes run A…Z, then AA, AB…", () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(prefixAt)).toEqual(["A", "B", "Z", "AA", "AB", "AZ", "BA"]);
  });
  test("three digits at least", () => {
    expect(ticketNumber("A", 7)).toBe("A007");
    expect(ticketNumber("AB", 1234)).toBe("AB1234");
  });
});

describe("which tickets a window calls, in which order", () => {
  const t = (id: string, departmentId: string, issued: string, extra: Partial<QueuedTicket> = {}): QueuedTicket => ({
    id,
    departmentId,
    targetWindowId: null,
    aheadFrom: null,
    aheadUntil: null,
    issuedAt: at(issued),
    seq: Number(id.replace(/\D/g, "")),
    ...extra,
  });
  const now = at("2026-03-02T02:10:00Z");
  const queue = [
    t("1", "zjj", "2026-03-02T01:00:00Z"),
    t("2", "zjj", "2026-03-02T01:05:00Z", { aheadFrom: at("2026-03-02T01:45:00Z"), aheadUntil: at("2026-03-02T02:30:00Z") }),
    t("3", "ga", "2026-03-02T00:50:00Z"),
    t("4", "zjj", "2026-03-02T01:10:00Z", { targetWindowId: "w-zjj" }),
    t("5", "zjj", "2026-03-02T00:40:00Z", { targetWindowId: "w-other" }),
    t("6", "zjj", "2026-03-02T00:30:00Z", { aheadFrom: at("2026-03-02T03:00:00Z"), aheadUntil: at("2026-03-02T03:30:00Z") }),
  ];

  test("transferred to this window first, then the booked within their slot, then by issue; others' transfers and departments never", () => {
    expect(callOrder(queue, "w-zjj", ["zjj"], now).map((x) => x.id)).toEqual(["4", "2", "6", "1"]);
  });
  test("a comprehensive window serves the departments it acts for", () => {
    expect(departmentsServed({ kind: "COMPREHENSIVE", departmentId: null, actsFor: ["zjj", "ga"] })).toEqual(["zjj", "ga"]);
    expect(departmentsServed({ kind: "RESIDENT", departmentId: "zjj", actsFor: ["ga"] })).toEqual(["zjj"]);
    expect(callOrder(queue, "w-comp", ["zjj", "ga"], now).map((x) => x.id)).toEqual(["2", "6", "3", "1"]);
  });
  test("a booking outside its slot waits like anyone", () => {
    expect(callOrder(queue, "w-zjj", ["zjj"], at("2026-03-02T02:40:00Z")).map((x) => x.id)).toEqual(["4", "6", "1", "2"]);
  });
});

describe("appointments", () => {
  const dayStart = at("2026-03-01T16:00:00Z"); // 2026-03-02 00:00 Beijing
  test("slots from opening to closing, none across the lunch break", () => {
    const slots = slotsOfDay(dayStart, { opens: "09:00", closes: "17:00", lunch: "12:00-13:30", slotMinutes: 30 });
    expect(slots[0]!.start.toISOString()).toBe("2026-03-02T01:00:00.000Z");
    expect(slots.map((s) => s.start.toISOString())).not.toContain("2026-03-02T04:00:00.000Z");
    expect(slots.map((s) => s.start.toISOString())).toContain("2026-03-02T05:30:00.000Z");
    expect(slots).toHaveLength(6 + 7);
    expect(slots.at(-1)!.end.toISOString()).toBe("2026-03-02T09:00:00.000Z");
  });
  test("capacity: places per window on duty", () => {
    expect(slotCapacity(3, 2)).toBe(6);
    expect(slotCapacity(0, 2)).toBe(0);
  });
  test("爽约: 3 no-shows in 90 days bar booking for 30 days from the last", () => {
    const rule = { limit: 3, windowDays: 90, barDays: 30 };
    const now = at("2026-06-01T00:00:00Z");
    const two = [at("2026-04-01T00:00:00Z"), at("2026-05-20T00:00:00Z")];
    expect(barredUntil(two, now, rule)).toBeNull();
    expect(barredUntil([...two, at("2026-05-25T00:00:00Z")], now, rule)?.toISOString()).toBe("2026-06-24T00:00:00.000Z");
    // One of them older than 90 days: not three within the window.
    expect(barredUntil([at("2026-02-01T00:00:00Z"), ...two], now, rule)).toBeNull();
    // The bar ends 30 days after the last.
    expect(barredUntil([...two, at("2026-04-25T00:00:00Z")], at("2026-06-19T00:00:00Z"), rule)).toBeNull();
    expect(barredUntil([...two, at("2026-04-25T00:00:00Z")], at("2026-06-18T23:59:59Z"), rule)).not.toBeNull();
  });
});

describe("names on the public board are masked", () => {
  test("persons keep the surname; enterprises the ends", () => {
    expect(maskName("张三")).toBe("张*");
    expect(maskName("欧阳明日")).toBe("欧***");
    expect(maskName("王小明")).toBe("王**");
    expect(maskName("宣汉县鑫源建材有限公司")).toBe("宣汉*******公司");
  });
});
