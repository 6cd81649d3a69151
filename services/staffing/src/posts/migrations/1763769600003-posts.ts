import type { MigrationInterface, QueryRunner } from "typeorm";

export class Posts1763769600003 implements MigrationInterface {
  name = "Posts1763769600003";

  async up(queryRunner: QueryRunner): Promise<void> {
    // Who holds each post now. a_post_holder repeats the holder of an A post (the CHECK keeps
    // it so) and makes "one A post per person" a unique key.
    await queryRunner.query(`
      CREATE TABLE window_post (
        window_id CHAR(36) NOT NULL,
        position CHAR(1) NOT NULL,
        center_code CHAR(12) NOT NULL,
        staff_id CHAR(36) NOT NULL,
        term_started_on DATE NOT NULL,
        term_years TINYINT NOT NULL,
        request_id CHAR(36) NULL,
        a_post_holder CHAR(36) NULL,
        PRIMARY KEY (window_id, position),
        UNIQUE KEY uq_one_a_post_per_staff (a_post_holder),
        KEY ix_window_post_staff (staff_id),
        KEY ix_window_post_center (center_code),
        CONSTRAINT ck_window_post_a_holder CHECK ((position = 'A' AND a_post_holder = staff_id) OR (position = 'B' AND a_post_holder IS NULL)),
        CONSTRAINT fk_window_post_window FOREIGN KEY (window_id) REFERENCES service_window (id),
        CONSTRAINT fk_window_post_staff FOREIGN KEY (staff_id) REFERENCES staff (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    // Every holding of a post, with its dates: the record the center approved.
    await queryRunner.query(`
      CREATE TABLE post_tenure (
        id CHAR(36) NOT NULL PRIMARY KEY,
        center_code CHAR(12) NOT NULL,
        window_id CHAR(36) NOT NULL,
        position CHAR(1) NOT NULL,
        staff_id CHAR(36) NOT NULL,
        started_at DATETIME(3) NOT NULL,
        ended_at DATETIME(3) NULL,
        term_years TINYINT NOT NULL,
        request_id CHAR(36) NULL,
        KEY ix_post_tenure_staff (staff_id, started_at),
        KEY ix_post_tenure_window (window_id, position, started_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE post_change_request (
        id CHAR(36) NOT NULL PRIMARY KEY,
        center_code CHAR(12) NOT NULL,
        window_id CHAR(36) NOT NULL,
        position CHAR(1) NOT NULL,
        staff_id CHAR(36) NOT NULL,
        previous_staff_id CHAR(36) NULL,
        term_years TINYINT NOT NULL,
        reason VARCHAR(500) NOT NULL,
        status VARCHAR(20) NOT NULL,
        requested_by VARCHAR(64) NOT NULL,
        requested_at DATETIME(3) NOT NULL,
        decided_by VARCHAR(64) NULL,
        decided_at DATETIME(3) NULL,
        decision_note VARCHAR(500) NULL,
        pending_slot VARCHAR(40) NULL,
        UNIQUE KEY uq_one_pending_request_per_post (pending_slot),
        CONSTRAINT ck_post_change_request_pending CHECK ((status = 'PENDING') = (pending_slot IS NOT NULL)),
        KEY ix_post_change_request_center (center_code, status, requested_at),
        CONSTRAINT fk_post_change_request_window FOREIGN KEY (window_id) REFERENCES service_window (id),
        CONSTRAINT fk_post_change_request_staff FOREIGN KEY (staff_id) REFERENCES staff (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE post_change_request");
    await queryRunner.query("DROP TABLE post_tenure");
    await queryRunner.query("DROP TABLE window_post");
  }
}
