import { seedItemsStep } from "./items";
import { seedSteps, type SeedStep } from "./load";
import { seedStaffingStep } from "./staffing";

/** The whole county, in dependency order: departments, then windows and staff, then items entered at those windows. */
export const countySteps: readonly SeedStep[] = [seedSteps.departments, seedStaffingStep, seedItemsStep];
