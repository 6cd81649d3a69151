import { graphql } from "../../gql";

// The window workbench's documents: the queue, one case with what may be done to it, the acts, and the duty panel.

export const WorkbenchQueueQuery = graphql(`
  query WorkbenchQueue($centerCode: String!, $windowId: ID, $asAgent: Boolean, $first: Int, $after: String) {
    caseQueue(centerCode: $centerCode, windowId: $windowId, asAgent: $asAgent, first: $first, after: $after) {
      totalCount
      pageInfo { endCursor hasNextPage }
      nodes {
        id receiptNo kind status applicantName submittedAt
        item { id name }
        clock { deadlineDay onHold remainingWorkingDays level }
        stageClock { stage deadlineDay }
      }
    }
  }
`);

export const WorkbenchCaseFields = graphql(`
  fragment WorkbenchCaseFields on Case {
    id receiptNo kind status outcome applicantName quantity onCommitment commitmentState
    submittedAt acceptedAt reviewedAt decidedAt decisionOpinion concludedAt deliveredAt deliveryMethod
    forwardedTo higherAuthorityDocumentNo feeRequired feeSettled allowedActs
    item { id }
    # The name from the version the case is judged by: one catalog fetch for both, not two (the gateway fetches per path).
    judgedBy { name materials { code name mandatory } }
    department { id name }
    window { id code name }
    handler { id name }
    clock { promisedWorkingDays deadlineDay onHold usedWorkingDays remainingWorkingDays level }
    stageClock { stage deadlineDay }
    routingSlip { seq action toStatus actorKind actor { id name } window { id code } opinion occurredAt tookWorkingDays }
    materialRequests { kind noticeSeq code name problem note dueDay suppliedAt }
    materialFiles { fileId materialCode fileName mediaType sizeBytes attachedAt }
    suspensions { reason note startedAt endedAt }
    extensions { workingDays reason approvedAt }
  }
`);

/**
 * What results issued for the case (from its subgraph, through the gateway) and what cases'
 * routing slip recorded of it: asked apart from the case, as documents follow a step by seconds.
 */
export const WorkbenchCaseDocumentsQuery = graphql(`
  query WorkbenchCaseDocuments($id: ID!) {
    case(id: $id) {
      id
      documents { id kind title documentNo verificationCode downloadPath }
      routingSlip { seq documents { documentId kind documentNo sha256 } }
    }
  }
`);

// 通知记录: how the applicant was told of each step (inbox and SMS), for the staff handling the case.
export const WorkbenchCaseNotificationsQuery = graphql(`
  query WorkbenchCaseNotifications($caseId: ID!) {
    caseNotifications(caseId: $caseId) { id cause channel status attempts nextAttemptAt lastError phone text createdAt sentAt readAt }
  }
`);

export const WorkbenchCaseQuery = graphql(`
  query WorkbenchCase($id: ID!) {
    case(id: $id) { ...WorkbenchCaseFields }
  }
`);

