import { seedFeeAccountsStep } from "./fees";
import { seedItemsStep } from "./items";
import { seedSteps, type SeedStep } from "./load";
import { seedStaffingStep } from "./staffing";
import { seedCentersStep } from "./townships";

/**
 * The whole county, in dependency order: departments, their fee accounts, then windows and
 * staff, then items entered at those windows.
 */
export const countySteps: readonly SeedStep[] = [seedSteps.departments, seedFeeAccountsStep, seedStaffingStep, seedItemsStep, seedCentersStep];
