import { randomUUID } from "node:crypto";
import { z } from "zod";
import { resultsEvents } from "@onestop/events";
import { forbidden, notFound, validate, type Clock, type Identity, type UnitOfWork } from "@onestop/platform";
import { mayWriteTemplates } from "../access.rules";
import type { FactsRepository } from "../facts/facts.repository";
import type { DocumentsRepository } from "./documents.repository";
import type { TemplateRow } from "./entities";

const templateInput = z.object({
  itemId: z.string().uuid("an item id"),
  fromVersion: z.number().int().min(1, "an item version (1 or more)"),
  kind: z.enum(resultsEvents.resultDocumentKinds),
  title: z.string().trim().min(2, "at least 2 characters").max(100, "at most 100 characters").nullish(),
  body: z.string().trim().min(10, "at least 10 characters").max(4000, "at most 4000 characters").nullish(),
  validityYears: z.number().int().min(1, "1 to 100 years").max(100, "1 to 100 years").nullish(),
});

/** An item's wording of its documents, versioned with the item (docs/results.md, "Templates"). */
export class TemplatesService {
  constructor(
    private readonly documents: DocumentsRepository,
    private readonly facts: FactsRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async set(identity: Identity, raw: unknown): Promise<TemplateRow> {
    const input = validate(templateInput, raw, "input");
    return this.unitOfWork.run(async (tx) => {
      const item = await this.facts.latestItem(tx, input.itemId);
      if (!item) throw notFound("Item", input.itemId);
      if (!mayWriteTemplates(identity, item.centerCode, item.departmentId)) throw forbidden("Templates are written by the center's administration or the item department's chief representative");
      return this.documents.saveTemplate(tx, {
        id: randomUUID(),
        itemId: input.itemId,
        fromVersion: input.fromVersion,
        kind: input.kind,
        title: input.title ?? null,
        body: input.body ?? null,
        validityYears: input.kind === "LICENCE" ? (input.validityYears ?? null) : null,
        createdBy: identity.subject,
        createdAt: this.clock.now(),
      });
    });
  }

  async of(identity: Identity, itemId: string): Promise<TemplateRow[]> {
    const item = z.string().uuid().safeParse(itemId).success ? await this.unitOfWork.run((tx) => this.facts.latestItem(tx, itemId)) : null;
    if (!item || !mayWriteTemplates(identity, item.centerCode, item.departmentId)) return [];
    return this.documents.templatesOf(itemId);
  }
}
