export * from "./define";
export * from "./streams";
export * as staffingEvents from "./staffing";
export * as catalogEvents from "./catalog";
export * as casesEvents from "./cases";
export * as feesEvents from "./fees";
export * as jointEvents from "./joint";
export { feeStandardSchema, itemKind } from "./catalog";
export type { FeeStandardPayload } from "./catalog";
