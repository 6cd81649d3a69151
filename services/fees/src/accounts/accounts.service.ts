import { z } from "zod";
import { shanghaiDayOf } from "@onestop/calendar";
import { DomainError, forbidden, requestLoader, validate, type Clock, type Identity, type SubgraphContext, type UnitOfWork } from "@onestop/platform";
import { isBankOf, isOverseerOf, mayConfigureAccounts, maySeeCollections } from "../access.rules";
import { FeeErrorCode } from "../errors";
import { centerCodeSchema, daySchema } from "../inputs";
import type { NoticeIssuingService } from "../notices/notice-issuing.service";
import type { DailyTotals, PaymentsRepository } from "../payments/payments.repository";
import { accountNumberPattern, sameAccount } from "./account.rules";
import type { AccountsRepository } from "./accounts.repository";
import type { FeeAccountRow } from "./entities";

const text = (max: number) => z.string().trim().min(1).max(max);

const accountInput = z.object({
  departmentId: z.string().trim().min(1).max(36),
  accountNo: z.string().trim().regex(accountNumberPattern, "the bank's account number: 8 to 32 digits"),
  accountName: text(100),
  bankName: text(100),
});

const collectionsQuery = z.object({
  centerCode: centerCodeSchema,
  day: daySchema.nullish().transform((value) => value ?? null),
});

export interface DailyCollection extends DailyTotals {
  day: string;
  accountNo: string;
  departmentId: string;
  netFen: number;
}

/** 收费账户: each department's one account at the collection bank, and what came into it each day. */
export class AccountsService {
  /** Accounts by department, batched per request: a list of departments asks for each one's account one by one. */
  private readonly accountsByDepartment = requestLoader(
    async (departmentIds) => new Map((await this.accounts.findAccounts(departmentIds)).map((account) => [account.departmentId, account])),
  );

  constructor(
    private readonly accounts: AccountsRepository,
    private readonly payments: PaymentsRepository,
    private readonly notices: NoticeIssuingService,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /**
   * Sets (or changes) the department's fee account. An account number belongs to one
   * department. Notices already issued keep the account printed on them; cases that waited
   * for an account get their notices in the same transaction.
   */
  async configure(identity: Identity, raw: unknown): Promise<{ id: string }> {
    const input = validate(accountInput, raw, "input");
    return this.unitOfWork.run(async (tx) => {
      const department = await this.accounts.lockDepartment(tx, input.departmentId);
      if (!department) {
        throw new DomainError(FeeErrorCode.UnknownDepartment, `Department ${input.departmentId} is not known to fees (yet)`, {
          departmentId: input.departmentId,
        });
      }
      if (!mayConfigureAccounts(identity, department.centerCode)) {
        throw forbidden("Fee accounts are set by the center's administration or finance");
      }
      const holder = await this.accounts.findAccountByNo(tx, input.accountNo);
      if (holder && holder.departmentId !== department.id) {
        throw new DomainError(FeeErrorCode.AccountInUse, `Account ${input.accountNo} is the fee account of another department`, {
          accountNo: input.accountNo,
        });
      }
      const current = await this.accounts.accountForIssue(tx, department.id);
      if (current && sameAccount(current, input)) return { id: department.id };
      await this.accounts.saveAccount(tx, {
        departmentId: department.id,
        centerCode: department.centerCode,
        accountNo: input.accountNo,
        accountName: input.accountName,
        bankName: input.bankName,
        revision: (current?.revision ?? 0) + 1,
        configuredBy: identity.subject,
        configuredAt: this.clock.now(),
      });
      await this.notices.issueAwaitingAccount(tx, department.id);
      return { id: department.id };
    });
  }

  /** The account is printed on every notice, so anyone who reaches the department may read it. */
  async feeAccount(context: SubgraphContext, departmentId: string): Promise<FeeAccountRow | null> {
    return this.accountsByDepartment.load(context, departmentId);
  }

  async collectedToday(context: SubgraphContext, departmentId: string): Promise<DailyCollection | null> {
    const account = await this.accountsByDepartment.load(context, departmentId);
    if (!account) return null;
    if (!maySeeCollections(context.identity, account.centerCode, departmentId)) {
      throw forbidden("A department's takings are seen by its staff, the center's overseers and the bank");
    }
    const [collection] = await this.collections([account], shanghaiDayOf(this.clock.now()));
    return collection;
  }

  /** 日收款汇总: the day's totals per department fee account of a center. */
  async dailyCollections(identity: Identity, raw: unknown): Promise<DailyCollection[]> {
    const input = validate(collectionsQuery, raw);
    if (!isOverseerOf(identity, input.centerCode) && !isBankOf(identity, input.centerCode)) {
      throw forbidden("The center's takings are seen by its overseers and the bank");
    }
    const accounts = await this.accounts.accountsOfCenter(input.centerCode);
    return this.collections(accounts, input.day ?? shanghaiDayOf(this.clock.now()));
  }

  private async collections(accounts: readonly FeeAccountRow[], on: string): Promise<DailyCollection[]> {
    const totals = await this.payments.dailyTotals(
      accounts.map((account) => account.accountNo),
      on,
    );
    return accounts.map((account) => {
      const figures = totals.get(account.accountNo)!;
      return { day: on, accountNo: account.accountNo, departmentId: account.departmentId, ...figures, netFen: figures.collectedFen - figures.refundedFen };
    });
  }
}
