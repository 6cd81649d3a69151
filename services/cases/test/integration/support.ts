import { randomUUID } from "node:crypto";
import { connect, type NatsConnection } from "@nats-io/transport-node";
import { jetstream } from "@nats-io/jetstream";
import { catalogEvents, staffingEvents, type EventDefinition, type EventPayload } from "@onestop/events";
import { staffingLettersStandIn } from "../../../../test/support/staffing-letters";
import { IDENTITY_HEADER, namespacedSubject, signIdentity, type Clock, type Identity, type RunningSubgraph } from "@onestop/platform";
import { developmentIdentityKeyring, graphql, type EnvironmentOptions, type GraphqlResponse, type KeyFiles } from "@onestop/testkit";

/** Calls the cases subgraph directly, as the gateway would: with a signed identity. */
export function subgraphCaller(running: () => RunningSubgraph, keys: KeyFiles, clock: Clock) {
  const keyring = developmentIdentityKeyring(keys);
  return async function call<T = Record<string, unknown>>(identity: Identity, query: string, variables: Record<string, unknown> = {}): Promise<GraphqlResponse<T>> {
    const subgraph = running();
    const header = signIdentity(identity, `req-${randomUUID()}`, keyring.keyFor(subgraph.name), clock.now());
    return graphql<T>(subgraph.url, query, variables, { headers: { [IDENTITY_HEADER]: header } });
  };
}

/** Data of a successful call; throws with the errors otherwise. */
export function ok<T>(response: GraphqlResponse<T>): T {
  if (response.errors?.length || !response.data) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
  return response.data;
}

export function errorOf(response: GraphqlResponse<unknown>): Record<string, unknown> | undefined {
  return response.errors?.[0]?.extensions;
}

/** Publishes another service's event straight to the bus with a real envelope, as that service's relay would. */
export class EventInjector {
  /** Answers cases' confirmation of letters from the letter events published here, as staffing would. */
  private readonly staffing: { stop(): void };

  private constructor(
    private readonly connection: NatsConnection,
    private readonly namespace: string,
  ) {
    this.staffing = staffingLettersStandIn(connection, namespace);
  }

  static async connect(environment: EnvironmentOptions): Promise<EventInjector> {
    return new EventInjector(await connect({ servers: environment.natsUrl ?? process.env.NATS_URL ?? "nats://127.0.0.1:4222" }), environment.namespace);
  }

  /** Returns the envelope id; pass `id` to deliver the same envelope again (under a new message id, past JetStream's dedupe). */
  async publish<E extends EventDefinition>(event: E, payload: EventPayload<E>, id: string = randomUUID(), occurredAt = new Date()): Promise<string> {
    const envelope = { id, type: event.subject, occurredAt: occurredAt.toISOString(), requestId: null, centerCode: (payload as { centerCode?: string }).centerCode ?? null, payload };
    await jetstream(this.connection).publish(namespacedSubject(this.namespace, event.subject), JSON.stringify(envelope), { msgID: randomUUID() });
    return id;
  }

  close(): Promise<void> {
    this.staffing.stop();
    return this.connection.close();
  }
}

export type ItemPayload = EventPayload<typeof catalogEvents.itemPublished>;

/** A published item version as catalog announces it; fields after `promisedLimitDays` default as for an old event. */
export function itemVersion(centerCode: string, departmentId: string, overrides: Partial<ItemPayload> = {}): ItemPayload {
  return catalogEvents.itemPublished.schema.parse({
    itemId: randomUUID(),
    version: 1,
    centerCode,
    departmentId,
    name: "建设工程规划许可证核发",
    kind: "PROMISED",
    legalLimitDays: 20,
    promisedLimitDays: 5,
    feeStandard: { kind: "FREE" },
    materials: [
      { code: "M01", name: "申请表", form: "ORIGINAL", copies: 1, mandatory: true, notes: null },
      { code: "M02", name: "身份证明", form: "COPY", copies: 1, mandatory: true, notes: null },
      { code: "M03", name: "场地平面图", form: "ORIGINAL", copies: 1, mandatory: false, notes: null },
    ],
    ...overrides,
  });
}

export function letter(centerCode: string, staffId: string, departmentId: string, acts: Array<EventPayload<typeof staffingEvents.authorizationGranted>["acts"][number]>, overrides: Partial<EventPayload<typeof staffingEvents.authorizationGranted>> = {}) {
  return {
    letterId: randomUUID(),
    centerCode,
    staffId,
    departmentId,
    itemId: null,
    acts,
    validFrom: "2020-01-01T00:00:00Z",
    validUntil: null,
    revokedAt: null,
    revision: 1,
    ...overrides,
  };
}

export function staff(subject: string, centerCode: string, departmentId: string | null, windowId: string | null = null, roles: Identity["roles"] = ["window_staff"]): Identity {
  return { subject, roles, centerCode, departmentId, windowId };
}

export function citizen(subject: string): Identity {
  return { subject, roles: ["citizen"], centerCode: null, departmentId: null, windowId: null };
}

