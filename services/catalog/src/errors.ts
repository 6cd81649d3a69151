import { ErrorCode } from "@onestop/platform";

/**
 * The stable codes catalog answers with (`extensions.code`). Administration's tools switch on
 * them: docs/catalog.md lists each one, so a code is never renamed or reused.
 */
export const CatalogErrorCode = {
  ...ErrorCode,
  /** The item's department, or one of its joint departments, is not registered in the center. */
  UnknownDepartment: "UNKNOWN_DEPARTMENT",
  /** A version is published once. */
  AlreadyPublished: "ALREADY_PUBLISHED",
  /** A published version is what cases were judged by: revise the item instead. */
  PublishedVersionImmutable: "PUBLISHED_VERSION_IMMUTABLE",
  /** The draft was discarded when its item was retired. */
  DraftDiscarded: "DRAFT_DISCARDED",
  /** The item was cancelled or merged and can no longer change. */
  ItemRetired: "ITEM_RETIRED",
  /** One draft at a time: edit or publish the open one. */
  DraftExists: "DRAFT_EXISTS",
  NotPublished: "NOT_PUBLISHED",
  /** Into itself, or into an item that is not published in the same center. */
  InvalidMerge: "INVALID_MERGE",
  /** A fee cancelled once is never charged again. */
  FeeCancelled: "FEE_CANCELLED",
  UnknownWindow: "UNKNOWN_WINDOW",
  WindowClosed: "WINDOW_CLOSED",
  /** The window neither belongs to the item's department nor acts for it (综合窗口). */
  WindowNotForDepartment: "WINDOW_NOT_FOR_DEPARTMENT",
} as const;
