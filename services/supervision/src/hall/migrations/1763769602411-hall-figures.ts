import type { MigrationInterface, QueryRunner } from "typeorm";

const TABLE = "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci";

/**
 * Issue 21 point 5: the hall floor's tickets and appointments as supervision's projection derives
 * them from the hall's events (journal subjects TICKET and BOOKING); the hall figures are counted
 * from these rows. Derived: a rebuild empties and refills them.
 */
export class HallFigures1763769602411 implements MigrationInterface {
  name = "HallFigures1763769602411";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE supervision_ticket (
        ticket_id VARCHAR(64) NOT NULL PRIMARY KEY,
        center_code CHAR(12) NOT NULL,
        service_day CHAR(10) NOT NULL,
        number VARCHAR(16) NOT NULL,
        department_id VARCHAR(64) NOT NULL,
        item_id VARCHAR(64) NULL,
        channel VARCHAR(16) NOT NULL,
        status VARCHAR(16) NOT NULL,
        window_id VARCHAR(64) NULL,
        staff_id VARCHAR(64) NULL,
        issued_at DATETIME(3) NOT NULL,
        first_called_at DATETIME(3) NULL,
        finished_at DATETIME(3) NULL,
        waiting_seconds INT NULL,
        handling_seconds INT NULL,
        recalls INT NOT NULL,
        transfers INT NOT NULL,
        case_id VARCHAR(64) NULL,
        KEY ix_ticket_period (center_code, issued_at),
        KEY ix_ticket_department (center_code, department_id, issued_at)
      ) ${TABLE}`);
    await queryRunner.query(`
      CREATE TABLE supervision_booking (
        appointment_id VARCHAR(64) NOT NULL PRIMARY KEY,
        center_code CHAR(12) NOT NULL,
        department_id VARCHAR(64) NOT NULL,
        slot_start DATETIME(3) NOT NULL,
        status VARCHAR(16) NOT NULL,
        KEY ix_booking_period (center_code, slot_start)
      ) ${TABLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE supervision_booking");
    await queryRunner.query("DROP TABLE supervision_ticket");
  }
}
