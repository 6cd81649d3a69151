import { forbidden, hasRole, type Identity } from "@onestop/platform";
import type { JointApprovalRow } from "./entities";
import type { JointApprovalsRepository } from "./joint-approvals.repository";

export class JointApprovalsService {
  constructor(private readonly repository: JointApprovalsRepository) {}

  /** The lead department's bureau, and the center's administration and supervision, follow a joint approval. */
  async jointApproval(identity: Identity, id: string): Promise<JointApprovalRow | null> {
    const found = await this.repository.find(id);
    if (!found) return null;
    const sameCenter = identity.centerCode === found.centerCode;
    const overseer = sameCenter && hasRole(identity, "center_admin", "supervisor");
    const lead = sameCenter && hasRole(identity, "bureau") && identity.departmentId === found.leadDepartmentId;
    if (!overseer && !lead) throw forbidden(`Not allowed to see joint approval ${id}`);
    return found;
  }
}
