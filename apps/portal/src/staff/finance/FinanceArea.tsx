import { Typography } from "antd";
import { CENTER_CODE } from "../../lib/client";
import { linkHandler } from "../../lib/router";
import type { AreaProps } from "../area-props";
import { Decisions } from "./Decisions";
import { useFinanceT, type FinanceMessageKey } from "./messages-finance";
import { NoticeLookup } from "./NoticeLookup";
import { StatementReport, Statements } from "./Statements";
import { Takings } from "./Takings";

const BASE = "/staff/finance";
const SECTIONS: ReadonlyArray<{ key: string; path: string; label: FinanceMessageKey }> = [
  { key: "decisions", path: "/decisions", label: "finance.section.decisions" },
  { key: "takings", path: "/takings", label: "finance.section.takings" },
  { key: "statements", path: "/statements", label: "finance.section.statements" },
  { key: "notice", path: "/notice", label: "finance.section.notice" },
];

/**
 * 财务: reductions and refunds awaiting finance, the day's takings per department account, the
 * bank statement's reconciliation, a notice by its number. The services decide who may do what.
 */
export function FinanceArea({ subpath, claims }: AreaProps) {
  const { ta } = useFinanceT();
  const centerCode = claims.centerCode ?? CENTER_CODE;
  const section = SECTIONS.find((candidate) => subpath === candidate.path || subpath.startsWith(`${candidate.path}/`)) ?? SECTIONS[0]!;
  const statementMatch = /^\/statements\/([^/]+)$/.exec(subpath);

  let page;
  if (statementMatch) page = <StatementReport statementId={decodeURIComponent(statementMatch[1]!)} />;
  else if (section.key === "takings") page = <Takings centerCode={centerCode} />;
  else if (section.key === "statements") page = <Statements centerCode={centerCode} />;
  else if (section.key === "notice") page = <NoticeLookup />;
  else page = <Decisions centerCode={centerCode} />;

  return (
    <div data-testid="finance-area">
      <Typography.Title level={1} style={{ fontSize: 22 }}>{ta("finance.heading")}</Typography.Title>
      <nav className="area-sections" aria-label={ta("finance.nav")}>
        {SECTIONS.map((candidate) => (
          <a key={candidate.key} href={BASE + candidate.path} onClick={linkHandler(BASE + candidate.path)} aria-current={candidate.key === section.key ? "page" : undefined} data-testid={`finance-section-${candidate.key}`}>
            {ta(candidate.label)}
          </a>
        ))}
      </nav>
      {page}
    </div>
  );
}
