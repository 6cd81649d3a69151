import { randomInt, randomUUID } from "node:crypto";
import { z } from "zod";
import { casesEvents } from "@onestop/events";
import {
  DomainError,
  ErrorCode,
  forbidden,
  hasRole,
  notFound,
  requireRole,
  validate,
  type Clock,
  type Identity,
  type UnitOfWork,
} from "@onestop/platform";
import type { ItemReplicaRepository } from "../items/items.repository";
import { canTransition, isValidResidentIdNumber, receiptNumber, type CaseStatus } from "./case.rules";
import type { CasesRepository } from "./cases.repository";
import type { CaseRow } from "./entities";

export const submitCaseInput = z.object({
  itemId: z.string().min(1),
  applicantName: z.string().trim().min(1).max(100),
  applicantIdNumber: z.string().trim().toUpperCase().refine(isValidResidentIdNumber, "not a valid resident ID number"),
  quantity: z.number().int().positive().max(1_000_000).default(1),
});

const RECEIPT_ATTEMPTS = 5;

export class CasesService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly items: ItemReplicaRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /** 申请: the applicant's account submits a case for the item's current version. */
  async submitCase(identity: Identity, rawInput: unknown): Promise<CaseRow> {
    const input = validate(submitCaseInput, rawInput);
    requireRole(identity, "citizen");
    const item = await this.items.currentVersion(input.itemId);
    if (!item) throw new DomainError("UNKNOWN_ITEM", `Item ${input.itemId} is not in the catalog`, { field: "itemId" });
    const now = this.clock.now();
    for (let attempt = 0; attempt < RECEIPT_ATTEMPTS; attempt += 1) {
      const row: CaseRow = {
        id: randomUUID(),
        receiptNo: receiptNumber(now, String(randomInt(0, 100_000_000))),
        centerCode: item.centerCode,
        itemId: item.itemId,
        itemVersion: item.version,
        departmentId: item.departmentId,
        status: "SUBMITTED",
        applicantSubject: identity.subject,
        applicantName: input.applicantName,
        applicantIdNumber: input.applicantIdNumber,
        quantity: input.quantity,
        handlerId: null,
        submittedAt: now,
        acceptedAt: null,
      };
      if (await this.unitOfWork.run((tx) => this.cases.insert(tx, row))) return row;
    }
    throw new Error("Could not draw a free receipt number");
  }

  /** 受理: staff of the case's department accept it under the item's current version. */
  async acceptCase(identity: Identity, caseId: string): Promise<CaseRow> {
    requireRole(identity, "window_staff", "chief_representative");
    return this.unitOfWork.run(async (tx) => {
      const current = await this.cases.find(caseId, tx);
      if (!current) throw notFound("Case", caseId);
      this.requireDepartmentStaff(identity, current);
      this.requireTransition(current.status, "ACCEPTED");
      const item = await this.items.currentVersion(current.itemId, tx);
      const acceptedAt = this.clock.now();
      const changes = {
        status: "ACCEPTED" as const,
        acceptedAt,
        handlerId: identity.subject,
        itemVersion: item?.version ?? current.itemVersion,
      };
      if (!(await this.cases.transition(tx, caseId, current.status, changes))) {
        throw new DomainError(ErrorCode.InvalidTransition, `Case ${caseId} was changed by someone else; reload it`);
      }
      const accepted = { ...current, ...changes };
      await tx.publish(
        casesEvents.caseAccepted,
        {
          caseId: accepted.id,
          receiptNo: accepted.receiptNo,
          centerCode: accepted.centerCode,
          itemId: accepted.itemId,
          itemVersion: accepted.itemVersion,
          departmentId: accepted.departmentId,
          handlerId: identity.subject,
          applicantSubject: accepted.applicantSubject,
          applicantName: accepted.applicantName,
          quantity: accepted.quantity,
          acceptedAt: acceptedAt.toISOString(),
        },
        { centerCode: accepted.centerCode },
      );
      return accepted;
    });
  }

  /** A case is visible to its applicant, to its department's staff and to the center's overseers. */
  async findCase(identity: Identity, id: string): Promise<CaseRow | null> {
    const found = await this.cases.find(id);
    if (!found) return null;
    if (!this.maySee(identity, found)) throw forbidden(`Not allowed to see case ${id}`);
    return found;
  }

  private maySee(identity: Identity, found: CaseRow): boolean {
    if (found.applicantSubject === identity.subject && hasRole(identity, "citizen")) return true;
    if (identity.centerCode !== found.centerCode) return false;
    if (hasRole(identity, "center_admin", "supervisor")) return true;
    return hasRole(identity, "window_staff", "chief_representative") && identity.departmentId === found.departmentId;
  }

  private requireDepartmentStaff(identity: Identity, found: CaseRow): void {
    if (identity.centerCode !== found.centerCode || identity.departmentId !== found.departmentId) {
      throw forbidden(`Case ${found.id} belongs to another department`);
    }
  }

  private requireTransition(from: CaseStatus, to: CaseStatus): void {
    if (!canTransition(from, to)) {
      throw new DomainError(ErrorCode.InvalidTransition, `A case that is ${from} cannot become ${to}`, { from, to });
    }
  }
}
