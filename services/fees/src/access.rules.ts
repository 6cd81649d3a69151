import { hasRole, isApplicant, type Identity } from "@onestop/platform";

/**
 * Who may do what with fees (票款分离): the department's window staff assess, cancel,
 * reissue and ask for reductions and refunds (the last four also as their authorization
 * letter allows: notice-letters.ts); only the collection bank records money; only the
 * center's finance approves reductions and refunds. Everyone acts inside one center.
 */

/** The collection bank's client in this center (a machine client, role `bank`). */
export function isBankOf(identity: Identity, centerCode: string): boolean {
  return hasRole(identity, "bank") && identity.centerCode === centerCode;
}

/** The center's finance office (财务). */
export function isFinanceOf(identity: Identity, centerCode: string): boolean {
  return hasRole(identity, "finance") && identity.centerCode === centerCode;
}

/** Window staff or the chief representative of the department, in its center. */
export function isStaffOf(identity: Identity, centerCode: string, departmentId: string): boolean {
  return (
    hasRole(identity, "window_staff", "chief_representative") &&
    identity.centerCode === centerCode &&
    identity.departmentId === departmentId
  );
}

/** Center administration, supervision and finance see every fee record of their center. */
export function isOverseerOf(identity: Identity, centerCode: string): boolean {
  return hasRole(identity, "center_admin", "supervisor", "finance") && identity.centerCode === centerCode;
}

/** Fee accounts are set up by the center's administration or its finance office. */
export function mayConfigureAccounts(identity: Identity, centerCode: string): boolean {
  return hasRole(identity, "center_admin", "finance") && identity.centerCode === centerCode;
}

/**
 * 并联审批: the bureau and staff of the department leading a joint case's joint approval follow
 * its fees (docs/joint-approval.md); they act on none of them.
 */
export function leadsJointCaseOf(identity: Identity, centerCode: string, jointLeadDepartmentId: string | null): boolean {
  return (
    jointLeadDepartmentId !== null &&
    hasRole(identity, "bureau", "window_staff", "chief_representative") &&
    identity.centerCode === centerCode &&
    identity.departmentId === jointLeadDepartmentId
  );
}

/** The payer (the account that applied, or the one verified for the applicant's number), the department, the joint lead, the bank and the overseers. */
export function maySeeNotice(
  identity: Identity,
  notice: { centerCode: string; departmentId: string; payerSubject: string; jointLeadDepartmentId: string | null },
): boolean {
  if (isApplicant(identity, notice.payerSubject)) return true;
  return (
    isOverseerOf(identity, notice.centerCode) ||
    isBankOf(identity, notice.centerCode) ||
    isStaffOf(identity, notice.centerCode, notice.departmentId) ||
    leadsJointCaseOf(identity, notice.centerCode, notice.jointLeadDepartmentId)
  );
}

/**
 * Whether a notice leads the caller on to its case: not for the bank, which collects the fee
 * and never reads the application (its `case` is null, the rest of the notice is there).
 */
export function mayReadCases(identity: Identity): boolean {
  return !hasRole(identity, "bank");
}

/** The day's takings of a department: its own staff, the overseers, and the bank. */
export function maySeeCollections(identity: Identity, centerCode: string, departmentId: string): boolean {
  return isOverseerOf(identity, centerCode) || isBankOf(identity, centerCode) || isStaffOf(identity, centerCode, departmentId);
}

/** Statements are sent by the bank, or loaded by finance from the bank's file. */
export function mayReconcile(identity: Identity, centerCode: string): boolean {
  return isBankOf(identity, centerCode) || isFinanceOf(identity, centerCode);
}
