import pino, { type DestinationStream, type Logger } from "pino";
import { currentRequestContext } from "./request-context";

export type { Logger };

/** Personal data never reaches the logs, wherever it sits in a logged object. */
const redactedPaths = [
  "idNumber",
  "*.idNumber",
  "*.*.idNumber",
  // cases names the applicant's ID number after the applicant.
  "applicantIdNumber",
  "*.applicantIdNumber",
  "*.*.applicantIdNumber",
  // The applicant key hashes an ID number that can be found from it (applicant-key.ts).
  "applicantKey",
  "*.applicantKey",
  "*.*.applicantKey",
  "phone",
  "*.phone",
  "*.*.phone",
  "password",
  "*.password",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "headers.cookie",
];

export function createLogger(service: string, level: string = "info", destination?: DestinationStream): Logger {
  return pino(
    {
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: redactedPaths, censor: "[redacted]" },
    mixin() {
      const context = currentRequestContext();
      return context ? { requestId: context.requestId } : {};
    },
    },
    destination,
  );
}
