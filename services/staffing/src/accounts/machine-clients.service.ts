import { randomBytes, randomUUID } from "node:crypto";
import { DomainError, requireCenter, requireRole, validate, type Clock, type Identity, type UnitOfWork } from "@onestop/platform";
import { StaffingErrorCode } from "../errors";
import type { AccountsRepository } from "./accounts.repository";
import type { MachineClientRow, MachineClientSecretRow } from "./entities";
import { clientIdInput, createBankClientInput, revokeSecretInput } from "./inputs";
import type { PasswordHasher } from "./password";

export interface IssuedSecret {
  client: MachineClientRow;
  secretId: string;
  clientSecret: string;
}

async function newSecret(passwords: PasswordHasher, clientId: string, now: Date): Promise<{ secret: string; row: MachineClientSecretRow }> {
  const secret = randomBytes(32).toString("base64url");
  return { secret, row: { id: randomUUID(), clientId, secretHash: await passwords.hash(secret), createdAt: now, revokedAt: null } };
}

/** Machine clients: the bank (银行代收点), registered by the center with secrets it rotates without downtime. */
export class MachineClientsService {
  constructor(
    private readonly repository: AccountsRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly passwords: PasswordHasher,
  ) {}

  /** The center's administration registers the bank's collection point; the secret is shown this once. */
  async createBankClient(identity: Identity, rawInput: unknown): Promise<IssuedSecret> {
    const input = validate(createBankClientInput, rawInput, "input");
    requireRole(identity, "center_admin");
    requireCenter(identity, input.centerCode);
    const now = this.clock.now();
    const client: MachineClientRow = {
      id: `bank-${input.centerCode}-${randomBytes(6).toString("hex")}`,
      centerCode: input.centerCode,
      name: input.name,
      role: "bank",
      createdBy: identity.subject,
      createdAt: now,
    };
    const { secret, row } = await newSecret(this.passwords, client.id, now);
    await this.unitOfWork.run((tx) => this.repository.insertMachineClient(tx, client, row));
    return { client, secretId: row.id, clientSecret: secret };
  }

  /** A new secret beside the old ones, which keep working until revoked: the bank switches without downtime. */
  async rotateBankClientSecret(identity: Identity, rawInput: unknown): Promise<IssuedSecret> {
    const input = validate(clientIdInput, rawInput);
    const client = await this.requireMachineClientOfCenter(identity, input.clientId);
    const { secret, row } = await newSecret(this.passwords, client.id, this.clock.now());
    await this.unitOfWork.run((tx) => this.repository.insertSecret(tx, row));
    return { client, secretId: row.id, clientSecret: secret };
  }

  async revokeBankClientSecret(identity: Identity, rawInput: unknown): Promise<MachineClientRow> {
    const input = validate(revokeSecretInput, rawInput);
    const client = await this.requireMachineClientOfCenter(identity, input.clientId);
    const revoked = await this.unitOfWork.run((tx) => this.repository.revokeSecret(tx, client.id, input.secretId, this.clock.now()));
    if (!revoked) throw new DomainError(StaffingErrorCode.SecretAlreadyRevoked, "No live secret with this id", { secretId: input.secretId });
    return client;
  }

  async bankClients(identity: Identity, centerCode: string): Promise<MachineClientRow[]> {
    requireRole(identity, "center_admin", "supervisor");
    requireCenter(identity, centerCode);
    return this.repository.machineClientsOfCenter(centerCode);
  }

  async secretsOf(identity: Identity, client: MachineClientRow): Promise<MachineClientSecretRow[]> {
    requireRole(identity, "center_admin", "supervisor");
    requireCenter(identity, client.centerCode);
    return this.repository.secretsOf(client.id);
  }

  private async requireMachineClientOfCenter(identity: Identity, clientId: string): Promise<MachineClientRow> {
    requireRole(identity, "center_admin");
    const client = await this.repository.findMachineClient(clientId);
    if (!client) throw new DomainError(StaffingErrorCode.UnknownMachineClient, `No machine client ${clientId}`, { clientId });
    requireCenter(identity, client.centerCode);
    return client;
  }
}
