import { iso } from "@onestop/platform";
import type { OrganisationService } from "../organisation/organisation.service";
import type { Resolvers } from "../schema/resolvers.generated";
import type { CoversService } from "./covers.service";

export function coversResolvers(service: CoversService, organisation: OrganisationService): Resolvers {
  return {
    Query: {
      windowCovers: (_, args, context) => service.covers(context.identity, args),
    },
    Mutation: {
      requestWindowCover: (_, args, context) => service.requestCover(context.identity, args.input),
      approveWindowCover: (_, args, context) => service.approveCover(context.identity, args.input),
      rejectWindowCover: (_, args, context) => service.rejectCover(context.identity, args.input),
      cancelWindowCover: (_, args, context) => service.cancelCover(context.identity, args.input),
    },
    Window: {
      covers: (window, args, context) => service.coversOfWindow(context.identity, window, args.status),
    },
    WindowDuty: {
      cover: (duty, _, context) => (duty.coverId ? service.cover(context.identity, duty.coverId) : null),
    },
    CaseAssignment: {
      cover: (assignment, _, context) => (assignment.assigned && assignment.coverId ? service.cover(context.identity, assignment.coverId) : null),
    },
    WindowCover: {
      window: (cover, _, context) => organisation.windowsById.loadExisting(context, cover.windowId),
      staff: (cover, _, context) => organisation.staffById.loadExisting(context, cover.staffId),
      from: (cover) => iso(cover.startsAt),
      until: (cover) => iso(cover.endsAt),
      requestedAt: (cover) => iso(cover.requestedAt),
      decidedAt: (cover) => iso(cover.decidedAt),
      cancelledAt: (cover) => iso(cover.cancelledAt),
    },
  };
}
