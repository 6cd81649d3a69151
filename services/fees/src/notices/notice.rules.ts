import { calendarDay, endOfShanghaiDay, shanghaiDayOf, WorkingCalendar } from "@onestop/calendar";
import { FeeErrorCode } from "../errors";

/**
 * A notice's life. ISSUED → PAID (the bank recorded it), CANCELLED (case refused, withdrawn or
 * returned; staff; replaced by a reissue or a reduction), WAIVED (full waiver approved by
 * finance). PAID → REFUNDED (finance approved a refund and the bank paid it back).
 * EXPIRED is not stored: an issued notice past its expiry is shown as expired.
 */
export type NoticeStatus = "ISSUED" | "PAID" | "CANCELLED" | "WAIVED" | "REFUNDED";
export type ShownNoticeStatus = NoticeStatus | "EXPIRED";

export function shownStatus(notice: { status: NoticeStatus; expiresAt: Date }, now: Date): ShownNoticeStatus {
  return notice.status === "ISSUED" && now.getTime() >= notice.expiresAt.getTime() ? "EXPIRED" : notice.status;
}

/** Luhn check digit of a digit string. */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * 缴款通知书编号, 20 digits: the county's 6-digit division code, the issue date in
 * Asia/Shanghai (yyMMdd), a 7-digit serial of that day, and a Luhn check digit that
 * catches a mistyped digit at the bank's counter.
 */
export function noticeNumber(centerCode: string, issuedAt: Date, serial: number): string {
  if (!Number.isInteger(serial) || serial < 1 || serial > 9_999_999) throw new RangeError(`serial ${serial} out of range`);
  const yymmdd = issueDay(issuedAt).slice(2).replaceAll("-", "");
  const body = `${centerCode.slice(0, 6)}${yymmdd}${String(serial).padStart(7, "0")}`;
  return `${body}${luhnCheckDigit(body)}`;
}

export function isWellFormedNoticeNumber(noticeNo: string): boolean {
  return /^\d{20}$/.test(noticeNo) && luhnCheckDigit(noticeNo.slice(0, 19)) === Number(noticeNo[19]);
}

/** The day a notice's serial counts in, Asia/Shanghai. */
export function issueDay(issuedAt: Date): string {
  return shanghaiDayOf(issuedAt);
}

/**
 * How long a notice can be paid: through the end (24:00, Asia/Shanghai) of the 10th working
 * day after the day it was issued, counted like every other deadline of the hall (the issue
 * day is not counted). Working days, because the collection point keeps the hall's hours: a
 * notice issued before the Spring Festival break must not lapse while the hall is shut.
 */
export const NOTICE_VALID_WORKING_DAYS = 10;

/**
 * Beyond the years whose holiday tables are loaded, weekends alone are counted: a notice
 * must still be issuable then, and an expiry a few days early is cured by a reissue.
 */
const expiryCalendar = WorkingCalendar.shipped({ unloadedYears: "weekends-only" });

export function noticeExpiry(issuedAt: Date, calendar: WorkingCalendar = expiryCalendar): Date {
  const lastDay = calendar.addWorkingDays(calendarDay(issueDay(issuedAt)), NOTICE_VALID_WORKING_DAYS);
  return endOfShanghaiDay(lastDay);
}

export type NoticeAction = "CANCEL" | "REISSUE" | "REDUCE" | "REFUND";

/**
 * Why an action cannot be taken on a notice in its state, or null when it can. Unpaid
 * notices are cancelled, reissued or reduced; only a paid one is refunded.
 */
export function noticeActionRefusal(status: NoticeStatus, action: NoticeAction): { code: string; message: string } | null {
  if (action === "REFUND") {
    if (status === "PAID") return null;
    if (status === "REFUNDED") return { code: FeeErrorCode.InvalidTransition, message: "The notice was refunded already" };
    return { code: FeeErrorCode.InvalidTransition, message: `Only a paid notice is refunded; this one is ${status.toLowerCase()}` };
  }
  switch (status) {
    case "ISSUED":
      return null;
    case "PAID":
    case "REFUNDED":
      return { code: FeeErrorCode.NoticeAlreadyPaid, message: "The notice was paid at the bank; only a refund can return the money" };
    case "CANCELLED":
      return { code: FeeErrorCode.NoticeCancelled, message: "The notice was cancelled" };
    case "WAIVED":
      return { code: FeeErrorCode.NoticeWaived, message: "The fee was waived" };
  }
}

/** Outcomes that end a case without its service: an unpaid fee of it is no longer owed. */
const outcomesThatCancelUnpaidNotices = new Set(["REFUSED", "WITHDRAWN", "RETURNED"]);

export function conclusionCancelsUnpaidNotices(outcome: string): boolean {
  return outcomesThatCancelUnpaidNotices.has(outcome);
}

/** 不予受理 / 撤回 / 退件: the reason written on a notice the case's end cancelled. */
export function conclusionCancelReason(outcome: string): string {
  switch (outcome) {
    case "REFUSED":
      return "案件不予受理 (case refused)";
    case "WITHDRAWN":
      return "申请人撤回申请 (case withdrawn)";
    default:
      return "案件退件 (case returned)";
  }
}
