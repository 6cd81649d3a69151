import { Column, Entity, PrimaryColumn } from "typeorm";
import type { FeeStandardPayload } from "@onestop/events";
import type { ItemKind, VetoEscalation } from "@onestop/events";
import type { ItemMaterial } from "../materials/materials.rules";
import type { StageLimits } from "../clocks/clocks.rules";

const json = <T>(empty: T) => ({ to: (v: T) => JSON.stringify(v ?? empty), from: (v: string | null) => (v ? (JSON.parse(v) as T) : empty) });
const flag = { type: "tinyint" as const, width: 1, transformer: { to: (v: boolean) => (v ? 1 : 0), from: (v: number | boolean) => Boolean(v) } };

/** The item versions catalog published, as far as cases needs them (a replica fed by events). */
@Entity({ name: "item_version_replica" })
export class ItemVersionReplicaRow {
  @PrimaryColumn({ name: "item_id", type: "char", length: 36 })
  itemId!: string;

  @PrimaryColumn({ type: "int" })
  version!: number;

  @Column({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  @Column({ name: "department_id", type: "char", length: 36 })
  departmentId!: string;

  @Column({ type: "varchar", length: 200 })
  name!: string;

  /** 实施编码, carried into the case events for the provincial export; null for a version replicated before codes were kept, or published without one. */
  @Column({ type: "varchar", length: 100, nullable: true })
  code!: string | null;

  @Column({ type: "varchar", length: 20 })
  kind!: ItemKind;

  @Column({ name: "legal_limit_days", type: "int" })
  legalLimitDays!: number;

  @Column({ name: "promised_limit_days", type: "int" })
  promisedLimitDays!: number;

  @Column({ name: "fee_standard", type: "text", transformer: json<FeeStandardPayload>({ kind: "FREE" }) })
  feeStandard!: FeeStandardPayload;

  @Column({ type: "text", transformer: json<ItemMaterial[]>([]) })
  materials!: ItemMaterial[];

  @Column({ name: "stage_limits", type: "text", transformer: json<StageLimits>({ acceptanceDays: null, reviewDays: null, approvalDays: null }) })
  stageLimits!: StageLimits;

  @Column({ name: "deemed_approval", ...flag })
  deemedApproval!: boolean;

  @Column({ name: "veto_escalation", type: "varchar", length: 30 })
  vetoEscalation!: VetoEscalation;

  @Column({ name: "allows_deficiencies", ...flag })
  allowsDeficiencies!: boolean;

  @Column({ name: "deferrable_material_codes", type: "text", transformer: json<string[]>([]) })
  deferrableMaterialCodes!: string[];

  @Column({ name: "allows_commitment", ...flag })
  allowsCommitment!: boolean;

  @Column({ name: "reported_to", type: "varchar", length: 200, nullable: true })
  reportedTo!: string | null;
}

/** Whether an item is still in the catalog, and the window it entered the hall at (进驻). */
@Entity({ name: "item_state_replica" })
export class ItemStateReplicaRow {
  @PrimaryColumn({ name: "item_id", type: "char", length: 36 })
  itemId!: string;

  @Column({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  @Column({ name: "cancelled_at", type: "datetime", precision: 3, nullable: true })
  cancelledAt!: Date | null;

  @Column({ name: "cancel_reason", type: "text", nullable: true })
  cancelReason!: string | null;

  @Column({ name: "merged_into_item_id", type: "varchar", length: 64, nullable: true })
  mergedIntoItemId!: string | null;

  @Column({ name: "entry_window_id", type: "varchar", length: 64, nullable: true })
  entryWindowId!: string | null;

  @Column({ name: "entry_changed_at", type: "datetime", precision: 3, nullable: true })
  entryChangedAt!: Date | null;
}
