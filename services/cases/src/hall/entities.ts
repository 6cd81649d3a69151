import { Column, Entity, PrimaryColumn } from "typeorm";
import type { WindowKind } from "@onestop/events";

const flag = { type: "tinyint" as const, width: 1, transformer: { to: (v: boolean) => (v ? 1 : 0), from: (v: number | boolean) => Boolean(v) } };

/** The hall's windows as staffing published them: where a case may be referred, who acts for whom. */
@Entity({ name: "window_replica" })
export class WindowReplicaRow {
  @PrimaryColumn({ name: "window_id", type: "varchar", length: 64 })
  windowId!: string;

  @Column({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  @Column({ type: "varchar", length: 50 })
  code!: string;

  @Column({ type: "varchar", length: 20 })
  kind!: WindowKind;

  @Column({ name: "department_id", type: "varchar", length: 64, nullable: true })
  departmentId!: string | null;

  /** The departments a comprehensive window accepts for, comma-separated. */
  @Column({ name: "acts_for", type: "text" })
  actsFor!: string;

  @Column({ ...flag })
  open!: boolean;

  @Column({ type: "int" })
  revision!: number;
}
