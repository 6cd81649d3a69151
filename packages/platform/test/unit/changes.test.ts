import { changedFields } from "../../src/changes";

interface Row {
  status: string;
  slipSeq: number;
  at: Date;
  timers: Array<{ kind: string; at: string }>;
  note: string | null;
}

describe("the columns an UPDATE writes", () => {
  const before: Row = { status: "ACCEPTED", slipSeq: 2, at: new Date("2026-03-02T01:00:00Z"), timers: [{ kind: "YELLOW", at: "x" }], note: null };

  test("only values that changed: dates by instant, JSON columns by content", () => {
    const after: Row = { ...before, status: "REVIEWED", at: new Date("2026-03-02T01:00:00Z"), timers: [{ kind: "YELLOW", at: "x" }] };
    expect(changedFields<Row>(before, after)).toEqual({ status: "REVIEWED" });
    expect(changedFields<Row>(before, { ...after, at: new Date("2026-03-02T02:00:00Z"), timers: [], note: "补正" })).toEqual({
      status: "REVIEWED",
      at: new Date("2026-03-02T02:00:00Z"),
      timers: [],
      note: "补正",
    });
  });

  test("a value becoming null, or a number its string, is a change; a row not read before is all changes", () => {
    type Loose = { handlerId: string | null; seq: number | string };
    expect(changedFields<Loose>({ handlerId: "staff-1", seq: 1 }, { handlerId: null, seq: "1" })).toEqual({ handlerId: null, seq: "1" });
    expect(changedFields<{ id: string; n: number }>(null, { id: "a", n: 0 })).toEqual({ id: "a", n: 0 });
  });
});
