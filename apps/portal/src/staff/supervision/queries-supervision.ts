import { graphql } from "../../gql";

// 电子监察: every document the supervision area sends. Lists page on the server (first/after).

export const SupCaseCountsQuery = graphql(`
  query SupCaseCounts($centerCode: String!, $departmentId: ID) {
    supervisionCaseCounts(centerCode: $centerCode, departmentId: $departmentId) {
      department { id name }
      status count overdue
    }
  }
`);

export const SupWarningCountsQuery = graphql(`
  query SupWarningCounts($centerCode: String!, $departmentId: ID) {
    supervisionWarningCounts(centerCode: $centerCode, departmentId: $departmentId) {
      kind status count
      department { id name }
    }
  }
`);

export const SupWarningsQuery = graphql(`
  query SupWarnings($filter: SupervisionWarningFilter!, $first: Int, $after: String) {
    supervisionWarnings(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { endCursor hasNextPage }
      nodes {
        id kind level status clock deadline detail raisedAt closedAt
        department { id name }
        window { id name }
        case { id receiptNo }
        jointApproval { id projectName }
        acknowledgement { note acknowledgedBy acknowledgedAt }
      }
    }
  }
`);

export const AcknowledgeWarningMutation = graphql(`
  mutation AcknowledgeWarning($id: ID!, $note: String!) {
    acknowledgeWarning(id: $id, note: $note) {
      id status
      acknowledgement { note acknowledgedBy acknowledgedAt }
    }
  }
`);

export const SupRankingQuery = graphql(`
  query SupRanking($centerCode: String!, $period: SupervisionPeriodInput!, $of: SupervisionRankingOf!) {
    supervisionRanking(centerCode: $centerCode, period: $period, of: $of) {
      of
      rows {
        key name score rank redFlag notEligible
        figures { accepted concluded onTimeRate satisfaction redWarnings badRatings }
      }
    }
  }
`);

export const SupStaffFiguresQuery = graphql(`
  query SupStaffFigures($centerCode: String!, $period: SupervisionPeriodInput!, $departmentId: ID) {
    supervisionFigures(centerCode: $centerCode, period: $period, groupBy: STAFF, departmentId: $departmentId) {
      key name
      figures { accepted concluded onTimeRate satisfaction redWarnings ratings }
    }
  }
`);

export const SupReportQuery = graphql(`
  query SupReport($centerCode: String!, $month: String, $year: Int, $quarter: Int) {
    supervisionReport(centerCode: $centerCode, month: $month, year: $year, quarter: $quarter) {
      kind title from to dueOn csv
      center {
        accepted concluded onTimeRate earlyCompletionRate averageWorkingDaysUsed averagePromisedDays
        oneTimeNoticeRate instantShare refusals deemedApprovals warnings redWarnings ratings averageRating satisfaction badRatings
      }
      targets { instantShare earlyCompletionRate }
      departments { rows { key name rank score figures { accepted concluded onTimeRate satisfaction } } }
      windows { rows { key name rank score redFlag figures { accepted concluded onTimeRate satisfaction } } }
      hall {
        missedAppointments
        center { ...SupHallNumbers }
        windows { key name figures { ...SupHallNumbers } }
      }
    }
  }
`);

export const SupFollowUpsQuery = graphql(`
  query SupFollowUps($centerCode: String!, $departmentId: ID, $openOnly: Boolean, $first: Int, $after: String) {
    ratingFollowUps(centerCode: $centerCode, departmentId: $departmentId, openOnly: $openOnly, first: $first, after: $after) {
      totalCount
      pageInfo { endCursor hasNextPage }
      nodes {
        receiptNo level score bad channel comment ratedAt
        case { id }
        department { id name }
        window { id name }
        followUp { due status answer note answeredAt }
        appeal { reason appealedAt decision note decidedAt }
      }
    }
  }
`);

export const SupFeeIrregularitiesQuery = graphql(`
  query SupFeeIrregularities($centerCode: String!, $first: Int, $after: String) {
    feeIrregularityPage(centerCode: $centerCode, first: $first, after: $after) {
      totalCount nextCursor
      nodes {
        id kind source noticeNo bankTxnId feeCode expectedFen actualFen detail detectedAt
        department { id name }
      }
    }
  }
`);

export const SupHallNumbersFragment = graphql(`
  fragment SupHallNumbers on SupervisionHallFigures {
    issued called served noShows noShowRate transferred casesStarted meanWaitingSeconds maxWaitingSeconds meanHandlingSeconds activeHours ticketsPerHour
  }
`);

export const SupHallFiguresQuery = graphql(`
  query SupHallFigures($centerCode: String!, $period: SupervisionPeriodInput!, $departmentId: ID) {
    supervisionHallFigures(centerCode: $centerCode, period: $period, departmentId: $departmentId) {
      from to missedAppointments
      center { ...SupHallNumbers }
      departments { key name figures { ...SupHallNumbers } }
      windows { key name figures { ...SupHallNumbers } }
      items { key name item { id name } department { id name } figures { ...SupHallNumbers } }
      hours { hour issued called meanWaitingSeconds }
    }
  }
`);

export const AnswerFollowUpMutation = graphql(`
  mutation AnswerFollowUp($input: AnswerRatingFollowUpInput!) {
    answerRatingFollowUp(input: $input) { receiptNo followUp { status answer note answeredAt } }
  }
`);

export const DecideAppealMutation = graphql(`
  mutation DecideAppeal($input: DecideRatingAppealInput!) {
    decideRatingAppeal(input: $input) { receiptNo appeal { decision note decidedAt } followUp { status } }
  }
`);
