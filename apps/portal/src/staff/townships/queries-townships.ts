import { graphql } from "../../gql";

// The documents of the townships area (乡镇与代办, issue 22), loaded with it.

export const AgencyCasesQuery = graphql(`
  query AgencyCases($statuses: [CaseStatus!], $first: Int, $after: String) {
    agencyCases(statuses: $statuses, first: $first, after: $after) {
      totalCount
      pageInfo { endCursor hasNextPage }
      nodes {
        id receiptNo status submittedAt applicantName centerCode intakeCenterCode
        item { id name }
        department { id name }
        clock { deadlineDay onHold }
      }
    }
  }
`);

export const AgencySlipQuery = graphql(`
  query AgencySlip($id: ID!) {
    case(id: $id) {
      id
      routingSlip { seq action toStatus actorKind actorCenterCode actor { id name } opinion occurredAt }
    }
  }
`);

/** The county's register, for the centers' names on the slip and in the report. */
export const CountyCentersQuery = graphql(`
  query CountyCenters($countyCode: String!) {
    serviceCenters(countyCode: $countyCode) { code level parentCode name }
  }
`);

export const TownshipReportQuery = graphql(`
  query TownshipReport($countyCode: String!, $month: String!) {
    townshipMonthlyReport(countyCode: $countyCode, month: $month) {
      countyCode month from to dueOn csv
      rule { dueDayOfMonth reportOnTime reportLate reportMissing perInformationItem informationCap noInformation onTimeRate perRedWarning }
      rows {
        rank centerCode name timeliness
        submission { consultations informationItems { title summary } note firstSubmittedAt submittedAt revision }
        figures { accepted concluded onTimeRate redWarnings }
        points { report information onTime warnings total }
      }
    }
  }
`);

export const SubmitTownshipReportMutation = graphql(`
  mutation SubmitTownshipReport($input: SubmitTownshipReportInput!) {
    submitTownshipReport(input: $input) { centerCode month consultations revision submittedAt }
  }
`);
