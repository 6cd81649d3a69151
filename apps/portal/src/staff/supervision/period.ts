import dayjs from "dayjs";
import { BEIJING } from "../../lib/format";

/** The current month in Beijing time (YYYY-MM). */
export const currentMonth = (): string => dayjs().tz(BEIJING).format("YYYY-MM");

/** The last `count` months, newest first (YYYY-MM). */
export function recentMonths(count = 12): string[] {
  const start = dayjs().tz(BEIJING).startOf("month");
  return Array.from({ length: count }, (_, index) => start.subtract(index, "month").format("YYYY-MM"));
}

/** The Beijing days of a month, both inclusive. */
export function monthPeriod(month: string): { from: string; to: string } {
  const first = dayjs(`${month}-01`);
  return { from: first.format("YYYY-MM-DD"), to: first.endOf("month").format("YYYY-MM-DD") };
}

/** A rate 0-1 as a percentage, or a dash when there was nothing to count. */
export const percent = (rate: number | null | undefined): string => (rate === null || rate === undefined ? "—" : `${(rate * 100).toFixed(1)}%`);
export const decimal = (value: number | null | undefined, digits = 1): string => (value === null || value === undefined ? "—" : value.toFixed(digits));
