/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ApplyForm($id: ID!) {\n    item(id: $id) {\n      id name promisedLimitDays\n      materials { code name form copies mandatory notes }\n    }\n    myCitizenAccount { id kind name idNumber }\n  }\n": typeof types.ApplyFormDocument,
    "\n  mutation SubmitCase($input: SubmitCaseInput!) {\n    submitCase(input: $input) {\n      id receiptNo submittedAt applicantName\n      item { id name }\n      receipt { receiptNo itemName submittedAt promisedWorkingDays lookupHint }\n      materialFiles { fileId materialCode fileName }\n    }\n  }\n": typeof types.SubmitCaseDocument,
    "\n  mutation SupplyMaterials($caseId: ID!, $materials: [SuppliedMaterialInput!]!, $idempotencyKey: String) {\n    supplyMaterials(caseId: $caseId, materials: $materials, idempotencyKey: $idempotencyKey) {\n      id status\n      materialRequests { kind noticeSeq code name problem note dueDay suppliedAt }\n      materialFiles { fileId materialCode fileName mediaType sizeBytes attachedAt }\n    }\n  }\n": typeof types.SupplyMaterialsDocument,
    "\n  fragment RatingFields on CaseRating {\n      level comment ratedAt bad\n      additions { text addedAt }\n      followUp { due status answer note answeredAt }\n  }\n": typeof types.RatingFieldsFragmentDoc,
    "\n  query CaseRating($caseId: ID!) {\n    caseRating(caseId: $caseId) { ...RatingFields }\n  }\n": typeof types.CaseRatingDocument,
    "\n  mutation RateCase($input: RateCaseInput!) {\n    rateCase(input: $input) { ...RatingFields }\n  }\n": typeof types.RateCaseDocument,
    "\n  mutation AddToRating($input: AddToRatingInput!) {\n    addToRating(input: $input) { ...RatingFields }\n  }\n": typeof types.AddToRatingDocument,
    "\n  query SearchItems($centerCode: String!, $keyword: String, $departmentId: ID, $theme: ItemTheme, $first: Int, $after: String) {\n    searchItems(centerCode: $centerCode, keyword: $keyword, departmentId: $departmentId, theme: $theme, first: $first, after: $after) {\n      totalCount\n      pageInfo { endCursor hasNextPage }\n      nodes { id name kind promisedLimitDays department { id name } }\n    }\n  }\n": typeof types.SearchItemsDocument,
    "\n  query Departments($centerCode: String!) {\n    departments(centerCode: $centerCode) { id name code }\n  }\n": typeof types.DepartmentsDocument,
    "\n  query ItemDisclosure($id: ID!) {\n    item(id: $id) {\n      id code name kind category themes\n      department { id name }\n      content legalBasis conditions procedure\n      legalLimitDays promisedLimitDays\n      free preferentialPolicies\n      feeItems { code name kind amountFen unitName unitPriceFen description legalBasis }\n      materials { code name form copies mandatory notes deferrable }\n      supervisionContact maxVisits\n      entry { status notEnteredReason window { id name hall { id name } } }\n    }\n  }\n": typeof types.ItemDisclosureDocument,
    "\n  query ProgressLookupChallenge {\n    progressLookupChallenge { altcha expiresAt }\n  }\n": typeof types.ProgressLookupChallengeDocument,
    "\n  query SignInChallenge {\n    signInChallenge { altcha expiresAt }\n  }\n": typeof types.SignInChallengeDocument,
    "\n  query CaseProgress($receiptNo: String!, $idNumber: String!, $challenge: String) {\n    caseProgress(receiptNo: $receiptNo, idNumber: $idNumber, challenge: $challenge) {\n      receiptNo stage deadline deadlineDay onHold\n      missingMaterials { name problem dueDay }\n    }\n  }\n": typeof types.CaseProgressDocument,
    "\n  mutation LoginCitizen($input: LoginCitizenInput!) {\n    loginCitizen(input: $input) {\n      accessToken expiresAt refreshToken refreshExpiresAt\n      account { id kind name }\n    }\n  }\n": typeof types.LoginCitizenDocument,
    "\n  mutation RegisterCitizen($input: RegisterCitizenInput!) {\n    registerCitizen(input: $input) { id kind name }\n  }\n": typeof types.RegisterCitizenDocument,
    "\n  query MyAccount {\n    myCitizenAccount { id kind name }\n  }\n": typeof types.MyAccountDocument,
    "\n  query MyCases {\n    myCases(limit: 50) {\n      id receiptNo status submittedAt\n      item { id name }\n      clock { deadline deadlineDay onHold }\n      materialRequests { kind noticeSeq code name problem note dueDay suppliedAt }\n    }\n  }\n": typeof types.MyCasesDocument,
    "\n  query MyCase($id: ID!) {\n    case(id: $id) {\n      id receiptNo status outcome submittedAt acceptedAt decidedAt concludedAt applicantName\n      item { id name }\n      department { id name }\n      clock { deadline deadlineDay onHold remainingWorkingDays }\n      materialRequests { kind noticeSeq code name problem note dueDay suppliedAt }\n      materialFiles { fileId materialCode fileName mediaType sizeBytes attachedAt }\n      judgedBy { materials { code name } }\n      routingSlip { seq action toStatus actorKind occurredAt }\n      feeRequired feeSettled\n      paymentNotices {\n        id noticeNo status payable amountFen payerName itemName departmentName issuedAt expiresDay paidAt receiptNo\n        lineItems { feeCode description quantity amountFen legalBasis }\n        account { accountNo accountName bankName }\n      }\n    }\n  }\n": typeof types.MyCaseDocument,
    "\n  mutation WithdrawCase($caseId: ID!, $reason: String!, $idempotencyKey: String) {\n    withdrawCase(caseId: $caseId, reason: $reason, idempotencyKey: $idempotencyKey) { id status }\n  }\n": typeof types.WithdrawCaseDocument,
};
const documents: Documents = {
    "\n  query ApplyForm($id: ID!) {\n    item(id: $id) {\n      id name promisedLimitDays\n      materials { code name form copies mandatory notes }\n    }\n    myCitizenAccount { id kind name idNumber }\n  }\n": types.ApplyFormDocument,
    "\n  mutation SubmitCase($input: SubmitCaseInput!) {\n    submitCase(input: $input) {\n      id receiptNo submittedAt applicantName\n      item { id name }\n      receipt { receiptNo itemName submittedAt promisedWorkingDays lookupHint }\n      materialFiles { fileId materialCode fileName }\n    }\n  }\n": types.SubmitCaseDocument,
    "\n  mutation SupplyMaterials($caseId: ID!, $materials: [SuppliedMaterialInput!]!, $idempotencyKey: String) {\n    supplyMaterials(caseId: $caseId, materials: $materials, idempotencyKey: $idempotencyKey) {\n      id status\n      materialRequests { kind noticeSeq code name problem note dueDay suppliedAt }\n      materialFiles { fileId materialCode fileName mediaType sizeBytes attachedAt }\n    }\n  }\n": types.SupplyMaterialsDocument,
    "\n  fragment RatingFields on CaseRating {\n      level comment ratedAt bad\n      additions { text addedAt }\n      followUp { due status answer note answeredAt }\n  }\n": types.RatingFieldsFragmentDoc,
    "\n  query CaseRating($caseId: ID!) {\n    caseRating(caseId: $caseId) { ...RatingFields }\n  }\n": types.CaseRatingDocument,
    "\n  mutation RateCase($input: RateCaseInput!) {\n    rateCase(input: $input) { ...RatingFields }\n  }\n": types.RateCaseDocument,
    "\n  mutation AddToRating($input: AddToRatingInput!) {\n    addToRating(input: $input) { ...RatingFields }\n  }\n": types.AddToRatingDocument,
    "\n  query SearchItems($centerCode: String!, $keyword: String, $departmentId: ID, $theme: ItemTheme, $first: Int, $after: String) {\n    searchItems(centerCode: $centerCode, keyword: $keyword, departmentId: $departmentId, theme: $theme, first: $first, after: $after) {\n      totalCount\n      pageInfo { endCursor hasNextPage }\n      nodes { id name kind promisedLimitDays department { id name } }\n    }\n  }\n": types.SearchItemsDocument,
    "\n  query Departments($centerCode: String!) {\n    departments(centerCode: $centerCode) { id name code }\n  }\n": types.DepartmentsDocument,
    "\n  query ItemDisclosure($id: ID!) {\n    item(id: $id) {\n      id code name kind category themes\n      department { id name }\n      content legalBasis conditions procedure\n      legalLimitDays promisedLimitDays\n      free preferentialPolicies\n      feeItems { code name kind amountFen unitName unitPriceFen description legalBasis }\n      materials { code name form copies mandatory notes deferrable }\n      supervisionContact maxVisits\n      entry { status notEnteredReason window { id name hall { id name } } }\n    }\n  }\n": types.ItemDisclosureDocument,
    "\n  query ProgressLookupChallenge {\n    progressLookupChallenge { altcha expiresAt }\n  }\n": types.ProgressLookupChallengeDocument,
    "\n  query SignInChallenge {\n    signInChallenge { altcha expiresAt }\n  }\n": types.SignInChallengeDocument,
    "\n  query CaseProgress($receiptNo: String!, $idNumber: String!, $challenge: String) {\n    caseProgress(receiptNo: $receiptNo, idNumber: $idNumber, challenge: $challenge) {\n      receiptNo stage deadline deadlineDay onHold\n      missingMaterials { name problem dueDay }\n    }\n  }\n": types.CaseProgressDocument,
    "\n  mutation LoginCitizen($input: LoginCitizenInput!) {\n    loginCitizen(input: $input) {\n      accessToken expiresAt refreshToken refreshExpiresAt\n      account { id kind name }\n    }\n  }\n": types.LoginCitizenDocument,
    "\n  mutation RegisterCitizen($input: RegisterCitizenInput!) {\n    registerCitizen(input: $input) { id kind name }\n  }\n": types.RegisterCitizenDocument,
    "\n  query MyAccount {\n    myCitizenAccount { id kind name }\n  }\n": types.MyAccountDocument,
    "\n  query MyCases {\n    myCases(limit: 50) {\n      id receiptNo status submittedAt\n      item { id name }\n      clock { deadline deadlineDay onHold }\n      materialRequests { kind noticeSeq code name problem note dueDay suppliedAt }\n    }\n  }\n": types.MyCasesDocument,
    "\n  query MyCase($id: ID!) {\n    case(id: $id) {\n      id receiptNo status outcome submittedAt acceptedAt decidedAt concludedAt applicantName\n      item { id name }\n      department { id name }\n      clock { deadline deadlineDay onHold remainingWorkingDays }\n      materialRequests { kind noticeSeq code name problem note dueDay suppliedAt }\n      materialFiles { fileId materialCode fileName mediaType sizeBytes attachedAt }\n      judgedBy { materials { code name } }\n      routingSlip { seq action toStatus actorKind occurredAt }\n      feeRequired feeSettled\n      paymentNotices {\n        id noticeNo status payable amountFen payerName itemName departmentName issuedAt expiresDay paidAt receiptNo\n        lineItems { feeCode description quantity amountFen legalBasis }\n        account { accountNo accountName bankName }\n      }\n    }\n  }\n": types.MyCaseDocument,
    "\n  mutation WithdrawCase($caseId: ID!, $reason: String!, $idempotencyKey: String) {\n    withdrawCase(caseId: $caseId, reason: $reason, idempotencyKey: $idempotencyKey) { id status }\n  }\n": types.WithdrawCaseDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApplyForm($id: ID!) {\n    item(id: $id) {\n      id name promisedLimitDays\n      materials { code name form copies mandatory notes }\n    }\n    myCitizenAccount { id kind name idNumber }\n  }\n"): (typeof documents)["\n  query ApplyForm($id: ID!) {\n    item(id: $id) {\n      id name promisedLimitDays\n      materials { code name form copies mandatory notes }\n    }\n    myCitizenAccount { id kind name idNumber }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitCase($input: SubmitCaseInput!) {\n    submitCase(input: $input) {\n      id receiptNo submittedAt applicantName\n      item { id name }\n      receipt { receiptNo itemName submittedAt promisedWorkingDays lookupHint }\n      materialFiles { fileId materialCode fileName }\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitCase($input: SubmitCaseInput!) {\n    submitCase(input: $input) {\n      id receiptNo submittedAt applicantName\n      item { id name }\n      receipt { receiptNo itemName submittedAt promisedWorkingDays lookupHint }\n      materialFiles { fileId materialCode fileName }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SupplyMaterials($caseId: ID!, $materials: [SuppliedMaterialInput!]!, $idempotencyKey: String) {\n    supplyMaterials(caseId: $caseId, materials: $materials, idempotencyKey: $idempotencyKey) {\n      id status\n      materialRequests { kind noticeSeq code name problem note dueDay suppliedAt }\n      materialFiles { fileId materialCode fileName mediaType sizeBytes attachedAt }\n    }\n  }\n"): (typeof documents)["\n  mutation SupplyMaterials($caseId: ID!, $materials: [SuppliedMaterialInput!]!, $idempotencyKey: String) {\n    supplyMaterials(caseId: $caseId, materials: $materials, idempotencyKey: $idempotencyKey) {\n      id status\n      materialRequests { kind noticeSeq code name problem note dueDay suppliedAt }\n      materialFiles { fileId materialCode fileName mediaType sizeBytes attachedAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RatingFields on CaseRating {\n      level comment ratedAt bad\n      additions { text addedAt }\n      followUp { due status answer note answeredAt }\n  }\n"): (typeof documents)["\n  fragment RatingFields on CaseRating {\n      level comment ratedAt bad\n      additions { text addedAt }\n      followUp { due status answer note answeredAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseRating($caseId: ID!) {\n    caseRating(caseId: $caseId) { ...RatingFields }\n  }\n"): (typeof documents)["\n  query CaseRating($caseId: ID!) {\n    caseRating(caseId: $caseId) { ...RatingFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RateCase($input: RateCaseInput!) {\n    rateCase(input: $input) { ...RatingFields }\n  }\n"): (typeof documents)["\n  mutation RateCase($input: RateCaseInput!) {\n    rateCase(input: $input) { ...RatingFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddToRating($input: AddToRatingInput!) {\n    addToRating(input: $input) { ...RatingFields }\n  }\n"): (typeof documents)["\n  mutation AddToRating($input: AddToRatingInput!) {\n    addToRating(input: $input) { ...RatingFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchItems($centerCode: String!, $keyword: String, $departmentId: ID, $theme: ItemTheme, $first: Int, $after: String) {\n    searchItems(centerCode: $centerCode, keyword: $keyword, departmentId: $departmentId, theme: $theme, first: $first, after: $after) {\n      totalCount\n      pageInfo { endCursor hasNextPage }\n      nodes { id name kind promisedLimitDays department { id name } }\n    }\n  }\n"): (typeof documents)["\n  query SearchItems($centerCode: String!, $keyword: String, $departmentId: ID, $theme: ItemTheme, $first: Int, $after: String) {\n    searchItems(centerCode: $centerCode, keyword: $keyword, departmentId: $departmentId, theme: $theme, first: $first, after: $after) {\n      totalCount\n      pageInfo { endCursor hasNextPage }\n      nodes { id name kind promisedLimitDays department { id name } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Departments($centerCode: String!) {\n    departments(centerCode: $centerCode) { id name code }\n  }\n"): (typeof documents)["\n  query Departments($centerCode: String!) {\n    departments(centerCode: $centerCode) { id name code }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ItemDisclosure($id: ID!) {\n    item(id: $id) {\n      id code name kind category themes\n      department { id name }\n      content legalBasis conditions procedure\n      legalLimitDays promisedLimitDays\n      free preferentialPolicies\n      feeItems { code name kind amountFen unitName unitPriceFen description legalBasis }\n      materials { code name form copies mandatory notes deferrable }\n      supervisionContact maxVisits\n      entry { status notEnteredReason window { id name hall { id name } } }\n    }\n  }\n"): (typeof documents)["\n  query ItemDisclosure($id: ID!) {\n    item(id: $id) {\n      id code name kind category themes\n      department { id name }\n      content legalBasis conditions procedure\n      legalLimitDays promisedLimitDays\n      free preferentialPolicies\n      feeItems { code name kind amountFen unitName unitPriceFen description legalBasis }\n      materials { code name form copies mandatory notes deferrable }\n      supervisionContact maxVisits\n      entry { status notEnteredReason window { id name hall { id name } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProgressLookupChallenge {\n    progressLookupChallenge { altcha expiresAt }\n  }\n"): (typeof documents)["\n  query ProgressLookupChallenge {\n    progressLookupChallenge { altcha expiresAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SignInChallenge {\n    signInChallenge { altcha expiresAt }\n  }\n"): (typeof documents)["\n  query SignInChallenge {\n    signInChallenge { altcha expiresAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseProgress($receiptNo: String!, $idNumber: String!, $challenge: String) {\n    caseProgress(receiptNo: $receiptNo, idNumber: $idNumber, challenge: $challenge) {\n      receiptNo stage deadline deadlineDay onHold\n      missingMaterials { name problem dueDay }\n    }\n  }\n"): (typeof documents)["\n  query CaseProgress($receiptNo: String!, $idNumber: String!, $challenge: String) {\n    caseProgress(receiptNo: $receiptNo, idNumber: $idNumber, challenge: $challenge) {\n      receiptNo stage deadline deadlineDay onHold\n      missingMaterials { name problem dueDay }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LoginCitizen($input: LoginCitizenInput!) {\n    loginCitizen(input: $input) {\n      accessToken expiresAt refreshToken refreshExpiresAt\n      account { id kind name }\n    }\n  }\n"): (typeof documents)["\n  mutation LoginCitizen($input: LoginCitizenInput!) {\n    loginCitizen(input: $input) {\n      accessToken expiresAt refreshToken refreshExpiresAt\n      account { id kind name }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterCitizen($input: RegisterCitizenInput!) {\n    registerCitizen(input: $input) { id kind name }\n  }\n"): (typeof documents)["\n  mutation RegisterCitizen($input: RegisterCitizenInput!) {\n    registerCitizen(input: $input) { id kind name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyAccount {\n    myCitizenAccount { id kind name }\n  }\n"): (typeof documents)["\n  query MyAccount {\n    myCitizenAccount { id kind name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyCases {\n    myCases(limit: 50) {\n      id receiptNo status submittedAt\n      item { id name }\n      clock { deadline deadlineDay onHold }\n      materialRequests { kind noticeSeq code name problem note dueDay suppliedAt }\n    }\n  }\n"): (typeof documents)["\n  query MyCases {\n    myCases(limit: 50) {\n      id receiptNo status submittedAt\n      item { id name }\n      clock { deadline deadlineDay onHold }\n      materialRequests { kind noticeSeq code name problem note dueDay suppliedAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyCase($id: ID!) {\n    case(id: $id) {\n      id receiptNo status outcome submittedAt acceptedAt decidedAt concludedAt applicantName\n      item { id name }\n      department { id name }\n      clock { deadline deadlineDay onHold remainingWorkingDays }\n      materialRequests { kind noticeSeq code name problem note dueDay suppliedAt }\n      materialFiles { fileId materialCode fileName mediaType sizeBytes attachedAt }\n      judgedBy { materials { code name } }\n      routingSlip { seq action toStatus actorKind occurredAt }\n      feeRequired feeSettled\n      paymentNotices {\n        id noticeNo status payable amountFen payerName itemName departmentName issuedAt expiresDay paidAt receiptNo\n        lineItems { feeCode description quantity amountFen legalBasis }\n        account { accountNo accountName bankName }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyCase($id: ID!) {\n    case(id: $id) {\n      id receiptNo status outcome submittedAt acceptedAt decidedAt concludedAt applicantName\n      item { id name }\n      department { id name }\n      clock { deadline deadlineDay onHold remainingWorkingDays }\n      materialRequests { kind noticeSeq code name problem note dueDay suppliedAt }\n      materialFiles { fileId materialCode fileName mediaType sizeBytes attachedAt }\n      judgedBy { materials { code name } }\n      routingSlip { seq action toStatus actorKind occurredAt }\n      feeRequired feeSettled\n      paymentNotices {\n        id noticeNo status payable amountFen payerName itemName departmentName issuedAt expiresDay paidAt receiptNo\n        lineItems { feeCode description quantity amountFen legalBasis }\n        account { accountNo accountName bankName }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawCase($caseId: ID!, $reason: String!, $idempotencyKey: String) {\n    withdrawCase(caseId: $caseId, reason: $reason, idempotencyKey: $idempotencyKey) { id status }\n  }\n"): (typeof documents)["\n  mutation WithdrawCase($caseId: ID!, $reason: String!, $idempotencyKey: String) {\n    withdrawCase(caseId: $caseId, reason: $reason, idempotencyKey: $idempotencyKey) { id status }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;