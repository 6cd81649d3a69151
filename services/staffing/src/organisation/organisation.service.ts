import { randomUUID } from "node:crypto";
import { z } from "zod";
import { staffingEvents } from "@onestop/events";
import {
  byId,
  DomainError,
  findingsAt,
  invalidInput,
  notFound,
  requireCenter,
  requestLoader,
  requireRole,
  validate,
  type Clock,
  type Identity,
  type Tx,
  type UnitOfWork,
} from "@onestop/platform";
import { oversees } from "@onestop/authorization";
import { StaffingErrorCode } from "../errors";
import { hallThemes, type DepartmentRow, type HallRow, type StaffRow, type WindowRow } from "./entities";
import type { OrganisationRepository } from "./organisation.repository";
import { windowShapeProblems } from "./organisation.rules";

const centerCode = z.string().regex(/^\d{12}$/, "must be a 12-digit administrative-division code");
const code = z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9_-]+$/, "letters, digits, - and _ only");
const name = z.string().trim().min(1).max(100);
const id = z.string().min(1).max(64);

export const registerDepartmentInput = z.object({ centerCode, code, name });

export const createHallInput = z.object({ centerCode, code, name, theme: z.enum(hallThemes) });

export const openWindowInput = z.object({
  centerCode,
  code,
  name,
  kind: staffingEvents.windowKind,
  departmentId: id.nullish().transform((v) => v ?? null),
  actsForDepartmentIds: z.array(id).max(50).nullish().transform((v) => v ?? []),
  hallId: id.nullish().transform((v) => v ?? null),
});

export const changeWindowInput = z.object({
  windowId: id,
  name: name.nullish(),
  hallId: id.nullish(),
  actsForDepartmentIds: z.array(id).max(50).nullish(),
  open: z.boolean().nullish(),
});

export const registerStaffInput = z.object({
  centerCode,
  code,
  name,
  departmentId: id.nullish().transform((v) => v ?? null),
});

export const appointChiefInput = z.object({ departmentId: id, staffId: id });
export const appointPrincipalInput = z.object({ departmentId: id, staffId: id });

const unknownDepartment = (departmentId: string, center: string) =>
  new DomainError(StaffingErrorCode.UnknownDepartment, `Department ${departmentId} is not registered in ${center}`, { departmentId });

const staffPageInput = z.object({
  centerCode: z.string().regex(/^\d{12}$/, "a 12-digit division code"),
  departmentId: z.string().max(64).nullish().transform((value) => value ?? null),
  keyword: z.string().trim().max(50).nullish().transform((value) => value || null),
  first: z.number().int().min(1).max(100).nullish().transform((value) => value ?? 20),
  after: z.string().max(200).nullish(),
});

/** Where a page of staff ended: the last staff code, opaque to clients. */
export const encodeStaffCursor = (code: string) => Buffer.from(JSON.stringify(["staff", code]), "utf8").toString("base64url");

export function decodeStaffCursor(cursor: string): string | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    return Array.isArray(value) && value.length === 2 && value[0] === "staff" && typeof value[1] === "string" ? value[1] : null;
  } catch {
    return null;
  }
}

export class OrganisationService {
  /** By id, batched per request: a page of cases references its departments, windows and staff one by one. */
  readonly departmentsById = requestLoader(async (ids) => byId(await this.repository.findDepartments(ids)));
  readonly hallsById = requestLoader(async (ids) => byId(await this.repository.findHalls(ids)));
  readonly windowsById = requestLoader(async (ids) => byId(await this.repository.findWindows(ids)));
  readonly staffById = requestLoader(async (ids) => byId(await this.repository.findStaffMany(ids)));

