/**
 * 一个部门一个收费账户: a department has exactly one fee account at the collection bank, and an
 * account belongs to one department. Account numbers are the bank's digits, 8 to 32 of them.
 */
export const accountNumberPattern = /^\d{8,32}$/;

export interface AccountDetails {
  accountNo: string;
  accountName: string;
  bankName: string;
}

export function sameAccount(a: AccountDetails, b: AccountDetails): boolean {
  return a.accountNo === b.accountNo && a.accountName === b.accountName && a.bankName === b.bankName;
}
