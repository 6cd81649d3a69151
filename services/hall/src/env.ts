import { z } from "zod";
import { loadEnv, subgraphEnvWithDefaults } from "@onestop/platform";

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "HH:MM");

export const hallEnvSchema = subgraphEnvWithDefaults({ port: 4110, database: "onestop_hall" }).extend({
  /** 预约: the hall's appointment slots of a working day, Beijing time; slots of SLOT_MINUTES between them. */
  HALL_OPENS: clockTime.default("09:00"),
  HALL_CLOSES: clockTime.default("17:00"),
  /** A lunch break without slots (12:00-13:30), empty for none. */
  HALL_BREAK: z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d)?$/).default("12:00-13:30"),
  SLOT_MINUTES: z.coerce.number().int().min(5).max(240).default(30),
  /** How many booked people one window on duty takes in one slot; the rest of its time is for walk-ins. */
  BOOKINGS_PER_WINDOW_SLOT: z.coerce.number().int().min(0).max(50).default(2),
  /** How many working days ahead a slot may be booked. */
  BOOKING_DAYS_AHEAD: z.coerce.number().int().min(1).max(60).default(7),
  /** The no-show rule (爽约): this many missed bookings or no-show tickets within NO_SHOW_WINDOW_DAYS… */
  NO_SHOW_LIMIT: z.coerce.number().int().min(1).default(3),
  NO_SHOW_WINDOW_DAYS: z.coerce.number().int().min(1).default(90),
  /** …bar online booking (and remote tickets) for this many days from the last one. */
  NO_SHOW_BAR_DAYS: z.coerce.number().int().min(1).default(30),
  /** A booked person's ticket goes ahead from this many minutes before the slot until its end. */
  APPOINTMENT_EARLY_MINUTES: z.coerce.number().int().min(0).max(120).default(15),
});
export type HallEnv = z.infer<typeof hallEnvSchema>;

export const loadHallEnv = (source = process.env) => loadEnv("hall", hallEnvSchema, source);