export const AcceptMutation = graphql(`
  mutation WorkbenchAccept($caseId: ID!, $ticketId: ID, $key: String) { acceptCase(caseId: $caseId, ticketId: $ticketId, idempotencyKey: $key) { ...WorkbenchCaseFields } }
`);
export const RefuseMutation = graphql(`
  mutation WorkbenchRefuse($caseId: ID!, $reason: String!, $key: String) { refuseCase(caseId: $caseId, reason: $reason, idempotencyKey: $key) { ...WorkbenchCaseFields } }
`);
export const NoticeMutation = graphql(`
  mutation WorkbenchNotice($caseId: ID!, $materials: [NoticeLineInput!]!, $key: String) {
    issueMaterialNotice(caseId: $caseId, materials: $materials, idempotencyKey: $key) { ...WorkbenchCaseFields }
  }
`);
export const SupplyMutation = graphql(`
  mutation WorkbenchSupply($caseId: ID!, $materials: [SuppliedMaterialInput!]!, $key: String) {
    supplyMaterials(caseId: $caseId, materials: $materials, idempotencyKey: $key) { ...WorkbenchCaseFields }
  }
`);
export const InstantMutation = graphql(`
  mutation WorkbenchInstant($caseId: ID!, $decision: Decision!, $opinion: String!, $ticketId: ID, $key: String) {
    decideInstantly(caseId: $caseId, decision: $decision, opinion: $opinion, ticketId: $ticketId, idempotencyKey: $key) { ...WorkbenchCaseFields }
  }
`);
export const ReviewMutation = graphql(`
  mutation WorkbenchReview($caseId: ID!, $opinion: String!, $key: String) { reviewCase(caseId: $caseId, opinion: $opinion, idempotencyKey: $key) { ...WorkbenchCaseFields } }
`);
export const DecideMutation = graphql(`
  mutation WorkbenchDecide($caseId: ID!, $decision: Decision!, $opinion: String!, $key: String) {
    decideCase(caseId: $caseId, decision: $decision, opinion: $opinion, idempotencyKey: $key) { ...WorkbenchCaseFields }
  }
`);
export const SignVetoMutation = graphql(`
  mutation WorkbenchSignVeto($caseId: ID!, $opinion: String!, $key: String) { signVeto(caseId: $caseId, opinion: $opinion, idempotencyKey: $key) { ...WorkbenchCaseFields } }
`);
export const DeclineVetoMutation = graphql(`
  mutation WorkbenchDeclineVeto($caseId: ID!, $opinion: String!, $key: String) { declineVeto(caseId: $caseId, opinion: $opinion, idempotencyKey: $key) { ...WorkbenchCaseFields } }
`);
export const ForwardMutation = graphql(`
  mutation WorkbenchForward($caseId: ID!, $authority: String, $opinion: String!, $key: String) {
    forwardCase(caseId: $caseId, authority: $authority, opinion: $opinion, idempotencyKey: $key) { ...WorkbenchCaseFields }
  }
`);
export const HigherResultMutation = graphql(`
  mutation WorkbenchHigherResult($caseId: ID!, $decision: Decision!, $opinion: String!, $documentNo: String!, $documentDate: String!, $key: String) {
    recordHigherAuthorityResult(caseId: $caseId, decision: $decision, opinion: $opinion, documentNo: $documentNo, documentDate: $documentDate, idempotencyKey: $key) {
      ...WorkbenchCaseFields
    }
  }
`);
export const ConcludeMutation = graphql(`
  mutation WorkbenchConclude($caseId: ID!, $key: String) { concludeCase(caseId: $caseId, idempotencyKey: $key) { ...WorkbenchCaseFields } }
`);
export const DeliverMutation = graphql(`
  mutation WorkbenchDeliver($caseId: ID!, $method: DeliveryMethod!, $note: String, $key: String) {
    deliverResult(caseId: $caseId, method: $method, note: $note, idempotencyKey: $key) { ...WorkbenchCaseFields }
  }
`);
export const ReferMutation = graphql(`
  mutation WorkbenchRefer($caseId: ID!, $toWindowId: ID!, $reason: String!, $key: String) {
    referCase(caseId: $caseId, toWindowId: $toWindowId, reason: $reason, idempotencyKey: $key) { ...WorkbenchCaseFields }
  }
`);
export const SuspendMutation = graphql(`
  mutation WorkbenchSuspend($caseId: ID!, $reason: SuspensionReason!, $note: String, $key: String) {
    suspendClock(caseId: $caseId, reason: $reason, note: $note, idempotencyKey: $key) { ...WorkbenchCaseFields }
  }
`);
export const ResumeMutation = graphql(`
  mutation WorkbenchResume($caseId: ID!, $note: String, $key: String) { resumeClock(caseId: $caseId, note: $note, idempotencyKey: $key) { ...WorkbenchCaseFields } }
`);
export const ExtendMutation = graphql(`
  mutation WorkbenchExtend($caseId: ID!, $workingDays: Int!, $reason: String!, $applicantNotice: String!, $key: String) {
    extendDeadline(caseId: $caseId, workingDays: $workingDays, reason: $reason, applicantNotice: $applicantNotice, idempotencyKey: $key) { ...WorkbenchCaseFields }
  }
`);
export const VerifyMutation = graphql(`
  mutation WorkbenchVerify($caseId: ID!, $result: CommitmentVerification!, $opinion: String!, $key: String) {
    verifyCommitment(caseId: $caseId, result: $result, opinion: $opinion, idempotencyKey: $key) { ...WorkbenchCaseFields }
  }
`);

/** The windows a case may be referred to (首问负责): the server checks the target serves the case's department. */
export const ReferWindowsQuery = graphql(`
  query WorkbenchReferWindows($centerCode: String!) {
    windows(centerCode: $centerCode) { id code name open kind department { id } actsFor { id } }
  }
`);

/** The duty panel: who serves the signed-in person's windows now, and their leave notices. */
export const WorkbenchDutyQuery = graphql(`
  query WorkbenchDuty {
    me {
      id name code
      posts { position window { id code name duty { status post onDuty { id name } aPostHolder { id name } bPostHolder { id name } } } }
      leaveNotices { id startsAt endsAt reason cancelledAt }
    }
  }
`);

export const ClockInMutation = graphql(`
  mutation WorkbenchClockIn { clockIn { id kind at } }
`);
export const ClockOutMutation = graphql(`
  mutation WorkbenchClockOut { clockOut { id kind at } }
`);
export const PostLeaveMutation = graphql(`
  mutation WorkbenchPostLeave($input: PostLeaveNoticeInput!) { postLeaveNotice(input: $input) { id startsAt endsAt reason cancelledAt } }
`);
export const CancelLeaveMutation = graphql(`
  mutation WorkbenchCancelLeave($id: ID!) { cancelLeaveNotice(id: $id) { id cancelledAt } }
`);
