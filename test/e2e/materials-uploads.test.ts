import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { join } from "node:path";
import { eventually, fileDirectories, mintAccessToken, planningLicenceItem, resetEnvironment, startSystem, type RunningSystem } from "@onestop/testkit";
import { testEnvironment } from "../support/environment";
import { code, gatewayClient } from "../support/gateway-client";

/**
 * Material files through the gateway (docs/materials.md): uploaded by a signed-in caller,
 * judged by their content, kept once by SHA-256 in cases' store, handed in with an application
 * or in answer to a one-time notice, and read only by those who may read the case.
 */
jest.setTimeout(90_000);

const environment = testEnvironment("e2e_materials");
const dirs = fileDirectories(environment);
const CENTER = "330110000000";
const MAX = 20 * 1024 * 1024;
let system: RunningSystem;
let adminToken: string;
let applicantToken: string;
let strangerToken: string;
let departmentId: string;
let clerkToken: string;
let otherDepartmentToken: string;
let itemId: string;
const { gql, data, once } = gatewayClient(() => system.gatewayUrl);

const origin = () => system.gatewayUrl.replace(/\/graphql$/, "");

const pdf = (text: string) => Buffer.from(`%PDF-1.7\n${text}\n%%EOF\n`);
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from("IHDR fake image body")]);
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  headers: Headers;
}

async function upload(token: string | null, bytes: NonNullable<RequestInit["body"]>, name: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${origin()}/uploads?name=${encodeURIComponent(name)}`, {
    method: "POST",
    body: bytes,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), "content-type": "application/octet-stream", ...headers },
    duplex: "half",
  } as RequestInit);
  return { status: response.status, body: await response.json(), headers: response.headers };
}

async function download(token: string | null, fileId: string): Promise<{ status: number; bytes: Buffer; headers: Headers }> {
  const response = await fetch(`${origin()}/files/${fileId}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()), headers: response.headers };
}

/** Every file under the local store, the staging directories and the gateway's holding directory. */
function filesOnDisk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}
const blobs = () => filesOnDisk(dirs.materials).filter((path) => !path.includes(".incoming"));
const leftovers = () => [...filesOnDisk(join(dirs.materials, ".incoming")), ...filesOnDisk(dirs.gatewayUploads), ...filesOnDisk(dirs.staging)];
const uploadRows = async () =>
  Number(((await system.subgraphs.cases.infrastructure.dataSource.query("SELECT COUNT(*) AS n FROM material_upload")) as Array<{ n: string }>)[0]!.n);

const SUBMIT = `mutation ($i: SubmitCaseInput!) { submitCase(input: $i) { id status materialFiles { fileId materialCode fileName mediaType sizeBytes downloadPath } } }`;
// A new submission each call: its own idempotency key.
const submitInput = (materials: unknown[]) => ({ itemId, applicantName: "张三", applicantIdNumber: "11010519491231002X", materials, idempotencyKey: randomUUID() });

beforeAll(async () => {
  await resetEnvironment(environment);
  system = await startSystem(environment);
  adminToken = await mintAccessToken(system.keys, { subject: "admin-1", roles: ["center_admin"], centerCode: CENTER });
  applicantToken = await mintAccessToken(system.keys, { subject: "citizen-uploads-1", roles: ["citizen"] });
  strangerToken = await mintAccessToken(system.keys, { subject: "citizen-uploads-2", roles: ["citizen"] });
  const { registerDepartment } = await data(adminToken, `mutation ($i: RegisterDepartmentInput!) { registerDepartment(input: $i) { id } }`, {
    i: { centerCode: CENTER, code: "ZJJ", name: "住房和城乡建设局" },
  });
  departmentId = registerDepartment.id;
  const { openWindow } = await data(adminToken, `mutation ($i: OpenWindowInput!) { openWindow(input: $i) { id } }`, {
    i: { centerCode: CENTER, code: "W-ZJJ", name: "住建窗口", kind: "RESIDENT", departmentId },
  });
  const { registerStaff } = await data(adminToken, `mutation ($i: RegisterStaffInput!) { registerStaff(input: $i) { id } }`, {
    i: { centerCode: CENTER, code: "ZJJ-01", name: "王窗口", departmentId },
  });
  await data(adminToken, `mutation ($i: GrantAuthorizationInput!) { grantAuthorization(input: $i) { id } }`, { i: { staffId: registerStaff.id, departmentId, acts: ["ACCEPT"] } });
  clerkToken = await mintAccessToken(system.keys, { subject: registerStaff.id, roles: ["window_staff"], centerCode: CENTER, departmentId, windowId: openWindow.id });
  otherDepartmentToken = await mintAccessToken(system.keys, { subject: "staff-elsewhere", roles: ["window_staff", "chief_representative"], centerCode: CENTER, departmentId: "another-department" });
  const input = planningLicenceItem(CENTER, departmentId, {
    materials: [
      { code: "M01", name: "建设工程规划许可申请表", form: "ORIGINAL" },
      { code: "M02", name: "建设用地使用权证明", form: "COPY" },
    ],
  });
  const { createItem } = await once(["UNKNOWN_DEPARTMENT"], () => gql(adminToken, `mutation ($i: CreateItemInput!) { createItem(input: $i) { id } }`, { i: input }));
  await data(adminToken, `mutation ($id: ID!) { publishItemVersion(itemId: $id, version: 1) { id } }`, { id: createItem.id });
  itemId = createItem.id;
}, 90_000);

