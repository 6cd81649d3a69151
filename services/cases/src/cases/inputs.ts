import { z } from "zod";
import { isCalendarDay, SuspensionReason } from "@onestop/calendar";
import { casesEvents } from "@onestop/events";
import { idempotencyKeySchema } from "@onestop/platform";
import { materialProblemKinds } from "../materials/materials.rules";
import { commitmentStates, decisions, isValidResidentIdNumber } from "./cases.rules";

/** The input of every act on a case, validated once at the service edge. */

const idempotencyKey = z.string().trim().min(1).max(100).nullish();
const opinion = z.string().trim().min(1).max(4000);
const decision = z.enum(decisions);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a day as YYYY-MM-DD");

/** Upload ids (POST /uploads answers them): a material has at least one file and at most 20. */
const fileIds = z.array(z.string().trim().min(1).max(64)).min(1).max(20);

export const submitCaseInput = z.object({
  itemId: z.string().min(1),
  applicantName: z.string().trim().min(1).max(100),
  applicantIdNumber: z.string().trim().toUpperCase().refine(isValidResidentIdNumber, "not a valid resident ID number"),
  quantity: z.number().int().positive().max(1_000_000).default(1),
  /** 告知承诺: the applicant signs a written commitment instead of proving some conditions. */
  onCommitment: z.boolean().nullish(),
  materials: z.array(z.object({ code: z.string().min(1).max(50), fileIds })).max(100).nullish(),
  /** Required: a retried submission with the same key is the same case (docs/cases.md). */
  idempotencyKey: idempotencyKeySchema,
});

/** 代办 (issue 22): an application taken in at a village point or a township for an item of the county, on the applicant's behalf. */
export const takeInCaseInput = z.object({
  itemId: z.string().min(1),
  applicantName: z.string().trim().min(1).max(100),
  applicantIdNumber: z.string().trim().toUpperCase().refine(isValidResidentIdNumber, "not a valid resident ID number"),
  quantity: z.number().int().positive().max(1_000_000).default(1),
  /** The codes of the paper materials handed in with the application (recorded on the routing slip). */
  materialCodes: z.array(z.string().min(1).max(50)).max(100).default([]),
  /** Required: a retried take-in with the same key is the same case. */
  idempotencyKey: idempotencyKeySchema,
});

/** The hall's queue ticket (取号) the case is served from, when it is: the hall measures waiting and handling time by it. */
const ticketId = z.string().trim().min(1).max(64).nullish();
export const acceptInput = z.object({
  deficiencies: z.object({ materialCodes: z.array(z.string().min(1)).min(1).max(100), dueDay: day }).nullish(),
  ticketId,
  idempotencyKey,
});
export const keyOnly = z.object({ idempotencyKey });
export const reasonInput = z.object({ reason: opinion, idempotencyKey });
export const opinionInput = z.object({ opinion, idempotencyKey });
export const decisionInput = z.object({ decision, opinion, idempotencyKey });
export const instantDecisionInput = decisionInput.extend({ ticketId });
export const noticeInput = z.object({
  materials: z.array(z.object({ code: z.string().min(1), problem: z.enum(materialProblemKinds), note: z.string().trim().max(1000).nullish() })).min(1).max(100),
  idempotencyKey,
});
export const supplyInput = z.object({
  materials: z.array(z.object({ code: z.string().min(1), documentRef: z.string().trim().min(1).max(200).nullish(), fileIds: fileIds.nullish() })).min(1).max(100),
  idempotencyKey,
});
export const forwardInput = z.object({ authority: z.string().trim().min(1).max(200).nullish(), opinion, idempotencyKey });
export const higherResultInput = z.object({
  decision,
  opinion,
  documentNo: z.string().trim().min(1).max(100),
  /** The day the higher authority's document is dated (Beijing day). */
  documentDate: day.refine(isCalendarDay, "not a real date"),
  idempotencyKey,
});
export const meetingInput = z.object({ decision: z.enum(["UPHOLD", "OVERRULE"]), minutesNo: z.string().trim().min(1).max(100), opinion, idempotencyKey });
export const deliverInput = z.object({ method: z.enum(["AT_WINDOW", "BY_POST", "ELECTRONIC"]), note: z.string().trim().max(1000).nullish(), idempotencyKey });
export const referInput = z.object({ toWindowId: z.string().min(1), reason: opinion, idempotencyKey });
export const suspendInput = z.object({
  reason: z.enum(SuspensionReason),
  note: z.string().trim().max(1000).nullish(),
  idempotencyKey,
});
export const resumeInput = z.object({ note: z.string().trim().max(1000).nullish(), idempotencyKey });
export const extendInput = z.object({ workingDays: z.number().int().min(1).max(365), reason: opinion, applicantNotice: opinion, idempotencyKey });
export const verifyInput = z.object({ result: z.enum(commitmentStates).exclude(["PENDING"]), opinion, idempotencyKey });
export const listInput = z.object({
  centerCode: z.string().regex(/^\d{12}$/),
  departmentId: z.string().min(1).nullish(),
  statuses: z.array(casesEvents.caseStatus).max(20).nullish(),
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).max(100_000).default(0),
});

export const queueInput = z.object({
  centerCode: z.string().regex(/^\d{12}$/),
  windowId: z.string().min(1).max(64).nullish(),
  departmentId: z.string().min(1).nullish(),
  statuses: z.array(casesEvents.caseStatus).min(1).max(20).nullish(),
  /** 代办: the cases the caller's center serves as agent instead of its own; not per window. */
  asAgent: z.boolean().nullish().transform((value) => value ?? false),
  first: z.number().int().min(1).max(200).default(50),
  after: z.string().max(200).nullish(),
}).refine((input) => !(input.asAgent && input.windowId), { path: ["windowId"], message: "a window's queue holds its center's own cases, not those served as agent (asAgent)" });

/** 代办: the cases the caller's center took in as agent, newest first. */
export const agencyCasesInput = z.object({
  statuses: z.array(casesEvents.caseStatus).min(1).max(20).nullish(),
  first: z.number().int().min(1).max(200).default(50),
  after: z.string().max(200).nullish(),
});
