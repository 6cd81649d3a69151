import { graphql } from "../../gql";

// 并联审批: every document the bureau's board sends.

export const JointListQuery = graphql(`
  query JointList($filter: JointApprovalFilter, $first: Int, $after: String) {
    jointApprovals(filter: $filter, first: $first, after: $after) {
      edges {
        cursor
        node {
          id projectCode projectName status paused deadlineDay usedWorkingDays remainingWorkingDays warningLevel openedAt
          outcomesCounted
          leadDepartment { id name }
          participants { id status }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const JointDetailQuery = graphql(`
  query JointDetail($id: ID!) {
    jointApproval(id: $id) {
      id projectCode projectName status paused greenChannel deadlineWorkingDays deadline deadlineDay
      usedWorkingDays remainingWorkingDays warningLevel timedOutAt openedAt concludedAt conclusionReason
      outcomesCounted approvalsCounted
      applicant { name idNumber }
      leadDepartment { id name }
      participants {
        id departmentName itemName promisedWorkingDays vetoEscalation status caseStatus receiptNo opinion
        deadlineDay usedWorkingDays remainingWorkingDays warningLevel outcome concludedAt timedOutAt urgeCount lastUrgedAt
        department { id }
        case { id }
      }
      history(last: 200) { seq at kind participantId actor note details }
    }
  }
`);

export const JointItemsQuery = graphql(`
  query JointItems($centerCode: String!, $first: Int, $after: String) {
    searchItems(centerCode: $centerCode, kind: JOINT, first: $first, after: $after) {
      totalCount
      pageInfo { endCursor hasNextPage }
      nodes { id name code promisedLimitDays department { id name } }
    }
  }
`);

export const StartJointMutation = graphql(`
  mutation StartJoint($input: StartJointApprovalInput!) {
    startJointApproval(input: $input) { id status }
  }
`);

export const UrgeParticipantMutation = graphql(`
  mutation UrgeParticipant($id: ID!, $participant: ID!, $note: String, $key: String!) {
    urgeParticipant(jointApprovalId: $id, participantId: $participant, note: $note, idempotencyKey: $key) {
      id participants { id urgeCount lastUrgedAt }
    }
  }
`);

export const WithdrawJointMutation = graphql(`
  mutation WithdrawJoint($id: ID!, $reason: String!) {
    withdrawJointApproval(id: $id, reason: $reason) { id status concludedAt conclusionReason }
  }
`);

export const CountyMeetingMutation = graphql(`
  mutation CountyMeeting($caseId: ID!, $decision: CountyMeetingDecision!, $minutesNo: String!, $opinion: String!, $key: String) {
    recordCountyMeetingDecision(caseId: $caseId, decision: $decision, minutesNo: $minutesNo, opinion: $opinion, idempotencyKey: $key) { id status }
  }
`);
