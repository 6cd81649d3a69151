import type { DataSource, EntityManager } from "typeorm";
import { isDuplicateKey, type Tx } from "@onestop/platform";
import { PostChangeRequestRow, PostTenureRow, WindowPostRow, type PostChangeStatus, type PostPosition } from "./entities";

export class PostsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(tx?: Tx): EntityManager {
    return tx?.manager ?? this.dataSource.manager;
  }

  postsOfWindow(windowId: string, tx?: Tx): Promise<WindowPostRow[]> {
    return this.manager(tx).find(WindowPostRow, { where: { windowId }, order: { position: "ASC" } });
  }

  postsOfWindows(windowIds: readonly string[], tx?: Tx): Promise<WindowPostRow[]> {
    if (windowIds.length === 0) return Promise.resolve([]);
    return this.manager(tx).createQueryBuilder(WindowPostRow, "p").where("p.window_id IN (:...windowIds)", { windowIds }).getMany();
  }

  postsOfCenter(centerCode: string, tx?: Tx): Promise<WindowPostRow[]> {
    return this.manager(tx).find(WindowPostRow, { where: { centerCode } });
  }

  postsOfStaff(staffId: string, tx?: Tx): Promise<WindowPostRow[]> {
    return this.manager(tx).find(WindowPostRow, { where: { staffId } });
  }

  /**
   * Fills or replaces the post; false when the new holder already holds another window's A
   * post. A plain INSERT or UPDATE, so that the unique key on the A holder refuses: an
   * upsert would quietly rewrite the other window's row instead.
   */
  async putHolder(tx: Tx, post: WindowPostRow): Promise<boolean> {
    const values = [post.centerCode, post.staffId, post.position === "A" ? post.staffId : null, post.termStartedOn, post.termYears, post.requestId];
    try {
      const existing: unknown[] = await tx.manager.query("SELECT 1 FROM window_post WHERE window_id = ? AND position = ? FOR UPDATE", [
        post.windowId,
        post.position,
      ]);
      if (existing.length > 0) {
        await tx.manager.query(
          `UPDATE window_post SET center_code = ?, staff_id = ?, a_post_holder = ?, term_started_on = ?, term_years = ?, request_id = ?
            WHERE window_id = ? AND position = ?`,
          [...values, post.windowId, post.position],
        );
      } else {
        await tx.manager.query(
          `INSERT INTO window_post (center_code, staff_id, a_post_holder, term_started_on, term_years, request_id, window_id, position)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          [...values, post.windowId, post.position],
        );
      }
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async endTenure(tx: Tx, windowId: string, position: PostPosition, endedAt: Date): Promise<void> {
    await tx.manager.query("UPDATE post_tenure SET ended_at = ? WHERE window_id = ? AND position = ? AND ended_at IS NULL", [
      endedAt,
      windowId,
      position,
    ]);
  }

  async insertTenure(tx: Tx, tenure: PostTenureRow): Promise<void> {
    await tx.manager.insert(PostTenureRow, tenure);
  }

  tenuresOfWindow(windowId: string): Promise<PostTenureRow[]> {
    return this.dataSource.getRepository(PostTenureRow).find({ where: { windowId }, order: { startedAt: "ASC", position: "ASC" } });
  }

  /** The posts the staff members held at an instant, A first. */
  async tenuresOfStaffAt(staffIds: readonly string[], at: Date, tx?: Tx): Promise<PostTenureRow[]> {
    if (staffIds.length === 0) return [];
    return this.manager(tx)
      .createQueryBuilder(PostTenureRow, "t")
      .where("t.staff_id IN (:...staffIds)", { staffIds })
      .andWhere("t.started_at <= :at AND (t.ended_at IS NULL OR t.ended_at > :at)", { at })
      .orderBy("t.position", "ASC")
      .getMany();
  }

  /** Inserts the request; false when another request for the same post is still pending. */
  async insertRequest(tx: Tx, request: PostChangeRequestRow): Promise<boolean> {
    try {
      await tx.manager.insert(PostChangeRequestRow, { ...request, pendingSlot: `${request.windowId}${request.position}` });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  lockRequest(tx: Tx, id: string): Promise<PostChangeRequestRow | null> {
    return tx.manager.createQueryBuilder(PostChangeRequestRow, "r").setLock("pessimistic_write").where("r.id = :id", { id }).getOne();
  }

  async decide(tx: Tx, id: string, decision: Pick<PostChangeRequestRow, "status" | "decidedBy" | "decidedAt" | "decisionNote">): Promise<void> {
    await tx.manager.update(PostChangeRequestRow, { id }, { ...decision, pendingSlot: null });
  }

  requestsOfCenter(centerCode: string, status?: PostChangeStatus | null): Promise<PostChangeRequestRow[]> {
    return this.dataSource
      .getRepository(PostChangeRequestRow)
      .find({ where: status ? { centerCode, status } : { centerCode }, order: { requestedAt: "DESC" } });
  }

  /** Up to `first` + 1 requests older than the one `after` names (newest first, ties by id), and how many match in all. */
  async requestPage(filter: { centerCode: string; status: PostChangeStatus | null }, after: { requestedAt: Date; id: string } | null, first: number) {
    const query = () => {
      const builder = this.dataSource.getRepository(PostChangeRequestRow).createQueryBuilder("r").where("r.center_code = :centerCode", { centerCode: filter.centerCode });
      if (filter.status) builder.andWhere("r.status = :status", { status: filter.status });
      return builder;
    };
    const page = query();
    if (after) page.andWhere("(r.requested_at < :at OR (r.requested_at = :at AND r.id < :id))", { at: after.requestedAt, id: after.id });
    const [rows, totalCount] = await Promise.all([
      page.orderBy("r.requested_at", "DESC").addOrderBy("r.id", "DESC").limit(first + 1).getMany(),
      query().getCount(),
    ]);
    return { rows, totalCount };
  }

  pendingOfWindow(windowId: string): Promise<PostChangeRequestRow[]> {
    return this.dataSource.getRepository(PostChangeRequestRow).find({ where: { windowId, status: "PENDING" }, order: { requestedAt: "ASC" } });
  }
}
