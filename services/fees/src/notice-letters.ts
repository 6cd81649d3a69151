import type { AuthorizationReplica, AuthorizedAct } from "@onestop/authorization";
import type { Identity, Tx } from "@onestop/platform";

/**
 * Nobody acts beyond their authorization letter (授权书), on fees as on cases: a staff act on a
 * notice needs a letter of the caller that covers the notice's item and department, allows
 * the act and is in force now. Read from fees' own replica inside the act's transaction, so a
 * revocation that has arrived binds the next act. Throws NOT_AUTHORIZED { act, reason }.
 */
export function requireNoticeLetter(
  authorization: AuthorizationReplica,
  tx: Tx,
  identity: Identity,
  act: AuthorizedAct,
  notice: { itemId: string; departmentId: string; centerCode: string },
): Promise<void> {
  return authorization.require(identity.subject, act, notice.itemId, notice.departmentId, { tx, centerCode: notice.centerCode });
}
