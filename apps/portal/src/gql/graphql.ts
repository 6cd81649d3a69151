/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type ActorKind =
  | 'APPLICANT'
  | 'STAFF'
  | 'SYSTEM';

export type AddToRatingInput = {
  caseId: string | number;
  idempotencyKey: string;
  text: string;
};

export type CaseOutcome =
  | 'APPROVED'
  /** 超时默认: no decision by the deadline; approved by the system. */
  | 'DEEMED_APPROVED'
  | 'DENIED'
  | 'REFUSED'
  | 'RETURNED'
  | 'WITHDRAWN';

/** Where a case stands on its way through the five supervised stages (申请 → 受理 → 审核 → 批准 → 办结, then 送达). */
export type CaseStatus =
  /** 受理: accepted; the clock runs; review is next. */
  | 'ACCEPTED'
  /** 批准: approved; concluded once any fee is settled. */
  | 'APPROVED'
  /** A signed veto waiting for the county head meeting's collective decision (县长办公会). */
  | 'AWAITING_COUNTY_MEETING'
  /** 办结 */
  | 'CONCLUDED'
  /** 送达: the result reached the applicant. */
  | 'DELIVERED'
  /** Denied; to be concluded. */
  | 'DENIED'
  /** 上报: forwarded to the higher authority, whose result is awaited. */
  | 'FORWARDED'
  /** 一次性告知: the one-time notice is out; the applicant supplies what it lists. The clock is stopped. */
  | 'MATERIALS_REQUESTED'
  /** 不予受理 */
  | 'REFUSED'
  /** 退件: accepted with deficiencies (容缺) that did not follow by their date. */
  | 'RETURNED'
  /** 审核 done; the decision (批准) is next. */
  | 'REVIEWED'
  /** An approval on a written commitment (告知承诺) revoked after verification found it breached. */
  | 'REVOKED'
  /** 申请: submitted, waiting for a window to accept. */
  | 'SUBMITTED'
  /** A denial on a veto item (否决) proposed by whoever holds the approval power; the department's principal (单位主要负责人) must sign it. */
  | 'VETO_PROPOSED'
  /** Withdrawn by the applicant, or by the joint approval it belonged to. */
  | 'WITHDRAWN';

/** 群众 (PERSON, 居民身份证) or 企业 (ENTERPRISE, 统一社会信用代码). */
export type CitizenKind =
  | 'ENTERPRISE'
  | 'PERSON';

export type EntryStatus =
  /** 进驻: accepted at a window of the hall. */
  | 'ENTERED'
  /** Not in the hall, for the reason given (e.g. classified). */
  | 'NOT_ENTERED';

export type FeeKind =
  | 'FIXED'
  | 'FREE'
  | 'PER_UNIT'
  | 'TIERED';

export type FollowUpAnswer =
  /** 回访: the applicant was called back. */
  | 'CALLBACK'
  /** 解释: the department explained. */
  | 'EXPLAINED'
  /** 整改: the cause was fixed. */
  | 'FIXED';

export type FollowUpStatus =
  | 'ANSWERED'
  /** Bad rating, answer due and not yet given. */
  | 'OPEN'
  /** Past its deadline without an answer. */
  | 'OVERDUE'
  /** The supervision office upheld the department's appeal: the rating was malicious and counts nowhere. */
  | 'VOIDED';

/** 事项类型. The item's base code starts with the type's two letters (XK, QR, JF, CJ, JL, QT, GG). */
export type ItemCategory =
  /** 行政确认 */
  | 'ADMINISTRATIVE_CONFIRMATION'
  /** 行政许可 */
  | 'ADMINISTRATIVE_LICENCE'
  /** 行政给付 */
  | 'ADMINISTRATIVE_PAYMENT'
  /** 行政奖励 */
  | 'ADMINISTRATIVE_REWARD'
  /** 行政裁决 */
  | 'ADMINISTRATIVE_RULING'
  /** 其他行政权力 */
  | 'OTHER_ADMINISTRATIVE_POWER'
  /** 公共服务 */
  | 'PUBLIC_SERVICE';

