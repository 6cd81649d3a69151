import { z } from "zod";
import { centerCode, defineEvent } from "./define";
import { streams } from "./streams";

export const departmentRegistered = defineEvent(
  streams.staffing,
  "department.registered",
  z.object({
    departmentId: z.string(),
    centerCode,
    code: z.string(),
    name: z.string(),
  }),
);
