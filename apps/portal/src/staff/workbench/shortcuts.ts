import type { CaseAct } from "./ActDialog";

/** The keys of the common acts (documented in the help overlay, `?`). */
export const ACT_KEYS: Record<string, CaseAct> = {
  a: "ACCEPT",
  n: "ISSUE_MATERIAL_NOTICE",
  r: "REVIEW",
  p: "DECIDE",
  x: "REFUSE",
  t: "REFER",
  c: "CONCLUDE",
  d: "DELIVER",
};

/** Whether a key press belongs to a field the person is typing in (then no shortcut fires). */
export function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT";
}
