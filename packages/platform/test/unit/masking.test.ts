import { Writable } from "node:stream";
import { createLogger } from "../../src/logger";
import { maskIdNumber, maskPhone, revealOrMask } from "../../src/masking";

describe("personal data masking", () => {
  test("an ID number keeps its region and last four", () => {
    expect(maskIdNumber("11010519491231002X")).toBe("110105********002X");
    expect(maskIdNumber("91350100M000100Y43")).toBe("913501********0Y43");
  });

  test("a phone number keeps its prefix and last four", () => {
    expect(maskPhone("13800138000")).toBe("138****8000");
    expect(maskPhone("0818-5222110")).toBe("081*****2110");
  });

  test("values too short to keep anything are masked whole", () => {
    expect(maskIdNumber("1234567890")).toBe("**********");
    expect(maskPhone("1234567")).toBe("*******");
    expect(maskPhone("")).toBe("");
  });

  test("revealOrMask shows the value only when told to", () => {
    expect(revealOrMask("13800138000", true, maskPhone)).toBe("13800138000");
    expect(revealOrMask("13800138000", false, maskPhone)).toBe("138****8000");
  });
});

test("the logger redacts the applicant's ID number under the name cases gives it", () => {
  const lines: string[] = [];
  const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
  createLogger("test", "info", sink).warn({ variables: { input: { applicantIdNumber: "11010519491231002X", applicantName: "张三" } } }, "submitCase failed");
  expect(lines).toHaveLength(1);
  expect(lines[0]).not.toContain("11010519491231002X");
  expect(JSON.parse(lines[0]!).variables.input).toEqual({ applicantIdNumber: "[redacted]", applicantName: "张三" });
});

test("the logger cuts ID and mobile numbers out of free text and messages, however they were typed", () => {
  const lines: string[] = [];
  const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
  createLogger("test", "info", sink).info({ variables: { input: { note: "请回电 +86 138-0013-8000" } } }, "applicant 1101 0519 4912 3100 2X called");
  const line = JSON.parse(lines[0]!);
  expect(line.variables.input.note).toBe("请回电 [redacted]");
  expect(line.msg).toBe("applicant [redacted] called");
});

test("the logger redacts a caller's applicant key, which leads back to the ID number", () => {
  const lines: string[] = [];
  const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
  createLogger("test", "info", sink).warn({ identity: { subject: "account-1", applicantKey: "applicant:96LpNEM6fJvkR0w0dMFeOO2bWk3Y68mNrdu_Pl4zLZo" } }, "refused");
  expect(JSON.parse(lines[0]!).identity).toEqual({ subject: "account-1", applicantKey: "[redacted]" });
});
