import { inForce } from "@onestop/authorization";
import type { Clock, SubgraphContext } from "@onestop/platform";
import type { StaffRow } from "../organisation/entities";
import type { OrganisationService } from "../organisation/organisation.service";
import { iso } from "../time";
import type { AuthorizationLetterRow } from "./entities";
import type { LettersService } from "./letters.service";

export function lettersResolvers(service: LettersService, organisation: OrganisationService, clock: Clock) {
  return {
    Query: {
      authorizationCheck: (_: unknown, args: Record<string, unknown>, context: SubgraphContext) =>
        service.authorizationCheck(context.identity, args),
    },
    Mutation: {
      grantAuthorization: (_: unknown, args: { input: unknown }, context: SubgraphContext) =>
        service.grantAuthorization(context.identity, args.input),
      revokeAuthorization: (_: unknown, args: { input: unknown }, context: SubgraphContext) =>
        service.revokeAuthorization(context.identity, args.input),
    },
    Staff: {
      authorizations: (staff: StaffRow, args: { includeRevoked: boolean }, context: SubgraphContext) =>
        service.lettersOfStaff(context.identity, staff.id, args.includeRevoked),
    },
    AuthorizationLetter: {
      staff: (letter: AuthorizationLetterRow) => organisation.staff(letter.staffId),
      department: (letter: AuthorizationLetterRow) => organisation.department(letter.departmentId),
      item: (letter: AuthorizationLetterRow) => (letter.itemId ? { id: letter.itemId } : null),
      validFrom: (letter: AuthorizationLetterRow) => iso(letter.validFrom),
      validUntil: (letter: AuthorizationLetterRow) => iso(letter.validUntil),
      grantedAt: (letter: AuthorizationLetterRow) => iso(letter.grantedAt),
      revokedAt: (letter: AuthorizationLetterRow) => iso(letter.revokedAt),
      inForce: (letter: AuthorizationLetterRow) => inForce({ ...letter, letterId: letter.id }, clock.now()),
    },
  };
}
