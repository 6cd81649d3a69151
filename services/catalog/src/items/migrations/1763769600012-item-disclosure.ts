import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The full catalog: items get their national code parts, a life (active, cancelled,
 * merged) and drafts; versions get the whole public disclosure, materials, fee items and
 * the rules their cases run by; every fee code an item published is remembered.
 * Versions written before carry their one fee standard over as a single fee item.
 */
export class ItemDisclosure1763769600012 implements MigrationInterface {
  name = "ItemDisclosure1763769600012";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE item
        MODIFY current_version INT NULL,
        ADD COLUMN base_code VARCHAR(10) NOT NULL DEFAULT '' AFTER code,
        ADD COLUMN agency_credit_code VARCHAR(18) NOT NULL DEFAULT '' AFTER base_code,
        ADD COLUMN status VARCHAR(12) NOT NULL DEFAULT 'ACTIVE' AFTER agency_credit_code,
        ADD COLUMN draft_version INT NULL AFTER current_version,
        ADD COLUMN latest_version INT NOT NULL DEFAULT 1 AFTER draft_version,
        ADD COLUMN merged_into_item_id CHAR(36) NULL,
        ADD COLUMN retired_at DATETIME(3) NULL,
        ADD COLUMN retired_reason VARCHAR(500) NULL,
        ADD COLUMN updated_at DATETIME(3) NULL,
        ADD KEY ix_item_center_status (center_code, status)`);
    await queryRunner.query("UPDATE item SET latest_version = current_version, updated_at = created_at");
    await queryRunner.query("ALTER TABLE item MODIFY updated_at DATETIME(3) NOT NULL");

    await queryRunner.query(`
      ALTER TABLE item_version
        MODIFY published_at DATETIME(3) NULL,
        ADD COLUMN status VARCHAR(12) NOT NULL DEFAULT 'PUBLISHED' AFTER version,
        ADD COLUMN category VARCHAR(40) NOT NULL DEFAULT 'OTHER_ADMINISTRATIVE_POWER' AFTER name,
        ADD COLUMN themes JSON NULL,
        ADD COLUMN content TEXT NULL,
        ADD COLUMN legal_basis TEXT NULL,
        ADD COLUMN conditions TEXT NULL,
        ADD COLUMN procedure_text TEXT NULL,
        ADD COLUMN materials JSON NULL,
        ADD COLUMN acceptance_days INT NULL,
        ADD COLUMN review_days INT NULL,
        ADD COLUMN approval_days INT NULL,
        ADD COLUMN fee_items JSON NULL,
        ADD COLUMN preferential_policies TEXT NULL,
        ADD COLUMN supervision_contact VARCHAR(200) NULL,
        ADD COLUMN max_visits INT NOT NULL DEFAULT 1,
        ADD COLUMN deemed_approval TINYINT(1) NOT NULL DEFAULT 0,
        ADD COLUMN veto_escalation VARCHAR(24) NOT NULL DEFAULT 'NONE',
        ADD COLUMN deferrable_material_codes JSON NULL,
        ADD COLUMN allows_commitment TINYINT(1) NOT NULL DEFAULT 0,
        ADD COLUMN joint_department_ids JSON NULL,
        ADD COLUMN reported_to VARCHAR(200) NULL,
        ADD COLUMN change_note VARCHAR(500) NULL,
        ADD COLUMN changes JSON NULL,
        ADD COLUMN created_at DATETIME(3) NULL,
        ADD COLUMN updated_at DATETIME(3) NULL,
        ADD COLUMN published_by VARCHAR(100) NULL`);
    const legacy = (await queryRunner.query("SELECT item_id, version, name, fee_standard FROM item_version")) as Array<{
      item_id: string;
      version: number;
      name: string;
      fee_standard: string | { kind: string };
    }>;
    for (const row of legacy) {
      const standard = typeof row.fee_standard === "string" ? (JSON.parse(row.fee_standard) as { kind: string }) : row.fee_standard;
      const feeItems = standard.kind === "FREE" ? [] : [{ code: "FEE-1", name: row.name, calculation: standard, legalBasis: "" }];
      await queryRunner.query("UPDATE item_version SET fee_items = ? WHERE item_id = ? AND version = ?", [
        JSON.stringify(feeItems),
        row.item_id,
        row.version,
      ]);
    }
    await queryRunner.query(`
      UPDATE item_version SET
        themes = '[]', content = '', legal_basis = '', conditions = '', procedure_text = '', materials = '[]',
        supervision_contact = '', deferrable_material_codes = '[]', joint_department_ids = '[]', changes = '[]',
        created_at = published_at, updated_at = published_at`);
    await queryRunner.query(`
      ALTER TABLE item_version
        MODIFY themes JSON NOT NULL,
        MODIFY content TEXT NOT NULL,
        MODIFY legal_basis TEXT NOT NULL,
        MODIFY conditions TEXT NOT NULL,
        MODIFY procedure_text TEXT NOT NULL,
        MODIFY materials JSON NOT NULL,
        MODIFY fee_items JSON NOT NULL,
        MODIFY supervision_contact VARCHAR(200) NOT NULL,
        MODIFY deferrable_material_codes JSON NOT NULL,
        MODIFY joint_department_ids JSON NOT NULL,
        MODIFY changes JSON NOT NULL,
        MODIFY created_at DATETIME(3) NOT NULL,
        MODIFY updated_at DATETIME(3) NOT NULL`);

    await queryRunner.query(`
      CREATE TABLE item_fee_code (
        item_id CHAR(36) NOT NULL,
        fee_code VARCHAR(20) NOT NULL,
        introduced_in_version INT NOT NULL,
        cancelled_in_version INT NULL,
        cancelled_at DATETIME(3) NULL,
        PRIMARY KEY (item_id, fee_code),
        CONSTRAINT fk_fee_code_item FOREIGN KEY (item_id) REFERENCES item (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      INSERT INTO item_fee_code (item_id, fee_code, introduced_in_version)
      SELECT item_id, 'FEE-1', MIN(version) FROM item_version
       WHERE JSON_UNQUOTE(JSON_EXTRACT(fee_standard, '$.kind')) <> 'FREE' GROUP BY item_id`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE item_fee_code");
    await queryRunner.query(`
      ALTER TABLE item_version
        DROP COLUMN status, DROP COLUMN category, DROP COLUMN themes, DROP COLUMN content, DROP COLUMN legal_basis,
        DROP COLUMN conditions, DROP COLUMN procedure_text, DROP COLUMN materials, DROP COLUMN acceptance_days,
        DROP COLUMN review_days, DROP COLUMN approval_days, DROP COLUMN fee_items, DROP COLUMN preferential_policies,
        DROP COLUMN supervision_contact, DROP COLUMN max_visits, DROP COLUMN deemed_approval, DROP COLUMN veto_escalation,
        DROP COLUMN deferrable_material_codes, DROP COLUMN allows_commitment, DROP COLUMN joint_department_ids,
        DROP COLUMN reported_to, DROP COLUMN change_note, DROP COLUMN changes, DROP COLUMN created_at,
        DROP COLUMN updated_at, DROP COLUMN published_by`);
    await queryRunner.query(`
      ALTER TABLE item
        DROP KEY ix_item_center_status, DROP COLUMN base_code, DROP COLUMN agency_credit_code, DROP COLUMN status,
        DROP COLUMN draft_version, DROP COLUMN latest_version, DROP COLUMN merged_into_item_id, DROP COLUMN retired_at,
        DROP COLUMN retired_reason, DROP COLUMN updated_at`);
  }
}
