import { randomUUID } from "node:crypto";
import { connect, type NatsConnection } from "@nats-io/transport-node";
import { jetstream } from "@nats-io/jetstream";
import { staffingEvents, type Envelope } from "@onestop/events";
import {
  connectNats,
  createLogger,
  dropDatabase,
  EventConsumers,
  IDENTITY_HEADER,
  MessagingTables1763769600000,
  messagingEntities,
  namespacedSubject,
  openDatabase,
  signIdentity,
  systemClock,
  UnitOfWork,
  type Identity,
  type RunningSubgraph,
} from "@onestop/platform";
import { databaseName, developmentIdentityKeyring, ensureDevelopmentKeys, eventually, graphql, resetEnvironment, startOneSubgraph, subgraphEnv } from "@onestop/testkit";
import type { DataSource } from "typeorm";
import {
  AuthorizationReplica,
  StaffingCurrentLetters,
  AuthorizationReplica1763769600900,
  authorizationReplicaEntities,
  CONFIRMATION_LEASE_MS,
  CURRENT_LETTERS_SUBJECT,
  DepartmentPrincipalsNoVetoLetters1763769600901,
  NOT_AUTHORIZED,
  REVOCATION_HOLD_MS,
} from "../../src";
import { testEnvironment } from "../../../../test/support/environment";

/**
 * A consuming service as cases will be: its own database with the replica tables, the
 * replica's handlers on its own durable consumers, and checks read from the replica only.
 * Staffing is the real subgraph, publishing through its outbox.
 */
const environment = testEnvironment("authorization_replica");
const CENTER = "330110000000";
const admin: Identity = { subject: "admin-1", roles: ["center_admin"], centerCode: CENTER, departmentId: null, windowId: null };
const logger = createLogger("replica-consumer", "silent");
let staffing: RunningSubgraph;
let dataSource: DataSource;
let nats: NatsConnection;
/** Stands in for a misbehaving relay or a replayed stream. */
let publisher: NatsConnection;
let consumers: EventConsumers;
let replica: AuthorizationReplica;
let crashBeforeFirstAck = true;
const ids: Record<string, string> = {};

async function call<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const keys = ensureDevelopmentKeys(environment.keysDir);
  const header = signIdentity(admin, `req-${randomUUID()}`, developmentIdentityKeyring(keys).keyFor("staffing"), new Date());
  const result = await graphql<T>(staffing.url, query, variables, { headers: { [IDENTITY_HEADER]: header } });
  if (result.errors?.length || !result.data) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

async function create(mutation: string, input: Record<string, unknown>): Promise<string> {
  const type = `${mutation[0].toUpperCase()}${mutation.slice(1)}Input`;
  const data = await call<Record<string, { id: string }>>(`mutation ($i: ${type}!) { ${mutation}(input: $i) { id } }`, { i: input });
  return data[mutation].id;
}

async function letterRows(letterId: string): Promise<Array<{ revision: number; revoked_at: Date | null }>> {
  return dataSource.query("SELECT revision, revoked_at FROM authorization_letter_replica WHERE letter_id = ?", [letterId]);
}

async function applied(): Promise<number> {
  const rows: Array<{ n: string | number }> = await dataSource.query("SELECT COUNT(*) AS n FROM inbox_message");
  return Number(rows[0].n);
}

