import type { SubgraphContext } from "@onestop/platform";
import type { OrganisationService } from "../organisation/organisation.service";
import type { Assignment } from "./assignment.rules";
import type { AssignmentService } from "./assignment.service";

export function assignmentResolvers(service: AssignmentService, organisation: OrganisationService) {
  return {
    Query: {
      caseAssignment: (_: unknown, args: { input: unknown }, context: SubgraphContext) => service.caseAssignment(context.identity, args.input),
    },
    CaseAssignment: {
      window: (assignment: Assignment) => (assignment.assigned ? organisation.window(assignment.windowId) : null),
      staff: (assignment: Assignment) => (assignment.assigned ? organisation.staff(assignment.staffId) : null),
      post: (assignment: Assignment) => (assignment.assigned ? assignment.post : null),
      route: (assignment: Assignment) => (assignment.assigned ? assignment.route : null),
      reason: (assignment: Assignment) => (assignment.assigned ? null : assignment.reason),
    },
  };
}
