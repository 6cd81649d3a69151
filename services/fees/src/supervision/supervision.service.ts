import { randomUUID } from "node:crypto";
import { z } from "zod";
import { feesEvents } from "@onestop/events";
import { forbidden, validate, type Clock, type Identity, type Tx } from "@onestop/platform";
import { isOverseerOf } from "../access.rules";
import { centerCodeSchema, requestPageArgs } from "../inputs";
import { encodeRequestCursor } from "../request-paging.rules";
import type { FeeIrregularityRow } from "./entities";
import type { IrregularityRepository } from "./supervision.repository";
import { occurrenceOf } from "./supervision.rules";

export interface IrregularityReport {
  centerCode: string;
  kind: feesEvents.FeeIrregularityKind;
  source: feesEvents.FeeIrregularitySource;
  departmentId?: string | null;
  caseId?: string | null;
  noticeNo?: string | null;
  bankTxnId?: string | null;
  feeCode?: string | null;
  expectedFen?: number | null;
  actualFen?: number | null;
  detail: string;
}

const listInput = z.object({
  centerCode: centerCodeSchema,
  kind: feesEvents.feeIrregularityKind.nullish().transform((value) => value ?? null),
  limit: z.number().int().min(1).max(1000).default(200),
});

const pageInput = listInput.omit({ limit: true }).extend(requestPageArgs);

export interface IrregularityPage {
  nodes: FeeIrregularityRow[];
  nextCursor: string | null;
  totalCount: number;
}

/** 电子监察 of fees: irregularities are recorded and announced in the transaction that found them. */
export class SupervisionService {
  constructor(
    private readonly irregularities: IrregularityRepository,
    private readonly clock: Clock,
  ) {}

  async raise(tx: Tx, report: IrregularityReport): Promise<void> {
    const row: FeeIrregularityRow = {
      id: randomUUID(),
      centerCode: report.centerCode,
      kind: report.kind,
      occurrence: occurrenceOf(report.kind, report),
      source: report.source,
      departmentId: report.departmentId ?? null,
      caseId: report.caseId ?? null,
      noticeNo: report.noticeNo ?? null,
      bankTxnId: report.bankTxnId ?? null,
      feeCode: report.feeCode ?? null,
      expectedFen: report.expectedFen ?? null,
      actualFen: report.actualFen ?? null,
      detail: report.detail.slice(0, 500),
      detectedAt: this.clock.now(),
    };
    if (!(await this.irregularities.insertIfNew(tx, row))) return;
    await tx.publish(
      feesEvents.feeIrregularityDetected,
      {
        irregularityId: row.id,
        centerCode: row.centerCode,
        kind: row.kind,
        departmentId: row.departmentId,
        caseId: row.caseId,
        noticeNo: row.noticeNo,
        bankTxnId: row.bankTxnId,
        feeCode: row.feeCode,
        expectedFen: row.expectedFen,
        actualFen: row.actualFen,
        source: row.source,
        detail: row.detail,
        detectedAt: row.detectedAt.toISOString(),
      },
      { centerCode: row.centerCode },
    );
  }

  async list(identity: Identity, raw: unknown): Promise<FeeIrregularityRow[]> {
    const input = validate(listInput, raw);
    if (!isOverseerOf(identity, input.centerCode)) throw forbidden("Irregular fees are seen by the center's supervision, administration and finance");
    return this.irregularities.list(input.centerCode, input.kind, input.limit);
  }

  /** The same irregularities in pages, newest first; the cursor is the last one's detection instant and id. */
  async page(identity: Identity, raw: unknown): Promise<IrregularityPage> {
    const input = validate(pageInput, raw);
    if (!isOverseerOf(identity, input.centerCode)) throw forbidden("Irregular fees are seen by the center's supervision, administration and finance");
    const after = input.after ? { detectedAt: input.after.requestedAt, id: input.after.id } : null;
    const { rows, totalCount } = await this.irregularities.page(input.centerCode, input.kind, after, input.first);
    const nodes = rows.slice(0, input.first);
    const last = nodes[nodes.length - 1];
    return { nodes, totalCount, nextCursor: rows.length > input.first && last ? encodeRequestCursor({ requestedAt: last.detectedAt, id: last.id }) : null };
  }
}