beforeAll(async () => {
  await resetEnvironment(environment);
  staffing = await startOneSubgraph("staffing", environment);
  const keys = ensureDevelopmentKeys(environment.keysDir);
  const settings = { ...subgraphEnv("staffing", environment, keys), DB_NAME: databaseName(environment.databasePrefix, "replica_consumer") };
  await dropDatabase(settings);
  dataSource = await openDatabase({
    settings,
    entities: [...messagingEntities, ...authorizationReplicaEntities],
    migrations: [MessagingTables1763769600000, AuthorizationReplica1763769600900, DepartmentPrincipalsNoVetoLetters1763769600901],
    logger,
  });
  nats = await connectNats(settings.NATS_URL, "replica-consumer", logger);
  replica = new AuthorizationReplica(dataSource, new StaffingCurrentLetters(nats, environment.namespace));
  consumers = new EventConsumers({
    serviceName: "replica_consumer",
    connection: nats,
    namespace: environment.namespace,
    unitOfWork: new UnitOfWork(dataSource, systemClock),
    logger,
    handlers: replica.handlers(),
    beforeAck: () => {
      if (crashBeforeFirstAck) {
        crashBeforeFirstAck = false;
        throw new Error("crash between commit and ack");
      }
    },
  });
  await consumers.start();
  publisher = await connect({ servers: settings.NATS_URL });

  ids.d1 = await create("registerDepartment", { centerCode: CENTER, code: "ZJJ", name: "住房和城乡建设局" });
  ids.d2 = await create("registerDepartment", { centerCode: CENTER, code: "SCJGJ", name: "市场监督管理局" });
  ids.s1 = await create("registerStaff", { centerCode: CENTER, code: "ZJJ-01", name: "王建国", departmentId: ids.d1 });
  ids.s2 = await create("registerStaff", { centerCode: CENTER, code: "ZJJ-02", name: "李秀英", departmentId: ids.d1 });
  ids.item = randomUUID();
});

afterAll(async () => {
  await publisher?.close();
  await consumers?.stop();
  await nats?.drain();
  await dataSource?.destroy();
  await staffing?.stop();
});

/** The replica's decision on an act, confirmed with staffing as an act's is. */
const allowed = async (on: AuthorizationReplica, ...request: Parameters<AuthorizationReplica["decide"]>) => (await on.decide(...request)).allowed;

test("grant → allowed from the replica; a crash before the ack redelivers harmlessly", async () => {
  expect(await allowed(replica, ids.s1, "ACCEPT", ids.item, ids.d1)).toBe(false);
  ids.letter = (
    await call<{ grantAuthorization: { id: string } }>(`mutation ($i: GrantAuthorizationInput!) { grantAuthorization(input: $i) { id } }`, {
      i: { staffId: ids.s1, departmentId: ids.d1, acts: ["ACCEPT", "DELIVER"] },
    })
  ).grantAuthorization.id;
  await eventually(async () => ((await allowed(replica, ids.s1, "ACCEPT", ids.item, ids.d1)) ? true : null));
  expect(crashBeforeFirstAck).toBe(false);
  expect(await allowed(replica, ids.s1, "DELIVER", ids.item, ids.d1)).toBe(true);
  expect(await allowed(replica, ids.s1, "DECIDE_INSTANT", ids.item, ids.d1)).toBe(false);
  expect(await allowed(replica, ids.s1, "ACCEPT", ids.item, ids.d2)).toBe(false);
  expect(await allowed(replica, ids.s2, "ACCEPT", ids.item, ids.d1)).toBe(false);
  expect(await allowed(replica, ids.s1, "ACCEPT", ids.item, ids.d1, { centerCode: "511722000000" })).toBe(false);
  expect(await letterRows(ids.letter)).toHaveLength(1);
});

test("revoke while the replica's consumer is stopped → refused at the next act all the same: acts are confirmed with staffing (issue 15, point 3)", async () => {
  const granted = await call(`mutation ($i: GrantAuthorizationInput!) { grantAuthorization(input: $i) { id } }`, { i: { staffId: ids.s2, departmentId: ids.d1, acts: ["DELIVER"] } });
  const letterId = (granted as { grantAuthorization: { id: string } }).grantAuthorization.id;
  await eventually(async () => ((await allowed(replica, ids.s2, "DELIVER", ids.item, ids.d1)) ? true : null));
  await consumers.stop();
  try {
    await call(`mutation ($i: RevokeAuthorizationInput!) { revokeAuthorization(input: $i) { id } }`, { i: { letterId, reason: "调离窗口" } });
    expect((await letterRows(letterId))[0]).toMatchObject({ revision: 1, revoked_at: null });
    await expect(replica.require(ids.s2, "DELIVER", ids.item, ids.d1)).rejects.toMatchObject({ code: NOT_AUTHORIZED, details: { reason: "LETTER_NOT_IN_FORCE" } });
  } finally {
    await consumers.start();
  }
  await eventually(async () => ((await letterRows(letterId))[0]?.revoked_at ? true : null));
});

