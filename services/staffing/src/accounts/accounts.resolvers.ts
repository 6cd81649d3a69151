import type { SubgraphContext } from "@onestop/platform";
import type { StaffRow } from "../organisation/entities";
import { iso } from "../time";
import type { AccountsService, LoginResult } from "./accounts.service";
import type { StaffAccountRow } from "./entities";

export function accountsResolvers(service: AccountsService) {
  return {
    Mutation: {
      login: (_: unknown, args: { input: unknown }) => service.login(args.input),
      createStaffAccount: (_: unknown, args: { input: unknown }, context: SubgraphContext) => service.createStaffAccount(context.identity, args.input),
      resetStaffPassword: (_: unknown, args: { input: unknown }, context: SubgraphContext) => service.resetStaffPassword(context.identity, args.input),
      setStaffRoles: (_: unknown, args: { input: unknown }, context: SubgraphContext) => service.setStaffRoles(context.identity, args.input),
      changeMyPassword: (_: unknown, args: { input: unknown }, context: SubgraphContext) => service.changeMyPassword(context.identity, args.input),
    },
    Staff: {
      account: (staff: StaffRow, _: unknown, context: SubgraphContext) => service.account(context.identity, staff),
    },
    StaffAccount: {
      lockedUntil: (account: StaffAccountRow) => iso(account.lockedUntil),
      lastLoginAt: (account: StaffAccountRow) => iso(account.lastLoginAt),
      passwordChangedAt: (account: StaffAccountRow) => iso(account.passwordChangedAt),
    },
    LoginResult: {
      tokenType: () => "Bearer",
      expiresAt: (result: LoginResult) => iso(result.expiresAt),
    },
  };
}
