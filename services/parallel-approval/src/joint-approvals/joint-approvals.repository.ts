import type { DataSource } from "typeorm";
import { JointApprovalRow } from "./entities";

export class JointApprovalsRepository {
  constructor(private readonly dataSource: DataSource) {}

  find(id: string): Promise<JointApprovalRow | null> {
    return this.dataSource.getRepository(JointApprovalRow).findOneBy({ id });
  }
}
