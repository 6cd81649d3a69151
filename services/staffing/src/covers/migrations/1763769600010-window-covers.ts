import type { MigrationInterface, QueryRunner } from "typeorm";

export class WindowCovers1763769600010 implements MigrationInterface {
  name = "WindowCovers1763769600010";

  async up(queryRunner: QueryRunner): Promise<void> {
    // 临时顶岗: every request is kept with its decision and cancellation, the record the center approved.
    await queryRunner.query(`
      CREATE TABLE window_cover (
        id CHAR(36) NOT NULL PRIMARY KEY,
        center_code CHAR(12) NOT NULL,
        window_id CHAR(36) NOT NULL,
        staff_id CHAR(36) NOT NULL,
        starts_at DATETIME(3) NOT NULL,
        ends_at DATETIME(3) NOT NULL,
        reason VARCHAR(500) NOT NULL,
        status VARCHAR(20) NOT NULL,
        requested_by VARCHAR(64) NOT NULL,
        requested_at DATETIME(3) NOT NULL,
        decided_by VARCHAR(64) NULL,
        decided_at DATETIME(3) NULL,
        decision_note VARCHAR(500) NULL,
        cancelled_by VARCHAR(64) NULL,
        cancelled_at DATETIME(3) NULL,
        cancel_reason VARCHAR(500) NULL,
        revision INT NOT NULL,
        CONSTRAINT ck_window_cover_box CHECK (ends_at > starts_at),
        KEY ix_window_cover_window (window_id, starts_at),
        KEY ix_window_cover_staff (staff_id, starts_at),
        KEY ix_window_cover_center (center_code, starts_at),
        CONSTRAINT fk_window_cover_window FOREIGN KEY (window_id) REFERENCES service_window (id),
        CONSTRAINT fk_window_cover_staff FOREIGN KEY (staff_id) REFERENCES staff (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE window_cover");
  }
}
