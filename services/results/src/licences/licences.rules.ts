import type { LicenceStatus } from "@onestop/events";
import { beijingDay } from "../documents/documents.rules";

/**
 * 有效期: from the day of issue to the day before the same date `years` later (a licence
 * issued 2026-03-05 for 5 years is valid up to and including 2031-03-04). 29 February counts
 * to 28 February of a year without one.
 */
export function validityOf(issuedAt: Date, years: number | null): { validFrom: string; validUntil: string | null } {
  const validFrom = beijingDay(issuedAt);
  if (years === null) return { validFrom, validUntil: null };
  const [year, month, day] = validFrom.split("-").map(Number) as [number, number, number];
  const anniversary = new Date(Date.UTC(year + years, month - 1, day));
  // 29 February in a year without one rolls to 1 March: go back to 28 February.
  if (anniversary.getUTCMonth() !== month - 1) anniversary.setUTCDate(0);
  else anniversary.setUTCDate(anniversary.getUTCDate() - 1);
  return { validFrom, validUntil: anniversary.toISOString().slice(0, 10) };
}

export interface LicenceState {
  revokedAt: Date | null;
  replacedById: string | null;
  validUntil: string | null;
}

/**
 * What a licence is now. Revocation and replacement are acts and outrank time: a revoked licence
 * past its date reads REVOKED, not EXPIRED. Expiry is read from the calendar, never stored: a
 * licence valid until 2031-03-04 reads EXPIRED from 2031-03-05 00:00 Beijing time.
 */
export function licenceStatus(licence: LicenceState, now: Date): LicenceStatus {
  if (licence.revokedAt) return "REVOKED";
  if (licence.replacedById) return "REPLACED";
  if (licence.validUntil !== null && beijingDay(now) > licence.validUntil) return "EXPIRED";
  return "VALID";
}

/** Only a valid licence is revoked or replaced; the others stay as they are. */
export function mayChange(status: LicenceStatus): boolean {
  return status === "VALID";
}
