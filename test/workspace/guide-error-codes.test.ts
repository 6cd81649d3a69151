import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ChallengeErrorCode, ErrorCode } from "@onestop/platform";
import { FeeErrorCode } from "../../services/fees/src/errors";
import { GatewayErrorCode } from "../../services/gateway/src/errors";
import { JointErrorCode } from "../../services/parallel-approval/src/errors";
import { StaffingErrorCode } from "../../services/staffing/src/errors";

/**
 * Every code a caller can receive is in the table of the guide that caller reads. Which
 * catalogues a caller meets is written out below, with the codes of a catalogue that only other
 * callers' operations answer; a code added to a catalogue then fails this test until the guide
 * lists it (or it is named here as out of the caller's reach, with the reason).
 */

interface Audience {
  guide: string;
  /** The catalogues (services/*\/src/errors.ts, the gateway's) whose codes the caller's operations answer. */
  catalogues: Array<Record<string, string>>;
  /** Codes the caller's own operations never answer, though their catalogue has them. */
  outOfReach: string[];
}

const audiences: Audience[] = [
  {
    guide: "docs/bank-integration.md",
    catalogues: [
      FeeErrorCode,
      GatewayErrorCode,
      // The bank's token comes from staffing's clientCredentialsToken.
      { InvalidCredentials: StaffingErrorCode.InvalidCredentials, LoginUnavailable: StaffingErrorCode.LoginUnavailable },
    ],
    outOfReach: [
      // Fee accounts, reductions and refund requests and decisions are the staff's and finance's acts.
      FeeErrorCode.UnknownDepartment,
      FeeErrorCode.AccountInUse,
      FeeErrorCode.ReductionUnknown,
      FeeErrorCode.SameRequesterAndApprover,
      FeeErrorCode.NotFound,
      FeeErrorCode.Conflict,
      FeeErrorCode.InvalidTransition,
      // Only requestRefund takes an idempotency key; the bank's calls are keyed by its bankTxnId.
      FeeErrorCode.IdempotencyKeyReused,
      // GET /audit is the supervision office's.
      GatewayErrorCode.MethodNotAllowed,
      // Only a staff member's act waits on staffing's confirmation of their authorization letter.
      FeeErrorCode.Unavailable,
    ],
  },
  {
    guide: "docs/joint-approval.md",
    catalogues: [JointErrorCode, GatewayErrorCode],
    // Platform codes parallel-approval raises nowhere (a conflict of project codes has its own), and /audit's.
    // and a staff member's letter confirmation, which the bureau's acts never wait on.
    outOfReach: [JointErrorCode.Conflict, JointErrorCode.InvalidTransition, GatewayErrorCode.MethodNotAllowed, JointErrorCode.Unavailable],
  },
  {
    guide: "docs/security.md",
    catalogues: [ErrorCode, ChallengeErrorCode, GatewayErrorCode],
    outOfReach: [],
  },
];

/** The codes in the first column of the guide's tables: | `CODE` | … */
function tabledCodes(guide: string): Set<string> {
  const text = readFileSync(join(__dirname, "..", "..", guide), "utf8");
  return new Set([...text.matchAll(/^\| `([A-Z][A-Z0-9_]+)` \|/gm)].map((match) => match[1]!));
}

describe.each(audiences)("$guide", ({ guide, catalogues, outOfReach }) => {
  test("lists every code its callers can receive", () => {
    const reachable = new Set(catalogues.flatMap((catalogue) => Object.values(catalogue)).filter((code) => !outOfReach.includes(code)));
    const listed = tabledCodes(guide);
    expect([...reachable].filter((code) => !listed.has(code)).sort()).toEqual([]);
  });

  test("names as out of reach only codes of its catalogues", () => {
    const known = new Set(catalogues.flatMap((catalogue) => Object.values(catalogue)));
    expect(outOfReach.filter((code) => !known.has(code))).toEqual([]);
  });
});
