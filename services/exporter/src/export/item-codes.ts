import { catalogEvents } from "@onestop/events";
import { EventFollower, type Logger } from "@onestop/platform";

/**
 * 实施编码 of each item version, read from the catalog's announcements into memory: a few
 * thousand items at most. The catalog stream keeps 90 days, so a version published earlier and
 * never again is unknown to a freshly started exporter, and its records carry a null code.
 */
export class ItemCodes {
  private readonly codes = new Map<string, string>();
  private readonly follower: EventFollower<typeof catalogEvents.itemPublished>;

  constructor(options: { url: string; namespace: string; logger: Logger }) {
    this.follower = new EventFollower({
      ...options,
      event: catalogEvents.itemPublished,
      since: new Date(0),
      onEvent: (item) => {
        if (item.code) this.codes.set(`${item.itemId}@${item.version}`, item.code);
      },
    });
  }

  start(): Promise<void> {
    return this.follower.start();
  }

  stop(): Promise<void> {
    return this.follower.stop();
  }

  codeOf = (itemId: string, version: number): string | null => this.codes.get(`${itemId}@${version}`) ?? null;
}
