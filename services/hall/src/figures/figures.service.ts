import { forbidden, hasRole, invalidInput, requireCenter, requireRole, type Identity } from "@onestop/platform";
import type { FiguresRepository } from "./figures.repository";

const MAX_SPAN_DAYS = 400;

/** Supervision (监察) and the center read the floor's figures; a department principal too, for the hall. */
export class FiguresService {
  constructor(private readonly repository: FiguresRepository) {}

  async figures(identity: Identity, args: { centerCode: string; from: string; until: string }) {
    requireRole(identity, "supervisor", "center_admin", "department_principal");
    if (!hasRole(identity, "supervisor") || identity.centerCode) requireCenter(identity, args.centerCode);
    const from = new Date(args.from);
    const until = new Date(args.until);
    const problems = [];
    if (Number.isNaN(from.getTime())) problems.push({ field: "from", message: "an ISO 8601 instant" });
    if (Number.isNaN(until.getTime())) problems.push({ field: "until", message: "an ISO 8601 instant" });
    else if (!Number.isNaN(from.getTime()) && until <= from) problems.push({ field: "until", message: "after `from`" });
    else if (until.getTime() - from.getTime() > MAX_SPAN_DAYS * 86_400_000) problems.push({ field: "until", message: `at most ${MAX_SPAN_DAYS} days after \`from\`` });
    if (problems.length > 0) throw invalidInput(problems);
    if (!identity.centerCode && !hasRole(identity, "supervisor")) throw forbidden("No center");
    return this.repository.figures(args.centerCode, from, until);
  }
}
