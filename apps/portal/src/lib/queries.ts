import { graphql } from "../gql";

export const SearchItemsQuery = graphql(`
  query SearchItems($centerCode: String!, $keyword: String, $departmentId: ID, $theme: ItemTheme, $first: Int, $after: String) {
    searchItems(centerCode: $centerCode, keyword: $keyword, departmentId: $departmentId, theme: $theme, first: $first, after: $after) {
      totalCount
      pageInfo { endCursor hasNextPage }
      nodes { id name kind promisedLimitDays department { id name } }
    }
  }
`);

export const DepartmentsQuery = graphql(`
  query Departments($centerCode: String!) {
    departments(centerCode: $centerCode) { id name code }
  }
`);

export const ItemQuery = graphql(`
  query ItemDisclosure($id: ID!) {
    item(id: $id) {
      id code name kind category themes
      department { id name }
      content legalBasis conditions procedure
      legalLimitDays promisedLimitDays
      free preferentialPolicies
      feeItems { code name kind amountFen unitName unitPriceFen description legalBasis }
      materials { code name form copies mandatory notes deferrable }
      supervisionContact maxVisits
      entry { status notEnteredReason window { id name hall { id name } } }
    }
  }
`);

export const ProgressLookupChallengeQuery = graphql(`
  query ProgressLookupChallenge {
    progressLookupChallenge { altcha expiresAt }
  }
`);

export const CaseProgressQuery = graphql(`
  query CaseProgress($receiptNo: String!, $idNumber: String!, $challenge: String) {
    caseProgress(receiptNo: $receiptNo, idNumber: $idNumber, challenge: $challenge) {
      receiptNo stage deadline deadlineDay onHold
      missingMaterials { name problem dueDay }
    }
  }
`);
