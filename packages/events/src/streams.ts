import { defineStream } from "./define";

/** One stream per owning service; each service publishes only into its own. */
export const streams = {
  staffing: defineStream("STAFFING", "staffing"),
  catalog: defineStream("CATALOG", "catalog"),
  cases: defineStream("CASES", "cases"),
  fees: defineStream("FEES", "fees"),
  jointApproval: defineStream("JOINT", "joint"),
  supervision: defineStream("SUPERVISION", "supervision"),
  results: defineStream("RESULTS", "results"),
  hall: defineStream("HALL", "hall"),
} as const;

export const allStreams = Object.values(streams);
