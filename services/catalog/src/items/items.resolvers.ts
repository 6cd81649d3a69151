import { iso } from "@onestop/platform";
import type { Resolvers } from "../schema/resolvers.generated";
import type { SearchService } from "../search/search.service";
import type { ItemVersionRow } from "./entities";
import { describeFee } from "./history.rules";
import { speedUpRatio } from "./item.rules";
import type { ItemDraftsService } from "./item-drafts.service";
import type { ItemPublicationService } from "./item-publication.service";
import type { ItemView } from "./item-view";
import type { ItemsService } from "./items.service";

/**
 * The disclosure fields Item and ItemVersion share, read from a version row; for an Item the
 * row is loaded only when one of these fields is asked for.
 */
function disclosureResolvers<P>(versionOf: (parent: P) => Promise<ItemVersionRow> | ItemVersionRow) {
  const field =
    <T>(read: (version: ItemVersionRow) => T) =>
    async (parent: P) =>
      read(await versionOf(parent));
  return {
    themes: field((v) => v.themes),
    content: field((v) => v.content),
    legalBasis: field((v) => v.legalBasis),
    conditions: field((v) => v.conditions),
    procedure: field((v) => v.procedure),
    materials: field((v) => {
      const deferrable = new Set(v.deferrableMaterialCodes);
      return v.materials.map((material) => ({ ...material, deferrable: deferrable.has(material.code) }));
    }),
    stageLimits: field((v) => ({ acceptanceDays: v.acceptanceDays, reviewDays: v.reviewDays, approvalDays: v.approvalDays })),
    feeItems: field((v) =>
      v.feeItems.map((fee) => ({ code: fee.code, name: fee.name, legalBasis: fee.legalBasis, ...fee.calculation, description: describeFee(fee.calculation) })),
    ),
    feeStandard: field((v) => v.feeStandard),
    free: field((v) => v.feeItems.length === 0),
    preferentialPolicies: field((v) => v.preferentialPolicies),
    supervisionContact: field((v) => v.supervisionContact),
    deemedApproval: field((v) => v.deemedApproval),
    vetoEscalation: field((v) => v.vetoEscalation),
    allowsDeficiencies: field((v) => v.deferrableMaterialCodes.length > 0),
    allowsCommitment: field((v) => v.allowsCommitment),
    jointDepartments: field((v) => v.jointDepartmentIds.map((id) => ({ id }))),
    reportedTo: field((v) => v.reportedTo),
  };
}

export function itemsResolvers(service: ItemsService, search: SearchService, drafts: ItemDraftsService, publication: ItemPublicationService): Resolvers {
  return {
    Query: {
      item: (_, args, context) => service.item(context.identity, args.id),
      itemByCode: (_, args, context) => service.itemByCode(context.identity, args.code),
      itemVersion: (_, args, context) =>
        service.version(context.identity, args.itemId, args.version),
      items: (_, args, context) =>
        args.scope === "ALL" ? service.allItems(context.identity, args.centerCode) : search.publicItems(args.centerCode),
      administeredItems: (_, args, context) => service.administeredItems(context.identity, args),
    },
    Mutation: {
      createItem: (_, args, context) => drafts.createItem(context.identity, args.input),
      editItemDraft: (_, args, context) =>
        drafts.editDraft(context.identity, args.itemId, args.version, args.input),
      reviseItem: (_, args, context) =>
        drafts.revise(context.identity, args.itemId, args.input),
      publishItemVersion: (_, args, context) =>
        publication.publish(context.identity, args.itemId, args.version, args.changeNote),
      cancelItem: (_, args, context) =>
        publication.cancel(context.identity, args.itemId, args.reason),
      mergeItem: (_, args, context) =>
        publication.merge(context.identity, args.itemId, args.intoItemId, args.reason),
    },
    Item: {
      __resolveReference: (reference, context) => service.itemsById.load(context, reference.id),
      ...disclosureResolvers((item: ItemView) => item.loadVersion()),
      speedUpRatio: (item) => speedUpRatio(item.legalLimitDays, item.promisedLimitDays),
      department: (item) => ({ id: item.departmentId }),
      baseCode: async (item) => (await item.loadItem()).baseCode,
      agencyCreditCode: async (item) => (await item.loadItem()).agencyCreditCode,
      retiredAt: async (item) => iso((await item.loadItem()).retiredAt),
      retiredReason: async (item) => (await item.loadItem()).retiredReason,
      mergedInto: async (item, _, context) => {
        const mergedInto = (await item.loadItem()).mergedIntoItemId;
        return mergedInto ? service.item(context.identity, mergedInto) : null;
      },
      publishedAt: async (item) => iso((await item.loadVersion()).publishedAt),
      history: (item) => service.history(item.id),
      draft: (item, _, context) => service.draft(context.identity, item),
    },
    ItemVersion: {
      __resolveReference: (reference, context) =>
        service.version(context.identity, reference.itemId, reference.version),
      ...disclosureResolvers((version: ItemVersionRow) => version),
      speedUpRatio: (version) => speedUpRatio(version.legalLimitDays, version.promisedLimitDays),
      item: (version, _, context) => service.itemsById.loadExisting(context, version.itemId),
      publishedAt: (version) => iso(version.publishedAt),
    },
  };
}