/** The four kinds of case an item produces (四件管理). */
export type ItemKind =
  /** 即办件: decided on the spot. */
  | 'INSTANT'
  /** 联办件: several departments, approved in parallel. */
  | 'JOINT'
  /** 承诺件: decided within the promised working days. */
  | 'PROMISED'
  /** 上报件: decided by a higher authority; the hall accepts, forwards and tracks. */
  | 'REPORTED';

/** Themes a citizen browses the catalog by (主题服务). */
export type ItemTheme =
  /** 涉农 */
  | 'AGRICULTURE_AND_RURAL'
  /** 企业经营许可 */
  | 'BUSINESS_OPERATION'
  /** 工程建设项目 */
  | 'CONSTRUCTION_PROJECT'
  /** 教育与卫生 */
  | 'EDUCATION_AND_HEALTH'
  /** 就业与社会保障 */
  | 'EMPLOYMENT_AND_SOCIAL_SECURITY'
  /** 企业开办 */
  | 'ENTERPRISE_SETUP'
  /** 生态环境与安全 */
  | 'ENVIRONMENT_AND_SAFETY'
  /** 户籍与证件 */
  | 'HOUSEHOLD_AND_IDENTITY'
  /** 不动产与土地 */
  | 'REAL_ESTATE'
  /** 社会事务 */
  | 'SOCIAL_AFFAIRS'
  /** 交通运输 */
  | 'TRANSPORT';

export type LoginCitizenInput = {
  /** A solved signInChallenge: required once the ID number or the client has failed to sign in lately. */
  challenge?: string | null | undefined;
  idNumber: string;
  password: string;
};

export type MaterialForm =
  /** 复印件 */
  | 'COPY'
  /** 原件 */
  | 'ORIGINAL'
  /** 原件及复印件 */
  | 'ORIGINAL_AND_COPY';

export type MaterialProblem =
  | 'MISSING'
  | 'WRONG';

export type MaterialRequestKind =
  /** 容缺: to follow after acceptance by a day. */
  | 'DEFERRED'
  /** 一次性告知 */
  | 'ONE_TIME_NOTICE';

export type PaymentNoticeStatus =
  /** Withdrawn before payment: nothing is owed on it. */
  | 'CANCELLED'
  /** Past its expiry and unpaid: the department reissues it. */
  | 'EXPIRED'
  /** Issued, payable at the bank until it expires. */
  | 'ISSUED'
  /** Paid at the bank; the electronic receipt was issued. */
  | 'PAID'
  /** Paid, then refunded to the payer. */
  | 'REFUNDED'
  /** Waived in full under a preferential policy (免收). */
  | 'WAIVED';

/** The stage the public progress lookup shows. */
export type PublicStage =
  | 'ACCEPTED'
  | 'APPLIED'
  | 'CLOSED'
  | 'CONCLUDED'
  | 'DECIDED'
  | 'DELIVERED'
  | 'MATERIALS_REQUESTED'
  | 'UNDER_APPROVAL';

export type RateCaseInput = {
  /** The applicant rates by the case's id. */
  caseId?: string | number | null | undefined;
  comment?: string | null | undefined;
  /** A retry with the same key returns the same rating. */
  idempotencyKey: string;
  level: RatingLevel;
  /** The hall's evaluator rates by the receipt number, its window's cases only. */
  receiptNo?: string | null | undefined;
};

/** 好差评: 非常满意 … 非常不满意. */
export type RatingLevel =
  | 'BASIC'
  | 'DISSATISFIED'
  | 'SATISFIED'
  | 'VERY_DISSATISFIED'
  | 'VERY_SATISFIED';

export type RegisterCitizenInput = {
  /** 18-character resident ID number or unified social credit code. */
  idNumber: string;
  name: string;
  password: string;
  phone: string;
};