test("one answer of staffing's confirms a clerk's acts for its lease; the revocation answers once the lease has run out, and the next act asks again", async () => {
  const staffId = await create("registerStaff", { centerCode: CENTER, code: "ZJJ-03", name: "赵立新", departmentId: ids.d1 });
  const granted = await call<{ grantAuthorization: { id: string } }>(`mutation ($i: GrantAuthorizationInput!) { grantAuthorization(input: $i) { id } }`, {
    i: { staffId, departmentId: ids.d1, acts: ["ACCEPT"] },
  });
  await eventually(async () => ((await allowed(replica, staffId, "ACCEPT", ids.item, ids.d1)) ? true : null));
  // Every question to staffing, counted by a listener beside staffing's queue group.
  let asked = 0;
  const listener = publisher.subscribe(namespacedSubject(environment.namespace, CURRENT_LETTERS_SUBJECT), {
    callback: () => {
      asked += 1;
    },
  });
  const askedSoFar = async () => {
    await publisher.flush();
    return asked;
  };
  try {
    await new Promise((resolve) => setTimeout(resolve, CONFIRMATION_LEASE_MS));
    await publisher.flush();
    expect(await Promise.all([1, 2, 3].map(() => allowed(replica, staffId, "ACCEPT", ids.item, ids.d1)))).toEqual([true, true, true]);
    expect(await allowed(replica, staffId, "ACCEPT", ids.item, ids.d1)).toBe(true);
    expect(await askedSoFar()).toBe(1);

    await consumers.stop();
    try {
      const started = performance.now();
      await call(`mutation ($i: RevokeAuthorizationInput!) { revokeAuthorization(input: $i) { id } }`, { i: { letterId: granted.grantAuthorization.id, reason: "调离窗口" } });
      const answeredAfter = performance.now() - started;
      expect((await letterRows(granted.grantAuthorization.id))[0]).toMatchObject({ revision: 1, revoked_at: null });
      await expect(replica.require(staffId, "ACCEPT", ids.item, ids.d1)).rejects.toMatchObject({ code: NOT_AUTHORIZED, details: { reason: "LETTER_NOT_IN_FORCE" } });
      expect(answeredAfter).toBeGreaterThanOrEqual(REVOCATION_HOLD_MS);
      expect(await askedSoFar()).toBe(2);
    } finally {
      await consumers.start();
    }
  } finally {
    listener.unsubscribe();
  }
});

test("when staffing does not answer, an act the replica allows fails, and the failure confirms nothing later", async () => {
  const unanswered = new AuthorizationReplica(dataSource, new StaffingCurrentLetters(nats, `${environment.namespace}_nobody`));
  await eventually(async () => ((await allowed(replica, ids.s1, "ACCEPT", ids.item, ids.d1)) ? true : null));
  for (let attempt = 0; attempt < 2; attempt += 1) {
    await expect(allowed(unanswered, ids.s1, "ACCEPT", ids.item, ids.d1)).rejects.toMatchObject({ code: "SERVICE_UNAVAILABLE", message: expect.stringMatching(/could not be confirmed with staffing/) });
  }
  // A refusal needs no answer.
  expect(await allowed(unanswered, ids.s2, "ACCEPT", ids.item, ids.d1)).toBe(false);
  // A screen still offers what the replica allows (the act will be confirmed when taken), and not what it refuses.
  expect(await unanswered.mayOffer(ids.s1, "ACCEPT", ids.item, ids.d1)).toBe(true);
  expect(await unanswered.mayOffer(ids.s2, "ACCEPT", ids.item, ids.d1)).toBe(false);
});

