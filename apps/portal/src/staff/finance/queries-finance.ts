import { graphql } from "../../gql";

export const PendingReductionsQuery = graphql(`
  query FinancePendingReductions($centerCode: String!, $first: Int, $after: String) {
    feeReductionPage(centerCode: $centerCode, status: REQUESTED, first: $first, after: $after) {
      totalCount nextCursor
      nodes {
        id percent waiver policy reason status requestedBy requestedAt
        notice { id noticeNo payerName amountFen standardAmountFen itemName departmentName }
      }
    }
  }
`);

export const PendingRefundsQuery = graphql(`
  query FinancePendingRefunds($centerCode: String!, $first: Int, $after: String) {
    refundPage(centerCode: $centerCode, status: REQUESTED, first: $first, after: $after) {
      totalCount nextCursor
      nodes {
        id noticeNo amountFen reason status accountNo requestedBy requestedAt
        notice { id payerName itemName departmentName }
      }
    }
  }
`);

export const DecideReductionMutation = graphql(`
  mutation FinanceDecideReduction($input: DecideFeeReductionInput!) {
    decideFeeReduction(input: $input) { id status decidedBy decidedAt decisionNote resultingNotice { id noticeNo amountFen } }
  }
`);

export const DecideRefundMutation = graphql(`
  mutation FinanceDecideRefund($input: DecideRefundInput!) {
    decideRefund(input: $input) { id status decidedBy decidedAt decisionNote }
  }
`);

export const TakingsQuery = graphql(`
  query FinanceTakings($centerCode: String!, $day: String) {
    feeCollections(centerCode: $centerCode, day: $day) {
      day accountNo paymentCount collectedFen refundCount refundedFen netFen
      department { id name }
    }
  }
`);

export const NoticeByNoQuery = graphql(`
  query FinanceNotice($noticeNo: String!) {
    paymentNotice(noticeNo: $noticeNo) {
      id noticeNo status payable payerName amountFen standardAmountFen departmentName itemName itemVersion
      issuedAt expiresDay paidAt bankTxnId receiptNo cancelledAt cancelReason
      account { accountNo accountName bankName }
      lineItems { feeCode description quantity standardAmountFen reductionFen amountFen }
      reduction { id status percent policy }
      refund { id status amountFen reason }
    }
  }
`);

export const BeginStatementMutation = graphql(`
  mutation FinanceBeginStatement($input: BeginBankStatementInput!) {
    beginBankStatement(input: $input) { id status receivedLines }
  }
`);

export const AppendStatementMutation = graphql(`
  mutation FinanceAppendStatement($input: AppendBankStatementLinesInput!) {
    appendBankStatementLines(input: $input) { id status receivedLines receivedTotalFen }
  }
`);

export const CloseStatementMutation = graphql(`
  mutation FinanceCloseStatement($statementId: ID!) {
    closeBankStatement(statementId: $statementId) { statementId }
  }
`);

export const StatementQuery = graphql(`
  query FinanceStatement($id: ID!, $category: DiscrepancyCategory, $offset: Int, $limit: Int) {
    bankStatement(id: $id) {
      id statementDate accountNo status lineCount totalFen receivedLines
      department { id name }
      report {
        statementId reconciledAt
        matched { count bankTotalFen recordedTotalFen }
        paidAtBankUnknownHere { count bankTotalFen recordedTotalFen }
        recordedHereMissingAtBank { count bankTotalFen recordedTotalFen }
        amountMismatch { count bankTotalFen recordedTotalFen }
        detailMismatch { count bankTotalFen recordedTotalFen }
        totals { accountNo bankLineCount bankTotalFen recordedCount recordedTotalFen matchedCount matchedTotalFen differenceFen department { id name } }
        discrepancies(category: $category, offset: $offset, limit: $limit) { category reason bankTxnId noticeNo bankAmountFen recordedAmountFen paidAt }
      }
    }
  }
`);

export const RequesterQuery = graphql(`
  query FinanceRequester($id: ID!) {
    staff(id: $id) { id code name department { id name } }
  }
`);
