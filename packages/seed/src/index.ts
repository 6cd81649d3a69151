export * from "./county";
export * from "./load";
export * from "./steps";
export * from "./fees";
export { demoStaffPassword } from "./staffing-roster";
export * from "./townships";
