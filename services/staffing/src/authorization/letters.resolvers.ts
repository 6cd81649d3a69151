import { inForce } from "@onestop/authorization";
import { iso, type Clock } from "@onestop/platform";
import type { OrganisationService } from "../organisation/organisation.service";
import type { LettersService } from "./letters.service";
import type { Resolvers } from "../schema/resolvers.generated";

export function lettersResolvers(service: LettersService, organisation: OrganisationService, clock: Clock): Resolvers {
  return {
    Query: {
      authorizationCheck: (_, args, context) =>
        service.authorizationCheck(context.identity, args),
    },
    Mutation: {
      grantAuthorization: (_, args, context) =>
        service.grantAuthorization(context.identity, args.input),
      revokeAuthorization: (_, args, context) =>
        service.revokeAuthorization(context.identity, args.input),
    },
    Staff: {
      authorizations: (staff, args, context) =>
        service.lettersOfStaff(context.identity, staff.id, args.includeRevoked),
    },
    AuthorizationLetter: {
      staff: (letter, _, context) => organisation.staffById.loadExisting(context, letter.staffId),
      department: (letter, _, context) => organisation.departmentsById.loadExisting(context, letter.departmentId),
      item: (letter) => (letter.itemId ? { id: letter.itemId } : null),
      validFrom: (letter) => iso(letter.validFrom),
      validUntil: (letter) => iso(letter.validUntil),
      grantedAt: (letter) => iso(letter.grantedAt),
      revokedAt: (letter) => iso(letter.revokedAt),
      inForce: (letter) => inForce({ ...letter, letterId: letter.id }, clock.now()),
    },
  };
}
