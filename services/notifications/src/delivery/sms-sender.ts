import { randomUUID } from "node:crypto";
import type { Clock, Logger, Worker } from "@onestop/platform";
import type { NotificationRow, NotificationsRepository } from "../notifications/notifications.repository";
import { maskedPhone } from "../notifications/templates.rules";
import { afterFailure, type RetryPolicy } from "./backoff.rules";
import type { SmsGateway } from "./sms-gateway";

export interface SenderOptions extends RetryPolicy {
  pollMs: number;
  batch: number;
  concurrency: number;
  claimMs: number;
}

/**
 * Sends the SMS of the notification outbox, each once:
 *
 * 1. claims due rows (PENDING whose time came) in a transaction, marking them SENDING with a
 *    claim that runs out; `FOR UPDATE SKIP LOCKED` lets several senders share the table;
 * 2. hands each to the gateway with its id as the gateway's key;
 * 3. records SENT, or on failure PENDING again with a backed-off time, or FAILED at the last attempt.
 *
 * A sender killed between 2 and 3 leaves SENDING rows: once their claim ran out, the next pass
 * asks the gateway whether it has the message (by its key) and records SENT without sending it
 * again; only a message the gateway never got goes out a second time.
 */
export class SmsSender implements Worker {
  private running = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;

  constructor(
    private readonly repository: NotificationsRepository,
    private readonly gateway: SmsGateway,
    private readonly phoneOf: (subject: string) => Promise<string | null>,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: SenderOptions,
  ) {}

  /** One pass: claims what is due and settles each; returns how many it claimed. */
  async pass(): Promise<number> {
    const now = this.clock.now();
    const token = randomUUID();
    const claimed = await this.repository.claimDue(now, new Date(now.getTime() + this.options.claimMs), token, this.options.batch);
    const queue = [...claimed];
    const workers = Array.from({ length: Math.min(this.options.concurrency, queue.length) }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await this.deliver(next, token);
    });
    await Promise.all(workers);
    return claimed.length;
  }

  private async deliver(row: NotificationRow & { in_doubt: boolean }, token: string): Promise<void> {
    try {
      if (row.in_doubt && (await this.gateway.wasSent(row.id))) {
        await this.repository.settle(row.id, token, { status: "SENT", at: this.clock.now() });
        this.logger.info({ notificationId: row.id, causeKey: row.cause_key }, "SMS in doubt was sent before; recorded, not sent again");
        return;
      }
      const phone = await this.phoneOf(row.recipient_subject);
      if (!phone) {
        await this.repository.settle(row.id, token, { status: "SKIPPED", error: "the applicant removed the mobile number before it was sent" });
        return;
      }
      await this.gateway.send({ key: row.id, phone, text: row.body });
      await this.repository.settle(row.id, token, { status: "SENT", at: this.clock.now() });
      this.logger.debug({ notificationId: row.id, phone: maskedPhone(phone) }, "SMS sent");
    } catch (error) {
      const message = String((error as Error)?.message ?? error);
      const next = afterFailure(row.attempts, this.clock.now(), this.options);
      await this.repository
        .settle(row.id, token, next.status === "FAILED" ? { status: "FAILED", error: message } : { status: "PENDING", retryAt: next.retryAt, error: message })
        .catch((settleError: unknown) => this.logger.warn({ err: settleError, notificationId: row.id }, "could not record a failed SMS; its claim will run out"));
      this.logger.warn({ notificationId: row.id, attempts: row.attempts, next: next.status, error: message }, "SMS not sent");
    }
  }

  wake(): void {
    this.wakeUp?.();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        let claimed = 0;
        try {
          claimed = await this.pass();
        } catch (error) {
          this.logger.warn({ err: error }, "SMS pass failed; will retry");
        }
        // A full batch means more are waiting: go on at once.
        if (claimed >= this.options.batch) continue;
        await new Promise<void>((resolve) => {
          if (!this.running) return resolve();
          const timer = setTimeout(resolve, this.options.pollMs);
          this.wakeUp = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wakeUp?.();
    await this.loop;
  }
}
