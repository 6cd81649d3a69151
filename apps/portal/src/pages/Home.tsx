import { Button, Card, Empty, Input, List, Select, Skeleton, Space, Spin, Tag, Typography } from "antd";
import { useEffect, useId, useRef, useState } from "react";
import { useQuery } from "urql";
import { ErrorNotice } from "../components/ErrorNotice";
import type { ItemTheme, SearchItemsQuery as SearchItemsResult } from "../gql/graphql";
import { CENTER_CODE } from "../lib/client";
import { useT } from "../lib/i18n";
import type { MessageKey } from "../lib/messages";
import { linkHandler, navigate, useLocation } from "../lib/router";
import { DepartmentsQuery, SearchItemsQuery } from "../lib/queries";

export const THEMES: ItemTheme[] = [
  "ENTERPRISE_SETUP",
  "BUSINESS_OPERATION",
  "CONSTRUCTION_PROJECT",
  "REAL_ESTATE",
  "SOCIAL_AFFAIRS",
  "EMPLOYMENT_AND_SOCIAL_SECURITY",
  "HOUSEHOLD_AND_IDENTITY",
  "EDUCATION_AND_HEALTH",
  "AGRICULTURE_AND_RURAL",
  "TRANSPORT",
  "ENVIRONMENT_AND_SAFETY",
];

const PAGE = 20;
const DEBOUNCE_MS = 250;

function homeUrl(params: { q?: string; dept?: string; theme?: string }): string {
  const search = new URLSearchParams();
  if (params.q) search.set("q", params.q);
  if (params.dept) search.set("dept", params.dept);
  if (params.theme) search.set("theme", params.theme);
  const query = search.toString();
  return query ? `/?${query}` : "/";
}

export function Home() {
  const t = useT();
  const { search } = useLocation();
  const q = search.get("q") ?? "";
  const dept = search.get("dept") ?? "";
  const themeParam = search.get("theme") ?? "";
  const theme = (THEMES as string[]).includes(themeParam) ? (themeParam as ItemTheme) : "";
  const [text, setText] = useState(q);
  const composing = useRef(false);
  const [pages, setPages] = useState(1);
  const searchId = useId();
  const deptId = useId();
  const themeId = useId();

  // Results follow what the person types, a quarter second after the last key (not while an IME composes).
  const pushed = useRef(q);
  useEffect(() => {
    if (composing.current) return;
    const keyword = text.trim();
    if (keyword === q) return;
    const timer = setTimeout(() => {
      pushed.current = keyword;
      navigate(homeUrl({ q: keyword, dept, theme }), { replace: true });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, q, dept, theme]);
  // A link or the back button changed the words: the box shows them.
  useEffect(() => {
    if (q !== pushed.current) {
      pushed.current = q;
      setText(q);
    }
  }, [q]);
  useEffect(() => setPages(1), [q, dept, theme]);

  const [departments] = useQuery({ query: DepartmentsQuery, variables: { centerCode: CENTER_CODE } });
  const [result, reexecute] = useQuery({
    query: SearchItemsQuery,
    variables: {
      centerCode: CENTER_CODE,
      keyword: q || null,
      departmentId: dept || null,
      theme: theme || null,
      first: PAGE * pages,
    },
  });
  const last = useRef<SearchItemsResult["searchItems"] | null>(null);
  if (result.data) last.current = result.data.searchItems;
  const shown = result.data?.searchItems ?? last.current;
  const departmentName = departments.data?.departments.find((d) => d.id === dept)?.name;

  return (
    <>
      <section className="hero" aria-labelledby={`${searchId}-heading`}>
        <h1 id={`${searchId}-heading`}>{t("home.heading")}</h1>
        <label htmlFor={searchId} className="visually-hidden">{t("home.searchLabel")}</label>
        <Input
          id={searchId}
          data-testid="search-input"
          size="large"
          type="search"
          allowClear
          autoComplete="off"
          placeholder={t("home.searchPlaceholder")}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onCompositionStart={() => (composing.current = true)}
          onCompositionEnd={(event) => {
            composing.current = false;
            setText((event.target as HTMLInputElement).value);
          }}
        />
      </section>

      <div className="home-grid">
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("home.browse")}</h2>} size="small">
          <Space orientation="vertical" style={{ width: "100%" }} size="middle">
            <div>
              <label htmlFor={themeId}>{t("home.byTheme")}</label>
              <Select
                id={themeId}
                data-testid="theme-select"
                style={{ width: "100%", marginTop: 4 }}
                allowClear
                placeholder={t("home.all")}
                value={theme || undefined}
                onChange={(value?: string) => navigate(homeUrl({ q, dept, theme: value }), { replace: true })}
                options={THEMES.map((value) => ({ value, label: t(`theme.${value}` as MessageKey) }))}
              />
            </div>
            <div>
              <label htmlFor={deptId}>{t("home.byDepartment")}</label>
              <Select
                id={deptId}
                data-testid="department-select"
                style={{ width: "100%", marginTop: 4 }}
                allowClear
                showSearch={{ optionFilterProp: "label" }}
                loading={departments.fetching}
                placeholder={t("home.all")}
                value={dept || undefined}
                onChange={(value?: string) => navigate(homeUrl({ q, dept: value, theme }), { replace: true })}
                options={(departments.data?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))}
              />
            </div>
          </Space>
        </Card>

        <section aria-live="polite" aria-busy={result.fetching} data-testid="results">
          <Space wrap style={{ marginBottom: 8 }}>
            {shown && <Typography.Text strong data-testid="result-count">{t("home.results", { count: shown.totalCount })}</Typography.Text>}
            {result.fetching && <Spin size="small" aria-label={t("home.loading")} />}
            {theme && <Tag closable onClose={() => navigate(homeUrl({ q, dept }), { replace: true })}>{t("home.filterTheme", { name: t(`theme.${theme}` as MessageKey) })}</Tag>}
            {dept && departmentName && <Tag closable onClose={() => navigate(homeUrl({ q, theme }), { replace: true })}>{t("home.filterDepartment", { name: departmentName })}</Tag>}
          </Space>
          <ErrorNotice error={result.error} onRetry={() => reexecute({ requestPolicy: "network-only" })} />
          {!shown && result.fetching ? (
            <Skeleton active aria-label={t("home.loading")} />
          ) : shown && shown.nodes.length === 0 && !result.fetching ? (
            <Empty description={t("home.none")} />
          ) : (
            <List
              bordered
              style={{ background: "#fff" }}
              dataSource={shown?.nodes ?? []}
              rowKey="id"
              renderItem={(item) => (
                <List.Item className="result-item">
                  <div style={{ minWidth: 0 }}>
                    <a href={`/items/${item.id}`} onClick={linkHandler(`/items/${item.id}`)}>{item.name}</a>
                    <div className="result-meta">
                      <span>{item.department.name}</span>
                      <span>{t(`kind.${item.kind}` as MessageKey)}</span>
                      <span>{item.promisedLimitDays > 0 ? t("home.promised", { days: item.promisedLimitDays }) : t("home.instant")}</span>
                    </div>
                  </div>
                </List.Item>
              )}
            />
          )}
          {shown?.pageInfo.hasNextPage && (
            <Button block style={{ marginTop: 12 }} onClick={() => setPages((n) => n + 1)} loading={result.fetching}>
              {t("home.more")}
            </Button>
          )}
        </section>
      </div>
    </>
  );
}
