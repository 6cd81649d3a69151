import { createHash } from "node:crypto";
import type { ApplicantKind } from "@onestop/events";

/**
 * 申请人: who an application is for, and which signed-in account is that applicant. A person
 * is known by the resident ID number (居民身份证号), an enterprise by its unified social credit
 * code (统一社会信用代码). The **applicant key** binds the two: computed by the system from the
 * number, signed by staffing into the token of the citizen account whose number it verified,
 * and set as the applicant subject of what is opened for that number by someone else (a joint
 * approval opened by the development bureau). Nobody types a key, so nobody can name another
 * person's account as the applicant.
 */

export type { ApplicantKind };

const residentIdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const residentIdCheck = "10X98765432";

/** 居民身份证号 (GB 11643): 6-digit region, birth date, sequence, ISO 7064 MOD 11-2 check character. */
export function isResidentIdNumber(value: string): boolean {
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  const birth = value.slice(6, 14);
  const date = new Date(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10).replaceAll("-", "") !== birth || Number(birth.slice(0, 4)) < 1900) return false;
  const sum = residentIdWeights.reduce((total, weight, i) => total + weight * Number(value[i]), 0);
  return residentIdCheck[sum % 11] === value[17];
}

const creditCodeAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const creditCodeWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * 统一社会信用代码 (GB 32100): registering authority, organisation type, 6-digit region, then
 * characters of its alphabet (no I, O, Z, S, V), the last a MOD 31 check character.
 */
export function isUnifiedSocialCreditCode(value: string): boolean {
  if (!/^[1-9ANY][1-9]\d{6}/.test(value) || value.length !== 18 || [...value].some((c) => !creditCodeAlphabet.includes(c))) return false;
  const sum = creditCodeWeights.reduce((total, weight, i) => total + weight * creditCodeAlphabet.indexOf(value[i]!), 0);
  return creditCodeAlphabet[(31 - (sum % 31)) % 31] === value[17];
}

/** How numbers are compared: surrounding blanks dropped, the check letter in capitals. */
export function normalizeApplicantNumber(value: string): string {
  return value.trim().toUpperCase();
}

/**
 * Which kind of applicant a (normalized) number names, or null when it is neither (or its check
 * character is wrong). The one classification every service uses: staffing when an account
 * registers, parallel approval when the bureau names an applicant, so that both compute the
 * same key. A number valid both ways (possible for an all-digit credit code) is a person's.
 */
export function applicantKindOf(number: string): ApplicantKind | null {
  if (isResidentIdNumber(number)) return "PERSON";
  if (isUnifiedSocialCreditCode(number)) return "ENTERPRISE";
  return null;
}

/** Versioned and namespaced, so a key can never equal a hash of the same number made for anything else. */
const APPLICANT_KEY_DOMAIN = "onestop applicant key v1";
const APPLICANT_KEY_PREFIX = "applicant:";
/** `applicant:` and the base64url of a SHA-256 (43 characters). */
export const applicantKeyPattern = /^applicant:[A-Za-z0-9_-]{43}$/;

/**
 * The applicant key of a number: `applicant:` + base64url(SHA-256 of the domain, the kind and the
 * normalized number). It never carries the number itself, but it is no secret either: the
 * numbers are few enough to hash them all, so a key is personal data, shown to nobody who may
 * see the number only masked.
 */
export function applicantKey(kind: ApplicantKind, number: string): string {
  const digest = createHash("sha256").update(`${APPLICANT_KEY_DOMAIN}\n${kind}\n${normalizeApplicantNumber(number)}`, "utf8").digest("base64url");
  return `${APPLICANT_KEY_PREFIX}${digest}`;
}

/** The key of a number of either kind; null when the number is neither a valid resident ID nor credit code. */
export function applicantKeyOf(number: string): string | null {
  const normalized = normalizeApplicantNumber(number);
  const kind = applicantKindOf(normalized);
  return kind ? applicantKey(kind, normalized) : null;
}

/**
 * The key of a number stored before keys existed (for migrations): as `applicantKeyOf`, and for
 * a number no account can hold (parallel approval once took resident IDs without checking the
 * birth date) a key by its shape, so that the raw number leaves the subject all the same.
 */
export function storedApplicantKey(number: string): string {
  const normalized = normalizeApplicantNumber(number);
  return applicantKey(storedApplicantKind(normalized), normalized);
}

/**
 * The kind of a number already stored: as `applicantKindOf`, and for a number no account can hold
 * (parallel approval once took resident IDs without checking the birth date) the kind its shape
 * says: 18 digits, or 17 and X, is a person's.
 */
export function storedApplicantKind(number: string): ApplicantKind {
  const normalized = normalizeApplicantNumber(number);
  return applicantKindOf(normalized) ?? (/^\d{17}[\dX]$/.test(normalized) ? "PERSON" : "ENTERPRISE");
}