export type SubmitCaseInput = {
  applicantIdNumber: string;
  applicantName: string;
  /**
   * Required: made once per submission (a UUID; 8-100 characters of A-Z a-z 0-9 _ - : .) and sent
   * again unchanged on every retry of it. A retry with the same key returns the first case; the
   * same key with another input is refused with IDEMPOTENCY_KEY_REUSED.
   */
  idempotencyKey: string;
  itemId: string | number;
  /** The materials handed in with the application: each one's code (of the item version) and its uploaded files (POST /uploads, docs/materials.md). */
  materials?: Array<SubmittedMaterialInput> | null | undefined;
  /** 告知承诺: apply on a written commitment, where the item allows it. */
  onCommitment?: boolean | null | undefined;
  /** How many units the fee is computed on, for items charged per unit; 1 otherwise. */
  quantity?: number | null | undefined;
};

export type SubmittedMaterialInput = {
  code: string;
  /** Ids the gateway's POST /uploads answered, the caller's own uploads. */
  fileIds: Array<string | number>;
};

export type SuppliedMaterialInput = {
  code: string;
  /** A reference to a document handed in on paper or elsewhere, as text. */
  documentRef?: string | null | undefined;
  /** Uploaded files (POST /uploads): the caller's, or where staff hand them in, the applicant's. */
  fileIds?: Array<string | number> | null | undefined;
};

export type ApplyFormQueryVariables = Exact<{
  id: string | number;
}>;


export type ApplyFormQuery = { item: { id: string, name: string, promisedLimitDays: number, materials: Array<{ code: string, name: string, form: MaterialForm, copies: number, mandatory: boolean, notes: string | null }> } | null, myCitizenAccount: { id: string, kind: CitizenKind, name: string, idNumber: string } | null };

export type SubmitCaseMutationVariables = Exact<{
  input: SubmitCaseInput;
}>;


export type SubmitCaseMutation = { submitCase: { id: string, receiptNo: string, submittedAt: string, applicantName: string, item: { id: string, name: string }, receipt: { receiptNo: string, itemName: string | null, submittedAt: string, promisedWorkingDays: number | null, lookupHint: string }, materialFiles: Array<{ fileId: string, materialCode: string, fileName: string | null }> } };

export type SupplyMaterialsMutationVariables = Exact<{
  caseId: string | number;
  materials: Array<SuppliedMaterialInput> | SuppliedMaterialInput;
  idempotencyKey?: string | null | undefined;
}>;


export type SupplyMaterialsMutation = { supplyMaterials: { id: string, status: CaseStatus, materialRequests: Array<{ kind: MaterialRequestKind, noticeSeq: number, code: string, name: string, problem: MaterialProblem, note: string | null, dueDay: string | null, suppliedAt: string | null }>, materialFiles: Array<{ fileId: string, materialCode: string, fileName: string | null, mediaType: string, sizeBytes: number, attachedAt: string }> } };

export type RatingFieldsFragment = { level: RatingLevel, comment: string, ratedAt: string, bad: boolean, additions: Array<{ text: string, addedAt: string }>, followUp: { due: string, status: FollowUpStatus, answer: FollowUpAnswer | null, note: string | null, answeredAt: string | null } | null };

export type CaseRatingQueryVariables = Exact<{
  caseId: string | number;
}>;


export type CaseRatingQuery = { caseRating: { level: RatingLevel, comment: string, ratedAt: string, bad: boolean, additions: Array<{ text: string, addedAt: string }>, followUp: { due: string, status: FollowUpStatus, answer: FollowUpAnswer | null, note: string | null, answeredAt: string | null } | null } | null };

export type RateCaseMutationVariables = Exact<{
  input: RateCaseInput;
}>;


export type RateCaseMutation = { rateCase: { level: RatingLevel, comment: string, ratedAt: string, bad: boolean, additions: Array<{ text: string, addedAt: string }>, followUp: { due: string, status: FollowUpStatus, answer: FollowUpAnswer | null, note: string | null, answeredAt: string | null } | null } };

