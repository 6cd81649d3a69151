/**
 * 个人信息脱敏 in free text: resident ID numbers and mobile numbers as people type them, not only
 * in their canonical form. A clerk's remark, an applicant's note or a logged message may hold
 * `+86 138-1234-5678`, `0086 13812345678`, `1101 0519 4912 3100 2X` or full-width digits from a
 * Chinese input method; all of them are cut out. Other numbers (notice numbers, receipt numbers,
 * amounts) stay: a match must stand alone, not be part of a longer run of digits.
 */

export const REDACTED = "[redacted]";

const DIGIT = "[0-9\\uFF10-\\uFF19]";
/** What people put between groups of digits: spaces (also the ideographic one), dashes, dots. */
const SEP = "[\\s\\u3000\\-\\u2010-\\u2015\\uFF0D.\\uFF0E]{0,3}";
const ALONE_BEFORE = `(?<!${DIGIT}${SEP})`;
const ALONE_AFTER = `(?!${SEP}${DIGIT})`;

/** 18 characters: 6 region digits, the birth date, a sequence of 3 and a check character. */
const ID_NUMBER = new RegExp(`${ALONE_BEFORE}${DIGIT}(?:${SEP}${DIGIT}){16}${SEP}[0-9\\uFF10-\\uFF19Xx\\uFF38\\uFF58]${ALONE_AFTER}`, "gu");
/** 11 digits starting 1[3-9], optionally after the country code (+86, 0086, 86, in brackets or not). */
const MOBILE = new RegExp(
  `${ALONE_BEFORE}(?:[(\\uFF08]?(?:[+\\uFF0B]|[0\\uFF10]{2})?[8\\uFF18][6\\uFF16][)\\uFF09]?${SEP})?[1\\uFF11](?:${SEP}${DIGIT}){10}${ALONE_AFTER}`,
  "gu",
);

/** Full-width digits and letters as their ASCII forms, separators dropped. */
function canonical(typed: string): string {
  return typed.normalize("NFKC").replace(/[^0-9A-Za-z]/g, "").toUpperCase();
}

/** Whether 18 typed characters read as a resident ID number: a region, then a real-looking birth date. */
function looksLikeIdNumber(typed: string): boolean {
  const value = canonical(typed);
  if (!/^[1-9]\d{16}[\dX]$/.test(value)) return false;
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  return year >= 1900 && year <= 2099 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

function looksLikeMobile(typed: string): boolean {
  return /^(?:0{0,2}86)?1[3-9]\d{9}$/.test(canonical(typed));
}

/** The text with every ID number and mobile number in it replaced by [redacted]. */
export function redactPersonalText(text: string): string {
  return text
    .replace(ID_NUMBER, (typed) => (looksLikeIdNumber(typed) ? REDACTED : typed))
    .replace(MOBILE, (typed) => (looksLikeMobile(typed) ? REDACTED : typed));
}

/** Every string inside a value (objects and arrays walked) with personal numbers cut out. */
export function redactPersonalValues<T>(value: T): T {
  if (typeof value === "string") return redactPersonalText(value) as T;
  if (Array.isArray(value)) return value.map((item) => redactPersonalValues(item)) as T;
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, redactPersonalValues(inner)])) as T;
  }
  return value;
}
