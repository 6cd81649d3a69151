import { randomUUID } from "node:crypto";
import { connect, type NatsConnection } from "@nats-io/transport-node";
import { jetstream } from "@nats-io/jetstream";
import { casesEvents, catalogEvents, staffingEvents, type EventDefinition, type EventPayload } from "@onestop/events";
import {
  IDENTITY_HEADER,
  ManualClock,
  namespacedSubject,
  signIdentity,
  type Identity,
  type RunningSubgraph,
  type SubgraphKey,
} from "@onestop/platform";
import { developmentIdentityKeyring, ensureDevelopmentKeys, eventually, graphql, resetEnvironment, startOneSubgraph, type EnvironmentOptions, type GraphqlResponse } from "@onestop/testkit";
import { testEnvironment } from "../../../../test/support/environment";
import { staffingLettersStandIn } from "../../../../test/support/staffing-letters";

export const CENTER = "511722000000";
export const OTHER_CENTER = "511721000000";

export function person(subject: string, roles: Identity["roles"], centerCode: string | null = CENTER, departmentId: string | null = null): Identity {
  return { subject, roles, centerCode, departmentId, windowId: null };
}

/** The acts a letter gives window staff on the department's payment notices. */
export const FEE_ACTS = ["CANCEL_FEE_NOTICE", "REISSUE_FEE_NOTICE", "REQUEST_FEE_REDUCTION", "REQUEST_FEE_REFUND"] as const;

export const bank = person("bank-icbc-hall", ["bank"]);
export const finance = person("finance-1", ["finance"]);
export const otherFinance = person("finance-2", ["finance"]);
export const admin = person("admin-1", ["center_admin"]);
export const supervisor = person("supervisor-1", ["supervisor"]);

/** Data of a successful call; throws with the errors otherwise. */
export function ok<T>(response: GraphqlResponse<T>): T {
  if (response.errors?.length || !response.data) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
  return response.data;
}

export function errorCode(response: GraphqlResponse<unknown>): unknown {
  return response.errors?.[0]?.extensions?.code;
}

export interface FeeItem {
  code: string;
  name: string;
  calculation: EventPayload<typeof catalogEvents.itemPublished>["feeStandard"];
  legalBasis: string;
}

/** A fees subgraph on its own databases, fed events as the other services would publish them. */
export class FeesHarness {
  readonly clock = new ManualClock("2026-03-02T02:00:00.000Z");
  fees!: RunningSubgraph;
  private nats!: NatsConnection;
  /** Answers fees' confirmation of letters from the letter events published here, as staffing would. */
  private staffing?: { stop(): void };
  private identityKey!: SubgraphKey;

  constructor(readonly environment: EnvironmentOptions) {}

  static async start(label: string, poolSize?: number): Promise<FeesHarness> {
    const harness = new FeesHarness(testEnvironment(label));
    if (poolSize) process.env.DB_POOL_SIZE = String(poolSize);
    await resetEnvironment(harness.environment);
    harness.identityKey = developmentIdentityKeyring(ensureDevelopmentKeys(harness.environment.keysDir)).keyFor("fees");
    harness.fees = await startOneSubgraph("fees", harness.environment, { clock: harness.clock });
    harness.nats = await connect({ servers: process.env.NATS_URL ?? "nats://127.0.0.1:4222" });
    harness.staffing = staffingLettersStandIn(harness.nats, harness.environment.namespace);
    return harness;
  }

  async stop(): Promise<void> {
    this.staffing?.stop();
    await this.nats?.close();
    await this.fees?.stop();
  }

  async call<T = Record<string, unknown>>(identity: Identity, query: string, variables: Record<string, unknown> = {}): Promise<GraphqlResponse<T>> {
    const header = signIdentity(identity, `req-${randomUUID()}`, this.identityKey, this.clock.now());
    return graphql<T>(this.fees.url, query, variables, { headers: { [IDENTITY_HEADER]: header } });
  }

  /** The envelope id of the last event published. */
  lastEventId = "";

  async publish<E extends EventDefinition>(event: E, payload: EventPayload<E>, id: string = randomUUID()): Promise<string> {
    this.lastEventId = id;
    const envelope = { id, type: event.subject, occurredAt: this.clock.now().toISOString(), requestId: null, centerCode: CENTER, payload };
    await jetstream(this.nats).publish(namespacedSubject(this.environment.namespace, event.subject), JSON.stringify(envelope), { msgID: randomUUID() });
    return id;
  }

