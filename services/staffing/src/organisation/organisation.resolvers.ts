import type { SubgraphContext } from "@onestop/platform";
import type { DepartmentRow, StaffRow, WindowRow } from "./entities";
import type { OrganisationService } from "./organisation.service";

const iso = (date: Date) => date.toISOString();

export function organisationResolvers(service: OrganisationService) {
  return {
    Query: {
      department: (_: unknown, args: { id: string }) => service.department(args.id),
      departments: (_: unknown, args: { centerCode: string }) => service.departments(args.centerCode),
    },
    Mutation: {
      registerDepartment: (_: unknown, args: { input: unknown }, context: SubgraphContext) =>
        service.registerDepartment(context.identity, args.input),
    },
    Department: {
      __resolveReference: (reference: { id: string }) => service.department(reference.id),
      registeredAt: (department: DepartmentRow) => iso(department.registeredAt),
    },
    Window: {
      __resolveReference: (reference: { id: string }) => service.window(reference.id),
      department: (window: WindowRow) => (window.departmentId ? { id: window.departmentId } : null),
    },
    Staff: {
      __resolveReference: (reference: { id: string }) => service.staff(reference.id),
      department: (staff: StaffRow) => service.department(staff.departmentId),
    },
  };
}
