import { iso } from "@onestop/platform";
import type { Resolvers } from "../schema/resolvers.generated";
import type { OrganisationService } from "./organisation.service";

export function organisationResolvers(service: OrganisationService): Resolvers {
  return {
    Query: {
      department: (_, args) => service.department(args.id),
      departments: (_, args) => service.departments(args.centerCode),
      halls: (_, args) => service.halls(args.centerCode),
      window: (_, args) => service.window(args.id),
      windows: (_, args) => service.windows(args.centerCode),
      staff: (_, args) => service.staff(args.id),
      staffMembers: (_, args) => service.staffMembers(args.centerCode, args.departmentId),
      staffPage: (_, args, context) => service.staffPage(context.identity, args),
      me: (_, __, context) => service.staff(context.identity.subject),
    },
    Mutation: {
      registerDepartment: (_, args, context) => service.registerDepartment(context.identity, args.input),
      appointChiefRepresentative: (_, args, context) => service.appointChiefRepresentative(context.identity, args.input),
      appointDepartmentPrincipal: (_, args, context) => service.appointDepartmentPrincipal(context.identity, args.input),
      createHall: (_, args, context) => service.createHall(context.identity, args.input),
      openWindow: (_, args, context) => service.openWindow(context.identity, args.input),
      changeWindow: (_, args, context) => service.changeWindow(context.identity, args.input),
      registerStaff: (_, args, context) => service.registerStaff(context.identity, args.input),
    },
    Department: {
      __resolveReference: (reference, context) => service.departmentsById.load(context, reference.id),
      registeredAt: (department) => iso(department.registeredAt),
      chiefRepresentative: (department, _, context) => (department.chiefStaffId ? service.staffById.load(context, department.chiefStaffId) : null),
      principal: (department, _, context) => (department.principalStaffId ? service.staffById.load(context, department.principalStaffId) : null),
      windows: async (department) => (await service.windowsServing(department.id)).filter((w) => w.open),
      staff: (department) => service.staffMembers(department.centerCode, department.id),
    },
    Hall: {
      __resolveReference: (reference, context) => service.hallsById.load(context, reference.id),
      windows: (hall) => service.windowsOfHall(hall.id),
    },
    Window: {
      __resolveReference: (reference, context) => service.windowsById.load(context, reference.id),
      department: (window, _, context) => (window.departmentId ? service.departmentsById.load(context, window.departmentId) : null),
      actsFor: async (window) => service.departmentsByIds(await service.actsFor(window.id)),
      hall: (window, _, context) => (window.hallId ? service.hallsById.load(context, window.hallId) : null),
    },
    Staff: {
      __resolveReference: (reference, context) => service.staffById.load(context, reference.id),
      department: (staff, _, context) => (staff.departmentId ? service.departmentsById.load(context, staff.departmentId) : null),
      isChiefRepresentative: async (staff) => (await service.departmentsChiefedBy(staff.id)).length > 0,
      isDepartmentPrincipal: async (staff) => (await service.departmentsHeadedBy(staff.id)).length > 0,
    },
  };
}
