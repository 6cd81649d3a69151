/** Dates of the hall are Beijing time (UTC+8, no daylight saving); instants are stored in UTC. */
const OFFSET_MS = 8 * 3_600_000;

/** The calendar date (YYYY-MM-DD) of an instant in Asia/Shanghai. */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Shanghai calendar date starts. */
export function startOfShanghaiDate(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - OFFSET_MS);
}

/** An instant as the schema's String: non-null for a set instant, as the schema promises. */
export function iso(date: Date): string;
export function iso(date: Date | null | undefined): string | null;
export function iso(date: Date | null | undefined): string | null {
  return date ? date.toISOString() : null;
}
