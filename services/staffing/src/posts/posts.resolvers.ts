import { iso } from "@onestop/platform";
import type { OrganisationService } from "../organisation/organisation.service";
import type { PostsService } from "./posts.service";
import type { Resolvers } from "../schema/resolvers.generated";

export function postsResolvers(service: PostsService, organisation: OrganisationService): Resolvers {
  return {
    Query: {
      postChangeRequests: (_, args, context) =>
        service.postChangeRequests(context.identity, args.centerCode, args.status),
      postChangeRequestPage: (_, args, context) => service.postChangeRequestPage(context.identity, args),
      postsDueForRotation: (_, args, context) =>
        service.postsDueForRotation(context.identity, args.centerCode, args.withinDays),
      vacantPosts: (_, args, context) => service.vacantPosts(context.identity, args.centerCode),
    },
    Mutation: {
      requestPostChange: (_, args, context) => service.requestPostChange(context.identity, args.input),
      approvePostChange: (_, args, context) => service.approvePostChange(context.identity, args.input),
      rejectPostChange: (_, args, context) => service.rejectPostChange(context.identity, args.input),
    },
    Window: {
      aPost: async (window) => (await service.postsOfWindow(window.id)).find((p) => p.position === "A") ?? null,
      bPost: async (window) => (await service.postsOfWindow(window.id)).find((p) => p.position === "B") ?? null,
      pendingPostChanges: (window, _, context) => service.pendingOfWindow(context.identity, window),
      postHistory: (window, _, context) => service.tenures(context.identity, window.id),
    },
    Staff: {
      posts: (staff) => service.postsOfStaff(staff.id),
    },
    Post: {
      window: (post, _, context) => organisation.windowsById.loadExisting(context, post.windowId),
      holder: (post, _, context) => organisation.staffById.loadExisting(context, post.staffId),
    },
    PostChangeRequest: {
      window: (request, _, context) => organisation.windowsById.loadExisting(context, request.windowId),
      proposedHolder: (request, _, context) => organisation.staffById.loadExisting(context, request.staffId),
      previousHolder: (request) => (request.previousStaffId ? organisation.staff(request.previousStaffId) : null),
      // The token's subject: a staff member's id when a person signed in, another name otherwise.
      requester: (request, _, context) => organisation.staffById.load(context, request.requestedBy),
      decider: (request, _, context) => (request.decidedBy ? organisation.staffById.load(context, request.decidedBy) : null),
      requestedAt: (request) => iso(request.requestedAt),
      decidedAt: (request) => iso(request.decidedAt),
    },
    PostTenure: {
      holder: (tenure, _, context) => organisation.staffById.loadExisting(context, tenure.staffId),
      startedAt: (tenure) => iso(tenure.startedAt),
      endedAt: (tenure) => iso(tenure.endedAt),
    },
  };
}
