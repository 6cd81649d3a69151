import { randomUUID } from "node:crypto";
import { z } from "zod";
import { catalogEvents, feeStandardSchema, itemKind } from "@onestop/events";
import {
  DomainError,
  ErrorCode,
  invalidInput,
  requireCenter,
  requireRole,
  validate,
  type Clock,
  type Identity,
  type UnitOfWork,
} from "@onestop/platform";
import type { DepartmentReplicaRepository } from "../departments/departments.repository";
import type { CurrentItem } from "./entities";
import { feeStandardProblems, timeLimitProblems } from "./item.rules";
import type { ItemsRepository } from "./items.repository";

const workingDays = z.number().int().min(0).max(3650);

/** GraphQL sends unset optional fields as null; the fee standard union wants them absent. */
const withoutNulls = (value: unknown) =>
  value && typeof value === "object" ? Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null)) : value;

export const createItemInput = z.object({
  centerCode: z.string().regex(/^\d{12}$/, "must be a 12-digit administrative-division code"),
  departmentId: z.string().min(1),
  code: z.string().trim().min(1).max(80),
  name: z.string().trim().min(1).max(200),
  kind: itemKind,
  legalLimitDays: workingDays,
  promisedLimitDays: workingDays,
  feeStandard: z.preprocess(withoutNulls, feeStandardSchema),
});

export class ItemsService {
  constructor(
    private readonly repository: ItemsRepository,
    private readonly departments: DepartmentReplicaRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async createItem(identity: Identity, rawInput: unknown): Promise<CurrentItem> {
    const input = validate(createItemInput, rawInput);
    requireRole(identity, "center_admin");
    requireCenter(identity, input.centerCode);
    const problems = [
      ...timeLimitProblems(input.kind, input.legalLimitDays, input.promisedLimitDays),
      ...feeStandardProblems(input.feeStandard),
    ];
    if (problems.length > 0) throw invalidInput(problems);
    const department = await this.departments.find(input.departmentId);
    if (!department || department.centerCode !== input.centerCode) {
      throw new DomainError("UNKNOWN_DEPARTMENT", `Department ${input.departmentId} is not registered in ${input.centerCode}`, {
        field: "departmentId",
      });
    }
    const now = this.clock.now();
    const item = {
      id: randomUUID(),
      centerCode: input.centerCode,
      departmentId: input.departmentId,
      code: input.code,
      currentVersion: 1,
      createdAt: now,
    };
    const version = {
      itemId: item.id,
      version: 1,
      name: input.name,
      kind: input.kind,
      legalLimitDays: input.legalLimitDays,
      promisedLimitDays: input.promisedLimitDays,
      feeStandard: input.feeStandard,
      publishedAt: now,
    };
    await this.unitOfWork.run(async (tx) => {
      if (!(await this.repository.insertItem(tx, item, version))) {
        throw new DomainError(ErrorCode.Conflict, `Item code ${input.code} already exists in ${input.centerCode}`, { field: "code" });
      }
      await tx.publish(
        catalogEvents.itemPublished,
        {
          itemId: item.id,
          version: version.version,
          centerCode: item.centerCode,
          departmentId: item.departmentId,
          name: version.name,
          kind: version.kind,
          legalLimitDays: version.legalLimitDays,
          promisedLimitDays: version.promisedLimitDays,
          feeStandard: version.feeStandard,
        },
        { centerCode: item.centerCode },
      );
    });
    const { itemId: _itemId, ...current } = version;
    return { ...item, ...current };
  }

  item(id: string) {
    return this.repository.findCurrent(id);
  }

  items(centerCode: string) {
    return this.repository.currentOfCenter(centerCode);
  }
}
