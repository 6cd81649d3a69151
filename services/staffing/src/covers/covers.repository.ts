import { Brackets, type DataSource, type EntityManager, type SelectQueryBuilder } from "typeorm";
import type { Tx } from "@onestop/platform";
import type { Cover } from "@onestop/authorization";
import { coverInForce } from "./covers.rules";
import { WindowCoverRow, type CoverStatus } from "./entities";

/** The only code that reads or writes temporary covers (临时顶岗). */
export class CoversRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(tx?: Tx): EntityManager {
    return tx?.manager ?? this.dataSource.manager;
  }

  async insert(tx: Tx, cover: WindowCoverRow): Promise<void> {
    await tx.manager.insert(WindowCoverRow, cover);
  }

  async update(tx: Tx, cover: WindowCoverRow): Promise<void> {
    const { id, ...changes } = cover;
    await tx.manager.update(WindowCoverRow, { id }, changes);
  }

  find(id: string): Promise<WindowCoverRow | null> {
    return this.dataSource.getRepository(WindowCoverRow).findOneBy({ id });
  }

  lock(tx: Tx, id: string): Promise<WindowCoverRow | null> {
    return tx.manager.createQueryBuilder(WindowCoverRow, "c").setLock("pessimistic_write").where("c.id = :id", { id }).getOne();
  }

  /** Pending or approved covers of the window, or of the person, whose box overlaps [from, until). */
  standingOverlapping(tx: Tx, windowId: string, staffId: string, from: Date, until: Date): Promise<WindowCoverRow[]> {
    return tx.manager
      .createQueryBuilder(WindowCoverRow, "c")
      .where("(c.window_id = :windowId OR c.staff_id = :staffId)", { windowId, staffId })
      .andWhere("c.status IN ('PENDING', 'APPROVED')")
      .andWhere("c.starts_at < :until AND c.ends_at > :from", { from, until })
      .getMany();
  }

  /** The covers in force at some moment of [from, until) at these windows, or by these people. */
  async inForce(scope: { windowIds?: readonly string[]; staffIds?: readonly string[]; centerCode?: string }, from: Date, until: Date, tx?: Tx): Promise<Cover[]> {
    const query = this.manager(tx).createQueryBuilder(WindowCoverRow, "c");
    this.scoped(query, scope);
    query
      .andWhere("(c.status = 'APPROVED' OR (c.status = 'CANCELLED' AND c.decided_at IS NOT NULL))")
      .andWhere("c.starts_at < :until AND LEAST(c.ends_at, COALESCE(c.cancelled_at, c.ends_at)) > :from", { from, until });
    return (await query.getMany()).map(coverInForce).filter((cover): cover is Cover => cover !== null);
  }

  /** Covers of the center (or one window) whose box overlaps [from, until), newest box first. */
  ofCenter(centerCode: string, filter: { windowId?: string | null; status?: CoverStatus | null }, from: Date, until: Date): Promise<WindowCoverRow[]> {
    const query = this.dataSource
      .getRepository(WindowCoverRow)
      .createQueryBuilder("c")
      .where("c.center_code = :centerCode", { centerCode })
      .andWhere("c.starts_at < :until AND c.ends_at > :from", { from, until });
    if (filter.windowId) query.andWhere("c.window_id = :windowId", { windowId: filter.windowId });
    if (filter.status) query.andWhere("c.status = :status", { status: filter.status });
    return query.orderBy("c.starts_at", "DESC").getMany();
  }

  private scoped(query: SelectQueryBuilder<WindowCoverRow>, scope: { windowIds?: readonly string[]; staffIds?: readonly string[]; centerCode?: string }): void {
    if (scope.centerCode) query.andWhere("c.center_code = :centerCode", { centerCode: scope.centerCode });
    const windowIds = scope.windowIds ?? [];
    const staffIds = scope.staffIds ?? [];
    if (!scope.centerCode && windowIds.length === 0 && staffIds.length === 0) {
      query.andWhere("1 = 0");
      return;
    }
    if (windowIds.length === 0 && staffIds.length === 0) return;
    query.andWhere(
      new Brackets((either) => {
        if (windowIds.length > 0) either.orWhere("c.window_id IN (:...windowIds)", { windowIds });
        if (staffIds.length > 0) either.orWhere("c.staff_id IN (:...staffIds)", { staffIds });
      }),
    );
  }
}
