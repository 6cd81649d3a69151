import type { SeedContext } from "./load";

/** The county's item catalog: filled in by the catalog work (issue 3). */
export async function seedItemsStep(context: SeedContext): Promise<void> {
  context.log?.("items: none yet");
}
