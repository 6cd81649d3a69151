import type { Clock, DurableTimers, UnitOfWork } from "@onestop/platform";
import { staffWatchedBy } from "./journal.rules";
import type { ProjectionRepository } from "./projection.repository";
import type { Projector } from "./projector.service";
import type { SubjectType } from "./warning.rules";

/** Subjects evaluated and written together. */
const PAGE = 1000;

export interface RebuildReport {
  subjects: number;
  warnings: number;
  seconds: number;
}

/**
 * Rebuilds the projection from the journal alone: the derived tables are emptied, then every
 * subject is evaluated by the same function as the live projection, at the same instant for all.
 * The supervision office's acknowledgements are its own record and stay; a rebuilt warning keeps
 * its id, so it keeps its acknowledgement. Nothing is announced: a rebuild repairs, it reports no news.
 */
export class RebuildService {
  constructor(
    private readonly repository: ProjectionRepository,
    private readonly projector: Projector,
    private readonly timers: DurableTimers,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async rebuild(onProgress: (subjects: number) => void = () => undefined): Promise<RebuildReport> {
    const started = Date.now();
    const now = this.clock.now();
    const db = this.repository.db;
    await this.repository.clearDerived(db);
    let subjects = 0;
    let warnings = 0;
    for (const type of ["CASE", "JOINT", "WINDOW", "FEE", "RATING", "TICKET", "BOOKING"] as SubjectType[]) {
      let after = "";
      for (;;) {
        const ids = await this.repository.subjectPage(db, type, after, PAGE);
        if (ids.length === 0) break;
        after = ids[ids.length - 1];
        const page = ids.map((id) => ({ type, id }));
        const evaluated = await this.projector.evaluate(db, page, now);
        const causes = [...evaluated.causes.values()].flat();
        await this.unitOfWork.run(async (tx) => {
          await this.projector.write(tx.manager, evaluated, causes);
          await this.timers.scheduleAll(tx, evaluated.timers);
          if (type === "WINDOW") await this.repository.watch(tx.manager, await this.watchesOf(page.map((s) => s.id)));
        });
        subjects += ids.length;
        warnings += causes.length;
        onProgress(subjects);
      }
    }
    return { subjects, warnings, seconds: (Date.now() - started) / 1000 };
  }

  private async watchesOf(windowIds: readonly string[]): Promise<Array<{ staffId: string; windowId: string }>> {
    const records = await this.repository.records(this.repository.db, windowIds.map((id) => ({ type: "WINDOW" as const, id })));
    return windowIds.flatMap((windowId) => staffWatchedBy(records.get(`WINDOW:${windowId}`) ?? []).map((staffId) => ({ staffId, windowId })));
  }
}
