import { graphql } from "../../gql";

export const AdminItemsQuery = graphql(`
  query AdminItems($centerCode: String!, $keyword: String, $status: ItemStatus, $withDraft: Boolean, $first: Int, $after: String) {
    administeredItems(centerCode: $centerCode, keyword: $keyword, status: $status, withDraft: $withDraft, first: $first, after: $after) {
      totalCount
      pageInfo { endCursor hasNextPage }
      nodes { id code name status version versionStatus kind department { id name } }
    }
  }
`);

export const AdminItemQuery = graphql(`
  query AdminItem($id: ID!) {
    item(id: $id) {
      id code baseCode status version versionStatus name kind category publishedAt retiredAt retiredReason
      department { id name }
      mergedInto { id code name }
      history { version publishedAt changeNote changes { field description } }
      draft {
        itemId version status name content legalBasis conditions procedure
        legalLimitDays promisedLimitDays maxVisits preferentialPolicies supervisionContact
        stageLimits { acceptanceDays reviewDays approvalDays }
      }
    }
  }
`);

export const AdminItemVersionQuery = graphql(`
  query AdminItemVersion($itemId: ID!, $version: Int!) {
    itemVersion(itemId: $itemId, version: $version) {
      itemId version status publishedAt changeNote
      name category kind themes content legalBasis conditions procedure
      materials { code name form copies mandatory notes deferrable }
      legalLimitDays promisedLimitDays
      stageLimits { acceptanceDays reviewDays approvalDays }
      feeItems { code name description legalBasis }
      preferentialPolicies supervisionContact maxVisits deemedApproval vetoEscalation allowsCommitment reportedTo
      jointDepartments { id name }
    }
  }
`);

export const ReviseItemMutation = graphql(`
  mutation AdminReviseItem($itemId: ID!, $input: ItemDraftInput!) {
    reviseItem(itemId: $itemId, input: $input) { itemId version status item { id } }
  }
`);

export const EditItemDraftMutation = graphql(`
  mutation AdminEditItemDraft($itemId: ID!, $version: Int!, $input: ItemDraftInput!) {
    editItemDraft(itemId: $itemId, version: $version, input: $input) {
      itemId version status name content legalBasis conditions procedure
      legalLimitDays promisedLimitDays maxVisits preferentialPolicies supervisionContact
      stageLimits { acceptanceDays reviewDays approvalDays }
    }
  }
`);

export const PublishItemVersionMutation = graphql(`
  mutation AdminPublishItemVersion($itemId: ID!, $version: Int!, $changeNote: String) {
    publishItemVersion(itemId: $itemId, version: $version, changeNote: $changeNote) { id version versionStatus publishedAt }
  }
`);

export const CancelItemMutation = graphql(`
  mutation AdminCancelItem($itemId: ID!, $reason: String!) {
    cancelItem(itemId: $itemId, reason: $reason) { id status retiredAt retiredReason }
  }
`);

export const MergeItemMutation = graphql(`
  mutation AdminMergeItem($itemId: ID!, $intoItemId: ID!, $reason: String!) {
    mergeItem(itemId: $itemId, intoItemId: $intoItemId, reason: $reason) { id status retiredAt retiredReason mergedInto { id code name } }
  }
`);

export const StaffPageQuery = graphql(`
  query AdminStaffPage($centerCode: String!, $keyword: String, $first: Int, $after: String) {
    staffPage(centerCode: $centerCode, keyword: $keyword, first: $first, after: $after) {
      totalCount nextCursor
      nodes { id code name department { id name } isChiefRepresentative isDepartmentPrincipal }
    }
  }
`);

export const StaffLettersQuery = graphql(`
  query AdminStaffLetters($id: ID!) {
    staff(id: $id) {
      id code name centerCode isChiefRepresentative
      department { id name }
      authorizations(includeRevoked: true) {
        id acts validFrom validUntil grantedBy grantedAt revokedAt revokeReason inForce
        department { id name }
        item { id name code }
      }
    }
  }
`);

export const GrantAuthorizationMutation = graphql(`
  mutation AdminGrantAuthorization($input: GrantAuthorizationInput!) {
    grantAuthorization(input: $input) { id acts inForce staff { id } }
  }
`);

export const RevokeAuthorizationMutation = graphql(`
  mutation AdminRevokeAuthorization($input: RevokeAuthorizationInput!) {
    revokeAuthorization(input: $input) { id revokedAt revokeReason inForce staff { id } }
  }
`);
