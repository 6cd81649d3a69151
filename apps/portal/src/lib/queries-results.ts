import { graphql } from "../gql";

export const VerifyDocumentQuery = graphql(`
  query VerifyDocument($code: String!) {
    verifyDocument(code: $code) {
      kind title documentNo issuedAt centerName departmentName itemName sha256
      licenceNo licenceStatus validFrom validUntil replacedByNo
    }
  }
`);

export const CaseDocumentsQuery = graphql(`
  query CaseDocuments($id: ID!) {
    case(id: $id) {
      id
      documents { id kind title documentNo verificationCode issuedAt downloadPath sizeBytes licence { id status validUntil } }
    }
  }
`);

export const MyLicencesQuery = graphql(`
  query MyLicences {
    myLicences {
      id licenceNo status itemName validFrom validUntil issuedAt
      document { id title verificationCode downloadPath documentNo }
    }
  }
`);
