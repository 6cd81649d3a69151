import type { EntityReference } from "@onestop/platform";
import type { JointParticipantRow } from "./entities";
import type { ClockView } from "./joint-deadlines.service";

// What the schema's types resolve from, beside the rows: named here, apart from the resolvers,
// because the generated resolver types refer to them and the resolvers to the generated types.

/** A participant with its clock, as JointParticipant resolves it. */
export type ParticipantView = JointParticipantRow & { clock: ClockView["participants"] extends Map<string, infer C> ? C : never };

/** A case as cases references it here: with the joint approval it belongs to, when it does. */
export interface CaseReference extends EntityReference {
  jointApprovalId?: string | null;
}
