export * from "./client";
export * from "./fixtures";
export * from "./keys";
export * from "./system";
export * from "./tokens";
