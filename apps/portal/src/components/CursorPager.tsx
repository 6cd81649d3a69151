import { Button } from "antd";
import type { useCursorPages } from "../lib/cursor-pages";
import { useI18n } from "../lib/i18n";

/**
 * A server-paged list's pager (上一页 · 第 n 页 · 下一页), walking the cursors useCursorPages keeps;
 * shown on the first page too, so the page number is always there. With `counted`, it says how
 * many of the server's count are shown so far. `testId` names the buttons `<testId>-previous` and `-next`.
 */
export function CursorPager({ pages, nextCursor, testId, counted }: {
  pages: ReturnType<typeof useCursorPages>;
  nextCursor: string | null | undefined;
  testId: string;
  counted?: { onPage: number; pageSize: number; total: number } | null;
}) {
  const { t } = useI18n();
  return (
    <nav aria-label={t("pager.pages")} className="area-pager no-print">
      {counted ? <span aria-live="polite">{t("pager.shown", { shown: (pages.pageNumber - 1) * counted.pageSize + counted.onPage, total: counted.total })}</span> : null}
      <Button onClick={pages.previous} disabled={!pages.hasPrevious} data-testid={`${testId}-previous`}>{t("pager.previous")}</Button>
      <span>{t("pager.page", { n: pages.pageNumber })}</span>
      <Button onClick={() => pages.next(nextCursor)} disabled={!nextCursor} data-testid={`${testId}-next`}>{t("pager.next")}</Button>
    </nav>
  );
}
