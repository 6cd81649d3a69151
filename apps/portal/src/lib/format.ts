import dayjs from "dayjs";
import timezone from "dayjs/plugin/timezone";
import utc from "dayjs/plugin/utc";

dayjs.extend(utc);
dayjs.extend(timezone);

export const BEIJING = "Asia/Shanghai";

/** An amount in integer fen as ¥0.00 (no floating point on the way). */
export function formatFen(fen: number): string {
  const negative = fen < 0;
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100).toLocaleString("en-US");
  const cents = String(abs % 100).padStart(2, "0");
  return `${negative ? "-" : ""}¥${yuan}.${cents}`;
}

/** A calendar day (yyyy-MM-dd) as given, or an instant as its day in Beijing time. */
export function formatDay(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return dayjs(value).tz(BEIJING).format("YYYY-MM-DD");
}

/** An instant as date and time in Beijing time. */
export function formatDateTime(value: string): string {
  return dayjs(value).tz(BEIJING).format("YYYY-MM-DD HH:mm");
}