afterAll(async () => {
  await system?.stop();
});

describe("an application with its files", () => {
  let caseId: string;
  let pdfId: string;
  const form = pdf("建设工程规划许可申请表");

  test("the applicant uploads a PDF and a PNG and submits a case that refers to them", async () => {
    const first = await upload(applicantToken, form, "申请表.pdf");
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ fileId: expect.stringMatching(/^[0-9a-f-]{36}$/), fileName: "申请表.pdf", mediaType: "application/pdf", sizeBytes: form.length });
    // The name says .jpg, the bytes say PNG: the bytes win.
    const picture = await upload(applicantToken, png, "证明.jpg");
    expect(picture.status).toBe(201);
    expect(picture.body.mediaType).toBe("image/png");
    pdfId = first.body.fileId;

    const { submitCase } = await once(["UNKNOWN_ITEM"], () =>
      gql(applicantToken, SUBMIT, { i: submitInput([{ code: "M01", fileIds: [pdfId] }, { code: "M02", fileIds: [picture.body.fileId] }]) }),
    );
    caseId = submitCase.id;
    expect(submitCase.materialFiles).toEqual([
      { fileId: pdfId, materialCode: "M01", fileName: "申请表.pdf", mediaType: "application/pdf", sizeBytes: form.length, downloadPath: `/files/${pdfId}` },
      { fileId: picture.body.fileId, materialCode: "M02", fileName: "证明.jpg", mediaType: "image/png", sizeBytes: png.length, downloadPath: `/files/${picture.body.fileId}` },
    ]);
  });

  test("staff of the case's department download the file: its real type, as an attachment, never sniffed", async () => {
    const got = await download(clerkToken, pdfId);
    expect(got.status).toBe(200);
    expect(got.bytes.equals(form)).toBe(true);
    expect(got.headers.get("content-type")).toBe("application/pdf");
    expect(got.headers.get("content-disposition")).toMatch(/^attachment; filename="___\.pdf"; filename\*=UTF-8''%E7%94%B3%E8%AF%B7%E8%A1%A8\.pdf$/);
    expect(got.headers.get("x-content-type-options")).toBe("nosniff");
    expect(got.headers.get("cache-control")).toBe("private, no-store");
    expect((await download(applicantToken, pdfId)).status).toBe(200);
  });

  test("another applicant and staff of another department hear that the file does not exist; no token is 401", async () => {
    for (const token of [strangerToken, otherDepartmentToken]) {
      const got = await download(token, pdfId);
      expect(got.status).toBe(404);
      expect(JSON.parse(got.bytes.toString()).errors[0].extensions.code).toBe("NOT_FOUND");
    }
    // The same answer as for an id that never existed.
    expect((await download(strangerToken, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await download(null, pdfId)).status).toBe(401);
    expect((await gql(strangerToken, `query ($id: ID!) { case(id: $id) { id } }`, { id: caseId })).data?.case ?? null).toBeNull();
  });

  test("a stranger cannot hand in someone else's upload: UNKNOWN_FILE naming the line, and no case is made", async () => {
    const result = await gql(strangerToken, SUBMIT, { i: submitInput([{ code: "M01", fileIds: [pdfId] }]) });
    expect(code(result)).toBe("UNKNOWN_FILE");
    expect(result.errors?.[0]?.extensions).toMatchObject({ field: "input.materials.0.fileIds.0" });
    const mine = await data(strangerToken, `{ myCases { id } }`);
    expect(mine.myCases).toEqual([]);
    // Nor can they learn it by uploading the same bytes: they get an upload of their own.
    const theirs = await upload(strangerToken, form, "copy.pdf");
    expect(theirs.status).toBe(201);
    expect(theirs.body.fileId).not.toBe(pdfId);
    expect((await download(strangerToken, pdfId)).status).toBe(404);
  });

  test("a one-time notice is answered by uploading what it asks for", async () => {
    await once(["NOT_AUTHORIZED"], () =>
      gql(clerkToken, `mutation ($id: ID!) { issueMaterialNotice(caseId: $id, materials: [{ code: "M02", problem: WRONG, note: "证明不清晰" }]) { id status } }`, { id: caseId }),
    );
    const clearer = await upload(applicantToken, pdf("清晰的建设用地使用权证明"), "证明.pdf");
    const { supplyMaterials } = await data(
      applicantToken,
      `mutation ($id: ID!, $m: [SuppliedMaterialInput!]!) { supplyMaterials(caseId: $id, materials: $m) { status materialFiles { fileId materialCode } } }`,
      { id: caseId, m: [{ code: "M02", fileIds: [clearer.body.fileId] }] },
    );
    expect(supplyMaterials.status).toBe("SUBMITTED");
    expect(supplyMaterials.materialFiles.map((f: { fileId: string }) => f.fileId)).toContain(clearer.body.fileId);
    expect((await download(clerkToken, clearer.body.fileId)).status).toBe(200);
  });
});

