import { graphql } from "../gql";

// The applicant's inbox and contact preferences (notifications subgraph). The unread count is
// asked by the header's badge; the rest only by the lazily loaded /my/notifications page.

export const UnreadNotificationsQuery = graphql(`
  query UnreadNotifications {
    myUnreadNotificationCount
  }
`);

export const MyNotificationsQuery = graphql(`
  query MyNotifications($first: Int, $offset: Int, $unreadOnly: Boolean) {
    myNotifications(first: $first, offset: $offset, unreadOnly: $unreadOnly) {
      totalCount
      unreadCount
      hasNextPage
      nodes {
        id cause caseId title body createdAt readAt
        details {
          receiptNo deadline noticeSeq windowName noticeNo amountFen expiresAt workingDays reason outcome opinion answer
          materials { name problem note }
        }
      }
    }
  }
`);

export const MarkNotificationsReadMutation = graphql(`
  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {
    markNotificationsRead(input: $input)
  }
`);

export const MyContactPreferencesQuery = graphql(`
  query MyContactPreferences {
    myContactPreferences { phone smsCauses }
  }
`);

export const SetMyContactPreferencesMutation = graphql(`
  mutation SetMyContactPreferences($input: SetContactPreferencesInput!) {
    setMyContactPreferences(input: $input) { phone smsCauses }
  }
`);

/** Tells the header's badge that the inbox changed (marked read), so it asks again. */
export const INBOX_CHANGED = "portal:inbox-changed";
