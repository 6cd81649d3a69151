import { graphql } from "../../gql";

// The hall's own administration: entry into the hall, halls and windows, A/B posts, bank clients, assessment.

export const HallDepartmentsQuery = graphql(`
  query HallAdminDepartments($centerCode: String!) {
    departments(centerCode: $centerCode) { id code name }
  }
`);

export const EntryRateQuery = graphql(`
  query HallAdminEntryRate($centerCode: String!) {
    entryRate(centerCode: $centerCode) {
      centerCode
      rate { total entered notEntered undecided rate }
      departments { department { id name } rate { total entered notEntered undecided rate } }
    }
  }
`);

export const EntryItemsQuery = graphql(`
  query HallAdminEntryItems($centerCode: String!, $departmentId: ID, $keyword: String, $first: Int, $after: String) {
    administeredItems(centerCode: $centerCode, departmentId: $departmentId, keyword: $keyword, status: ACTIVE, first: $first, after: $after) {
      totalCount
      pageInfo { endCursor hasNextPage }
      nodes {
        id code name
        department { id name windows { id code name open } }
        entry { status notEnteredReason changedAt window { id code name } }
      }
    }
  }
`);

export const SetItemEntryMutation = graphql(`
  mutation HallAdminSetItemEntry($itemId: ID!, $input: ItemEntryInput!) {
    setItemEntry(itemId: $itemId, input: $input) { status notEnteredReason changedAt window { id code name } }
  }
`);

export const HallsQuery = graphql(`
  query HallAdminHalls($centerCode: String!) {
    halls(centerCode: $centerCode) {
      id code name theme
      windows {
        id code name kind open
        department { id name }
        actsFor { id name }
        aPost { holder { id name } }
        bPost { holder { id name } }
      }
    }
  }
`);

export const CreateHallMutation = graphql(`
  mutation HallAdminCreateHall($input: CreateHallInput!) {
    createHall(input: $input) { id code name theme windows { id } }
  }
`);

export const OpenWindowMutation = graphql(`
  mutation HallAdminOpenWindow($input: OpenWindowInput!) {
    openWindow(input: $input) { id code name kind open hall { id } }
  }
`);

export const ChangeWindowMutation = graphql(`
  mutation HallAdminChangeWindow($input: ChangeWindowInput!) {
    changeWindow(input: $input) { id open name actsFor { id name } }
  }
`);

export const PostRequestsQuery = graphql(`
  query HallAdminPostRequests($centerCode: String!, $status: PostChangeStatus, $first: Int, $after: String) {
    postChangeRequestPage(centerCode: $centerCode, status: $status, first: $first, after: $after) {
      totalCount nextCursor
      nodes {
        id position termYears reason status requestedAt decidedAt decisionNote
        window { id code name }
        proposedHolder { id code name }
        previousHolder { id code name }
        requester { id name }
        decider { id name }
      }
    }
  }
`);

export const PostWindowsQuery = graphql(`
  query HallAdminPostWindows($centerCode: String!) {
    windows(centerCode: $centerCode) { id code name open kind aPost { holder { name } } bPost { holder { name } } }
    vacantPosts(centerCode: $centerCode) { position window { id code name } }
  }
`);

export const RequestPostChangeMutation = graphql(`
  mutation HallAdminRequestPostChange($input: RequestPostChangeInput!) {
    requestPostChange(input: $input) { id status }
  }
`);

export const ApprovePostChangeMutation = graphql(`
  mutation HallAdminApprovePostChange($input: DecidePostChangeInput!) {
    approvePostChange(input: $input) { id status decidedBy decidedAt decisionNote }
  }
`);

export const RejectPostChangeMutation = graphql(`
  mutation HallAdminRejectPostChange($input: DecidePostChangeInput!) {
    rejectPostChange(input: $input) { id status decidedBy decidedAt decisionNote }
  }
`);

export const BankClientsQuery = graphql(`
  query HallAdminBankClients($centerCode: String!) {
    bankClients(centerCode: $centerCode) { id name role createdAt secrets { id createdAt revokedAt } }
  }
`);

export const CreateBankClientMutation = graphql(`
  mutation HallAdminCreateBankClient($input: CreateBankClientInput!) {
    createBankClient(input: $input) { secretId clientSecret client { id name role createdAt secrets { id createdAt revokedAt } } }
  }
`);

export const RotateBankClientSecretMutation = graphql(`
  mutation HallAdminRotateBankClientSecret($clientId: ID!) {
    rotateBankClientSecret(clientId: $clientId) { secretId clientSecret client { id secrets { id createdAt revokedAt } } }
  }
`);

export const RevokeBankClientSecretMutation = graphql(`
  mutation HallAdminRevokeBankClientSecret($clientId: ID!, $secretId: ID!) {
    revokeBankClientSecret(clientId: $clientId, secretId: $secretId) { id secrets { id createdAt revokedAt } }
  }
`);

export const MonthlyAssessmentQuery = graphql(`
  query HallAdminMonthlyAssessment($centerCode: String!, $month: String!) {
    monthlyFigures(centerCode: $centerCode, month: $month) {
      month
      center { accepted concluded onTime overdue onTimeRate earlyCompletionRate averageHandlingDays averageRating ratingCount }
    }
    redFlagRanking(centerCode: $centerCode, month: $month) {
      rank score eligible redFlag
      window { id code name department { id name } }
      figures { accepted concluded onTime overdue onTimeRate averageRating }
    }
  }
`);

export const QuarterlyAssessmentQuery = graphql(`
  query HallAdminQuarterlyAssessment($centerCode: String!, $year: Int!, $quarter: Int!) {
    quarterlyReport(centerCode: $centerCode, year: $year, quarter: $quarter) {
      year quarter months summary
      center { accepted concluded onTime overdue onTimeRate averageRating }
      redFlagsByMonth { month windows { rank score redFlag window { id code name } } }
      windows { rank score eligible redFlag window { id code name } figures { concluded onTimeRate } }
    }
  }
`);
