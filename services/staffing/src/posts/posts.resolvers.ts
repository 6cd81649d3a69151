import type { SubgraphContext } from "@onestop/platform";
import type { StaffRow, WindowRow } from "../organisation/entities";
import type { OrganisationService } from "../organisation/organisation.service";
import { iso } from "../time";
import type { PostChangeRequestRow, PostChangeStatus, PostTenureRow } from "./entities";
import type { PostView, PostsService } from "./posts.service";

export function postsResolvers(service: PostsService, organisation: OrganisationService) {
  return {
    Query: {
      postChangeRequests: (_: unknown, args: { centerCode: string; status?: PostChangeStatus | null }, context: SubgraphContext) =>
        service.postChangeRequests(context.identity, args.centerCode, args.status),
      postsDueForRotation: (_: unknown, args: { centerCode: string; withinDays: number }, context: SubgraphContext) =>
        service.postsDueForRotation(context.identity, args.centerCode, args.withinDays),
      vacantPosts: (_: unknown, args: { centerCode: string }, context: SubgraphContext) => service.vacantPosts(context.identity, args.centerCode),
    },
    Mutation: {
      requestPostChange: (_: unknown, args: { input: unknown }, context: SubgraphContext) => service.requestPostChange(context.identity, args.input),
      approvePostChange: (_: unknown, args: { input: unknown }, context: SubgraphContext) => service.approvePostChange(context.identity, args.input),
      rejectPostChange: (_: unknown, args: { input: unknown }, context: SubgraphContext) => service.rejectPostChange(context.identity, args.input),
    },
    Window: {
      aPost: async (window: WindowRow) => (await service.postsOfWindow(window.id)).find((p) => p.position === "A") ?? null,
      bPost: async (window: WindowRow) => (await service.postsOfWindow(window.id)).find((p) => p.position === "B") ?? null,
      pendingPostChanges: (window: WindowRow, _: unknown, context: SubgraphContext) => service.pendingOfWindow(context.identity, window),
      postHistory: (window: WindowRow, _: unknown, context: SubgraphContext) => service.tenures(context.identity, window.id),
    },
    Staff: {
      posts: (staff: StaffRow) => service.postsOfStaff(staff.id),
    },
    Post: {
      window: (post: PostView) => organisation.window(post.windowId),
      holder: (post: PostView) => organisation.staff(post.staffId),
    },
    PostChangeRequest: {
      window: (request: PostChangeRequestRow) => organisation.window(request.windowId),
      proposedHolder: (request: PostChangeRequestRow) => organisation.staff(request.staffId),
      previousHolder: (request: PostChangeRequestRow) => (request.previousStaffId ? organisation.staff(request.previousStaffId) : null),
      requestedAt: (request: PostChangeRequestRow) => iso(request.requestedAt),
      decidedAt: (request: PostChangeRequestRow) => iso(request.decidedAt),
    },
    PostTenure: {
      holder: (tenure: PostTenureRow) => organisation.staff(tenure.staffId),
      startedAt: (tenure: PostTenureRow) => iso(tenure.startedAt),
      endedAt: (tenure: PostTenureRow) => iso(tenure.endedAt),
    },
  };
}
