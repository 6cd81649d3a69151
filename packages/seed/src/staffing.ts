import type { SeedContext } from "./load";

/** The hall's windows, staff, A/B posts and authorizations: filled in by the staffing work (issue 6). */
export async function seedStaffingStep(context: SeedContext): Promise<void> {
  context.log?.("windows and staff: none yet");
}
