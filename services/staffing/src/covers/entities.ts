import { Column, Entity, PrimaryColumn } from "typeorm";
import type { CoverStatus } from "@onestop/events";

export type { CoverStatus };

/** 临时顶岗: a request that somebody other than the B post serve a window for a time box, and what became of it. */
@Entity({ name: "window_cover" })
export class WindowCoverRow {
  @PrimaryColumn({ type: "char", length: 36 })
  id!: string;

  @Column({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  @Column({ name: "window_id", type: "char", length: 36 })
  windowId!: string;

  @Column({ name: "staff_id", type: "char", length: 36 })
  staffId!: string;

  @Column({ name: "starts_at", type: "datetime", precision: 3 })
  startsAt!: Date;

  @Column({ name: "ends_at", type: "datetime", precision: 3 })
  endsAt!: Date;

  @Column({ type: "varchar", length: 500 })
  reason!: string;

  @Column({ type: "varchar", length: 20 })
  status!: CoverStatus;

  @Column({ name: "requested_by", type: "varchar", length: 64 })
  requestedBy!: string;

  @Column({ name: "requested_at", type: "datetime", precision: 3 })
  requestedAt!: Date;

  /** Approved or rejected by; null while pending, and on a cover cancelled while pending. */
  @Column({ name: "decided_by", type: "varchar", length: 64, nullable: true })
  decidedBy!: string | null;

  @Column({ name: "decided_at", type: "datetime", precision: 3, nullable: true })
  decidedAt!: Date | null;

  @Column({ name: "decision_note", type: "varchar", length: 500, nullable: true })
  decisionNote!: string | null;

  @Column({ name: "cancelled_by", type: "varchar", length: 64, nullable: true })
  cancelledBy!: string | null;

  @Column({ name: "cancelled_at", type: "datetime", precision: 3, nullable: true })
  cancelledAt!: Date | null;

  @Column({ name: "cancel_reason", type: "varchar", length: 500, nullable: true })
  cancelReason!: string | null;

  /** Counts the state changes: 1 requested, 2 decided (or cancelled while pending), 3 cancelled after approval. */
  @Column({ type: "int" })
  revision!: number;
}

export const coversEntities = [WindowCoverRow];
