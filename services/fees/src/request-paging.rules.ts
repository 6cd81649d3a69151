/**
 * Pages of the requests finance decides (reductions, refunds), newest first: ordered by
 * requestedAt descending, then id ascending, so a page boundary between two requests of the
 * same millisecond is still exact. The cursor is that position, opaque to clients.
 */
export interface RequestPosition {
  requestedAt: Date;
  id: string;
}

export const MAX_REQUEST_PAGE = 100;

export function encodeRequestCursor(position: RequestPosition): string {
  return Buffer.from(JSON.stringify(["req", position.requestedAt.getTime(), position.id]), "utf8").toString("base64url");
}

/** Null when the text is not a cursor encodeRequestCursor made. */
export function decodeRequestCursor(cursor: string): RequestPosition | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 3 && value[0] === "req" && Number.isSafeInteger(value[1]) && typeof value[2] === "string" && value[2].length <= 36) {
      return { requestedAt: new Date(value[1] as number), id: value[2] };
    }
  } catch {
    return null;
  }
  return null;
}

/** One page out of `rows` read with one extra: the page, and the cursor of the next one (null on the last). */
export function pageOf<T extends RequestPosition>(rows: readonly T[], first: number): { nodes: T[]; nextCursor: string | null } {
  const nodes = rows.slice(0, first);
  const last = nodes[nodes.length - 1];
  return { nodes, nextCursor: rows.length > first && last ? encodeRequestCursor(last) : null };
}
