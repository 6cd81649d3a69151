import type { MigrationInterface, QueryRunner } from "typeorm";
import { staffingEvents } from "@onestop/events";
import { maskPhone, outboxEnvelope } from "@onestop/platform";

const BATCH = 500;

/**
 * Phone numbers stay with the one service that sends (notifications, issue 19): staffing keeps a
 * citizen's registration number masked. An account registered before notifications heard of
 * registrations hands its number over first, in the same transaction: a `citizen.registered`
 * event each, which notifications keeps only where the applicant has set nothing (INSERT IGNORE),
 * so an account whose event went out before loses nothing by a second one.
 */
export class RegistrationPhoneMasked1763769602401 implements MigrationInterface {
  name = "RegistrationPhoneMasked1763769602401";

  async up(queryRunner: QueryRunner): Promise<void> {
    const now = new Date();
    for (;;) {
      const accounts = (await queryRunner.query(`SELECT id, phone, created_at FROM citizen_account WHERE phone NOT LIKE '%*%' ORDER BY id LIMIT ${BATCH}`)) as Array<{
        id: string;
        phone: string;
        created_at: Date;
      }>;
      if (accounts.length === 0) return;
      const rows = accounts.map((account) => {
        const envelope = outboxEnvelope(staffingEvents.citizenRegistered, { accountId: account.id, phone: account.phone, registeredAt: account.created_at.toISOString() }, now);
        return [envelope.id, envelope.type, JSON.stringify(envelope), now];
      });
      await queryRunner.query(`INSERT INTO outbox_message (id, subject, envelope, created_at) VALUES ${rows.map(() => "(?, ?, ?, ?)").join(", ")}`, rows.flat());
      for (const account of accounts) await queryRunner.query("UPDATE citizen_account SET phone = ? WHERE id = ?", [maskPhone(account.phone), account.id]);
    }
  }

  async down(): Promise<void> {
    // The numbers were handed to notifications; staffing cannot have them back.
  }
}