  constructor(
    private readonly repository: OrganisationRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /** 部门进驻: enters a department into the hall and announces it to the other services. */
  async registerDepartment(identity: Identity, rawInput: unknown): Promise<DepartmentRow> {
    const input = validate(registerDepartmentInput, rawInput, "input");
    requireRole(identity, "center_admin");
    requireCenter(identity, input.centerCode);
    const department: DepartmentRow = {
      id: randomUUID(),
      centerCode: input.centerCode,
      code: input.code,
      name: input.name,
      registeredAt: this.clock.now(),
      chiefStaffId: null,
      chiefRevision: 0,
      chiefAppointedAt: null,
      principalStaffId: null,
      principalRevision: 0,
      principalAppointedAt: null,
    };
    return this.unitOfWork.run(async (tx) => {
      if (!(await this.repository.insertDepartment(tx, department))) {
        throw new DomainError(StaffingErrorCode.Conflict, `Department code ${input.code} is already registered in ${input.centerCode}`, {
          field: "code",
        });
      }
      await tx.publish(
        staffingEvents.departmentRegistered,
        { departmentId: department.id, centerCode: department.centerCode, code: department.code, name: department.name },
        { centerCode: department.centerCode },
      );
      return department;
    });
  }

  /** 首席代表: names the department's chief representative, one of its own staff. */
  async appointChiefRepresentative(identity: Identity, rawInput: unknown): Promise<DepartmentRow> {
    const input = validate(appointChiefInput, rawInput, "input");
    requireRole(identity, "center_admin");
    return this.unitOfWork.run(async (tx) => {
      const { department, staff } = await this.departmentAndItsStaff(tx, identity, input);
      if (department.chiefStaffId === staff.id) return department;
      const appointedAt = this.clock.now();
      const revision = await this.repository.setChiefRepresentative(tx, department.id, staff.id, appointedAt);
      await tx.publish(
        staffingEvents.chiefRepresentativeAppointed,
        { departmentId: department.id, centerCode: department.centerCode, staffId: staff.id, appointedAt: appointedAt.toISOString(), revision },
        { centerCode: department.centerCode },
      );
      return { ...department, chiefStaffId: staff.id, chiefRevision: revision, chiefAppointedAt: appointedAt };
    });
  }

  /**
   * 单位主要负责人: names the department's principal, one of its own staff; sign-in gives them
   * the role department_principal, and cases lets them alone sign the department's vetoes.
   */
  async appointDepartmentPrincipal(identity: Identity, rawInput: unknown): Promise<DepartmentRow> {
    const input = validate(appointPrincipalInput, rawInput);
    requireRole(identity, "center_admin");
    return this.unitOfWork.run(async (tx) => {
      const { department, staff } = await this.departmentAndItsStaff(tx, identity, input);
      if (department.principalStaffId === staff.id) return department;
      const appointedAt = this.clock.now();
      const revision = await this.repository.setPrincipal(tx, department.id, staff.id, appointedAt);
      await tx.publish(
        staffingEvents.departmentPrincipalAppointed,
        { departmentId: department.id, centerCode: department.centerCode, staffId: staff.id, appointedAt: appointedAt.toISOString(), revision },
        { centerCode: department.centerCode },
      );
      return { ...department, principalStaffId: staff.id, principalRevision: revision, principalAppointedAt: appointedAt };
    });
  }

  /** The department, locked, in the caller's center, and a staff member of it (an appointment's two ends). */
  private async departmentAndItsStaff(tx: Tx, identity: Identity, input: { departmentId: string; staffId: string }): Promise<{ department: DepartmentRow; staff: StaffRow }> {
    const department = await this.repository.lockDepartment(tx, input.departmentId);
    if (!department) throw notFound("Department", input.departmentId);
    requireCenter(identity, department.centerCode);
    const staff = await this.repository.findStaff(input.staffId, tx);
    if (!staff || staff.centerCode !== department.centerCode) throw notFound("Staff", input.staffId);
    if (staff.departmentId !== department.id) {
      throw new DomainError(StaffingErrorCode.StaffNotOfDepartment, `${staff.name} does not belong to ${department.name}`, {
        staffId: staff.id,
        departmentId: department.id,
      });
    }
    return { department, staff };
  }

  /** 功能大厅: a functional hall windows are grouped in. */
  async createHall(identity: Identity, rawInput: unknown): Promise<HallRow> {
    const input = validate(createHallInput, rawInput, "input");
    requireRole(identity, "center_admin");
    requireCenter(identity, input.centerCode);
    const hall: HallRow = { id: randomUUID(), ...input };
    return this.unitOfWork.run(async (tx) => {
      if (!(await this.repository.insertHall(tx, hall))) {
        throw new DomainError(StaffingErrorCode.Conflict, `Hall code ${input.code} already exists in ${input.centerCode}`, { field: "code" });
      }
      return hall;
    });
  }

  /** Opens a window in the hall and publishes its snapshot (catalog enters items at it). */
  async openWindow(identity: Identity, rawInput: unknown): Promise<WindowRow> {
    const input = validate(openWindowInput, rawInput, "input");
    requireRole(identity, "center_admin");
    requireCenter(identity, input.centerCode);
    const problems = windowShapeProblems(input.kind, input.departmentId, input.actsForDepartmentIds);
    if (problems.length > 0) throw invalidInput(findingsAt("input", problems));
    return this.unitOfWork.run(async (tx) => {
      await this.requireDepartmentsOfCenter(tx, [...(input.departmentId ? [input.departmentId] : []), ...input.actsForDepartmentIds], input.centerCode);
      if (input.hallId) await this.requireHallOfCenter(tx, input.hallId, input.centerCode);
      const window: WindowRow = {
        id: randomUUID(),
        centerCode: input.centerCode,
        code: input.code,
        name: input.name,
        kind: input.kind,
        departmentId: input.departmentId,
        hallId: input.hallId,
        open: true,
        revision: 0,
        openedAt: this.clock.now(),
      };
      if (!(await this.repository.insertWindow(tx, window, input.actsForDepartmentIds))) {
        throw new DomainError(StaffingErrorCode.Conflict, `Window code ${input.code} already exists in ${input.centerCode}`, { field: "code" });
      }
      return this.publishWindow(tx, window.id);
    });
  }

  /** Renames, moves, re-scopes, closes or reopens a window; the new snapshot is published. */
  async changeWindow(identity: Identity, rawInput: unknown): Promise<WindowRow> {
    const input = validate(changeWindowInput, rawInput, "input");
    requireRole(identity, "center_admin");
    return this.unitOfWork.run(async (tx) => {
      const window = await this.repository.lockWindow(tx, input.windowId);
      if (!window) throw notFound("Window", input.windowId);
      requireCenter(identity, window.centerCode);
      if (input.actsForDepartmentIds) {
        const problems = windowShapeProblems(window.kind, window.departmentId, input.actsForDepartmentIds);
        if (problems.length > 0) throw invalidInput(findingsAt("input", problems));
        await this.requireDepartmentsOfCenter(tx, input.actsForDepartmentIds, window.centerCode);
      }
      if (input.hallId) await this.requireHallOfCenter(tx, input.hallId, window.centerCode);
      await this.repository.updateWindow(tx, window.id, {
        ...(input.name ? { name: input.name } : {}),
        ...(input.hallId !== undefined ? { hallId: input.hallId } : {}),
        ...(typeof input.open === "boolean" ? { open: input.open } : {}),
      });
      if (input.actsForDepartmentIds) await this.repository.replaceActsFor(tx, window.id, input.actsForDepartmentIds);
      return this.publishWindow(tx, window.id);
    });
  }

  /**
   * Publishes the window's full current state with its next revision; called, under the
   * window's lock, in the transaction of every change of the window or of its posts.
   */
  async publishWindow(tx: Tx, windowId: string): Promise<WindowRow> {
    const revision = await this.repository.nextRevision(tx, windowId);
    const snapshot = await this.repository.windowSnapshot(tx, windowId);
    if (!snapshot) throw notFound("Window", windowId);
    const { window } = snapshot;
    await tx.publish(
      staffingEvents.windowPublished,
      {
        windowId: window.id,
        centerCode: window.centerCode,
        code: window.code,
        name: window.name,
        kind: window.kind,
        departmentId: window.departmentId,
        actsForDepartmentIds: snapshot.actsForDepartmentIds,
        open: window.open,
        hallId: window.hallId,
        aPostStaffId: snapshot.aPostStaffId,
        bPostStaffId: snapshot.bPostStaffId,
        revision,
      },
      { centerCode: window.centerCode },
    );
    return { ...window, revision };
  }

  /** Registers a member of the hall's staff with their home department (none for the center's own office). */
  async registerStaff(identity: Identity, rawInput: unknown): Promise<StaffRow> {
    const input = validate(registerStaffInput, rawInput, "input");
    requireRole(identity, "center_admin");
    // The center's own administration, or one above it: the county's or the township's registers a village point's agents (代办员).
    if (!oversees(identity.centerCode, input.centerCode)) requireCenter(identity, input.centerCode);
    return this.unitOfWork.run(async (tx) => {
      if (input.departmentId) await this.requireDepartmentsOfCenter(tx, [input.departmentId], input.centerCode);
      const staff: StaffRow = { id: randomUUID(), ...input, registeredAt: this.clock.now() };
      if (!(await this.repository.insertStaff(tx, staff))) {
        throw new DomainError(StaffingErrorCode.Conflict, `Staff code ${input.code} already exists in ${input.centerCode}`, { field: "code" });
      }
      await tx.publish(
        staffingEvents.staffRegistered,
        { staffId: staff.id, centerCode: staff.centerCode, code: staff.code, name: staff.name, departmentId: staff.departmentId ?? null },
        { centerCode: staff.centerCode },
      );
      return staff;
    });
  }

  private async requireDepartmentsOfCenter(tx: Tx, ids: readonly string[], center: string): Promise<void> {
    const found = await this.repository.findDepartments(ids, tx);
    for (const departmentId of ids) {
      if (!found.some((d) => d.id === departmentId && d.centerCode === center)) throw unknownDepartment(departmentId, center);
    }
  }

  private async requireHallOfCenter(tx: Tx, hallId: string, center: string): Promise<void> {
    const hall = await this.repository.findHall(hallId, tx);
    if (!hall || hall.centerCode !== center) {
      throw new DomainError(StaffingErrorCode.UnknownHall, `Hall ${hallId} does not exist in ${center}`, { hallId });
    }
  }

  department(departmentId: string) {
    return this.repository.findDepartment(departmentId);
  }

  departments(center: string) {
    return this.repository.departmentsOfCenter(center);
  }

  departmentsByIds(ids: readonly string[]) {
    return this.repository.findDepartments(ids);
  }

  halls(center: string) {
    return this.repository.hallsOfCenter(center);
  }

  windowsOfHall(hallId: string) {
    return this.repository.windowsOfHall(hallId);
  }

  window(windowId: string) {
    return this.repository.findWindow(windowId);
  }

  windows(center: string) {
    return this.repository.windowsOfCenter(center);
  }

  windowsServing(departmentId: string) {
    return this.repository.windowsServing(departmentId);
  }

  async actsFor(windowId: string): Promise<string[]> {
    return (await this.repository.actsFor([windowId])).get(windowId) ?? [];
  }

  staff(staffId: string) {
    return this.repository.findStaff(staffId);
  }

  /** A page of the hall's staff by code, for the center's own staff. */
  async staffPage(identity: Identity, raw: unknown) {
    const input = validate(staffPageInput, raw);
    requireCenter(identity, input.centerCode);
    const after = input.after ? decodeStaffCursor(input.after) : null;
    if (input.after && after === null) throw invalidInput([{ field: "after", message: "the nextCursor of a previous page" }]);
    const { rows, totalCount } = await this.repository.staffPage(input, after, input.first);
    const nodes = rows.slice(0, input.first);
    const last = nodes[nodes.length - 1];
    return { nodes, totalCount, nextCursor: rows.length > input.first && last ? encodeStaffCursor(last.code) : null };
  }

  staffMembers(center: string, departmentId?: string | null) {
    return this.repository.staffOfCenter(center, departmentId ?? undefined);
  }

  departmentsChiefedBy(staffId: string) {
    return this.repository.departmentsChiefedBy(staffId);
  }

  departmentsHeadedBy(staffId: string) {
    return this.repository.departmentsHeadedBy(staffId);
  }
}
