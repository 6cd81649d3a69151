import type { SubgraphContext } from "@onestop/platform";
import type { StaffRow } from "../organisation/entities";
import { iso } from "../time";
import { maskIdNumber, maskPhone, revealOrMask } from "@onestop/platform";
import type { AccountsService } from "./accounts.service";
import type { CitizenAccountsService, CitizenAccountView } from "./citizen-accounts.service";
import type { MachineClientsService } from "./machine-clients.service";
import type { LoginResult, SessionTokens, SignInService } from "./sign-in.service";
import type { MachineClientRow, MachineClientSecretRow, StaffAccountRow } from "./entities";

export function accountsResolvers(service: AccountsService, citizens: CitizenAccountsService, signIn: SignInService, machineClients: MachineClientsService) {
  return {
    Mutation: {
      login: (_: unknown, args: { input: unknown }) => signIn.login(args.input),
      createStaffAccount: (_: unknown, args: { input: unknown }, context: SubgraphContext) => service.createStaffAccount(context.identity, args.input),
      resetStaffPassword: (_: unknown, args: { input: unknown }, context: SubgraphContext) => service.resetStaffPassword(context.identity, args.input),
      setStaffRoles: (_: unknown, args: { input: unknown }, context: SubgraphContext) => service.setStaffRoles(context.identity, args.input),
      changeMyPassword: (_: unknown, args: { input: unknown }, context: SubgraphContext) => service.changeMyPassword(context.identity, args.input),
      registerCitizen: (_: unknown, args: { input: unknown }) => citizens.registerCitizen(args.input),
      loginCitizen: (_: unknown, args: { input: unknown }) => signIn.loginCitizen(args.input),
      refreshAccessToken: (_: unknown, args: { refreshToken: unknown }) => signIn.refreshAccessToken(args),
      logout: (_: unknown, args: { refreshToken: unknown }) => signIn.logout(args),
      createBankClient: (_: unknown, args: { input: unknown }, context: SubgraphContext) => machineClients.createBankClient(context.identity, args.input),
      rotateBankClientSecret: (_: unknown, args: { clientId: unknown }, context: SubgraphContext) => machineClients.rotateBankClientSecret(context.identity, args),
      revokeBankClientSecret: (_: unknown, args: { clientId: unknown; secretId: unknown }, context: SubgraphContext) =>
        machineClients.revokeBankClientSecret(context.identity, args),
      clientCredentialsToken: (_: unknown, args: { clientId: unknown; clientSecret: unknown }) => signIn.clientCredentialsToken(args),
    },
    Query: {
      myCitizenAccount: (_: unknown, __: unknown, context: SubgraphContext) => citizens.myCitizenAccount(context.identity),
      bankClients: (_: unknown, args: { centerCode: string }, context: SubgraphContext) => machineClients.bankClients(context.identity, args.centerCode),
    },
    CitizenAccount: {
      id: (view: CitizenAccountView) => view.account.id,
      kind: (view: CitizenAccountView) => view.account.kind,
      name: (view: CitizenAccountView) => view.account.name,
      idNumber: (view: CitizenAccountView) => revealOrMask(view.account.idNumber, view.reveal, maskIdNumber),
      phone: (view: CitizenAccountView) => revealOrMask(view.account.phone, view.reveal, maskPhone),
      createdAt: (view: CitizenAccountView) => iso(view.account.createdAt),
    },
    CitizenLoginResult: {
      tokenType: () => "Bearer",
      expiresAt: (result: SessionTokens) => iso(result.expiresAt),
      refreshExpiresAt: (result: SessionTokens) => iso(result.refreshExpiresAt),
    },
    TokenPair: {
      tokenType: () => "Bearer",
      expiresAt: (result: SessionTokens) => iso(result.expiresAt),
      refreshExpiresAt: (result: SessionTokens) => iso(result.refreshExpiresAt),
    },
    ClientCredentialsResult: {
      tokenType: () => "Bearer",
      expiresAt: (result: { expiresAt: Date }) => iso(result.expiresAt),
    },
    MachineClient: {
      createdAt: (client: MachineClientRow) => iso(client.createdAt),
      secrets: (client: MachineClientRow, _: unknown, context: SubgraphContext) => machineClients.secretsOf(context.identity, client),
    },
    MachineClientSecret: {
      createdAt: (secret: MachineClientSecretRow) => iso(secret.createdAt),
      revokedAt: (secret: MachineClientSecretRow) => iso(secret.revokedAt),
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
      refreshExpiresAt: (result: LoginResult) => iso(result.refreshExpiresAt),
    },
  };
}
