import { graphql } from "../gql";

// The documents of the pages loaded on demand: applying online, answering a notice, rating.

export const ApplyFormQuery = graphql(`
  query ApplyForm($id: ID!) {
    item(id: $id) {
      id name promisedLimitDays
      materials { code name form copies mandatory notes }
    }
    myCitizenAccount { id kind name idNumber }
  }
`);

export const SubmitCaseMutation = graphql(`
  mutation SubmitCase($input: SubmitCaseInput!) {
    submitCase(input: $input) {
      id receiptNo submittedAt applicantName
      item { id name }
      receipt { receiptNo itemName submittedAt promisedWorkingDays lookupHint }
      materialFiles { fileId materialCode fileName }
    }
  }
`);

export const SupplyMaterialsMutation = graphql(`
  mutation SupplyMaterials($caseId: ID!, $materials: [SuppliedMaterialInput!]!, $idempotencyKey: String) {
    supplyMaterials(caseId: $caseId, materials: $materials, idempotencyKey: $idempotencyKey) {
      id status
      materialRequests { kind noticeSeq code name problem note dueDay suppliedAt }
      materialFiles { fileId materialCode fileName mediaType sizeBytes attachedAt }
    }
  }
`);

// What the case page shows of a rating, whichever operation answers it.
export const RatingFieldsFragment = graphql(`
  fragment RatingFields on CaseRating {
      level comment ratedAt bad
      additions { text addedAt }
      followUp { due status answer note answeredAt }
  }
`);

export const CaseRatingQuery = graphql(`
  query CaseRating($caseId: ID!) {
    caseRating(caseId: $caseId) { ...RatingFields }
  }
`);

export const RateCaseMutation = graphql(`
  mutation RateCase($input: RateCaseInput!) {
    rateCase(input: $input) { ...RatingFields }
  }
`);

export const AddToRatingMutation = graphql(`
  mutation AddToRating($input: AddToRatingInput!) {
    addToRating(input: $input) { ...RatingFields }
  }
`);
