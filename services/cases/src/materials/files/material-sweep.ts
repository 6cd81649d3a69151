import type { Clock, Logger, UnitOfWork, Worker } from "@onestop/platform";
import type { MaterialStore } from "./material-store";
import type { UploadsRepository } from "./uploads.repository";

const SWEEP_BATCH = 500;

/**
 * An upload no case took within MATERIAL_UNLINKED_HOURS is deleted, and then every blob no
 * upload refers to, from the store and its row: what was uploaded and never handed in does
 * not stay.
 */
export class MaterialSweep implements Worker {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly uploads: UploadsRepository,
    private readonly store: MaterialStore,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly settings: { unlinkedHours: number; sweepMinutes: number },
  ) {}

  async sweep(): Promise<{ uploads: number; blobs: number }> {
    const before = new Date(this.clock.now().getTime() - this.settings.unlinkedHours * 3_600_000);
    let uploads = 0;
    for (let deleted = SWEEP_BATCH; deleted === SWEEP_BATCH; uploads += deleted) deleted = await this.uploads.deleteUnreferencedUploads(before, SWEEP_BATCH);
    let blobs = 0;
    for (const sha256 of await this.uploads.unreferencedBlobs(SWEEP_BATCH)) {
      const removed = await this.unitOfWork.run(async (tx) => {
        if (!(await this.uploads.blobStillUnreferenced(tx, sha256))) return false;
        // The file first: should the row's delete fail, the next sweep finds the row and tries again.
        await this.store.remove(sha256);
        await this.uploads.deleteBlob(tx, sha256);
        return true;
      });
      if (removed) blobs += 1;
    }
    return { uploads, blobs };
  }

  start(): void {
    this.timer = setInterval(() => {
      this.sweep()
        .then((swept) => (swept.uploads || swept.blobs ? this.logger.info(swept, "material files swept") : undefined))
        .catch((error: unknown) => this.logger.error({ err: error }, "material sweep failed"));
    }, this.settings.sweepMinutes * 60_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
  }
}
