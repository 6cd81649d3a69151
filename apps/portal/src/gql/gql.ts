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
    "\n  query SearchItems($centerCode: String!, $keyword: String, $departmentId: ID, $theme: ItemTheme, $first: Int, $after: String) {\n    searchItems(centerCode: $centerCode, keyword: $keyword, departmentId: $departmentId, theme: $theme, first: $first, after: $after) {\n      totalCount\n      pageInfo { endCursor hasNextPage }\n      nodes { id name kind promisedLimitDays department { id name } }\n    }\n  }\n": typeof types.SearchItemsDocument,
    "\n  query Departments($centerCode: String!) {\n    departments(centerCode: $centerCode) { id name code }\n  }\n": typeof types.DepartmentsDocument,
    "\n  query ItemDisclosure($id: ID!) {\n    item(id: $id) {\n      id code name kind category themes\n      department { id name }\n      content legalBasis conditions procedure\n      legalLimitDays promisedLimitDays\n      free preferentialPolicies\n      feeItems { code name kind amountFen unitName unitPriceFen description legalBasis }\n      materials { code name form copies mandatory notes deferrable }\n      supervisionContact maxVisits\n      entry { status notEnteredReason window { id name hall { id name } } }\n    }\n  }\n": typeof types.ItemDisclosureDocument,
    "\n  query ProgressLookupChallenge {\n    progressLookupChallenge { altcha expiresAt }\n  }\n": typeof types.ProgressLookupChallengeDocument,
    "\n  query CaseProgress($receiptNo: String!, $idNumber: String!, $challenge: String) {\n    caseProgress(receiptNo: $receiptNo, idNumber: $idNumber, challenge: $challenge) {\n      receiptNo stage deadline deadlineDay onHold\n      missingMaterials { name problem dueDay }\n    }\n  }\n": typeof types.CaseProgressDocument,
};
const documents: Documents = {
    "\n  query SearchItems($centerCode: String!, $keyword: String, $departmentId: ID, $theme: ItemTheme, $first: Int, $after: String) {\n    searchItems(centerCode: $centerCode, keyword: $keyword, departmentId: $departmentId, theme: $theme, first: $first, after: $after) {\n      totalCount\n      pageInfo { endCursor hasNextPage }\n      nodes { id name kind promisedLimitDays department { id name } }\n    }\n  }\n": types.SearchItemsDocument,
    "\n  query Departments($centerCode: String!) {\n    departments(centerCode: $centerCode) { id name code }\n  }\n": types.DepartmentsDocument,
    "\n  query ItemDisclosure($id: ID!) {\n    item(id: $id) {\n      id code name kind category themes\n      department { id name }\n      content legalBasis conditions procedure\n      legalLimitDays promisedLimitDays\n      free preferentialPolicies\n      feeItems { code name kind amountFen unitName unitPriceFen description legalBasis }\n      materials { code name form copies mandatory notes deferrable }\n      supervisionContact maxVisits\n      entry { status notEnteredReason window { id name hall { id name } } }\n    }\n  }\n": types.ItemDisclosureDocument,
    "\n  query ProgressLookupChallenge {\n    progressLookupChallenge { altcha expiresAt }\n  }\n": types.ProgressLookupChallengeDocument,
    "\n  query CaseProgress($receiptNo: String!, $idNumber: String!, $challenge: String) {\n    caseProgress(receiptNo: $receiptNo, idNumber: $idNumber, challenge: $challenge) {\n      receiptNo stage deadline deadlineDay onHold\n      missingMaterials { name problem dueDay }\n    }\n  }\n": types.CaseProgressDocument,
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
export function graphql(source: "\n  query CaseProgress($receiptNo: String!, $idNumber: String!, $challenge: String) {\n    caseProgress(receiptNo: $receiptNo, idNumber: $idNumber, challenge: $challenge) {\n      receiptNo stage deadline deadlineDay onHold\n      missingMaterials { name problem dueDay }\n    }\n  }\n"): (typeof documents)["\n  query CaseProgress($receiptNo: String!, $idNumber: String!, $challenge: String) {\n    caseProgress(receiptNo: $receiptNo, idNumber: $idNumber, challenge: $challenge) {\n      receiptNo stage deadline deadlineDay onHold\n      missingMaterials { name problem dueDay }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;