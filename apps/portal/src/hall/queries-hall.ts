import { graphql } from "../gql";

export const HallServicesQuery = graphql(`
  query HallServices($centerCode: String!) {
    hallServices(centerCode: $centerCode) {
      department { id }
      departmentName prefix waiting
      windows { id code name }
      items { id name }
    }
  }
`);

export const TicketFields = graphql(`
  fragment TicketFields on QueueTicket {
    id number status waitingAhead departmentName itemName channel recalls issuedAt calledAt waitingSeconds handlingSeconds caseId
    item { id }
    department { id }
    windows { id code name }
    calledTo { id code name }
  }
`);

export const TakeTicketMutation = graphql(`
  mutation TakeTicket($input: TakeTicketInput!) {
    takeTicket(input: $input) { ...TicketFields }
  }
`);

export const CheckInAppointmentMutation = graphql(`
  mutation CheckInAppointment($id: ID!) {
    checkInAppointment(appointmentId: $id) { ...TicketFields }
  }
`);

export const HallScreenQuery = graphql(`
  query HallScreen($centerCode: String!) {
    hallScreen(centerCode: $centerCode) {
      calls { ticketId number windowCode windowName calledAt recall }
      waiting { departmentName prefix waiting }
    }
  }
`);

export const HallBoardQuery = graphql(`
  query HallBoard($centerCode: String!) {
    hallBoard(centerCode: $centerCode) {
      day
      accepted { receiptNo itemName departmentName applicantMasked acceptedAt concludedAt outcome }
      concluded { receiptNo itemName departmentName applicantMasked acceptedAt concludedAt outcome }
    }
  }
`);

export const WindowQueueQuery = graphql(`
  query WindowQueue($windowId: ID!) {
    windowQueue(windowId: $windowId) {
      window { id code name }
      onDuty { id }
      post
      waiting
      current { ...TicketFields }
      today { ...TicketFields }
    }
  }
`);

export const HallWindowsQuery = graphql(`
  query HallWindows($centerCode: String!) {
    hallServices(centerCode: $centerCode) { windows { id code name } }
  }
`);

export const CallNextMutation = graphql(`
  mutation CallNextTicket($windowId: ID!) {
    callNextTicket(windowId: $windowId) { ...TicketFields }
  }
`);

export const RecallMutation = graphql(`
  mutation RecallTicket($ticketId: ID!) {
    recallTicket(ticketId: $ticketId) { ...TicketFields }
  }
`);

export const NoShowMutation = graphql(`
  mutation MarkTicketNoShow($ticketId: ID!) {
    markTicketNoShow(ticketId: $ticketId) { ...TicketFields }
  }
`);

export const TransferMutation = graphql(`
  mutation TransferTicket($ticketId: ID!, $toWindowId: ID!) {
    transferTicket(ticketId: $ticketId, toWindowId: $toWindowId) { ...TicketFields }
  }
`);

export const StartCaseMutation = graphql(`
  mutation StartCaseFromTicket($ticketId: ID!) {
    startCaseFromTicket(ticketId: $ticketId) { ...TicketFields }
  }
`);

export const FinishMutation = graphql(`
  mutation FinishTicket($ticketId: ID!) {
    finishTicket(ticketId: $ticketId) { ...TicketFields }
  }
`);

export const MyQueueTicketsQuery = graphql(`
  query MyQueueTickets {
    myQueueTickets { ...TicketFields }
  }
`);

export const StaffLoginMutation = graphql(`
  mutation HallStaffLogin($input: LoginInput!) {
    login(input: $input) {
      accessToken expiresAt refreshToken refreshExpiresAt
      staff { id name }
    }
  }
`);
