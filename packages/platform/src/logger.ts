import pino, { type DestinationStream, type Logger } from "pino";
import { REDACTED, redactPersonalText, redactPersonalValues } from "./redaction";
import { currentRequestContext } from "./request-context";

export type { Logger };

/** Personal data never reaches the logs: by field name wherever it sits, and as typed inside any text. */
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
    redact: { paths: redactedPaths, censor: REDACTED },
    formatters: { log: (object) => redactPersonalValues(object) },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((arg) => (typeof arg === "string" ? redactPersonalText(arg) : arg)) as Parameters<typeof method>);
      },
    },
    mixin() {
      const context = currentRequestContext();
      return context ? { requestId: context.requestId } : {};
    },
    },
    destination,
  );
}
