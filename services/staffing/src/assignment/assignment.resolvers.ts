import type { OrganisationService } from "../organisation/organisation.service";
import type { AssignmentService } from "./assignment.service";
import type { Resolvers } from "../schema/resolvers.generated";

export function assignmentResolvers(service: AssignmentService, organisation: OrganisationService): Resolvers {
  return {
    Query: {
      caseAssignment: (_, args, context) => service.caseAssignment(context.identity, args.input),
    },
    CaseAssignment: {
      window: (assignment) => (assignment.assigned ? organisation.window(assignment.windowId) : null),
      staff: (assignment) => (assignment.assigned ? organisation.staff(assignment.staffId) : null),
      post: (assignment) => (assignment.assigned ? assignment.post : null),
      route: (assignment) => (assignment.assigned ? assignment.route : null),
      reason: (assignment) => (assignment.assigned ? null : assignment.reason),
    },
  };
}
