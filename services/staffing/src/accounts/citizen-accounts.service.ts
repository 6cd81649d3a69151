import { randomUUID } from "node:crypto";
import { staffingEvents } from "@onestop/events";
import { applicantKindOf, DomainError, findingsAt, invalidInput, maskPhone, requireRole, validate, type Clock, type Identity, type UnitOfWork } from "@onestop/platform";
import { StaffingErrorCode } from "../errors";
import { citizenPasswordProblems } from "./accounts.rules";
import type { AccountsRepository } from "./accounts.repository";
import type { CitizenAccountRow } from "./entities";
import { registerCitizenInput } from "./inputs";
import type { PasswordHasher } from "./password";

/** A citizen's account and whether the caller is its holder, who alone sees the ID number unmasked (the phone is kept masked). */
export interface CitizenAccountView {
  account: CitizenAccountRow;
  reveal: boolean;
}

/** Citizens' and enterprises' own accounts (群众/企业), which they register themselves. */
export class CitizenAccountsService {
  constructor(
    private readonly repository: AccountsRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly passwords: PasswordHasher,
  ) {}

  /**
   * 注册: anyone may call it. One account per ID number (the unique key decides between two at
   * once); the ID number's check character must be right; the password is the citizen's own.
   */
  async registerCitizen(rawInput: unknown): Promise<CitizenAccountView> {
    const input = validate(registerCitizenInput, rawInput, "input");
    const kind = applicantKindOf(input.idNumber);
    if (!kind) throw invalidInput([{ field: "input.idNumber", message: "not a resident ID number or unified social credit code (check character)" }]);
    const problems = citizenPasswordProblems(input.password);
    if (problems.length > 0) throw invalidInput(findingsAt("input", problems));
    const account: CitizenAccountRow = {
      id: randomUUID(),
      kind,
      name: input.name,
      idNumber: input.idNumber,
      // Kept masked: the number SMS go to lives in notifications alone, which hears it below.
      phone: maskPhone(input.phone),
      passwordHash: await this.passwords.hash(input.password),
      lastLoginAt: null,
      createdAt: this.clock.now(),
    };
    const outcome = await this.unitOfWork.run(async (tx) => {
      const inserted = await this.repository.insertCitizen(tx, account);
      // The number registered is the applicant's SMS number in notifications, until they set another there.
      if (inserted === "inserted") await tx.publish(staffingEvents.citizenRegistered, { accountId: account.id, phone: input.phone, registeredAt: account.createdAt.toISOString() });
      return inserted;
    });
    if (outcome === "already_registered") {
      throw new DomainError(StaffingErrorCode.CitizenAlreadyRegistered, "An account with this ID number already exists", { field: "idNumber" });
    }
    // The caller has not signed in yet: they see what they typed only masked.
    return { account, reveal: false };
  }

  /** The signed-in citizen's own account, unmasked. */
  async myCitizenAccount(identity: Identity): Promise<CitizenAccountView | null> {
    requireRole(identity, "citizen");
    const account = await this.repository.findCitizen(identity.subject);
    return account ? { account, reveal: true } : null;
  }
}
