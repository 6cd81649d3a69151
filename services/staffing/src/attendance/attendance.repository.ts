import type { DataSource, EntityManager } from "typeorm";
import type { Tx } from "@onestop/platform";
import { AttendancePunchRow, DutyWarningRow, LeaveNoticeRow } from "./entities";

export class AttendanceRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(tx?: Tx): EntityManager {
    return tx?.manager ?? this.dataSource.manager;
  }

  async insertPunch(tx: Tx, punch: AttendancePunchRow): Promise<void> {
    await tx.manager.insert(AttendancePunchRow, punch);
  }

  lastPunchOn(tx: Tx, staffId: string, workDate: string): Promise<AttendancePunchRow | null> {
    return tx.manager.findOne(AttendancePunchRow, { where: { staffId, workDate }, order: { at: "DESC" } });
  }

  /** The center's punches of one day up to an instant: what decides who clocked out. */
  punchesOfCenterOn(centerCode: string, workDate: string, until: Date): Promise<AttendancePunchRow[]> {
    return this.dataSource
      .getRepository(AttendancePunchRow)
      .createQueryBuilder("p")
      .where("p.center_code = :centerCode AND p.work_date = :workDate AND p.at <= :until", { centerCode, workDate, until })
      .getMany();
  }

  punchesOfStaffBetween(staffIds: readonly string[], from: Date, until: Date, tx?: Tx): Promise<AttendancePunchRow[]> {
    if (staffIds.length === 0) return Promise.resolve([]);
    return this.manager(tx)
      .createQueryBuilder(AttendancePunchRow, "p")
      .where("p.staff_id IN (:...staffIds) AND p.at >= :from AND p.at < :until", { staffIds, from, until })
      .orderBy("p.at", "ASC")
      .getMany();
  }

  punchesOfCenterBetween(centerCode: string, fromDate: string, untilDate: string): Promise<AttendancePunchRow[]> {
    return this.dataSource
      .getRepository(AttendancePunchRow)
      .createQueryBuilder("p")
      .where("p.center_code = :centerCode AND p.work_date >= :fromDate AND p.work_date < :untilDate", { centerCode, fromDate, untilDate })
      .getMany();
  }

  async insertLeave(tx: Tx, leave: LeaveNoticeRow): Promise<void> {
    await tx.manager.insert(LeaveNoticeRow, leave);
  }

  lockLeave(tx: Tx, id: string): Promise<LeaveNoticeRow | null> {
    return tx.manager.createQueryBuilder(LeaveNoticeRow, "l").setLock("pessimistic_write").where("l.id = :id", { id }).getOne();
  }

  async cancelLeave(tx: Tx, id: string, cancelledAt: Date, cancelledBy: string): Promise<void> {
    await tx.manager.update(LeaveNoticeRow, { id }, { cancelledAt, cancelledBy });
  }

  /** Standing (not cancelled) leave notices of the staff members that overlap [from, until). */
  standingLeavesOf(staffIds: readonly string[], from: Date, until: Date, tx?: Tx): Promise<LeaveNoticeRow[]> {
    if (staffIds.length === 0) return Promise.resolve([]);
    return this.manager(tx)
      .createQueryBuilder(LeaveNoticeRow, "l")
      .where("l.staff_id IN (:...staffIds) AND l.cancelled_at IS NULL", { staffIds })
      .andWhere("l.starts_at < :until AND l.ends_at > :from", { from, until })
      .orderBy("l.starts_at", "ASC")
      .getMany();
  }

  /** Standing leave notices of the center overlapping [from, until). */
  standingLeavesOfCenter(centerCode: string, from: Date, until: Date): Promise<LeaveNoticeRow[]> {
    return this.dataSource
      .getRepository(LeaveNoticeRow)
      .createQueryBuilder("l")
      .where("l.center_code = :centerCode AND l.cancelled_at IS NULL", { centerCode })
      .andWhere("l.starts_at < :until AND l.ends_at > :from", { from, until })
      .orderBy("l.starts_at", "ASC")
      .getMany();
  }

  leavesOfStaff(staffId: string): Promise<LeaveNoticeRow[]> {
    return this.dataSource.getRepository(LeaveNoticeRow).find({ where: { staffId }, order: { startsAt: "DESC" } });
  }

  async insertWarning(tx: Tx, warning: DutyWarningRow): Promise<void> {
    await tx.manager.insert(DutyWarningRow, warning);
  }

  /** The windows' unattended stretches still running at `since` or later, locked for their end to be moved. */
  runningWarningsOfWindows(tx: Tx, windowIds: readonly string[], since: Date): Promise<DutyWarningRow[]> {
    if (windowIds.length === 0) return Promise.resolve([]);
    return tx.manager
      .getRepository(DutyWarningRow)
      .createQueryBuilder("w")
      .setLock("pessimistic_write")
      .where("w.window_id IN (:...windowIds) AND (w.until_at IS NULL OR w.until_at > :since)", { windowIds, since })
      .orderBy("w.from_at", "ASC")
      .getMany();
  }

  async endWarning(tx: Tx, id: string, at: Date): Promise<void> {
    await tx.manager.update(DutyWarningRow, { id }, { untilAt: at });
  }

  /** Stretches ended before they began (their cause was withdrawn in time) are left out. */
  warningsOfCenter(centerCode: string, from: Date, until: Date): Promise<DutyWarningRow[]> {
    return this.dataSource
      .getRepository(DutyWarningRow)
      .createQueryBuilder("w")
      .where("w.center_code = :centerCode AND w.from_at >= :from AND w.from_at < :until", { centerCode, from, until })
      .andWhere("(w.until_at IS NULL OR w.until_at > w.from_at)")
      .orderBy("w.from_at", "ASC")
      .getMany();
  }
}
