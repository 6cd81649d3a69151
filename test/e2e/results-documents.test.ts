import { execFileSync } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eventually, mintAccessToken, planningLicenceItem, resetEnvironment, startSystem, type RunningSystem } from "@onestop/testkit";
import { departmentWithWindow } from "../support/department-with-window";
import { testEnvironment } from "../support/environment";
import { code, gatewayClient, type Data } from "../support/gateway-client";

/**
 * 结果文书与电子证照 through the gateway (issue 19, points 1, 2 and 4): a case's receipt, one-time
 * notice and licence rendered once to PDF and downloaded by its applicant, the same bytes every
 * time, their text in Chinese matching the case (pdftotext); the licence verified on the public
 * check, revoked, replaced; a tampered code finds nothing; denial and refusal decisions with their
 * reasons and remedies; who may download what.
 */
jest.setTimeout(180_000);

const environment = testEnvironment("e2e_results_documents");
// The demonstration county: its name heads every document (CENTER_NAMES' default).
const CENTER = "511722000000";
const ID_NUMBER = "11010519491231002X";
let system: RunningSystem;
let adminToken: string;
let citizenToken: string;
let otherCitizenToken: string;
const work = mkdtempSync(join(tmpdir(), "results-e2e-"));

const { gql, data, once } = gatewayClient(() => system.gatewayUrl);

beforeAll(async () => {
  await resetEnvironment(environment);
  system = await startSystem(environment);
  adminToken = await mintAccessToken(system.keys, { subject: "admin-1", roles: ["center_admin"], centerCode: CENTER });
  citizenToken = await mintAccessToken(system.keys, { subject: "citizen-42", roles: ["citizen"] });
  otherCitizenToken = await mintAccessToken(system.keys, { subject: "citizen-77", roles: ["citizen"] });
});

afterAll(async () => {
  await system?.stop();
  rmSync(work, { recursive: true, force: true });
});

const DOCUMENTS = `query ($id: ID!) { case(id: $id) { id receiptNo documents { id kind title documentNo verificationCode sha256 sizeBytes issuedAt downloadPath licence { id licenceNo status validFrom validUntil holderName itemName } } } }`;
const VERIFY = `query ($code: String!) { verifyDocument(code: $code) { kind title documentNo centerName departmentName itemName sha256 licenceNo licenceStatus validFrom validUntil replacedByNo } }`;

