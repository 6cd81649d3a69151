import { defaultTownshipPointsRule, pointsRuleProblems, type TownshipPointsRule } from "./township-report.rules";

/** The county's points rule from `TOWNSHIP_POINTS_RULE` (JSON over the defaults); a bad rule stops the service at start with what is wrong. */
export function townshipPointsRule(env: { TOWNSHIP_POINTS_RULE: string }): TownshipPointsRule {
  let given: unknown;
  try {
    given = JSON.parse(env.TOWNSHIP_POINTS_RULE);
  } catch {
    throw new Error("TOWNSHIP_POINTS_RULE: not JSON");
  }
  if (typeof given !== "object" || given === null || Array.isArray(given)) throw new Error("TOWNSHIP_POINTS_RULE: must be a JSON object");
  const unknown = Object.keys(given).filter((k) => !(k in defaultTownshipPointsRule));
  if (unknown.length > 0) throw new Error(`TOWNSHIP_POINTS_RULE: unknown fields ${unknown.join(", ")}`);
  const rule = { ...defaultTownshipPointsRule, ...(given as Partial<TownshipPointsRule>) };
  const problems = pointsRuleProblems(rule);
  if (problems.length > 0) throw new Error(`TOWNSHIP_POINTS_RULE: ${problems.map((p) => `${p.field} ${p.message}`).join("; ")}`);
  return rule;
}
