import { z } from "zod";
import { loadEnv, subgraphEnvWithDefaults } from "@onestop/platform";

export const supervisionEnvSchema = subgraphEnvWithDefaults({ port: 4106, database: "onestop_supervision" }).extend({
  /** How often the durable timers (a clock turning yellow or red, a window's absence starting or ending) are polled. */
  TIMER_POLL_MS: z.coerce.number().int().positive().default(250),
  /** A clock warns YELLOW once this share of its working days is used (红黄牌: 黄牌). */
  WARNING_YELLOW_SHARE: z.coerce.number().gt(0).lt(1).default(0.8),
  /** A reported case (上报件) is to be forwarded within this many working days of its acceptance. */
  FORWARD_WITHIN_WORKING_DAYS: z.coerce.number().int().nonnegative().default(2),
  /** 好差评: a bad rating's follow-up is due within this many working days of the rating. */
  RATING_FOLLOW_UP_WORKING_DAYS: z.coerce.number().int().positive().default(3),
  /** 红旗窗口, the rule (docs/supervision.md): at least this many concluded cases in the period, */
  RED_FLAG_MIN_CONCLUDED: z.coerce.number().int().nonnegative().default(10),
  /** at least this on-time rate, */
  RED_FLAG_MIN_ON_TIME_RATE: z.coerce.number().min(0).max(1).default(0.95),
  /** at least this share of ratings at the top two levels (when it has ratings), */
  RED_FLAG_MIN_SATISFACTION: z.coerce.number().min(0).max(1).default(0.9),
  /** at most this many red warnings, no bad rating left unanswered; and the best this many of those are flagged. */
  RED_FLAG_MAX_RED_WARNINGS: z.coerce.number().int().nonnegative().default(0),
  RED_FLAG_WINDOWS: z.coerce.number().int().nonnegative().default(3),
  /**
   * Subjects whose parsed journals are kept in memory between batches; 0 reads every journal
   * afresh. Small on purpose: the subjects a stream is busy with are few, and 10,000 cached cases
   * (some 200 MB of parsed payloads) cost more in garbage collection than the reads they save.
   */
  JOURNAL_CACHE_SUBJECTS: z.coerce.number().int().nonnegative().default(1_000),
  /**
   * The most events of one kind the projection absorbs in one transaction while the stream is
   * behind. 256, not the platform's 64: on an idle machine batches of 256 absorbed 7,912 events/s
   * against 6,082 (docs/supervision.md, "Larger batches"); a stream that is not behind makes
   * small batches anyway, so the push lag does not grow.
   */
  PROJECTION_BATCH: z.coerce.number().int().min(1).max(500).default(256),
  /**
   * 积分排位 (issue 22): the county's rule for the townships' monthly points, as JSON; the fields
   * given replace the defaults (townships/township-report.rules.ts, defaultTownshipPointsRule), e.g.
   * `{"perInformationItem":5,"informationCap":6}`.
   */
  TOWNSHIP_POINTS_RULE: z.string().default("{}"),
});
export type SupervisionEnv = z.infer<typeof supervisionEnvSchema>;

export const loadSupervisionEnv = (source = process.env) => loadEnv("supervision", supervisionEnvSchema, source);
