import { Column, PrimaryColumn, type Repository, type ValueTransformer } from "typeorm";

/** BIGINT money columns come back from mysql2 as strings; fen always fit a safe integer. */
export const fenColumn: ValueTransformer = {
  to: (value: number | null) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};

/**
 * A staff request about one notice that finance decides (减免 a reduction, 退费 a refund): who
 * asked and why, and the decision. Each request's table adds what is its own.
 */
export abstract class NoticeRequestColumns<Status extends string> {
  @PrimaryColumn({ type: "char", length: 36 })
  id!: string;

  @Column({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  @Column({ name: "notice_id", type: "char", length: 36 })
  noticeId!: string;

  @Column({ name: "case_id", type: "char", length: 36 })
  caseId!: string;

  @Column({ name: "department_id", type: "char", length: 36 })
  departmentId!: string;

  @Column({ type: "varchar", length: 500 })
  reason!: string;

  @Column({ type: "varchar", length: 12 })
  status!: Status;

  @Column({ name: "requested_by", type: "varchar", length: 100 })
  requestedBy!: string;

  @Column({ name: "requested_at", type: "datetime", precision: 3 })
  requestedAt!: Date;

  @Column({ name: "decided_by", type: "varchar", length: 100, nullable: true })
  decidedBy!: string | null;

  @Column({ name: "decided_at", type: "datetime", precision: 3, nullable: true })
  decidedAt!: Date | null;

  @Column({ name: "decision_note", type: "varchar", length: 500, nullable: true })
  decisionNote!: string | null;
}

/** Which requests a page holds: the center's, of a status, of one department (null for all). */
export interface RequestFilter<Status extends string> {
  centerCode: string;
  statuses: readonly Status[];
  departmentId: string | null;
}

/**
 * Up to `first` + 1 requests after `after` in the order newest first (requestedAt desc, id asc),
 * and how many match in all: the extra row tells that another page follows.
 */
export async function requestPage<Row extends NoticeRequestColumns<Status>, Status extends string>(
  repository: Repository<Row>,
  filter: RequestFilter<Status>,
  after: { requestedAt: Date; id: string } | null,
  first: number,
): Promise<{ rows: Row[]; totalCount: number }> {
  const query = () => {
    const builder = repository.createQueryBuilder("r").where("r.center_code = :centerCode", { centerCode: filter.centerCode });
    builder.andWhere("r.status IN (:...statuses)", { statuses: filter.statuses.length > 0 ? [...filter.statuses] : [""] });
    if (filter.departmentId) builder.andWhere("r.department_id = :departmentId", { departmentId: filter.departmentId });
    return builder;
  };
  const page = query();
  if (after) page.andWhere("(r.requested_at < :at OR (r.requested_at = :at AND r.id > :id))", { at: after.requestedAt, id: after.id });
  const [rows, totalCount] = await Promise.all([page.orderBy("r.requested_at", "DESC").addOrderBy("r.id", "ASC").limit(first + 1).getMany(), query().getCount()]);
  return { rows, totalCount };
}
