import { appendFile, mkdir, open, readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { maskPhone } from "@onestop/platform";

export interface SmsMessage {
  /** The notification's id: the gateway's record of the message is found by it. */
  key: string;
  phone: string;
  text: string;
}

/**
 * An SMS gateway (短信网关) behind one interface. `send` either hands the message over or throws;
 * `wasSent` answers, for a message whose sender died between handing it over and recording that,
 * whether the gateway has it (providers look messages up by the id given at sending, e.g.
 * the OutId / SessionContext of the Chinese cloud SMS APIs), so it is not sent twice.
 */
export interface SmsGateway {
  readonly name: string;
  send(message: SmsMessage): Promise<void>;
  wasSent(key: string): Promise<boolean>;
}

export interface SentRecord {
  key: string;
  to: string;
  text: string;
  at: string;
}

/**
 * Development: writes each message it would send as one JSON line to a file (the number masked:
 * the file is a development record, not a carrier) and flushes it to disk before answering, so
 * the record survives a kill as a real gateway's acceptance would.
 */
export class DevelopmentSmsGateway implements SmsGateway {
  readonly name = "dev";
  private ready: Promise<unknown> | null = null;

  constructor(
    private readonly file: string,
    private readonly delayMs = 0,
    private readonly answerDelayMs = 0,
  ) {}

  async send(message: SmsMessage): Promise<void> {
    this.ready ??= mkdir(dirname(this.file), { recursive: true });
    await this.ready;
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    const record: SentRecord = { key: message.key, to: maskPhone(message.phone), text: message.text, at: new Date().toISOString() };
    await appendFile(this.file, `${JSON.stringify(record)}\n`, { mode: 0o600 });
    const handle = await open(this.file, "r");
    try {
      await handle.datasync();
    } finally {
      await handle.close();
    }
    if (this.answerDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.answerDelayMs));
  }

  async wasSent(key: string): Promise<boolean> {
    return (await readSentRecords(this.file)).some((record) => record.key === key);
  }
}

/** No gateway configured: nothing goes out, every message waits. */
export class NoSmsGateway implements SmsGateway {
  readonly name = "off";
  async send(): Promise<void> {
    throw new Error("no SMS gateway configured (SMS_GATEWAY=off)");
  }
  async wasSent(): Promise<boolean> {
    return false;
  }
}

/** The development gateway's record: whole lines only (a line cut by a kill is not a message sent). */
export async function readSentRecords(file: string): Promise<SentRecord[]> {
  const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return "";
    throw error;
  });
  const records: SentRecord[] = [];
  for (const line of text.split("\n")) {
    if (!line) continue;
    try {
      records.push(JSON.parse(line) as SentRecord);
    } catch {
      // A partial last line.
    }
  }
  return records;
}
