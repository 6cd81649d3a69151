import { randomUUID } from "node:crypto";
import { z } from "zod";
import { staffingEvents } from "@onestop/events";
import { DomainError, ErrorCode, requireCenter, requireRole, validate, type Clock, type Identity, type UnitOfWork } from "@onestop/platform";
import type { DepartmentRow } from "./entities";
import type { OrganisationRepository } from "./organisation.repository";

export const registerDepartmentInput = z.object({
  centerCode: z.string().regex(/^\d{12}$/, "must be a 12-digit administrative-division code"),
  code: z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9_-]+$/, "letters, digits, - and _ only"),
  name: z.string().trim().min(1).max(100),
});

export class OrganisationService {
  constructor(
    private readonly repository: OrganisationRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /** 部门进驻: enters a department into the hall and announces it to the other services. */
  async registerDepartment(identity: Identity, rawInput: unknown): Promise<DepartmentRow> {
    const input = validate(registerDepartmentInput, rawInput);
    requireRole(identity, "center_admin");
    requireCenter(identity, input.centerCode);
    const department: DepartmentRow = {
      id: randomUUID(),
      centerCode: input.centerCode,
      code: input.code,
      name: input.name,
      registeredAt: this.clock.now(),
    };
    return this.unitOfWork.run(async (tx) => {
      if (!(await this.repository.insertDepartment(tx, department))) {
        throw new DomainError(ErrorCode.Conflict, `Department code ${input.code} is already registered in ${input.centerCode}`, {
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

  department(id: string) {
    return this.repository.findDepartment(id);
  }

  departments(centerCode: string) {
    return this.repository.departmentsOfCenter(centerCode);
  }

  window(id: string) {
    return this.repository.findWindow(id);
  }

  staff(id: string) {
    return this.repository.findStaff(id);
  }
}
