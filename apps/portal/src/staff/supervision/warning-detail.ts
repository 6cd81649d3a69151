import { formatDay } from "../../lib/format";
import { isSupMessageKey, type SupMessageKey } from "./messages-supervision";

type Translate = (key: SupMessageKey, values?: Record<string, string | number>) => string;

/** What of a warning its detail is told from. */
export interface DetailSource {
  kind: string;
  level: string;
  clock?: string | null;
  deadline?: string | null;
  detail: string;
  case?: { receiptNo: string } | null;
  jointApproval?: { projectName: string } | null;
}

/** A deadline is 24:00 Beijing of its day: the instant is the next day's 00:00, so its day is the one before. */
export function deadlineDay(deadline: string): string {
  return formatDay(new Date(Date.parse(deadline) - 1).toISOString());
}

const CLOCKS = new Set(["CASE", "ACCEPTANCE", "REVIEW", "APPROVAL", "JOINT"]);

/**
 * A warning's detail in the reader's language. Supervision writes each kind's detail in one fixed
 * English form with codes in it (actions, statuses, fee kinds); the page tells it again from the
 * warning's fields and the codes it carries, each code through the message table. A detail in no
 * known form (fees' own words after the kind) keeps its text, its codes translated.
 */
export function warningDetail(w: DetailSource, ta: Translate): string {
  const code = (prefix: "sup.action" | "sup.caseStatus" | "sup.feeKind", value: string) => {
    const key = `${prefix}.${value}`;
    return isSupMessageKey(key) ? ta(key) : value;
  };
  const d = w.detail;
  // The pushed changes name no receipt: the detail's own "Case R-…:" or "Joint approval P-…:" does.
  const named = /^(Case|Joint approval) (\S+):/.exec(d);
  const receipt = w.case?.receiptNo ?? (named?.[1] === "Case" ? named[2] : null);
  const project = w.jointApproval?.projectName ?? (named?.[1] === "Joint approval" ? named[2] : null);
  const about = receipt ? ta("sup.warnings.case", { receipt }) : project ? ta("sup.warnings.joint", { name: project }) : null;
  let m: RegExpExecArray | null;
  switch (w.kind) {
    case "CASE_DEADLINE":
    case "STAGE_DEADLINE":
    case "JOINT_DEADLINE": {
      if (!about || !w.deadline) break;
      const clock = ta(`sup.clock.${w.clock && CLOCKS.has(w.clock) ? w.clock : "PARTICIPANT"}` as SupMessageKey);
      const share = /(\d+)% of the/.exec(d)?.[1];
      return w.level === "RED"
        ? ta("sup.detail.deadlinePassed", { about, clock, deadline: deadlineDay(w.deadline) })
        : ta("sup.detail.deadlineNear", { about, clock, deadline: deadlineDay(w.deadline), share: share ?? "—" });
    }
    case "UNREASONED_REJECTION":
      if (about && (m = /: (\w+) \(step (\d+)\) gives no reason/.exec(d))) return ta("sup.detail.unreasoned", { about, action: code("sup.action", m[1]!), step: m[2]! });
      break;
    case "REFUSED_QUALIFYING":
      if (about) return ta("sup.detail.refusedQualifying", { about });
      break;
    case "LATE_FORWARD":
      if (about && (m = /forwarded on (\S+), due by (\S+)/.exec(d))) return ta("sup.detail.lateForward", { about, on: m[1]!, due: m[2]! });
      break;
    case "OUT_OF_ORDER":
      if (!about) break;
      if ((m = /step (\d+) (\w+) starts from (\w+), but step (\d+) left it (\w+)/.exec(d))) {
        return ta("sup.detail.outOfOrderStatus", { about, step: m[1]!, action: code("sup.action", m[2]!), from: code("sup.caseStatus", m[3]!), previous: m[4]!, left: code("sup.caseStatus", m[5]!) });
      }
      if ((m = /step (\d+) (\w+) is dated before step (\d+)/.exec(d))) return ta("sup.detail.outOfOrderDate", { about, step: m[1]!, action: code("sup.action", m[2]!), previous: m[3]! });
      if ((m = /decided \((\w+)\) without review/.exec(d))) return ta("sup.detail.outOfOrderReview", { about, status: code("sup.caseStatus", m[1]!) });
      break;
    case "WINDOW_UNATTENDED":
      if ((m = /^Window (.+): nobody on duty \((both posts on leave|both posts clocked out)\)$/.exec(d))) {
        return ta(m[2] === "both posts on leave" ? "sup.detail.unattendedLeave" : "sup.detail.unattendedOut", { window: m[1]! });
      }
      break;
    case "BAD_RATING_UNANSWERED":
      if ((m = /rating (\d) of case (\S+) not answered/.exec(d))) return ta("sup.detail.badRating", { receipt: m[2]!, score: m[1]! });
      break;
    case "FEE_IRREGULARITY":
      if ((m = /^([A-Z_]+): ([\s\S]*)$/.exec(d))) return `${code("sup.feeKind", m[1]!)}：${translateCodes(m[2]!, code)}`;
      break;
  }
  return translateCodes(d, code);
}

/** Codes (UPPER_SNAKE words) the message table knows, translated; any other word as written. */
function translateCodes(text: string, code: (prefix: "sup.action" | "sup.caseStatus" | "sup.feeKind", value: string) => string): string {
  return text.replace(/\b[A-Z][A-Z_]{2,}\b/g, (word) => {
    for (const prefix of ["sup.feeKind", "sup.caseStatus", "sup.action"] as const) {
      const translated = code(prefix, word);
      if (translated !== word) return translated;
    }
    return word;
  });
}
