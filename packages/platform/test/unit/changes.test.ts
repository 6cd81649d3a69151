import { changedFields } from "../../src/changes";

describe("the columns an UPDATE writes", () => {
  test("only values that changed: dates by instant, JSON columns by content", () => {
    const before = { status: "ACCEPTED", slipSeq: 2, at: new Date("2026-03-02T01:00:00Z"), timers: [{ kind: "YELLOW", at: "x" }], note: null as string | null };
    const after = { status: "REVIEWED", slipSeq: 2, at: new Date("2026-03-02T01:00:00Z"), timers: [{ kind: "YELLOW", at: "x" }], note: null as string | null };
    expect(changedFields(before, after)).toEqual({ status: "REVIEWED" });
    expect(changedFields(before, { ...after, at: new Date("2026-03-02T02:00:00Z"), timers: [], note: "补正" })).toEqual({
      status: "REVIEWED",
      at: new Date("2026-03-02T02:00:00Z"),
      timers: [],
      note: "补正",
    });
  });

  test("a value becoming null, or a number its string, is a change; a row not read before is all changes", () => {
    expect(changedFields({ handlerId: "staff-1", seq: 1 } as { handlerId: string | null; seq: number | string }, { handlerId: null, seq: "1" })).toEqual({ handlerId: null, seq: "1" });
    expect(changedFields(null, { id: "a", n: 0 })).toEqual({ id: "a", n: 0 });
  });
});
