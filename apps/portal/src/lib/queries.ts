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

export const SignInChallengeQuery = graphql(`
  query SignInChallenge {
    signInChallenge { altcha expiresAt }
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

// The refresh token is selected so that the gateway finds it and moves it into the HttpOnly
// cookie (the request carries x-onestop-refresh: cookie); the answer then holds "" in its place.
export const LoginCitizenMutation = graphql(`
  mutation LoginCitizen($input: LoginCitizenInput!) {
    loginCitizen(input: $input) {
      accessToken expiresAt refreshToken refreshExpiresAt
      account { id kind name }
    }
  }
`);

export const RegisterCitizenMutation = graphql(`
  mutation RegisterCitizen($input: RegisterCitizenInput!) {
    registerCitizen(input: $input) { id kind name }
  }
`);

export const MyAccountQuery = graphql(`
  query MyAccount {
    myCitizenAccount { id kind name }
  }
`);

/** The signed-in staff member, for the header after a reload (the token names only the id). */
export const MeQuery = graphql(`
  query Me {
    me { id name code centerCode department { id name } }
  }
`);

export const MyCasesQuery = graphql(`
  query MyCases {
    myCases(limit: 50) {
      id receiptNo status submittedAt
      item { id name }
      clock { deadline deadlineDay onHold }
      materialRequests { kind noticeSeq code name problem note dueDay suppliedAt }
    }
  }
`);

export const MyCaseQuery = graphql(`
  query MyCase($id: ID!) {
    case(id: $id) {
      id receiptNo status outcome submittedAt acceptedAt decidedAt concludedAt applicantName
      item { id name }
      department { id name }
      clock { deadline deadlineDay onHold remainingWorkingDays }
      materialRequests { kind noticeSeq code name problem note dueDay suppliedAt }
      materialFiles { fileId materialCode fileName mediaType sizeBytes attachedAt }
      judgedBy { materials { code name } }
      routingSlip { seq action toStatus actorKind occurredAt }
      feeRequired feeSettled
      paymentNotices {
        id noticeNo status payable amountFen payerName itemName departmentName issuedAt expiresDay paidAt receiptNo
        lineItems { feeCode description quantity amountFen legalBasis }
        account { accountNo accountName bankName }
      }
    }
  }
`);

export const WithdrawCaseMutation = graphql(`
  mutation WithdrawCase($caseId: ID!, $reason: String!, $idempotencyKey: String) {
    withdrawCase(caseId: $caseId, reason: $reason, idempotencyKey: $idempotencyKey) { id status }
  }
`);
