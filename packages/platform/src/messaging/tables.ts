import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, type MigrationInterface, type QueryRunner } from "typeorm";

/** An event written in the same transaction as the change it announces. */
@Entity({ name: "outbox_message" })
@Index("ix_outbox_unpublished", ["publishedAt", "seq"])
export class OutboxMessageRow {
  @PrimaryGeneratedColumn({ type: "bigint" })
  seq!: string;

  /** The event id; published as `Nats-Msg-Id` and recorded by consumers' inboxes. */
  @Column({ type: "char", length: 36, unique: true })
  id!: string;

  @Column({ type: "varchar", length: 200 })
  subject!: string;

  @Column({ type: "longtext" })
  envelope!: string;

  @Column({ name: "created_at", type: "datetime", precision: 3 })
  createdAt!: Date;

  @Column({ name: "published_at", type: "datetime", precision: 3, nullable: true })
  publishedAt!: Date | null;
}

/** One row per message a consumer has applied; its key makes redeliveries harmless. */
@Entity({ name: "inbox_message" })
export class InboxMessageRow {
  @PrimaryColumn({ type: "varchar", length: 100 })
  consumer!: string;

  @PrimaryColumn({ name: "message_id", type: "varchar", length: 64 })
  messageId!: string;

  @Column({ name: "processed_at", type: "datetime", precision: 3 })
  processedAt!: Date;
}

export const messagingEntities = [OutboxMessageRow, InboxMessageRow];

export class MessagingTables1763769600000 implements MigrationInterface {
  name = "MessagingTables1763769600000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outbox_message (
        seq BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
        id CHAR(36) NOT NULL,
        subject VARCHAR(200) NOT NULL,
        envelope LONGTEXT NOT NULL,
        created_at DATETIME(3) NOT NULL,
        published_at DATETIME(3) NULL,
        UNIQUE KEY uq_outbox_id (id),
        KEY ix_outbox_unpublished (published_at, seq)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE inbox_message (
        consumer VARCHAR(100) NOT NULL,
        message_id VARCHAR(64) NOT NULL,
        processed_at DATETIME(3) NOT NULL,
        PRIMARY KEY (consumer, message_id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE inbox_message");
    await queryRunner.query("DROP TABLE outbox_message");
  }
}
