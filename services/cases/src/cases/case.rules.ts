export type CaseStatus = "SUBMITTED" | "ACCEPTED";

const allowedTransitions: Record<CaseStatus, readonly CaseStatus[]> = {
  SUBMITTED: ["ACCEPTED"],
  ACCEPTED: [],
};

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return allowedTransitions[from].includes(to);
}

/**
 * 受理编号: `SL` + the date in Asia/Shanghai (yyMMdd) + 8 random digits. Not a sequence, so
 * knowing one receipt tells nothing about the next.
 */
export function receiptNumber(at: Date, randomDigits: string): string {
  const shanghai = new Date(at.getTime() + 8 * 60 * 60 * 1000);
  const yymmdd = shanghai.toISOString().slice(2, 10).replaceAll("-", "");
  return `SL${yymmdd}${randomDigits.padStart(8, "0").slice(-8)}`;
}

/** Mainland resident ID: 18 characters, the last a digit or X, with its ISO 7064 MOD 11-2 check. */
export function isValidResidentIdNumber(idNumber: string): boolean {
  if (!/^\d{17}[\dX]$/.test(idNumber)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((total, weight, index) => total + weight * Number(idNumber[index]), 0);
  return "10X98765432"[sum % 11] === idNumber[17];
}