export const CASE_FIELDS = `
  id receiptNo kind status outcome itemVersion applicantName onCommitment commitmentState
  handler { id } window { id } submittedAt acceptedAt decidedAt decidedBySystem concludedAt deliveredAt
  feeRequired feeSettled forwardedTo higherAuthorityDocumentNo higherAuthorityDocumentDate jointApprovalId participantId
  clock { promisedWorkingDays deadline deadlineDay onHold usedWorkingDays remainingWorkingDays level }
  stageClock { stage startedAt deadline deadlineDay }
  routingSlip { seq action fromStatus toStatus actorKind actorId window { id } opinion occurredAt tookMs tookWorkingDays details }
  materialRequests { kind noticeSeq code name problem dueDay suppliedAt }
  suspensions { reason note startedAt endedAt }
  extensions { workingDays reason applicantNotice approvedBy }
  warnings { clock level deadline deadlineDay }
`;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CaseView = Record<string, any>;

export const CASE_MUTATIONS = {
  submit: `mutation ($input: SubmitCaseInput!) { submitCase(input: $input) { ${CASE_FIELDS} } }`,
  accept: `mutation ($id: ID!, $d: DeficienciesInput, $key: String) { acceptCase(caseId: $id, deficiencies: $d, idempotencyKey: $key) { ${CASE_FIELDS} } }`,
  refuse: `mutation ($id: ID!, $reason: String!) { refuseCase(caseId: $id, reason: $reason) { ${CASE_FIELDS} } }`,
  notice: `mutation ($id: ID!, $m: [NoticeLineInput!]!) { issueMaterialNotice(caseId: $id, materials: $m) { ${CASE_FIELDS} } }`,
  supply: `mutation ($id: ID!, $m: [SuppliedMaterialInput!]!) { supplyMaterials(caseId: $id, materials: $m) { ${CASE_FIELDS} } }`,
  instant: `mutation ($id: ID!, $d: Decision!, $o: String!) { decideInstantly(caseId: $id, decision: $d, opinion: $o) { ${CASE_FIELDS} } }`,
  review: `mutation ($id: ID!, $o: String!, $key: String) { reviewCase(caseId: $id, opinion: $o, idempotencyKey: $key) { ${CASE_FIELDS} } }`,
  decide: `mutation ($id: ID!, $d: Decision!, $o: String!, $key: String) { decideCase(caseId: $id, decision: $d, opinion: $o, idempotencyKey: $key) { ${CASE_FIELDS} } }`,
  signVeto: `mutation ($id: ID!, $o: String!) { signVeto(caseId: $id, opinion: $o) { ${CASE_FIELDS} } }`,
  declineVeto: `mutation ($id: ID!, $o: String!) { declineVeto(caseId: $id, opinion: $o) { ${CASE_FIELDS} } }`,
  meeting: `mutation ($id: ID!, $d: CountyMeetingDecision!, $n: String!, $o: String!) { recordCountyMeetingDecision(caseId: $id, decision: $d, minutesNo: $n, opinion: $o) { ${CASE_FIELDS} } }`,
  forward: `mutation ($id: ID!, $o: String!) { forwardCase(caseId: $id, opinion: $o) { ${CASE_FIELDS} } }`,
  higher: `mutation ($id: ID!, $d: Decision!, $o: String!, $n: String!, $day: String!) { recordHigherAuthorityResult(caseId: $id, decision: $d, opinion: $o, documentNo: $n, documentDate: $day) { ${CASE_FIELDS} } }`,
  conclude: `mutation ($id: ID!, $key: String) { concludeCase(caseId: $id, idempotencyKey: $key) { ${CASE_FIELDS} } }`,
  deliver: `mutation ($id: ID!) { deliverResult(caseId: $id, method: AT_WINDOW) { ${CASE_FIELDS} } }`,
  withdraw: `mutation ($id: ID!, $r: String!) { withdrawCase(caseId: $id, reason: $r) { ${CASE_FIELDS} } }`,
  refer: `mutation ($id: ID!, $w: ID!, $r: String!) { referCase(caseId: $id, toWindowId: $w, reason: $r) { ${CASE_FIELDS} } }`,
  suspend: `mutation ($id: ID!, $r: SuspensionReason!) { suspendClock(caseId: $id, reason: $r) { ${CASE_FIELDS} } }`,
  resume: `mutation ($id: ID!) { resumeClock(caseId: $id) { ${CASE_FIELDS} } }`,
  extend: `mutation ($id: ID!, $n: Int!, $r: String!, $a: String!) { extendDeadline(caseId: $id, workingDays: $n, reason: $r, applicantNotice: $a) { ${CASE_FIELDS} } }`,
  verify: `mutation ($id: ID!, $r: CommitmentVerification!, $o: String!) { verifyCommitment(caseId: $id, result: $r, opinion: $o) { ${CASE_FIELDS} } }`,
};
export const READ = `query ($id: ID!) { case(id: $id) { ${CASE_FIELDS} } }`;
export const PROGRESS = `query ($r: String!, $n: String!, $c: String) { caseProgress(receiptNo: $r, idNumber: $n, challenge: $c) { receiptNo stage stageLabel deadline deadlineDay onHold missingMaterials { name problem dueDay } } }`;