test("revoke → refused at the next act, with NOT_AUTHORIZED", async () => {
  await call(`mutation ($i: RevokeAuthorizationInput!) { revokeAuthorization(input: $i) { id } }`, { i: { letterId: ids.letter, reason: "调离窗口" } });
  await eventually(async () => ((await allowed(replica, ids.s1, "ACCEPT", ids.item, ids.d1)) ? null : true));
  await expect(replica.require(ids.s1, "ACCEPT", ids.item, ids.d1)).rejects.toMatchObject({
    code: NOT_AUTHORIZED,
    details: { act: "ACCEPT", reason: "LETTER_NOT_IN_FORCE" },
  });
  const [{ valid_from: grantedAt }]: Array<{ valid_from: Date }> = await dataSource.query(
    "SELECT valid_from FROM authorization_letter_replica WHERE letter_id = ?",
    [ids.letter],
  );
  expect(await allowed(replica, ids.s1, "ACCEPT", ids.item, ids.d1, { at: new Date(grantedAt.getTime() + 1) })).toBe(true);
});

test("redelivery is harmless: the same event again, or the older grant arriving late, leaves the letter revoked", async () => {
  const grants = await staffingOutbox("staffing.authorization.granted");
  const grant = grants.find((envelope) => (envelope.payload as { letterId: string }).letterId === ids.letter)!;
  const before = await applied();
  await republish(grant, grant.id);
  await republish(grant, randomUUID());
  await eventually(async () => ((await applied()) === before + 1 ? true : null));
  expect(await letterRows(ids.letter)).toEqual([{ revision: 2, revoked_at: expect.any(Date) }]);
  expect(await allowed(replica, ids.s1, "ACCEPT", ids.item, ids.d1)).toBe(false);
});

test("the department's principal (单位主要负责人) is whoever the replica heard of last", async () => {
  const appoint = (staffId: string) =>
    call(`mutation ($i: AppointDepartmentPrincipalInput!) { appointDepartmentPrincipal(input: $i) { id } }`, { i: { departmentId: ids.d1, staffId } });
  expect(await replica.isPrincipal(ids.s1, ids.d1)).toBe(false);
  await appoint(ids.s1);
  await eventually(async () => ((await replica.isPrincipal(ids.s1, ids.d1)) ? true : null));
  await appoint(ids.s2);
  await eventually(async () => ((await replica.isPrincipal(ids.s2, ids.d1)) ? true : null));
  expect(await replica.isPrincipal(ids.s1, ids.d1)).toBe(false);
  expect(await replica.isPrincipal(ids.s2, ids.d2)).toBe(false);
});

test("a letter event from before SIGN_VETO was retired is read without it", async () => {
  const letterId = randomUUID();
  const payload = {
    letterId,
    centerCode: CENTER,
    staffId: ids.s2,
    departmentId: ids.d1,
    itemId: null,
    acts: ["ACCEPT", "SIGN_VETO"],
    validFrom: new Date(Date.now() - 60_000).toISOString(),
    validUntil: null,
    revokedAt: null,
    revision: 1,
  };
  const envelope: Envelope = { id: randomUUID(), type: staffingEvents.authorizationGranted.subject, occurredAt: new Date().toISOString(), requestId: null, centerCode: CENTER, payload };
  await republish(envelope, envelope.id);
  // Read from the replica's table: staffing never granted this letter, so an act under it is refused on confirmation.
  await eventually(async () => ((await letterRows(letterId)).length ? true : null));
  expect(await allowed(replica, ids.s2, "ACCEPT", ids.item, ids.d1)).toBe(false);
  expect(await dataSource.query("SELECT acts FROM authorization_letter_replica WHERE letter_id = ?", [letterId])).toEqual([{ acts: "ACCEPT" }]);
});

async function staffingOutbox(subject: string): Promise<Envelope[]> {
  const rows: Array<{ envelope: string }> = await staffing.infrastructure.dataSource.query("SELECT envelope FROM outbox_message WHERE subject = ?", [subject]);
  return rows.map((row) => JSON.parse(row.envelope) as Envelope);
}

/** Publishes the envelope again under a fresh message id (past JetStream's dedupe), with the given event id. */
async function republish(envelope: Envelope, id: string) {
  await jetstream(publisher).publish(namespacedSubject(environment.namespace, staffingEvents.authorizationGranted.subject), JSON.stringify({ ...envelope, id }), {
    msgID: randomUUID(),
  });
}
