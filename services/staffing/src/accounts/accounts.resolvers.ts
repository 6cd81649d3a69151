import { iso, maskIdNumber, revealOrMask } from "@onestop/platform";
import type { AccountsService } from "./accounts.service";
import type { CitizenAccountsService } from "./citizen-accounts.service";
import type { MachineClientsService } from "./machine-clients.service";
import type { SignInService } from "./sign-in.service";
import type { Resolvers } from "../schema/resolvers.generated";

export function accountsResolvers(service: AccountsService, citizens: CitizenAccountsService, signIn: SignInService, machineClients: MachineClientsService): Resolvers {
  return {
    Mutation: {
      login: (_, args, context) => signIn.login(args.input, context.client ?? null),
      createStaffAccount: (_, args, context) => service.createStaffAccount(context.identity, args.input),
      resetStaffPassword: (_, args, context) => service.resetStaffPassword(context.identity, args.input),
      setStaffRoles: (_, args, context) => service.setStaffRoles(context.identity, args.input),
      changeMyPassword: (_, args, context) => service.changeMyPassword(context.identity, args.input),
      registerCitizen: (_, args) => citizens.registerCitizen(args.input),
      loginCitizen: (_, args, context) => signIn.loginCitizen(args.input, context.client ?? null),
      refreshAccessToken: (_, args) => signIn.refreshAccessToken(args),
      logout: (_, args) => signIn.logout(args),
      createBankClient: (_, args, context) => machineClients.createBankClient(context.identity, args.input),
      rotateBankClientSecret: (_, args, context) => machineClients.rotateBankClientSecret(context.identity, args),
      revokeBankClientSecret: (_, args, context) =>
        machineClients.revokeBankClientSecret(context.identity, args),
      clientCredentialsToken: (_, args) => signIn.clientCredentialsToken(args),
    },
    Query: {
      signInChallenge: async () => {
        const issued = await signIn.signInChallenge();
        return { altcha: issued.altcha, expiresAt: iso(issued.expiresAt) };
      },
      myCitizenAccount: (_, __, context) => citizens.myCitizenAccount(context.identity),
      bankClients: (_, args, context) => machineClients.bankClients(context.identity, args.centerCode),
    },
    CitizenAccount: {
      id: (view) => view.account.id,
      kind: (view) => view.account.kind,
      name: (view) => view.account.name,
      idNumber: (view) => revealOrMask(view.account.idNumber, view.reveal, maskIdNumber),
      phone: (view) => view.account.phone,
      createdAt: (view) => iso(view.account.createdAt),
    },
    CitizenLoginResult: {
      tokenType: () => "Bearer",
      expiresAt: (result) => iso(result.expiresAt),
      refreshExpiresAt: (result) => iso(result.refreshExpiresAt),
    },
    TokenPair: {
      tokenType: () => "Bearer",
      expiresAt: (result) => iso(result.expiresAt),
      refreshExpiresAt: (result) => iso(result.refreshExpiresAt),
    },
    ClientCredentialsResult: {
      tokenType: () => "Bearer",
      expiresAt: (result) => iso(result.expiresAt),
    },
    MachineClient: {
      createdAt: (client) => iso(client.createdAt),
      secrets: (client, _, context) => machineClients.secretsOf(context.identity, client),
    },
    MachineClientSecret: {
      createdAt: (secret) => iso(secret.createdAt),
      revokedAt: (secret) => iso(secret.revokedAt),
    },
    Staff: {
      account: (staff, _, context) => service.account(context.identity, staff),
    },
    StaffAccount: {
      lockedUntil: async (account) => iso(await service.lockedUntil(account)),
      lastLoginAt: (account) => iso(account.lastLoginAt),
      passwordChangedAt: (account) => iso(account.passwordChangedAt),
    },
    LoginResult: {
      tokenType: () => "Bearer",
      expiresAt: (result) => iso(result.expiresAt),
      refreshExpiresAt: (result) => iso(result.refreshExpiresAt),
    },
  };
}