describe("a refused or broken-off upload leaves nothing behind", () => {
  async function nothingNew<T>(act: () => Promise<T>): Promise<T> {
    const [blobsBefore, rowsBefore] = [blobs(), await uploadRows()];
    const result = await act();
    // A broken-off request has nobody to answer: the gateway cleans up as its sockets close, a
    // moment after the client gave up (a second or more on a loaded machine), so wait for it.
    await eventually(async () => (leftovers().length === 0 ? true : null), 10_000).catch(() => undefined);
    expect(blobs()).toEqual(blobsBefore);
    expect(await uploadRows()).toBe(rowsBefore);
    expect(leftovers()).toEqual([]);
    return result;
  }

  test("an .exe named .pdf and text declared a PDF are refused by their content (415 FILE_TYPE_REFUSED)", async () => {
    const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200, 0x90)]);
    for (const [bytes, name] of [
      [exe, "营业执照.pdf"],
      [Buffer.from("just some text, not a PDF"), "说明.pdf"],
      [Buffer.alloc(0), "empty.pdf"],
    ] as const) {
      const answer = await nothingNew(() => upload(applicantToken, bytes, name, { "content-type": "application/pdf" }));
      expect(answer.status).toBe(415);
      expect(answer.body.errors[0].extensions).toMatchObject({ code: "FILE_TYPE_REFUSED", accepted: ["application/pdf", "image/jpeg", "image/png"] });
    }
  });

  test("a file over the limit is 413, whether its length is declared or it streams past it", async () => {
    // Declared: refused before a byte of the body is read.
    const overLength = await nothingNew(
      () =>
        new Promise<number>((resolve, reject) => {
          const raw = httpRequest(`${origin()}/uploads`, { method: "POST", headers: { authorization: `Bearer ${applicantToken}`, "content-length": String(MAX + 1) } }, (response) => {
            response.resume();
            resolve(response.statusCode ?? 0);
          });
          raw.on("error", reject);
          raw.write(pdf("head"));
        }),
    );
    expect(overLength).toBe(413);
    const chunks = async function* () {
      yield pdf("stream");
      for (let sent = 0; sent <= MAX; sent += 1024 * 1024) yield Buffer.alloc(1024 * 1024, 0x20);
    };
    const streamed = await nothingNew(() => upload(applicantToken, ReadableStream.from(chunks()) as unknown as NonNullable<RequestInit["body"]>, "stream.pdf").catch(() => null));
    // The gateway answers and closes while the client is still sending; a client may see the close first.
    if (streamed) {
      expect(streamed.status).toBe(413);
      expect(streamed.body.errors[0].extensions).toMatchObject({ code: "PAYLOAD_TOO_LARGE", maxBytes: MAX });
    }
  });

  test("an upload broken off halfway", async () => {
    await nothingNew(
      () =>
        new Promise<void>((resolve) => {
          const raw = httpRequest(`${origin()}/uploads`, { method: "POST", headers: { authorization: `Bearer ${applicantToken}`, "content-length": "1000000" } });
          raw.on("error", () => resolve());
          raw.write(Buffer.concat([pdf("half"), Buffer.alloc(200_000, 0x20)]), () => {
            setTimeout(() => {
              raw.destroy();
              resolve();
            }, 200);
          });
        }),
    );
  });

  test("without a sign-in nothing is taken (401), and only POST uploads (405)", async () => {
    const anonymous = await nothingNew(() => upload(null, pdf("anonymous"), "a.pdf"));
    expect(anonymous.status).toBe(401);
    const supervisor = await mintAccessToken(system.keys, { subject: "sup-1", roles: ["supervisor"], centerCode: CENTER });
    const refused = await nothingNew(() => upload(supervisor, pdf("supervisor"), "s.pdf"));
    expect(refused.status).toBe(403);
    expect((await fetch(`${origin()}/uploads`, { headers: { authorization: `Bearer ${applicantToken}` } })).status).toBe(405);
  });
});

test("the same bytes uploaded twice, even at once, are stored once: one blob, and the same upload for the same person", async () => {
  const bytes = pdf(`twice ${Date.now()}`);
  const rowsBefore = await uploadRows();
  const together = await Promise.all([1, 2, 3, 4].map((n) => upload(applicantToken, bytes, `${n}.pdf`)));
  const again = await upload(applicantToken, bytes, "b.pdf");
  const someoneElse = await upload(strangerToken, bytes, "c.pdf");
  expect(new Set([...together, again].map((answer) => answer.body.fileId)).size).toBe(1);
  expect(someoneElse.body.fileId).not.toBe(again.body.fileId);
  expect(await uploadRows()).toBe(rowsBefore + 2);
  expect(blobs().filter((path) => path.endsWith(sha256(bytes)))).toHaveLength(1);
  expect(leftovers()).toEqual([]);
});
