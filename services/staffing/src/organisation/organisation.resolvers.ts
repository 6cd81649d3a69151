import type { SubgraphContext } from "@onestop/platform";
import { iso } from "../time";
import type { DepartmentRow, HallRow, StaffRow, WindowRow } from "./entities";
import type { OrganisationService } from "./organisation.service";

export function organisationResolvers(service: OrganisationService) {
  return {
    Query: {
      department: (_: unknown, args: { id: string }) => service.department(args.id),
      departments: (_: unknown, args: { centerCode: string }) => service.departments(args.centerCode),
      halls: (_: unknown, args: { centerCode: string }) => service.halls(args.centerCode),
      window: (_: unknown, args: { id: string }) => service.window(args.id),
      windows: (_: unknown, args: { centerCode: string }) => service.windows(args.centerCode),
      staff: (_: unknown, args: { id: string }) => service.staff(args.id),
      staffMembers: (_: unknown, args: { centerCode: string; departmentId?: string | null }) =>
        service.staffMembers(args.centerCode, args.departmentId),
      me: (_: unknown, __: unknown, context: SubgraphContext) => service.staff(context.identity.subject),
    },
    Mutation: {
      registerDepartment: (_: unknown, args: { input: unknown }, context: SubgraphContext) =>
        service.registerDepartment(context.identity, args.input),
      appointChiefRepresentative: (_: unknown, args: { input: unknown }, context: SubgraphContext) =>
        service.appointChiefRepresentative(context.identity, args.input),
      createHall: (_: unknown, args: { input: unknown }, context: SubgraphContext) => service.createHall(context.identity, args.input),
      openWindow: (_: unknown, args: { input: unknown }, context: SubgraphContext) => service.openWindow(context.identity, args.input),
      changeWindow: (_: unknown, args: { input: unknown }, context: SubgraphContext) => service.changeWindow(context.identity, args.input),
      registerStaff: (_: unknown, args: { input: unknown }, context: SubgraphContext) => service.registerStaff(context.identity, args.input),
    },
    Department: {
      __resolveReference: (reference: { id: string }) => service.department(reference.id),
      registeredAt: (department: DepartmentRow) => iso(department.registeredAt),
      chiefRepresentative: (department: DepartmentRow) => (department.chiefStaffId ? service.staff(department.chiefStaffId) : null),
      windows: async (department: DepartmentRow) => (await service.windowsServing(department.id)).filter((w) => w.open),
      staff: (department: DepartmentRow) => service.staffMembers(department.centerCode, department.id),
    },
    Hall: {
      __resolveReference: (reference: { id: string }) => service.hall(reference.id),
      windows: (hall: HallRow) => service.windowsOfHall(hall.id),
    },
    Window: {
      __resolveReference: (reference: { id: string }) => service.window(reference.id),
      department: (window: WindowRow) => (window.departmentId ? service.department(window.departmentId) : null),
      actsFor: async (window: WindowRow) => service.departmentsByIds(await service.actsFor(window.id)),
      hall: (window: WindowRow) => (window.hallId ? service.hall(window.hallId) : null),
    },
    Staff: {
      __resolveReference: (reference: { id: string }) => service.staff(reference.id),
      department: (staff: StaffRow) => (staff.departmentId ? service.department(staff.departmentId) : null),
      isChiefRepresentative: async (staff: StaffRow) => (await service.departmentsChiefedBy(staff.id)).length > 0,
    },
  };
}
