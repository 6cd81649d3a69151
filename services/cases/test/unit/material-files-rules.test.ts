import { casesEnvSchema } from "@onestop/cases";
import { parseEnv } from "@onestop/platform";
import { downloadName, sniffMaterialType } from "../../src/materials/files/file-type.rules";
import { repeatedCodes, unusableFiles } from "../../src/materials/files/uploads.rules";

const bytes = (...values: Array<number | string>) => Buffer.concat(values.map((v) => (typeof v === "string" ? Buffer.from(v, "latin1") : Buffer.from([v]))));

describe("a material file is judged by its first bytes", () => {
  test.each([
    ["a PDF", bytes("%PDF-1.4\n"), "application/pdf"],
    ["a JPEG (JFIF)", bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, "JFIF"), "image/jpeg"],
    ["a JPEG (Exif)", bytes(0xff, 0xd8, 0xff, 0xe1), "image/jpeg"],
    ["a PNG", bytes(0x89, "PNG", 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d), "image/png"],
  ])("%s is taken", (_, head, type) => {
    expect(sniffMaterialType(head)).toBe(type);
  });

  test.each([
    ["an .exe, whatever it is called", bytes("MZ", 0x90, 0, 3, 0, 0, 0)],
    ["text", bytes("%PD not quite")],
    ["a PDF's signature late in the file", bytes(" %PDF-1.4")],
    ["a PNG cut short", bytes(0x89, "PNG", 0x0d, 0x0a, 0x1a)],
    ["a GIF", bytes("GIF89a")],
    ["a zip (docx)", bytes("PK", 3, 4)],
    ["nothing", bytes()],
  ])("%s is refused", (_, head) => {
    expect(sniffMaterialType(head)).toBeNull();
  });

  test("a download is named by the uploader, without path or control characters, with the extension of what it really is", () => {
    expect(downloadName("申请表.pdf", "application/pdf")).toBe("申请表.pdf");
    expect(downloadName("C:\\Users\\张三\\证明.jpg", "image/png")).toBe("证明.png");
    expect(downloadName('../../etc/"passwd"\r\n', "application/pdf")).toBe("passwd.pdf");
    expect(downloadName(null, "image/jpeg")).toBe("material.jpg");
    expect(downloadName("x".repeat(300), "image/png")).toHaveLength(124);
  });
});

describe("the files a hand-in refers to", () => {
  const owners = new Map([
    ["u-mine", "citizen-1"],
    ["u-applicant", "citizen-1"],
    ["u-theirs", "citizen-2"],
  ]);

  test("the caller's own uploads, or the applicant's where staff hand them in, are usable", () => {
    expect(unusableFiles("input.materials", [{ code: "M01", fileIds: ["u-mine"] }], owners, ["citizen-1", "citizen-1"])).toEqual([]);
    expect(unusableFiles("materials", [{ code: "M01", fileIds: ["u-applicant"] }], owners, ["staff-1", "citizen-1"])).toEqual([]);
  });

  test("someone else's upload and an id that is no upload get the same answer, naming the line and the position", () => {
    const problems = unusableFiles("input.materials", [{ code: "M01", fileIds: ["u-mine"] }, { code: "M02", fileIds: ["u-mine", "u-theirs", "nothing"] }], owners, ["citizen-1"]);
    expect(problems).toEqual([
      { field: "input.materials.1.fileIds.1", message: "no upload u-theirs of yours" },
      { field: "input.materials.1.fileIds.2", message: "no upload nothing of yours" },
    ]);
  });

  test("a file twice in one line, and a material twice in one hand-in, are refused", () => {
    expect(unusableFiles("materials", [{ code: "M01", fileIds: ["u-mine", "u-mine"] }], owners, ["citizen-1"])).toEqual([
      { field: "materials.0.fileIds.1", message: "file u-mine is listed twice" },
    ]);
    expect(repeatedCodes("input.materials", [{ code: "M01", fileIds: [] }, { code: "M02", fileIds: [] }, { code: "M01", fileIds: [] }])).toEqual([
      { field: "input.materials.2.code", message: "material M01 is listed twice" },
    ]);
  });
});

describe("the store's settings", () => {
  const base = { IDENTITY_KEY_FILE: "/keys/cases" };

  test("a local directory by default, 20 MiB at most", () => {
    const parsed = parseEnv(casesEnvSchema, base);
    expect(parsed.ok && [parsed.env.MATERIAL_STORE, parsed.env.MATERIAL_MAX_BYTES]).toEqual(["local", 20 * 1024 * 1024]);
  });

  test("the S3 store lists every setting it lacks at once", () => {
    const parsed = parseEnv(casesEnvSchema, { ...base, MATERIAL_STORE: "s3", S3_BUCKET: "Not_A_Bucket" });
    expect(parsed.ok ? [] : parsed.problems).toEqual([
      "S3_BUCKET: an S3 bucket name",
      "S3_ENDPOINT: required when MATERIAL_STORE is s3",
      "S3_ACCESS_KEY_ID: required when MATERIAL_STORE is s3",
      "S3_SECRET_ACCESS_KEY: required when MATERIAL_STORE is s3 (or S3_SECRET_ACCESS_KEY_FILE)",
    ]);
    const missing = parseEnv(casesEnvSchema, { ...base, MATERIAL_STORE: "s3" });
    expect(missing.ok ? [] : missing.problems).toEqual([
      "S3_ENDPOINT: required when MATERIAL_STORE is s3",
      "S3_BUCKET: required when MATERIAL_STORE is s3",
      "S3_ACCESS_KEY_ID: required when MATERIAL_STORE is s3",
      "S3_SECRET_ACCESS_KEY: required when MATERIAL_STORE is s3 (or S3_SECRET_ACCESS_KEY_FILE)",
    ]);
    const complete = parseEnv(casesEnvSchema, {
      ...base,
      MATERIAL_STORE: "s3",
      S3_ENDPOINT: "https://minio.county.internal:9000",
      S3_BUCKET: "onestop-materials",
      S3_ACCESS_KEY_ID: "cases",
      S3_SECRET_ACCESS_KEY_FILE: "/run/secrets/s3",
    });
    expect(complete.ok).toBe(true);
  });
});
