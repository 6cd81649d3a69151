import type { MigrationInterface, QueryRunner } from "typeorm";

/** 进驻: per item, the window it is accepted at, or the reason it is not in the hall. */
export class ItemEntry1763769600015 implements MigrationInterface {
  name = "ItemEntry1763769600015";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE item_entry (
        item_id CHAR(36) NOT NULL PRIMARY KEY,
        center_code CHAR(12) NOT NULL,
        department_id CHAR(36) NOT NULL,
        entered TINYINT(1) NOT NULL,
        window_id CHAR(36) NULL,
        not_entered_reason VARCHAR(500) NULL,
        changed_at DATETIME(3) NOT NULL,
        changed_by VARCHAR(100) NOT NULL,
        KEY ix_entry_window (window_id),
        CONSTRAINT fk_entry_item FOREIGN KEY (item_id) REFERENCES item (id),
        CONSTRAINT ck_entry_window_or_reason CHECK ((entered = 1 AND window_id IS NOT NULL AND not_entered_reason IS NULL)
          OR (entered = 0 AND window_id IS NULL AND not_entered_reason IS NOT NULL))
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE item_entry");
  }
}