export type AddToRatingMutationVariables = Exact<{
  input: AddToRatingInput;
}>;


export type AddToRatingMutation = { addToRating: { level: RatingLevel, comment: string, ratedAt: string, bad: boolean, additions: Array<{ text: string, addedAt: string }>, followUp: { due: string, status: FollowUpStatus, answer: FollowUpAnswer | null, note: string | null, answeredAt: string | null } | null } };

export type SearchItemsQueryVariables = Exact<{
  centerCode: string;
  keyword?: string | null | undefined;
  departmentId?: string | number | null | undefined;
  theme?: ItemTheme | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SearchItemsQuery = { searchItems: { totalCount: number, pageInfo: { endCursor: string | null, hasNextPage: boolean }, nodes: Array<{ id: string, name: string, kind: ItemKind, promisedLimitDays: number, department: { id: string, name: string } }> } };

export type DepartmentsQueryVariables = Exact<{
  centerCode: string;
}>;


export type DepartmentsQuery = { departments: Array<{ id: string, name: string, code: string }> };

export type ItemDisclosureQueryVariables = Exact<{
  id: string | number;
}>;


export type ItemDisclosureQuery = { item: { id: string, code: string, name: string, kind: ItemKind, category: ItemCategory, themes: Array<ItemTheme>, content: string, legalBasis: string, conditions: string, procedure: string, legalLimitDays: number, promisedLimitDays: number, free: boolean, preferentialPolicies: string | null, supervisionContact: string, maxVisits: number, department: { id: string, name: string }, feeItems: Array<{ code: string, name: string, kind: FeeKind, amountFen: number | null, unitName: string | null, unitPriceFen: number | null, description: string, legalBasis: string }>, materials: Array<{ code: string, name: string, form: MaterialForm, copies: number, mandatory: boolean, notes: string | null, deferrable: boolean }>, entry: { status: EntryStatus, notEnteredReason: string | null, window: { id: string, name: string, hall: { id: string, name: string } | null } | null } | null } | null };

export type ProgressLookupChallengeQueryVariables = Exact<{ [key: string]: never; }>;


export type ProgressLookupChallengeQuery = { progressLookupChallenge: { altcha: string, expiresAt: string } };

export type SignInChallengeQueryVariables = Exact<{ [key: string]: never; }>;


export type SignInChallengeQuery = { signInChallenge: { altcha: string, expiresAt: string } };

export type CaseProgressQueryVariables = Exact<{
  receiptNo: string;
  idNumber: string;
  challenge?: string | null | undefined;
}>;


export type CaseProgressQuery = { caseProgress: { receiptNo: string, stage: PublicStage, deadline: string | null, deadlineDay: string | null, onHold: boolean, missingMaterials: Array<{ name: string, problem: MaterialProblem, dueDay: string | null }> } | null };

export type LoginCitizenMutationVariables = Exact<{
  input: LoginCitizenInput;
}>;


export type LoginCitizenMutation = { loginCitizen: { accessToken: string, expiresAt: string, refreshToken: string, refreshExpiresAt: string, account: { id: string, kind: CitizenKind, name: string } } };

export type RegisterCitizenMutationVariables = Exact<{
  input: RegisterCitizenInput;
}>;


export type RegisterCitizenMutation = { registerCitizen: { id: string, kind: CitizenKind, name: string } };

export type MyAccountQueryVariables = Exact<{ [key: string]: never; }>;


export type MyAccountQuery = { myCitizenAccount: { id: string, kind: CitizenKind, name: string } | null };

export type MyCasesQueryVariables = Exact<{ [key: string]: never; }>;


export type MyCasesQuery = { myCases: Array<{ id: string, receiptNo: string, status: CaseStatus, submittedAt: string, item: { id: string, name: string }, clock: { deadline: string | null, deadlineDay: string | null, onHold: boolean } | null, materialRequests: Array<{ kind: MaterialRequestKind, noticeSeq: number, code: string, name: string, problem: MaterialProblem, note: string | null, dueDay: string | null, suppliedAt: string | null }> }> };

export type MyCaseQueryVariables = Exact<{
  id: string | number;
}>;


export type MyCaseQuery = { case: { id: string, receiptNo: string, status: CaseStatus, outcome: CaseOutcome | null, submittedAt: string, acceptedAt: string | null, decidedAt: string | null, concludedAt: string | null, applicantName: string, feeRequired: boolean, feeSettled: boolean, item: { id: string, name: string }, department: { id: string, name: string }, clock: { deadline: string | null, deadlineDay: string | null, onHold: boolean, remainingWorkingDays: number } | null, materialRequests: Array<{ kind: MaterialRequestKind, noticeSeq: number, code: string, name: string, problem: MaterialProblem, note: string | null, dueDay: string | null, suppliedAt: string | null }>, materialFiles: Array<{ fileId: string, materialCode: string, fileName: string | null, mediaType: string, sizeBytes: number, attachedAt: string }>, judgedBy: { materials: Array<{ code: string, name: string }> }, routingSlip: Array<{ seq: number, action: string, toStatus: CaseStatus, actorKind: ActorKind, occurredAt: string }>, paymentNotices: Array<{ id: string, noticeNo: string, status: PaymentNoticeStatus, payable: boolean, amountFen: number, payerName: string, itemName: string, departmentName: string, issuedAt: string, expiresDay: string, paidAt: string | null, receiptNo: string | null, lineItems: Array<{ feeCode: string, description: string, quantity: number, amountFen: number, legalBasis: string }>, account: { accountNo: string, accountName: string, bankName: string } | null }> } | null };

export type WithdrawCaseMutationVariables = Exact<{
  caseId: string | number;
  reason: string;
  idempotencyKey?: string | null | undefined;
}>;


export type WithdrawCaseMutation = { withdrawCase: { id: string, status: CaseStatus } };

export const RatingFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RatingFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CaseRating"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"ratedAt"}},{"kind":"Field","name":{"kind":"Name","value":"bad"}},{"kind":"Field","name":{"kind":"Name","value":"additions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"addedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"followUp"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"due"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"answer"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"answeredAt"}}]}}]}}]} as unknown as DocumentNode<RatingFieldsFragment, unknown>;
export const ApplyFormDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApplyForm"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"item"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"promisedLimitDays"}},{"kind":"Field","name":{"kind":"Name","value":"materials"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"form"}},{"kind":"Field","name":{"kind":"Name","value":"copies"}},{"kind":"Field","name":{"kind":"Name","value":"mandatory"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"myCitizenAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"idNumber"}}]}}]}}]} as unknown as DocumentNode<ApplyFormQuery, ApplyFormQueryVariables>;
export const SubmitCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitCaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"receiptNo"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"applicantName"}},{"kind":"Field","name":{"kind":"Name","value":"item"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"receipt"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"receiptNo"}},{"kind":"Field","name":{"kind":"Name","value":"itemName"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"promisedWorkingDays"}},{"kind":"Field","name":{"kind":"Name","value":"lookupHint"}}]}},{"kind":"Field","name":{"kind":"Name","value":"materialFiles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fileId"}},{"kind":"Field","name":{"kind":"Name","value":"materialCode"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}}]}}]}}]}}]} as unknown as DocumentNode<SubmitCaseMutation, SubmitCaseMutationVariables>;
export const SupplyMaterialsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SupplyMaterials"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"materials"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SuppliedMaterialInput"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"supplyMaterials"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"caseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}}},{"kind":"Argument","name":{"kind":"Name","value":"materials"},"value":{"kind":"Variable","name":{"kind":"Name","value":"materials"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"materialRequests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"noticeSeq"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"problem"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"dueDay"}},{"kind":"Field","name":{"kind":"Name","value":"suppliedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"materialFiles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fileId"}},{"kind":"Field","name":{"kind":"Name","value":"materialCode"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"mediaType"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"attachedAt"}}]}}]}}]}}]} as unknown as DocumentNode<SupplyMaterialsMutation, SupplyMaterialsMutationVariables>;
export const CaseRatingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CaseRating"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseRating"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"caseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RatingFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RatingFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CaseRating"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"ratedAt"}},{"kind":"Field","name":{"kind":"Name","value":"bad"}},{"kind":"Field","name":{"kind":"Name","value":"additions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"addedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"followUp"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"due"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"answer"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"answeredAt"}}]}}]}}]} as unknown as DocumentNode<CaseRatingQuery, CaseRatingQueryVariables>;
export const RateCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RateCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RateCaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rateCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RatingFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RatingFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CaseRating"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"ratedAt"}},{"kind":"Field","name":{"kind":"Name","value":"bad"}},{"kind":"Field","name":{"kind":"Name","value":"additions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"addedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"followUp"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"due"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"answer"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"answeredAt"}}]}}]}}]} as unknown as DocumentNode<RateCaseMutation, RateCaseMutationVariables>;
export const AddToRatingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddToRating"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddToRatingInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addToRating"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RatingFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RatingFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CaseRating"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"ratedAt"}},{"kind":"Field","name":{"kind":"Name","value":"bad"}},{"kind":"Field","name":{"kind":"Name","value":"additions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"addedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"followUp"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"due"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"answer"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"answeredAt"}}]}}]}}]} as unknown as DocumentNode<AddToRatingMutation, AddToRatingMutationVariables>;
export const SearchItemsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchItems"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"centerCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"keyword"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"departmentId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"theme"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ItemTheme"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"searchItems"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"centerCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"centerCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"keyword"},"value":{"kind":"Variable","name":{"kind":"Name","value":"keyword"}}},{"kind":"Argument","name":{"kind":"Name","value":"departmentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"departmentId"}}},{"kind":"Argument","name":{"kind":"Name","value":"theme"},"value":{"kind":"Variable","name":{"kind":"Name","value":"theme"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"promisedLimitDays"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SearchItemsQuery, SearchItemsQueryVariables>;
export const DepartmentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Departments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"centerCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"departments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"centerCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"centerCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]} as unknown as DocumentNode<DepartmentsQuery, DepartmentsQueryVariables>;
export const ItemDisclosureDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ItemDisclosure"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"item"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"themes"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}},{"kind":"Field","name":{"kind":"Name","value":"conditions"}},{"kind":"Field","name":{"kind":"Name","value":"procedure"}},{"kind":"Field","name":{"kind":"Name","value":"legalLimitDays"}},{"kind":"Field","name":{"kind":"Name","value":"promisedLimitDays"}},{"kind":"Field","name":{"kind":"Name","value":"free"}},{"kind":"Field","name":{"kind":"Name","value":"preferentialPolicies"}},{"kind":"Field","name":{"kind":"Name","value":"feeItems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"amountFen"}},{"kind":"Field","name":{"kind":"Name","value":"unitName"}},{"kind":"Field","name":{"kind":"Name","value":"unitPriceFen"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}}]}},{"kind":"Field","name":{"kind":"Name","value":"materials"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"form"}},{"kind":"Field","name":{"kind":"Name","value":"copies"}},{"kind":"Field","name":{"kind":"Name","value":"mandatory"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"deferrable"}}]}},{"kind":"Field","name":{"kind":"Name","value":"supervisionContact"}},{"kind":"Field","name":{"kind":"Name","value":"maxVisits"}},{"kind":"Field","name":{"kind":"Name","value":"entry"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"notEnteredReason"}},{"kind":"Field","name":{"kind":"Name","value":"window"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"hall"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ItemDisclosureQuery, ItemDisclosureQueryVariables>;
export const ProgressLookupChallengeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProgressLookupChallenge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"progressLookupChallenge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"altcha"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<ProgressLookupChallengeQuery, ProgressLookupChallengeQueryVariables>;
export const SignInChallengeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SignInChallenge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signInChallenge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"altcha"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<SignInChallengeQuery, SignInChallengeQueryVariables>;
export const CaseProgressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CaseProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"receiptNo"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idNumber"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"challenge"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"receiptNo"},"value":{"kind":"Variable","name":{"kind":"Name","value":"receiptNo"}}},{"kind":"Argument","name":{"kind":"Name","value":"idNumber"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idNumber"}}},{"kind":"Argument","name":{"kind":"Name","value":"challenge"},"value":{"kind":"Variable","name":{"kind":"Name","value":"challenge"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"receiptNo"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"deadlineDay"}},{"kind":"Field","name":{"kind":"Name","value":"onHold"}},{"kind":"Field","name":{"kind":"Name","value":"missingMaterials"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"problem"}},{"kind":"Field","name":{"kind":"Name","value":"dueDay"}}]}}]}}]}}]} as unknown as DocumentNode<CaseProgressQuery, CaseProgressQueryVariables>;
export const LoginCitizenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LoginCitizen"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LoginCitizenInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"loginCitizen"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<LoginCitizenMutation, LoginCitizenMutationVariables>;
export const RegisterCitizenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterCitizen"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterCitizenInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerCitizen"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<RegisterCitizenMutation, RegisterCitizenMutationVariables>;
export const MyAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myCitizenAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<MyAccountQuery, MyAccountQueryVariables>;
export const MyCasesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyCases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myCases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"receiptNo"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"item"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clock"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"deadlineDay"}},{"kind":"Field","name":{"kind":"Name","value":"onHold"}}]}},{"kind":"Field","name":{"kind":"Name","value":"materialRequests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"noticeSeq"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"problem"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"dueDay"}},{"kind":"Field","name":{"kind":"Name","value":"suppliedAt"}}]}}]}}]}}]} as unknown as DocumentNode<MyCasesQuery, MyCasesQueryVariables>;
export const MyCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"case"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"receiptNo"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"concludedAt"}},{"kind":"Field","name":{"kind":"Name","value":"applicantName"}},{"kind":"Field","name":{"kind":"Name","value":"item"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clock"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"deadlineDay"}},{"kind":"Field","name":{"kind":"Name","value":"onHold"}},{"kind":"Field","name":{"kind":"Name","value":"remainingWorkingDays"}}]}},{"kind":"Field","name":{"kind":"Name","value":"materialRequests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"noticeSeq"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"problem"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"dueDay"}},{"kind":"Field","name":{"kind":"Name","value":"suppliedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"materialFiles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fileId"}},{"kind":"Field","name":{"kind":"Name","value":"materialCode"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"mediaType"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"attachedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"judgedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"materials"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"routingSlip"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"toStatus"}},{"kind":"Field","name":{"kind":"Name","value":"actorKind"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"feeRequired"}},{"kind":"Field","name":{"kind":"Name","value":"feeSettled"}},{"kind":"Field","name":{"kind":"Name","value":"paymentNotices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"noticeNo"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"payable"}},{"kind":"Field","name":{"kind":"Name","value":"amountFen"}},{"kind":"Field","name":{"kind":"Name","value":"payerName"}},{"kind":"Field","name":{"kind":"Name","value":"itemName"}},{"kind":"Field","name":{"kind":"Name","value":"departmentName"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresDay"}},{"kind":"Field","name":{"kind":"Name","value":"paidAt"}},{"kind":"Field","name":{"kind":"Name","value":"receiptNo"}},{"kind":"Field","name":{"kind":"Name","value":"lineItems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"feeCode"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"amountFen"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}}]}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountNo"}},{"kind":"Field","name":{"kind":"Name","value":"accountName"}},{"kind":"Field","name":{"kind":"Name","value":"bankName"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyCaseQuery, MyCaseQueryVariables>;
export const WithdrawCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WithdrawCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"caseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<WithdrawCaseMutation, WithdrawCaseMutationVariables>;