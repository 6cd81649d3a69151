import { Column, Entity, PrimaryColumn } from "typeorm";
import type { PostPosition } from "@onestop/events";

export type { PostPosition };

/** The current holder of a window's A or B post (AB岗). */
@Entity({ name: "window_post" })
export class WindowPostRow {
  @PrimaryColumn({ name: "window_id", type: "char", length: 36 })
  windowId!: string;

  @PrimaryColumn({ type: "char", length: 1 })
  position!: PostPosition;

  @Column({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  @Column({ name: "staff_id", type: "char", length: 36 })
  staffId!: string;

  /** YYYY-MM-DD in Asia/Shanghai. */
  @Column({ name: "term_started_on", type: "date", utc: true })
  termStartedOn!: string;

  @Column({ name: "term_years", type: "tinyint" })
  termYears!: number;

  @Column({ name: "request_id", type: "char", length: 36, nullable: true })
  requestId!: string | null;
}

@Entity({ name: "post_tenure" })
export class PostTenureRow {
  @PrimaryColumn({ type: "char", length: 36 })
  id!: string;

  @Column({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  @Column({ name: "window_id", type: "char", length: 36 })
  windowId!: string;

  @Column({ type: "char", length: 1 })
  position!: PostPosition;

  @Column({ name: "staff_id", type: "char", length: 36 })
  staffId!: string;

  @Column({ name: "started_at", type: "datetime", precision: 3 })
  startedAt!: Date;

  @Column({ name: "ended_at", type: "datetime", precision: 3, nullable: true })
  endedAt!: Date | null;

  @Column({ name: "term_years", type: "tinyint" })
  termYears!: number;

  @Column({ name: "request_id", type: "char", length: 36, nullable: true })
  requestId!: string | null;
}

export type PostChangeStatus = "PENDING" | "APPROVED" | "REJECTED";

/** A request to change who holds a post; the center approves or rejects it. */
@Entity({ name: "post_change_request" })
export class PostChangeRequestRow {
  @PrimaryColumn({ type: "char", length: 36 })
  id!: string;

  @Column({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  @Column({ name: "window_id", type: "char", length: 36 })
  windowId!: string;

  @Column({ type: "char", length: 1 })
  position!: PostPosition;

  @Column({ name: "staff_id", type: "char", length: 36 })
  staffId!: string;

  @Column({ name: "previous_staff_id", type: "char", length: 36, nullable: true })
  previousStaffId!: string | null;

  @Column({ name: "term_years", type: "tinyint" })
  termYears!: number;

  @Column({ type: "varchar", length: 500 })
  reason!: string;

  @Column({ type: "varchar", length: 20 })
  status!: PostChangeStatus;

  @Column({ name: "requested_by", type: "varchar", length: 64 })
  requestedBy!: string;

  @Column({ name: "requested_at", type: "datetime", precision: 3 })
  requestedAt!: Date;

  @Column({ name: "decided_by", type: "varchar", length: 64, nullable: true })
  decidedBy!: string | null;

  @Column({ name: "decided_at", type: "datetime", precision: 3, nullable: true })
  decidedAt!: Date | null;

  @Column({ name: "decision_note", type: "varchar", length: 500, nullable: true })
  decisionNote!: string | null;

  /** window id + position while pending, else null: a unique key allows one pending request per post. */
  @Column({ name: "pending_slot", type: "varchar", length: 40, nullable: true, select: false })
  pendingSlot?: string | null;
}

export const postsEntities = [WindowPostRow, PostTenureRow, PostChangeRequestRow];
