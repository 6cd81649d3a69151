import { createHash, createHmac } from "node:crypto";
import type { ResultDocumentKind } from "@onestop/events";

/**
 * The id of a case's document for one cause (the acceptance, the n-th one-time notice, a payment
 * notice, the conclusion): derived, not drawn, so that the same cause names the same document
 * however often its event is delivered, and nothing random reaches the PDF.
 */
export function documentIdOf(caseId: string, kind: ResultDocumentKind, cause: string): string {
  const hex = createHash("sha256").update(`onestop result document v1\n${caseId}\n${kind}\n${cause}`, "utf8").digest("hex");
  // A UUID's shape (version 8: custom), so it reads and stores as every other id does.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The letters of each kind's number (文号): 受理, 告知, 缴款, 证照, 不予许可, 不予受理. */
export const documentNoPrefix: Record<ResultDocumentKind, string> = {
  RECEIPT: "SL",
  MATERIAL_NOTICE: "GZ",
  PAYMENT_NOTICE: "JK",
  LICENCE: "ZZ",
  DENIAL_DECISION: "BX",
  REFUSAL_DECISION: "BS",
};

/**
 * 文号: the kind's letters, the county's 6-digit division code, the year and the n-th of that
 * kind in that center and year (`ZZ511722-2026-000042`). Numbers never repeat: the counter is
 * per center, kind and year.
 */
export function documentNo(kind: ResultDocumentKind, centerCode: string, year: number, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1 || seq > 999_999) throw new RangeError(`sequence ${seq} out of range`);
  return `${documentNoPrefix[kind]}${centerCode.slice(0, 6)}-${year}-${String(seq).padStart(6, "0")}`;
}

/** Crockford's base 32 (no I, L, O, U) and its five check symbols. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const CHECK_SYMBOLS = `${ALPHABET}*~$=U`;
const CODE_BODY = 15;

function checkSymbol(body: string): string {
  let remainder = 0;
  for (const char of body) remainder = (remainder * 32 + ALPHABET.indexOf(char)) % 37;
  return CHECK_SYMBOLS[remainder]!;
}

/**
 * 核验码: 15 symbols of Crockford base 32 from an HMAC-SHA256 of the document's id under the
 * service's key (75 bits: not guessable, and nobody without the key can mint one), then a check
 * symbol (mod 37) that catches a mistyped or altered symbol and any swap of two neighbours
 * before the register is even asked.
 */
export function verificationCode(key: string, documentId: string): string {
  const mac = createHmac("sha256", key).update(`onestop verification v1\n${documentId}`, "utf8").digest();
  let bits = 0n;
  for (const byte of mac.subarray(0, 10)) bits = (bits << 8n) | BigInt(byte);
  let body = "";
  for (let i = 0; i < CODE_BODY; i += 1) body += ALPHABET[Number((bits >> BigInt(75 - 5 * (i + 1))) & 31n)];
  return body + checkSymbol(body);
}

/** As printed and shown: four groups of four (`7K2M-Q9XD-4HTR-1B5*`). */
export function formatCode(code: string): string {
  return code.match(/.{1,4}/g)!.join("-");
}

/**
 * What a person typed or a QR code carried, as the register keeps it; null when it cannot be
 * a code at all (wrong length, a symbol outside the alphabet, a check that does not match).
 * Hyphens and spaces go, letters are upper-cased, and O, I and L are read as 0, 1 and 1, as
 * Crockford's alphabet prescribes.
 */
export function normalCode(input: string): string | null {
  if (input.length > 40) return null;
  const code = input.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  if (code.length !== CODE_BODY + 1) return null;
  const body = code.slice(0, CODE_BODY);
  if ([...body].some((char) => !ALPHABET.includes(char))) return null;
  return checkSymbol(body) === code[CODE_BODY] ? code : null;
}

/** The day an instant falls on in Asia/Shanghai (UTC+8, no daylight saving), YYYY-MM-DD. */
export function beijingDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The year of the Beijing day, for the document number. */
export const beijingYear = (at: Date) => Number(beijingDay(at).slice(0, 4));

/** 2026年3月5日 */
export function chineseDate(day: string): string {
  const [year, month, date] = day.split("-").map(Number);
  return `${year}年${month}月${date}日`;
}
