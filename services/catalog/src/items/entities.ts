import { Column, Entity, PrimaryColumn } from "typeorm";
import type { FeeStandardPayload, ItemKind, VetoEscalation } from "@onestop/events";
import type { VersionChange } from "./history.rules";
import type {
  FeeItem,
  ItemCategory,
  ItemStatus,
  ItemTheme,
  Material,
  VersionStatus,
} from "./item.rules";

/** An item of the catalog (事项): its identity and where it stands; the content is in its versions. */
@Entity({ name: "item" })
export class ItemRow {
  @PrimaryColumn({ type: "char", length: 36 })
  id!: string;

  @Column({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  @Column({ name: "department_id", type: "char", length: 36 })
  departmentId!: string;

  /** 实施编码, unique in the center. */
  @Column({ type: "varchar", length: 80 })
  code!: string;

  /** 基本编码 */
  @Column({ name: "base_code", type: "varchar", length: 10 })
  baseCode!: string;

  /** The implementing agency's 统一社会信用代码. */
  @Column({ name: "agency_credit_code", type: "varchar", length: 18 })
  agencyCreditCode!: string;

  @Column({ type: "varchar", length: 12 })
  status!: ItemStatus;

  /** The published version the public sees and new cases are accepted under; null until the first is published. */
  @Column({ name: "current_version", type: "int", nullable: true })
  currentVersion!: number | null;

  /** The open draft, if any. */
  @Column({ name: "draft_version", type: "int", nullable: true })
  draftVersion!: number | null;

  /** The highest version number handed out. */
  @Column({ name: "latest_version", type: "int" })
  latestVersion!: number;

  @Column({ name: "merged_into_item_id", type: "char", length: 36, nullable: true })
  mergedIntoItemId!: string | null;

  @Column({ name: "retired_at", type: "datetime", precision: 3, nullable: true })
  retiredAt!: Date | null;

  @Column({ name: "retired_reason", type: "varchar", length: 500, nullable: true })
  retiredReason!: string | null;

  @Column({ name: "created_at", type: "datetime", precision: 3 })
  createdAt!: Date;

  @Column({ name: "updated_at", type: "datetime", precision: 3 })
  updatedAt!: Date;
}

/** Every version is kept: a case is judged by the version it was accepted under. */
@Entity({ name: "item_version" })
export class ItemVersionRow {
  @PrimaryColumn({ name: "item_id", type: "char", length: 36 })
  itemId!: string;

  @PrimaryColumn({ type: "int" })
  version!: number;

  @Column({ type: "varchar", length: 12 })
  status!: VersionStatus;

  @Column({ type: "varchar", length: 200 })
  name!: string;

  @Column({ type: "varchar", length: 40 })
  category!: ItemCategory;

  @Column({ type: "varchar", length: 20 })
  kind!: ItemKind;

  @Column({ type: "json" })
  themes!: ItemTheme[];

  @Column({ type: "text" })
  content!: string;

  @Column({ name: "legal_basis", type: "text" })
  legalBasis!: string;

  @Column({ type: "text" })
  conditions!: string;

  @Column({ name: "procedure_text", type: "text" })
  procedure!: string;

  @Column({ type: "json" })
  materials!: Material[];

  @Column({ name: "legal_limit_days", type: "int" })
  legalLimitDays!: number;

  @Column({ name: "promised_limit_days", type: "int" })
  promisedLimitDays!: number;

  @Column({ name: "acceptance_days", type: "int", nullable: true })
  acceptanceDays!: number | null;

  @Column({ name: "review_days", type: "int", nullable: true })
  reviewDays!: number | null;

  @Column({ name: "approval_days", type: "int", nullable: true })
  approvalDays!: number | null;

  @Column({ name: "fee_items", type: "json" })
  feeItems!: FeeItem[];

  /** The fee items combined into one computation, as the first fee consumers read it. */
  @Column({ name: "fee_standard", type: "json" })
  feeStandard!: FeeStandardPayload;

  @Column({ name: "preferential_policies", type: "text", nullable: true })
  preferentialPolicies!: string | null;

  @Column({ name: "supervision_contact", type: "varchar", length: 200 })
  supervisionContact!: string;

  @Column({ name: "max_visits", type: "int" })
  maxVisits!: number;

  @Column({ name: "deemed_approval", type: "boolean" })
  deemedApproval!: boolean;

  @Column({ name: "veto_escalation", type: "varchar", length: 24 })
  vetoEscalation!: VetoEscalation;

  @Column({ name: "deferrable_material_codes", type: "json" })
  deferrableMaterialCodes!: string[];

  @Column({ name: "allows_commitment", type: "boolean" })
  allowsCommitment!: boolean;

  @Column({ name: "joint_department_ids", type: "json" })
  jointDepartmentIds!: string[];

  @Column({ name: "reported_to", type: "varchar", length: 200, nullable: true })
  reportedTo!: string | null;

  /** What the publisher said about the change (变更说明). */
  @Column({ name: "change_note", type: "varchar", length: 500, nullable: true })
  changeNote!: string | null;

  /** What changed compared with the previous published version, computed at publish time. */
  @Column({ type: "json" })
  changes!: VersionChange[];

  @Column({ name: "created_at", type: "datetime", precision: 3 })
  createdAt!: Date;

  @Column({ name: "updated_at", type: "datetime", precision: 3 })
  updatedAt!: Date;

  @Column({ name: "published_at", type: "datetime", precision: 3, nullable: true })
  publishedAt!: Date | null;

  @Column({ name: "published_by", type: "varchar", length: 100, nullable: true })
  publishedBy!: string | null;
}

/** Every fee code an item ever published, and the version that cancelled it (never to return). */
@Entity({ name: "item_fee_code" })
export class ItemFeeCodeRow {
  @PrimaryColumn({ name: "item_id", type: "char", length: 36 })
  itemId!: string;

  @PrimaryColumn({ name: "fee_code", type: "varchar", length: 20 })
  feeCode!: string;

  @Column({ name: "introduced_in_version", type: "int" })
  introducedInVersion!: number;

  @Column({ name: "cancelled_in_version", type: "int", nullable: true })
  cancelledInVersion!: number | null;

  @Column({ name: "cancelled_at", type: "datetime", precision: 3, nullable: true })
  cancelledAt!: Date | null;
}

export const itemEntities = [ItemRow, ItemVersionRow, ItemFeeCodeRow];
