/**
 * 个人信息脱敏: ID numbers and phone numbers shown to a role that does not need them keep only
 * enough to recognise them (110105********002X, 138****8000). Pure; the services decide who
 * sees the full value (the person themself, the handling department's staff).
 */

function maskMiddle(value: string, keepStart: number, keepEnd: number): string {
  if (value.length <= keepStart + keepEnd) return "*".repeat(value.length);
  return value.slice(0, keepStart) + "*".repeat(value.length - keepStart - keepEnd) + value.slice(value.length - keepEnd);
}

/** 身份证号 or 统一社会信用代码: the region (first 6) and the last 4 stay. */
export function maskIdNumber(idNumber: string): string {
  return maskMiddle(idNumber, 6, 4);
}

/** 手机号: the carrier prefix (first 3) and the last 4 stay. */
export function maskPhone(phone: string): string {
  return maskMiddle(phone, 3, 4);
}

/** The value itself for a caller who needs it, its masked form for anyone else. */
export function revealOrMask(value: string, reveal: boolean, mask: (value: string) => string): string {
  return reveal ? value : mask(value);
}
