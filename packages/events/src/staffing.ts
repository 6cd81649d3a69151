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

export const windowKind = z.enum(["RESIDENT", "AB", "COMPREHENSIVE"]);

/**
 * The full current state of a window, published whenever it is opened or changed; the
 * latest one wins. A resident or A/B window serves its own department; a comprehensive
 * window (综合窗口) accepts for the departments it acts for.
 */
export const windowPublished = defineEvent(
  streams.staffing,
  "window.published",
  z.object({
    windowId: z.string(),
    centerCode,
    code: z.string(),
    name: z.string(),
    kind: windowKind,
    departmentId: z.string().nullable(),
    actsForDepartmentIds: z.array(z.string()),
    open: z.boolean(),
  }),
);
