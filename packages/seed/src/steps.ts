import { seedItemsStep } from "./items";
import { seedSteps, type SeedStep } from "./load";
import { seedStaffingStep } from "./staffing";

/** The whole county, in dependency order: departments, then items, then windows and staff. */
export const countySteps: readonly SeedStep[] = [seedSteps.departments, seedItemsStep, seedStaffingStep];
