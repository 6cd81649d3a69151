import type { ValueTransformer } from "typeorm";

/** BIGINT money columns come back from mysql2 as strings; fen always fit a safe integer. */
export const fenColumn: ValueTransformer = {
  to: (value: number | null) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};
