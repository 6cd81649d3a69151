import { Column, Entity, PrimaryColumn } from "typeorm";
import type { CenterLevel } from "@onestop/events";

/**
 * A service center of the county's network: the county's hall (县政务服务中心), a township's
 * convenience center (乡镇便民服务中心) or a village agency point (村便民代办点), keyed by its
 * administrative-division code.
 */
@Entity({ name: "service_center" })
export class ServiceCenterRow {
  @PrimaryColumn({ type: "char", length: 12 })
  code!: string;

  @Column({ type: "varchar", length: 10 })
  level!: CenterLevel;

  @Column({ name: "parent_code", type: "char", length: 12, nullable: true })
  parentCode!: string | null;

  @Column({ type: "varchar", length: 100 })
  name!: string;

  @Column({ type: "varchar", length: 200 })
  address!: string;

  @Column({ name: "opening_hours", type: "varchar", length: 200 })
  openingHours!: string;

  @Column({ type: "varchar", length: 40 })
  phone!: string;

  @Column({ type: "varchar", length: 500 })
  handles!: string;

  @Column({ type: "boolean" })
  open!: boolean;

  @Column({ type: "int" })
  revision!: number;

  @Column({ name: "registered_at", type: "datetime", precision: 3 })
  registeredAt!: Date;

  @Column({ name: "registered_by", type: "varchar", length: 64 })
  registeredBy!: string;

  @Column({ name: "changed_at", type: "datetime", precision: 3 })
  changedAt!: Date;
}

export const centersEntities = [ServiceCenterRow];
