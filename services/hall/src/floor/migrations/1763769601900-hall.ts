import type { MigrationInterface, QueryRunner } from "typeorm";

const TABLE = "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci";

/** Issue 21: the hall floor. Replicas of staffing's and catalog's announcements, tickets, appointments, the public board. */
export class Hall1763769601900 implements MigrationInterface {
  name = "Hall1763769601900";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE hall_department (
      id VARCHAR(64) NOT NULL PRIMARY KEY,
      center_code CHAR(12) NOT NULL,
      code VARCHAR(64) NOT NULL,
      name VARCHAR(200) NOT NULL,
      prefix VARCHAR(4) NOT NULL,
      UNIQUE KEY uq_hall_department_prefix (center_code, prefix)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE hall_window (
      id VARCHAR(64) NOT NULL PRIMARY KEY,
      center_code CHAR(12) NOT NULL,
      code VARCHAR(64) NOT NULL,
      name VARCHAR(200) NOT NULL,
      kind VARCHAR(16) NOT NULL,
      department_id VARCHAR(64) NULL,
      acts_for TEXT NOT NULL,
      open TINYINT(1) NOT NULL,
      a_staff_id VARCHAR(64) NULL,
      b_staff_id VARCHAR(64) NULL,
      revision INT NOT NULL,
      KEY ix_hall_window_center (center_code)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE hall_item (
      id VARCHAR(64) NOT NULL PRIMARY KEY,
      center_code CHAR(12) NOT NULL,
      department_id VARCHAR(64) NOT NULL,
      name VARCHAR(300) NOT NULL,
      kind VARCHAR(16) NOT NULL,
      version INT NOT NULL,
      active TINYINT(1) NOT NULL DEFAULT 1,
      KEY ix_hall_item_department (department_id)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE hall_leave (
      id VARCHAR(64) NOT NULL PRIMARY KEY,
      staff_id VARCHAR(64) NOT NULL,
      starts_at DATETIME(3) NOT NULL,
      ends_at DATETIME(3) NOT NULL,
      cancelled_at DATETIME(3) NULL,
      KEY ix_hall_leave_staff (staff_id, starts_at)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE hall_punch (
      id VARCHAR(64) NOT NULL PRIMARY KEY,
      staff_id VARCHAR(64) NOT NULL,
      kind VARCHAR(3) NOT NULL,
      at DATETIME(3) NOT NULL,
      KEY ix_hall_punch_staff (staff_id, at)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE hall_cover (
      id VARCHAR(64) NOT NULL PRIMARY KEY,
      window_id VARCHAR(64) NOT NULL,
      staff_id VARCHAR(64) NOT NULL,
      from_at DATETIME(3) NOT NULL,
      until_at DATETIME(3) NOT NULL,
      status VARCHAR(16) NOT NULL,
      cancelled_at DATETIME(3) NULL,
      revision INT NOT NULL,
      KEY ix_hall_cover_window (window_id)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE hall_sequence (
      center_code CHAR(12) NOT NULL,
      service_day DATE NOT NULL,
      prefix VARCHAR(4) NOT NULL,
      last_number INT NOT NULL,
      PRIMARY KEY (center_code, service_day, prefix)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE hall_ticket (
      id CHAR(36) NOT NULL PRIMARY KEY,
      center_code CHAR(12) NOT NULL,
      service_day DATE NOT NULL,
      prefix VARCHAR(4) NOT NULL,
      seq INT NOT NULL,
      number VARCHAR(12) NOT NULL,
      department_id VARCHAR(64) NOT NULL,
      item_id VARCHAR(64) NULL,
      channel VARCHAR(16) NOT NULL,
      holder_subject VARCHAR(128) NULL,
      appointment_id CHAR(36) NULL,
      ahead_from DATETIME(3) NULL,
      ahead_until DATETIME(3) NULL,
      status VARCHAR(16) NOT NULL,
      target_window_id VARCHAR(64) NULL,
      window_id VARCHAR(64) NULL,
      staff_id VARCHAR(64) NULL,
      issued_at DATETIME(3) NOT NULL,
      first_called_at DATETIME(3) NULL,
      called_at DATETIME(3) NULL,
      recalls INT NOT NULL DEFAULT 0,
      finished_at DATETIME(3) NULL,
      case_id VARCHAR(64) NULL,
      UNIQUE KEY uq_hall_ticket_number (center_code, service_day, prefix, seq),
      KEY ix_hall_ticket_waiting (center_code, status, department_id, issued_at),
      KEY ix_hall_ticket_window (window_id, status),
      KEY ix_hall_ticket_holder (holder_subject, status),
      KEY ix_hall_ticket_day (center_code, service_day)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE hall_appointment (
      id CHAR(36) NOT NULL PRIMARY KEY,
      center_code CHAR(12) NOT NULL,
      department_id VARCHAR(64) NOT NULL,
      item_id VARCHAR(64) NULL,
      holder_subject VARCHAR(128) NOT NULL,
      slot_start DATETIME(3) NOT NULL,
      slot_end DATETIME(3) NOT NULL,
      status VARCHAR(16) NOT NULL,
      booked_at DATETIME(3) NOT NULL,
      changed_at DATETIME(3) NOT NULL,
      ticket_id CHAR(36) NULL,
      KEY ix_hall_appointment_slot (department_id, slot_start, status),
      KEY ix_hall_appointment_holder (holder_subject, status, slot_start)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE hall_slot_count (
      department_id VARCHAR(64) NOT NULL,
      slot_start DATETIME(3) NOT NULL,
      booked INT NOT NULL,
      PRIMARY KEY (department_id, slot_start)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE hall_board_case (
      case_id VARCHAR(64) NOT NULL PRIMARY KEY,
      center_code CHAR(12) NOT NULL,
      receipt_no VARCHAR(64) NOT NULL,
      item_id VARCHAR(64) NOT NULL,
      department_id VARCHAR(64) NOT NULL,
      applicant_masked VARCHAR(100) NOT NULL,
      accepted_at DATETIME(3) NULL,
      concluded_at DATETIME(3) NULL,
      outcome VARCHAR(32) NULL,
      KEY ix_hall_board_accepted (center_code, accepted_at),
      KEY ix_hall_board_concluded (center_code, concluded_at)
    ) ${TABLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ["hall_board_case", "hall_slot_count", "hall_appointment", "hall_ticket", "hall_sequence", "hall_cover", "hall_punch", "hall_leave", "hall_item", "hall_window", "hall_department"]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
