import { Column, Entity, PrimaryColumn } from "typeorm";
import type { PunchKind, UnattendedCause } from "@onestop/events";

/** One clock-in or clock-out at the hall (考勤). */
@Entity({ name: "attendance_punch" })
export class AttendancePunchRow {
  @PrimaryColumn({ type: "char", length: 36 })
  id!: string;

  @Column({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  @Column({ name: "staff_id", type: "char", length: 36 })
  staffId!: string;

  @Column({ type: "varchar", length: 3 })
  kind!: PunchKind;

  @Column({ type: "datetime", precision: 3 })
  at!: Date;

  /** The Asia/Shanghai calendar date of `at`. */
  @Column({ name: "work_date", type: "date", utc: true })
  workDate!: string;
}

/** 离岗告示: a posted absence from the hall, with its reason; B covers meanwhile. */
@Entity({ name: "leave_notice" })
export class LeaveNoticeRow {
  @PrimaryColumn({ type: "char", length: 36 })
  id!: string;

  @Column({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  @Column({ name: "staff_id", type: "char", length: 36 })
  staffId!: string;

  @Column({ name: "starts_at", type: "datetime", precision: 3 })
  startsAt!: Date;

  @Column({ name: "ends_at", type: "datetime", precision: 3 })
  endsAt!: Date;

  @Column({ type: "varchar", length: 500 })
  reason!: string;

  @Column({ name: "posted_by", type: "varchar", length: 64 })
  postedBy!: string;

  @Column({ name: "posted_at", type: "datetime", precision: 3 })
  postedAt!: Date;

  @Column({ name: "cancelled_at", type: "datetime", precision: 3, nullable: true })
  cancelledAt!: Date | null;

  @Column({ name: "cancelled_by", type: "varchar", length: 64, nullable: true })
  cancelledBy!: string | null;
}

/** A supervision warning: both post holders of a window away at once. */
@Entity({ name: "duty_warning" })
export class DutyWarningRow {
  @PrimaryColumn({ type: "char", length: 36 })
  id!: string;

  @Column({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  @Column({ name: "window_id", type: "char", length: 36 })
  windowId!: string;

  @Column({ name: "a_post_staff_id", type: "char", length: 36, nullable: true })
  aPostStaffId!: string | null;

  @Column({ name: "b_post_staff_id", type: "char", length: 36, nullable: true })
  bPostStaffId!: string | null;

  @Column({ name: "from_at", type: "datetime", precision: 3 })
  fromAt!: Date;

  @Column({ name: "until_at", type: "datetime", precision: 3, nullable: true })
  untilAt!: Date | null;

  @Column({ type: "varchar", length: 20 })
  cause!: UnattendedCause;

  @Column({ name: "raised_at", type: "datetime", precision: 3 })
  raisedAt!: Date;
}

export const attendanceEntities = [AttendancePunchRow, LeaveNoticeRow, DutyWarningRow];
