import type { MigrationInterface, QueryRunner } from "typeorm";

export class Attendance1763769600006 implements MigrationInterface {
  name = "Attendance1763769600006";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE attendance_punch (
        id CHAR(36) NOT NULL PRIMARY KEY,
        center_code CHAR(12) NOT NULL,
        staff_id CHAR(36) NOT NULL,
        kind VARCHAR(3) NOT NULL,
        at DATETIME(3) NOT NULL,
        work_date DATE NOT NULL,
        KEY ix_attendance_punch_center_date (center_code, work_date, at),
        KEY ix_attendance_punch_staff (staff_id, at),
        CONSTRAINT fk_attendance_punch_staff FOREIGN KEY (staff_id) REFERENCES staff (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE leave_notice (
        id CHAR(36) NOT NULL PRIMARY KEY,
        center_code CHAR(12) NOT NULL,
        staff_id CHAR(36) NOT NULL,
        starts_at DATETIME(3) NOT NULL,
        ends_at DATETIME(3) NOT NULL,
        reason VARCHAR(500) NOT NULL,
        posted_by VARCHAR(64) NOT NULL,
        posted_at DATETIME(3) NOT NULL,
        cancelled_at DATETIME(3) NULL,
        cancelled_by VARCHAR(64) NULL,
        KEY ix_leave_notice_staff (staff_id, starts_at),
        KEY ix_leave_notice_center (center_code, starts_at),
        CONSTRAINT fk_leave_notice_staff FOREIGN KEY (staff_id) REFERENCES staff (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE duty_warning (
        id CHAR(36) NOT NULL PRIMARY KEY,
        center_code CHAR(12) NOT NULL,
        window_id CHAR(36) NOT NULL,
        a_post_staff_id CHAR(36) NULL,
        b_post_staff_id CHAR(36) NULL,
        from_at DATETIME(3) NOT NULL,
        until_at DATETIME(3) NULL,
        cause VARCHAR(20) NOT NULL,
        raised_at DATETIME(3) NOT NULL,
        KEY ix_duty_warning_center (center_code, from_at),
        KEY ix_duty_warning_window (window_id, from_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE duty_warning");
    await queryRunner.query("DROP TABLE leave_notice");
    await queryRunner.query("DROP TABLE attendance_punch");
  }
}
