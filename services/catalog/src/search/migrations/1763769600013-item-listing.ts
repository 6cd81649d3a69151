import type { MigrationInterface, QueryRunner } from "typeorm";
import { nameIndex, sortKeyOf } from "../search.rules";

/**
 * The public catalog as a citizen searches it: one narrow row per item in the catalog, with
 * the pinyin of its current name computed at publish time. Filled here from what exists.
 */
export class ItemListing1763769600013 implements MigrationInterface {
  name = "ItemListing1763769600013";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE item_listing (
        item_id CHAR(36) NOT NULL PRIMARY KEY,
        center_code CHAR(12) NOT NULL,
        department_id CHAR(36) NOT NULL,
        code VARCHAR(80) NOT NULL,
        version INT NOT NULL,
        name VARCHAR(200) NOT NULL,
        name_initials VARCHAR(200) NOT NULL,
        name_pinyin VARCHAR(800) NOT NULL,
        sort_key VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
        kind VARCHAR(20) NOT NULL,
        category VARCHAR(40) NOT NULL,
        themes VARCHAR(400) NOT NULL,
        legal_limit_days INT NOT NULL,
        promised_limit_days INT NOT NULL,
        max_visits INT NOT NULL,
        free TINYINT(1) NOT NULL,
        published_at DATETIME(3) NOT NULL,
        KEY ix_listing_order (center_code, sort_key, item_id),
        KEY ix_listing_department (department_id, sort_key, item_id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    const current = (await queryRunner.query(`
      SELECT i.id, i.center_code, i.department_id, i.code, v.version, v.name, v.kind, v.category, v.legal_limit_days,
             v.promised_limit_days, v.max_visits, v.fee_items, v.published_at
        FROM item i JOIN item_version v ON v.item_id = i.id AND v.version = i.current_version
       WHERE i.status = 'ACTIVE'`)) as Array<Record<string, unknown>>;
    for (const row of current) {
      const name = String(row.name);
      const index = nameIndex(name);
      const feeItems = typeof row.fee_items === "string" ? (JSON.parse(row.fee_items) as unknown[]) : (row.fee_items as unknown[]);
      await queryRunner.query(
        `INSERT INTO item_listing (item_id, center_code, department_id, code, version, name, name_initials, name_pinyin, sort_key,
           kind, category, themes, legal_limit_days, promised_limit_days, max_visits, free, published_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?)`,
        [
          row.id, row.center_code, row.department_id, row.code, row.version, name, index.initials, index.pinyin, sortKeyOf(index, name),
          row.kind, row.category, row.legal_limit_days, row.promised_limit_days, row.max_visits, feeItems.length === 0 ? 1 : 0, row.published_at,
        ],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE item_listing");
  }
}
