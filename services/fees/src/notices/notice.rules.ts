import type { FeeStandardPayload } from "@onestop/events";

export interface NoticeLine {
  description: string;
  quantity: number;
  amountFen: number;
}

/**
 * The lines a fee standard charges for a quantity; the notice's amount is their sum.
 * Tiered standards are progressive: each band's units at that band's price.
 */
export function assessFee(itemName: string, standard: FeeStandardPayload, quantity: number): NoticeLine[] {
  switch (standard.kind) {
    case "FREE":
      return [];
    case "FIXED":
      return [{ description: itemName, quantity: 1, amountFen: standard.amountFen }];
    case "PER_UNIT":
      return [{ description: `${itemName} (${standard.unitName})`, quantity, amountFen: standard.unitPriceFen * quantity }];
    case "TIERED": {
      const lines: NoticeLine[] = [];
      let lower = 0;
      for (const tier of standard.tiers) {
        const upper = tier.upTo ?? Number.POSITIVE_INFINITY;
        const units = Math.max(0, Math.min(quantity, upper) - lower);
        if (units > 0) {
          const band = tier.upTo === null ? `>${lower}` : `${lower + 1}-${tier.upTo}`;
          lines.push({ description: `${itemName} (${band} ${standard.unitName})`, quantity: units, amountFen: units * tier.unitPriceFen });
        }
        if (quantity <= upper) break;
        lower = upper;
      }
      return lines;
    }
  }
}

export const totalFen = (lines: readonly NoticeLine[]) => lines.reduce((sum, line) => sum + line.amountFen, 0);

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
  const shanghai = new Date(issuedAt.getTime() + 8 * 60 * 60 * 1000);
  const yymmdd = shanghai.toISOString().slice(2, 10).replaceAll("-", "");
  const body = `${centerCode.slice(0, 6)}${yymmdd}${String(serial).padStart(7, "0")}`;
  return `${body}${luhnCheckDigit(body)}`;
}

export function isWellFormedNoticeNumber(noticeNo: string): boolean {
  return /^\d{20}$/.test(noticeNo) && luhnCheckDigit(noticeNo.slice(0, 19)) === Number(noticeNo[19]);
}

/** The day a notice's serial counts in, Asia/Shanghai. */
export function issueDay(issuedAt: Date): string {
  return new Date(issuedAt.getTime() + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);
}