  /** Waits until the consumer has applied the event (its inbox row is committed with the effect). */
  async processed(eventId: string): Promise<void> {
    await eventually(async () => ((await this.count("inbox_message", "message_id = ?", [eventId])) > 0 ? true : null));
  }

  async query<T = Record<string, unknown>>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    return (await this.fees.infrastructure.dataSource.query(sql, parameters)) as T[];
  }

  async count(table: string, where = "1 = 1", parameters: unknown[] = []): Promise<number> {
    const [row] = await this.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`, parameters);
    return Number(row.n);
  }

  async outbox(subject: string): Promise<Array<Record<string, unknown>>> {
    const rows = await this.query<{ envelope: string }>("SELECT envelope FROM outbox_message WHERE subject = ? ORDER BY seq", [subject]);
    return rows.map((row) => JSON.parse(row.envelope).payload);
  }

  // ---- the world around fees ----------------------------------------------------------------

  async department(code: string, name: string, centerCode = CENTER): Promise<string> {
    const departmentId = randomUUID();
    await this.publish(staffingEvents.departmentRegistered, { departmentId, centerCode, code, name });
    await eventually(async () => ((await this.count("department_replica", "id = ?", [departmentId])) === 1 ? true : null));
    return departmentId;
  }

  /**
   * Grants the staff member an authorization letter (授权书) for the department's items (or one
   * item), as staffing publishes it, and waits until fees' replica has it.
   */
  async letter(
    staffId: string,
    departmentId: string,
    acts: staffingEvents.AuthorizedAct[] = [...FEE_ACTS],
    itemId: string | null = null,
  ): Promise<staffingEvents.AuthorizationLetterSnapshot> {
    const letter: staffingEvents.AuthorizationLetterSnapshot = {
      letterId: randomUUID(),
      centerCode: CENTER,
      staffId,
      departmentId,
      itemId,
      acts,
      validFrom: "2026-01-01T00:00:00.000Z",
      validUntil: null,
      revokedAt: null,
      revision: 1,
    };
    await this.processed(await this.publish(staffingEvents.authorizationGranted, letter));
    return letter;
  }

  async revokeLetter(letter: staffingEvents.AuthorizationLetterSnapshot): Promise<void> {
    const revoked = { ...letter, revokedAt: this.clock.now().toISOString(), revision: 2 };
    await this.processed(await this.publish(staffingEvents.authorizationRevoked, revoked));
  }

  async configureAccount(departmentId: string, accountNo: string, by: Identity = admin): Promise<void> {
    ok(
      await this.call(by, `mutation ($input: ConfigureFeeAccountInput!) { configureFeeAccount(input: $input) { id } }`, {
        input: { departmentId, accountNo, accountName: "县政务服务中心代收户", bankName: "中国工商银行宣汉支行" },
      }),
    );
  }

  /** Publishes a version of an item with these fee items and waits until fees has it. */
  async item(departmentId: string, feeItems: FeeItem[], options: { itemId?: string; version?: number; cancelledFeeCodes?: string[] } = {}) {
    const itemId = options.itemId ?? randomUUID();
    const version = options.version ?? 1;
    await this.publish(catalogEvents.itemPublished, {
      itemId,
      version,
      centerCode: CENTER,
      departmentId,
      name: "建设工程规划许可证核发",
      kind: "PROMISED",
      legalLimitDays: 20,
      promisedLimitDays: 7,
      feeStandard: feeItems.length === 0 ? { kind: "FREE" } : feeItems[0].calculation,
      code: "",
      publishedAt: this.clock.now().toISOString(),
      materials: [],
      stageLimits: { acceptanceDays: null, reviewDays: null, approvalDays: null },
      deemedApproval: false,
      vetoEscalation: "NONE",
      allowsDeficiencies: false,
      deferrableMaterialCodes: [],
      allowsCommitment: false,
      jointDepartmentIds: [],
      reportedTo: null,
      feeItems,
      cancelledFeeCodes: options.cancelledFeeCodes ?? [],
      maxVisits: null,
    });
    await eventually(async () => ((await this.count("fee_standard_replica", "item_id = ? AND version = ?", [itemId, version])) === 1 ? true : null));
    return { itemId, version };
  }

  async accept(
    departmentId: string,
    item: { itemId: string; version: number },
    options: { caseId?: string; quantity?: number; payer?: string } = {},
  ): Promise<string> {
    const caseId = options.caseId ?? randomUUID();
    await this.publish(casesEvents.caseAccepted, {
      caseId,
      receiptNo: `SL${Date.now()}`,
      centerCode: CENTER,
      itemId: item.itemId,
      itemVersion: item.version,
      departmentId,
      handlerId: "staff-1",
      applicantSubject: options.payer ?? "citizen-1",
      applicantName: "张三",
      quantity: options.quantity ?? 1,
      acceptedAt: this.clock.now().toISOString(),
    } as EventPayload<typeof casesEvents.caseAccepted>);
    return caseId;
  }

  async conclude(caseId: string, departmentId: string, item: { itemId: string; version: number }, outcome: string): Promise<void> {
    await this.publish(casesEvents.caseConcluded, {
      caseId,
      receiptNo: "SL1",
      centerCode: CENTER,
      itemId: item.itemId,
      itemVersion: item.version,
      departmentId,
      windowId: null,
      handlerId: null,
      outcome,
      acceptedAt: null,
      concludedAt: this.clock.now().toISOString(),
      deadline: null,
      onTime: true,
      workingDaysUsed: null,
      promisedLimitDays: 7,
    } as unknown as EventPayload<typeof casesEvents.caseConcluded>);
  }

  async notices(caseId: string): Promise<NoticeRow[]> {
    return this.query<NoticeRow>("SELECT * FROM payment_notice WHERE case_id = ? ORDER BY sequence", [caseId]);
  }

  /** Waits for the case's notice with this sequence (1: the one issued on acceptance). */
  async noticeOf(caseId: string, sequence = 1): Promise<NoticeRow> {
    return eventually(async () => (await this.notices(caseId)).find((notice) => notice.sequence === sequence) ?? null);
  }

  async caseAssessment(caseId: string): Promise<string | null> {
    const [row] = await this.query<{ assessment: string }>("SELECT assessment FROM fee_case WHERE case_id = ?", [caseId]);
    return row?.assessment ?? null;
  }
}

export interface NoticeRow {
  id: string;
  notice_no: string;
  case_id: string;
  sequence: number;
  status: string;
  amount_fen: string;
  standard_amount_fen: string;
  account_no: string | null;
  expires_at: Date;
  line_items: unknown;
  replaces_notice_id: string | null;
  replaced_by_notice_id: string | null;
}

/** A notice's lines as the database holds them (mysql2 may hand JSON back parsed or as text). */
export function linesOf(row: NoticeRow): Array<Record<string, unknown>> {
  return (typeof row.line_items === "string" ? JSON.parse(row.line_items) : row.line_items) as Array<Record<string, unknown>>;
}

export const fixedFee = (code: string, amountFen: number, name = "证照工本费"): FeeItem => ({
  code,
  name,
  calculation: { kind: "FIXED", amountFen },
  legalBasis: "川发改价格〔2020〕1号",
});

export const perUnitFee = (code: string, unitPriceFen: number): FeeItem => ({
  code,
  name: "测绘费",
  calculation: { kind: "PER_UNIT", unitName: "㎡", unitPriceFen },
  legalBasis: "测绘收费标准",
});

export const BANK_PAYMENT = /* GraphQL */ `
  mutation ($input: RecordBankPaymentInput!) {
    recordBankPayment(input: $input) { bankTxnId noticeNo amountFen paidAt channel receiptNo recordedAt notice { status receiptNo } }
  }`;

export const NOTICE_BY_NO = /* GraphQL */ `
  query ($no: String!) {
    paymentNotice(noticeNo: $no) {
      id noticeNo status payable payerName amountFen standardAmountFen departmentName itemName itemVersion expiresAt issuedAt
      account { accountNo accountName bankName } lineItems { feeCode quantity standardAmountFen reductionFen amountFen legalBasis }
      receiptNo bankTxnId paidAt cancelReason replaces { noticeNo } replacedBy { noticeNo status }
    }
  }`;

/** An instant a little before the harness's now, as a bank would send paidAt. */
export function paidAt(harness: FeesHarness, secondsAgo = 60): string {
  return new Date(harness.clock.now().getTime() - secondsAgo * 1000).toISOString();
}
