export * from "./client";
export * from "./keys";
export * from "./system";
export * from "./tokens";
