import type { YearTable } from "../year-table";
import { holidays2025 } from "./2025";
import { holidays2026 } from "./2026";
import { holidays2027 } from "./2027";

export { holidays2025, holidays2026, holidays2027 };

/** The tables shipped with the platform (2027 provisional until its notice is published). */
export const shippedYearTables: readonly YearTable[] = [holidays2025, holidays2026, holidays2027];
