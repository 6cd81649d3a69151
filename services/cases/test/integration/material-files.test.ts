import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { text } from "node:stream/consumers";
import S3rver from "s3rver";
import { createLogger, IDENTITY_HEADER, ManualClock, signIdentity, type Identity, type RunningSubgraph } from "@onestop/platform";
import { developmentIdentityKeyring, ensureDevelopmentKeys, fileDirectories, resetEnvironment, startOneSubgraph } from "@onestop/testkit";
import { testEnvironment } from "../../../../test/support/environment";
import { MaterialSweep } from "../../src/materials/files/material-sweep";
import { LocalDirectoryStore, type MaterialStore } from "../../src/materials/files/material-store";
import { S3Store } from "@onestop/platform";
import { UploadsRepository } from "../../src/materials/files/uploads.repository";

/**
 * The two stores keep the same contract, the S3 one against s3rver (an S3 implementation in
 * Node that checks SigV4 signatures and keeps objects on disk); and the sweep deletes what no
 * case took, against the real database.
 */
const sha256 = (bytes: Buffer | string) => createHash("sha256").update(bytes).digest("hex");
const scratch = mkdtempSync(join(tmpdir(), "onestop-store-test-"));

function staged(store: MaterialStore, bytes: Buffer): string {
  const path = join(store.stagingDir, `${randomUUID()}.part`);
  writeFileSync(path, bytes);
  return path;
}

let s3: S3rver;
let s3Endpoint: string;

beforeAll(async () => {
  s3 = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: join(scratch, "s3rver"), configureBuckets: [{ name: "materials", configs: [] }] });
  const { port } = await s3.run();
  s3Endpoint = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await s3?.close();
  await rm(scratch, { recursive: true, force: true });
});

const stores: Array<[string, () => MaterialStore]> = [
  ["the local directory", () => new LocalDirectoryStore(join(scratch, `local-${randomUUID()}`))],
  [
    "an S3-compatible bucket",
    () =>
      new S3Store(
        { endpoint: s3Endpoint, bucket: "materials", region: "us-east-1", accessKeyId: "S3RVER", secretAccessKey: "S3RVER", prefix: `run-${randomUUID()}/` },
        join(scratch, `staging-${randomUUID()}`),
      ),
  ],
];

describe.each(stores)("%s", (_, make) => {
  let store: MaterialStore;
  const bytes = Buffer.from("%PDF-1.7\nthe store's contract\n");
  const blob = { sha256: sha256(bytes), mediaType: "application/pdf" as const, sizeBytes: bytes.length };

  beforeEach(async () => {
    store = make();
    await mkdir(store.stagingDir, { recursive: true });
  });

  test("keeps a staged file under its hash, once, and the staged file is gone", async () => {
    const first = staged(store, bytes);
    await store.keep(first, blob);
    expect(existsSync(first)).toBe(false);
    await store.keep(staged(store, bytes), blob);
    expect(await text((await store.open(blob.sha256))!)).toBe(bytes.toString());
    expect(readdirSync(store.stagingDir)).toEqual([]);
  });

  test("removes a blob; an absent one opens as null and removes without fault", async () => {
    await store.keep(staged(store, bytes), blob);
    await store.remove(blob.sha256);
    expect(await store.open(blob.sha256)).toBeNull();
    await expect(store.remove(blob.sha256)).resolves.toBeUndefined();
  });
});

// s3rver checks the access key but not a SigV4 signature, nor that the body's SHA-256 is the
// signed x-amz-content-sha256: a real bucket (MinIO, S3) refuses both, and only one shows it.
test("the bucket refuses an unknown access key; the staged file goes all the same", async () => {
  const settings = { endpoint: s3Endpoint, bucket: "materials", region: "us-east-1", accessKeyId: "S3RVER", secretAccessKey: "S3RVER", prefix: "refusals/" };
  const store = new S3Store(settings, join(scratch, "staging-refusals"));
  await mkdir(store.stagingDir, { recursive: true });
  const bytes = Buffer.from("%PDF-1.7\nhonest\n");
  const stranger = new S3Store({ ...settings, accessKeyId: "NOT-A-KEY" }, store.stagingDir);
  const file = staged(stranger, bytes);
  await expect(stranger.keep(file, { sha256: sha256(bytes), mediaType: "application/pdf", sizeBytes: bytes.length })).rejects.toThrow(/S3 PUT answered 403/);
  expect(existsSync(file)).toBe(false);
  expect(await store.open(sha256(bytes))).toBeNull();
});

describe("the sweep", () => {
  const environment = testEnvironment("cases_material_files");
  const clock = new ManualClock("2026-03-02T02:00:00Z");
  let cases: RunningSubgraph;

  beforeAll(async () => {
    await resetEnvironment(environment);
    cases = await startOneSubgraph("cases", environment, { clock });
  });

  afterAll(async () => {
    await cases?.stop();
  });

  /** POST /uploads on cases itself, as the gateway sends it (a development header, unbound: tests may). */
  async function upload(subject: string, bytes: Buffer): Promise<string> {
    const identity: Identity = { subject, roles: ["citizen"], centerCode: null, departmentId: null, windowId: null };
    const keys = developmentIdentityKeyring(ensureDevelopmentKeys(environment.keysDir));
    const response = await fetch(cases.url.replace(/\/graphql$/, "/uploads"), {
      method: "POST",
      body: bytes,
      headers: { "x-content-sha256": sha256(bytes), [IDENTITY_HEADER]: signIdentity(identity, `req-${randomUUID()}`, keys.keyFor("cases"), clock.now()) },
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { fileId: string }).fileId;
  }

  test("deletes uploads no case took within a day, then the blobs nothing refers to; a file a case took stays", async () => {
    const dir = fileDirectories(environment).materials;
    const store = new LocalDirectoryStore(dir);
    const sweep = new MaterialSweep(new UploadsRepository(cases.infrastructure.dataSource), store, cases.infrastructure.unitOfWork, clock, createLogger("sweep", "silent"), {
      unlinkedHours: 24,
      sweepMinutes: 30,
    });
    const shared = Buffer.from("%PDF-1.7\nboth uploaded this\n");
    const forgotten = Buffer.from("%PDF-1.7\nnever handed in\n");
    const taken = await upload("citizen-a", shared);
    await upload("citizen-b", shared);
    await upload("citizen-a", forgotten);
    await cases.infrastructure.dataSource.query(
      "INSERT INTO case_material_file (case_id, material_code, upload_id, request_id, attached_at, attached_by) VALUES (?, 'M01', ?, NULL, ?, 'citizen-a')",
      [randomUUID(), taken, clock.now()],
    );

    clock.advance(23 * 3_600_000);
    expect(await sweep.sweep()).toEqual({ uploads: 0, blobs: 0 });
    clock.advance(2 * 3_600_000);
    expect(await sweep.sweep()).toEqual({ uploads: 2, blobs: 1 });
    expect(await store.open(sha256(forgotten))).toBeNull();
    expect(await text((await store.open(sha256(shared)))!)).toBe(shared.toString());
    const left = (await cases.infrastructure.dataSource.query("SELECT id FROM material_upload")) as Array<{ id: string }>;
    expect(left.map((row) => row.id)).toEqual([taken]);
    expect(await sweep.sweep()).toEqual({ uploads: 0, blobs: 0 });
  });
});
