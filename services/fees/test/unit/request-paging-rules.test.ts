import { decodeRequestCursor, encodeRequestCursor, pageOf } from "../../src/request-paging.rules";

describe("pages of requests finance decides", () => {
  test("a cursor gives back the position it was made from; anything else is no cursor", () => {
    const position = { requestedAt: new Date("2026-03-02T02:15:00.123Z"), id: "5d0b9d7e-0c4a-4f57-9d0e-2f4c1a7e8b21" };
    expect(decodeRequestCursor(encodeRequestCursor(position))).toEqual(position);
    expect(decodeRequestCursor("not-a-cursor")).toBeNull();
    expect(decodeRequestCursor(Buffer.from(JSON.stringify(["admin", 1, "x"])).toString("base64url"))).toBeNull();
    expect(decodeRequestCursor(Buffer.from(JSON.stringify(["req", "soon", "x"])).toString("base64url"))).toBeNull();
  });

  test("the extra row read tells that another page follows; the last page has no cursor", () => {
    const rows = [1, 2, 3].map((n) => ({ requestedAt: new Date(n * 1000), id: `r${n}` }));
    const first = pageOf(rows, 2);
    expect(first.nodes.map((row) => row.id)).toEqual(["r1", "r2"]);
    expect(decodeRequestCursor(first.nextCursor!)).toEqual({ requestedAt: new Date(2000), id: "r2" });
    expect(pageOf(rows.slice(0, 2), 2).nextCursor).toBeNull();
    expect(pageOf([], 2)).toEqual({ nodes: [], nextCursor: null });
  });
});
