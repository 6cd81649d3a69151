import { iso, type Clock } from "@onestop/platform";
import { formatCode } from "./documents/documents.rules";
import type { DocumentsService } from "./documents/documents.service";
import type { TemplatesService } from "./documents/templates.service";
import type { LicencesService } from "./licences/licences.service";
import type { Resolvers } from "./schema/resolvers.generated";

export function resultsResolvers(documents: DocumentsService, licences: LicencesService, templates: TemplatesService, _clock: Clock): Resolvers {
  return {
    Query: {
      verifyDocument: (_, args, context) => documents.verify(args.code, context.client ?? null),
      myLicences: (_, __, context) => licences.mine(context.identity),
      licence: (_, args, context) => licences.licence(context.identity, args.id),
      documentTemplates: (_, args, context) => templates.of(context.identity, args.itemId),
    },
    Mutation: {
      revokeLicence: (_, args, context) => licences.revoke(context.identity, args.input),
      replaceLicence: (_, args, context) => licences.replace(context.identity, args.input),
      setDocumentTemplate: (_, args, context) => templates.set(context.identity, args.input),
    },
    ResultDocument: {
      verificationCode: (row) => formatCode(row.verificationCode),
      issuedAt: (row) => iso(row.issuedAt),
      downloadPath: (row) => `/documents/${row.id}`,
      case: (row) => ({ id: row.caseId }),
      licence: async (row, _, context) => (row.kind === "LICENCE" ? licences.ofDocument(context.identity, row.id) : null),
    },
    Licence: {
      __resolveReference: (reference, context) => licences.licence(context.identity, reference.id),
      status: (row) => licences.status(row),
      issuedAt: (row) => iso(row.issuedAt),
      revokedAt: (row) => iso(row.revokedAt),
      document: async (row, _, context) => (await documents.document(context.identity, row.documentId))!,
      replaces: (row, _, context) => (row.replacesId ? licences.licence(context.identity, row.replacesId) : null),
      replacedBy: (row, _, context) => (row.replacedById ? licences.licence(context.identity, row.replacedById) : null),
      department: (row) => ({ id: row.departmentId }),
      case: (row) => ({ id: row.caseId }),
      history: (row, _, context) => licences.history(context.identity, row),
    },
    LicenceAct: {
      occurredAt: (row) => iso(row.occurredAt),
    },
    DocumentVerification: {
      issuedAt: (view) => iso(view.issuedAt),
    },
    DocumentTemplate: {
      createdAt: (row) => iso(row.createdAt),
    },
    Case: {
      __resolveReference: (reference) => reference,
      documents: (reference, _, context) => documents.ofCase(context, reference.id),
    },
  };
}
