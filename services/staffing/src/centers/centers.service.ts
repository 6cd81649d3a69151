import { z } from "zod";
import { hierarchyProblems, mayAdministerRegister } from "@onestop/authorization";
import { staffingEvents } from "@onestop/events";
import { DomainError, forbidden, invalidInput, requireRole, validate, type Clock, type Identity, type Tx, type UnitOfWork } from "@onestop/platform";
import { StaffingErrorCode } from "../errors";
import type { CentersRepository } from "./centers.repository";
import type { ServiceCenterRow } from "./entities";

const code = z.string().regex(/^\d{12}$/, "must be a 12-digit administrative-division code");
const text = (max: number) => z.string().trim().min(1).max(max);

export const registerCenterInput = z.object({
  code,
  level: staffingEvents.centerLevel,
  parentCode: code.nullish().transform((v) => v ?? null),
  name: text(100),
  address: text(200),
  openingHours: text(200),
  phone: z.string().trim().min(5).max(40).regex(/^[0-9+\-() ]+$/, "digits, spaces, +, -, ( and ) only"),
  handles: text(500),
});

export const changeCenterInput = z.object({
  code,
  name: text(100).nullish(),
  address: text(200).nullish(),
  openingHours: text(200).nullish(),
  phone: z.string().trim().min(5).max(40).regex(/^[0-9+\-() ]+$/, "digits, spaces, +, -, ( and ) only").nullish(),
  handles: text(500).nullish(),
  open: z.boolean().nullish(),
});

/**
 * The register of the county's service centers: the county's administration registers and
 * edits its hall, its townships' convenience centers and their village points; everyone may
 * read it (the portal's "where do I go"); others learn it from `center.published`.
 */
export class CentersService {
  constructor(
    private readonly repository: CentersRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  center(code: string): Promise<ServiceCenterRow | null> {
    return this.repository.find(code);
  }

  centersByCode(codes: readonly string[]): Promise<ServiceCenterRow[]> {
    return this.repository.findMany(codes);
  }

  /** The county's centers (itself, its townships, their village points), optionally of one level, by code. */
  async centersOfCounty(countyCode: string, level?: string | null): Promise<ServiceCenterRow[]> {
    const parsed = validate(z.object({ countyCode: code }), { countyCode });
    const all = await this.repository.underPrefix(parsed.countyCode.slice(0, 6));
    return level ? all.filter((c) => c.level === level) : all;
  }

  children(parentCode: string): Promise<ServiceCenterRow[]> {
    return this.repository.childrenOf(parentCode);
  }

  async registerServiceCenter(identity: Identity, rawInput: unknown): Promise<ServiceCenterRow> {
    const input = validate(registerCenterInput, rawInput, "input");
    this.requireAdministration(identity, input.code);
    return this.unitOfWork.run(async (tx) => {
      const parent = input.parentCode ? await this.repository.find(input.parentCode, tx) : null;
      const problems = hierarchyProblems(input, parent);
      if (problems.length > 0) throw invalidInput(problems.map((p) => ({ field: `input.${p.field}`, message: p.message })));
      const now = this.clock.now();
      const center: ServiceCenterRow = { ...input, open: true, revision: 1, registeredAt: now, registeredBy: identity.subject, changedAt: now };
      if (!(await this.repository.insert(tx, center))) {
        const existing = await this.repository.find(input.code, tx);
        // A retried registration of the same center answers the center; another one is a conflict.
        if (existing && sameRegistration(existing, center)) return existing;
        throw new DomainError(StaffingErrorCode.Conflict, `Service center ${input.code} is already registered`, { field: "input.code" });
      }
      await this.publish(tx, center);
      return center;
    });
  }

  /** Only the fields given change; a change that changes nothing publishes nothing. */
  async changeServiceCenter(identity: Identity, rawInput: unknown): Promise<ServiceCenterRow> {
    const input = validate(changeCenterInput, rawInput, "input");
    this.requireAdministration(identity, input.code);
    return this.unitOfWork.run(async (tx) => {
      const current = await this.repository.lock(tx, input.code);
      if (!current) throw new DomainError(StaffingErrorCode.UnknownCenter, `Service center ${input.code} is not registered`, { field: "input.code" });
      const next: ServiceCenterRow = {
        ...current,
        name: input.name ?? current.name,
        address: input.address ?? current.address,
        openingHours: input.openingHours ?? current.openingHours,
        phone: input.phone ?? current.phone,
        handles: input.handles ?? current.handles,
        open: input.open ?? current.open,
      };
      if (sameRegistration(current, next) && current.open === next.open) return current;
      next.revision = current.revision + 1;
      next.changedAt = this.clock.now();
      await this.repository.save(tx, next);
      await this.publish(tx, next);
      return next;
    });
  }

  private requireAdministration(identity: Identity, target: string): void {
    requireRole(identity, "center_admin");
    if (!mayAdministerRegister(identity.centerCode, target)) {
      throw forbidden(`Only the county center's administration registers and edits service center ${target}`);
    }
  }

  private async publish(tx: Tx, center: ServiceCenterRow): Promise<void> {
    await tx.publish(
      staffingEvents.serviceCenterPublished,
      {
        code: center.code,
        level: center.level,
        parentCode: center.parentCode,
        name: center.name,
        address: center.address,
        openingHours: center.openingHours,
        phone: center.phone,
        handles: center.handles,
        open: center.open,
        revision: center.revision,
      },
      { centerCode: center.code },
    );
  }
}

function sameRegistration(a: ServiceCenterRow, b: ServiceCenterRow): boolean {
  return (
    a.level === b.level &&
    a.parentCode === b.parentCode &&
    a.name === b.name &&
    a.address === b.address &&
    a.openingHours === b.openingHours &&
    a.phone === b.phone &&
    a.handles === b.handles
  );
}