async function download(token: string | null, path: string): Promise<{ status: number; bytes: Buffer; headers: Headers }> {
  const response = await fetch(`${system.gatewayUrl.replace(/\/graphql$/, "")}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()), headers: response.headers };
}

function pdfText(bytes: Buffer): string {
  const file = join(work, `${randomUUID()}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
}

/** The case's documents once every one of `kinds` is there. */
async function documentsOf(token: string, caseId: string, kinds: string[]): Promise<Data[]> {
  return eventually(async () => {
    const documents = ((await data(token, DOCUMENTS, { id: caseId })).case?.documents ?? []) as Data[];
    return kinds.every((kind) => documents.some((d) => d.kind === kind)) ? documents : null;
  }, 30_000);
}

async function submit(itemId: string, name = "张三"): Promise<{ id: string; receiptNo: string }> {
  const { submitCase } = await once(["UNKNOWN_ITEM"], () =>
    gql(citizenToken, `mutation ($i: SubmitCaseInput!) { submitCase(input: $i) { id receiptNo } }`, { i: { itemId, applicantName: name, applicantIdNumber: ID_NUMBER, idempotencyKey: randomUUID() } }),
  );
  return submitCase;
}

test("a case's receipt, one-time notice and licence: downloaded, the same bytes, in Chinese; verified, revoked, replaced; denial and refusal", async () => {
  const zjj = await departmentWithWindow({ system, data, adminToken, centerCode: CENTER }, "ZJJ", "县住房和城乡建设局");
  const hbj = await departmentWithWindow({ system, data, adminToken, centerCode: CENTER }, "HBJ", "县生态环境局");
  const item = planningLicenceItem(CENTER, zjj.id, {
    materials: [
      { code: "M01", name: "建设工程规划许可申请表", form: "ORIGINAL" },
      { code: "M02", name: "建设用地使用权证明", form: "COPY" },
    ],
  });
  const { createItem } = await once(["UNKNOWN_DEPARTMENT"], () => gql(adminToken, `mutation ($i: CreateItemInput!) { createItem(input: $i) { id } }`, { i: item }));
  await data(adminToken, `mutation ($id: ID!) { publishItemVersion(itemId: $id, version: 1) { id } }`, { id: createItem.id });

  // The one-time notice, supplied; accepted; reviewed; approved; concluded.
  const approved = await submit(createItem.id);
  await once(["NOT_AUTHORIZED"], () =>
    gql(zjj.token, `mutation ($id: ID!, $m: [NoticeLineInput!]!) { issueMaterialNotice(caseId: $id, materials: $m) { id status } }`, {
      id: approved.id,
      m: [{ code: "M02", problem: "MISSING" }],
    }),
  );
  await data(citizenToken, `mutation ($id: ID!) { supplyMaterials(caseId: $id, materials: [{ code: "M02", documentRef: "纸质原件已交" }]) { id status } }`, { id: approved.id });
  await data(zjj.token, `mutation ($id: ID!) { acceptCase(caseId: $id) { id } }`, { id: approved.id });
  await data(zjj.token, `mutation ($id: ID!) { reviewCase(caseId: $id, opinion: "材料齐全，符合条件") { id } }`, { id: approved.id });
  await once(["NOT_AUTHORIZED"], () => gql(zjj.chiefToken, `mutation ($id: ID!) { decideCase(caseId: $id, decision: APPROVE, opinion: "准予许可") { id } }`, { id: approved.id }));
  await data(zjj.token, `mutation ($id: ID!) { concludeCase(caseId: $id) { id status } }`, { id: approved.id });

  const documents = await documentsOf(citizenToken, approved.id, ["MATERIAL_NOTICE", "RECEIPT", "LICENCE"]);
  expect(documents.map((d) => d.kind)).toEqual(["MATERIAL_NOTICE", "RECEIPT", "LICENCE"]);
  const [notice, receipt, licenceDocument] = documents as [Data, Data, Data];
  expect(licenceDocument).toMatchObject({
    title: "准予行政许可决定书",
    documentNo: expect.stringMatching(/^ZZ511722-\d{4}-000001$/),
    verificationCode: expect.stringMatching(/^[0-9A-Z*~$=]{4}(-[0-9A-Z*~$=]{4}){3}$/),
    downloadPath: `/documents/${licenceDocument.id}`,
    licence: { status: "VALID", holderName: "张三", itemName: "建设工程规划许可证核发", validUntil: expect.any(String) },
  });
  expect(receipt.documentNo).toMatch(/^SL511722-/);
  expect(notice.documentNo).toMatch(/^GZ511722-/);

  // The routing slip (cases, from results' document.issued) records each under the step that caused it, with its SHA-256.
  const slip = await eventually(async () => {
    const steps = (await data(zjj.token, `query ($id: ID!) { case(id: $id) { routingSlip { seq action documents { documentId kind documentNo sha256 sizeBytes } } } }`, { id: approved.id })).case.routingSlip as Data[];
    return steps.flatMap((step) => step.documents).length === 3 ? steps : null;
  }, 30_000);
  const recorded = (action: string) => slip.filter((step) => step.action === action).flatMap((step) => step.documents);
  for (const [action, document] of [["ISSUE_MATERIAL_NOTICE", notice], ["ACCEPT", receipt], ["CONCLUDE", licenceDocument]] as const) {
    expect(recorded(action)).toEqual([{ documentId: document.id, kind: document.kind, documentNo: document.documentNo, sha256: document.sha256, sizeBytes: document.sizeBytes }]);
  }

  // Downloaded by its applicant: a PDF, the recorded SHA-256, the same bytes at the second fetch.
  const first = await download(citizenToken, licenceDocument.downloadPath);
  expect(first.status).toBe(200);
  expect(first.headers.get("content-type")).toBe("application/pdf");
  expect(first.bytes.subarray(0, 5).toString()).toBe("%PDF-");
  expect(createHash("sha256").update(first.bytes).digest("hex")).toBe(licenceDocument.sha256);
  const second = await download(citizenToken, licenceDocument.downloadPath);
  expect(second.bytes.equals(first.bytes)).toBe(true);
  // The department's staff and the center's administration read it too.
  expect((await download(zjj.token, licenceDocument.downloadPath)).status).toBe(200);
  expect((await download(adminToken, licenceDocument.downloadPath)).status).toBe(200);
  // Nobody else: another applicant, another department's staff hear it does not exist; anonymous must sign in.
  expect((await download(otherCitizenToken, licenceDocument.downloadPath)).status).toBe(404);
  expect((await download(hbj.token, licenceDocument.downloadPath)).status).toBe(404);
  expect((await download(null, licenceDocument.downloadPath)).status).toBe(401);
  expect(code(await gql(otherCitizenToken, DOCUMENTS, { id: approved.id }))).toBe("FORBIDDEN");

  // The text, extracted: the center, the title, the applicant, the item, the numbers, the code.
  const licenceText = pdfText(first.bytes).replace(/\s+/g, "");
  for (const expected of ["宣汉县政务服务中心", "准予行政许可决定书", "张三", "建设工程规划许可证核发", "县住房和城乡建设局", approved.receiptNo, licenceDocument.documentNo, licenceDocument.verificationCode, "准予行政许可"]) {
    expect(licenceText).toContain(expected);
  }
  const noticeText = pdfText((await download(citizenToken, notice.downloadPath)).bytes).replace(/\s+/g, "");
  expect(noticeText).toContain("一次性告知书");
  expect(noticeText).toContain("1.建设用地使用权证明（未提交）");
  expect(noticeText).not.toContain("建设工程规划许可申请表（");
  const receiptText = pdfText((await download(citizenToken, receipt.downloadPath)).bytes).replace(/\s+/g, "");
  expect(receiptText).toContain("受理回执");
  expect(receiptText).toContain("7个工作日");

  // The public check, signed in or not: valid, and nobody's name.
  const verified = await data(null as unknown as string, VERIFY, { code: licenceDocument.verificationCode });
  expect(verified.verifyDocument).toEqual({
    kind: "LICENCE",
    title: "准予行政许可决定书",
    documentNo: licenceDocument.documentNo,
    centerName: "宣汉县政务服务中心",
    departmentName: "县住房和城乡建设局",
    itemName: "建设工程规划许可证核发",
    sha256: licenceDocument.sha256,
    licenceNo: licenceDocument.documentNo,
    licenceStatus: "VALID",
    validFrom: licenceDocument.licence.validFrom,
    validUntil: licenceDocument.licence.validUntil,
    replacedByNo: null,
  });
  expect(JSON.stringify(verified)).not.toContain("张三");
  // Typed in lower case without hyphens: the same; one symbol altered: nothing.
  const plain = String(licenceDocument.verificationCode).replace(/-/g, "");
  expect((await data(null as unknown as string, VERIFY, { code: plain.toLowerCase() })).verifyDocument?.licenceStatus).toBe("VALID");
  const altered = plain.slice(0, 3) + (plain[3] === "7" ? "8" : "7") + plain.slice(4);
  expect((await data(null as unknown as string, VERIFY, { code: altered })).verifyDocument).toBeNull();
  expect((await data(null as unknown as string, VERIFY, { code: "0000-0000-0000-0000" })).verifyDocument).toBeNull();
  // The receipt verifies too, as a receipt.
  expect((await data(null as unknown as string, VERIFY, { code: receipt.verificationCode })).verifyDocument).toMatchObject({ kind: "RECEIPT", licenceStatus: null });

  // The holder's licences.
  const mine = await data(citizenToken, `{ myLicences { id licenceNo status } }`);
  expect(mine.myLicences).toEqual([{ id: licenceDocument.licence.id, licenceNo: licenceDocument.documentNo, status: "VALID" }]);
  expect((await data(otherCitizenToken, `{ myLicences { id } }`)).myLicences).toEqual([]);

  // 换发 and 撤销: the department's chief only, with a reason; audited.
  const REPLACE = `mutation ($i: LicenceChangeInput!) { replaceLicence(input: $i) { id licenceNo status replaces { id status } document { id verificationCode } } }`;
  const REVOKE = `mutation ($i: LicenceChangeInput!) { revokeLicence(input: $i) { id status revokedAt history { act actorId reason } } }`;
  expect(code(await gql(zjj.token, REVOKE, { i: { licenceId: licenceDocument.licence.id, reason: "以欺骗手段取得" } }))).toBe("FORBIDDEN");
  expect(code(await gql(hbj.chiefToken, REVOKE, { i: { licenceId: licenceDocument.licence.id, reason: "以欺骗手段取得" } }))).toBe("NOT_FOUND");
  const tooShort = await gql(zjj.chiefToken, REVOKE, { i: { licenceId: licenceDocument.licence.id, reason: "x" } });
  expect(tooShort.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT" });
  const replaced = await data(zjj.chiefToken, REPLACE, { i: { licenceId: licenceDocument.licence.id, reason: "证照遗失，申请补发", idempotencyKey: "replace-0001" } });
  expect(replaced.replaceLicence).toMatchObject({ status: "VALID", replaces: { id: licenceDocument.licence.id, status: "REPLACED" }, licenceNo: expect.stringMatching(/-000002$/) });
  // A retry is the same replacement.
  expect((await data(zjj.chiefToken, REPLACE, { i: { licenceId: licenceDocument.licence.id, reason: "证照遗失，申请补发", idempotencyKey: "replace-0001" } })).replaceLicence.id).toBe(replaced.replaceLicence.id);
  expect((await data(null as unknown as string, VERIFY, { code: licenceDocument.verificationCode })).verifyDocument).toMatchObject({ licenceStatus: "REPLACED", replacedByNo: replaced.replaceLicence.licenceNo });
  const newCode = replaced.replaceLicence.document.verificationCode;
  const revoked = await data(zjj.chiefToken, REVOKE, { i: { licenceId: replaced.replaceLicence.id, reason: "以欺骗手段取得许可" } });
  expect(revoked.revokeLicence).toMatchObject({ status: "REVOKED", revokedAt: expect.any(String), history: [{ act: "ISSUE", actorId: "system" }, { act: "REVOKE", reason: "以欺骗手段取得许可" }] });
  expect((await data(null as unknown as string, VERIFY, { code: newCode })).verifyDocument).toMatchObject({ licenceStatus: "REVOKED" });
  expect(code(await gql(zjj.chiefToken, REVOKE, { i: { licenceId: replaced.replaceLicence.id, reason: "再次撤销" } }))).toBe("LICENCE_NOT_VALID");
  expect((await data(citizenToken, `{ myLicences { licenceNo status } }`)).myLicences.map((l: Data) => l.status).sort()).toEqual(["REPLACED", "REVOKED"]);

  // A denial: the decision with its reasons and the remedies.
  const denied = await submit(createItem.id, "李四");
  await data(zjj.token, `mutation ($id: ID!) { acceptCase(caseId: $id) { id } }`, { id: denied.id });
  await data(zjj.token, `mutation ($id: ID!) { reviewCase(caseId: $id, opinion: "不符合规划条件") { id } }`, { id: denied.id });
  await data(zjj.chiefToken, `mutation ($id: ID!) { decideCase(caseId: $id, decision: DENY, opinion: "拟建项目不符合控制性详细规划") { id } }`, { id: denied.id });
  await data(zjj.token, `mutation ($id: ID!) { concludeCase(caseId: $id) { id status } }`, { id: denied.id });
  const denial = (await documentsOf(zjj.token, denied.id, ["DENIAL_DECISION"])).find((d) => d.kind === "DENIAL_DECISION")!;
  expect(denial.licence).toBeNull();
  const denialText = pdfText((await download(zjj.token, denial.downloadPath)).bytes).replace(/\s+/g, "");
  for (const expected of ["不予行政许可决定书", "李四", "理由：拟建项目不符合控制性详细规划", "六十日内依法申请行政复议", "六个月内依法向人民法院提起行政诉讼"]) expect(denialText).toContain(expected);

  // A refusal to accept: its written decision.
  const refused = await submit(createItem.id, "王五");
  await data(zjj.token, `mutation ($id: ID!) { refuseCase(caseId: $id, reason: "申请事项不属于本机关职权范围") { id } }`, { id: refused.id });
  const refusal = (await documentsOf(zjj.token, refused.id, ["REFUSAL_DECISION"]))[0]!;
  const refusalText = pdfText((await download(zjj.token, refusal.downloadPath)).bytes).replace(/\s+/g, "");
  for (const expected of ["不予受理决定书", "王五", "理由：申请事项不属于本机关职权范围", "六十日内依法申请行政复议"]) expect(refusalText).toContain(expected);
});
