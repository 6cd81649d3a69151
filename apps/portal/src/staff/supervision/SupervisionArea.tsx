import { App as AntApp, Badge, Card, Space, Typography } from "antd";
import { useCallback, useMemo, useRef, useState } from "react";
import { useFocusableScroll } from "../use-focusable-scroll";
import { CENTER_CODE } from "../../lib/client";
import { linkHandler } from "../../lib/router";
import type { AreaProps } from "../area-props";
import { ScopeContext, type SupervisionScope } from "./context";
import { useWarningStream, type WarningChange } from "./live-stream";
import { useSupT, type SupMessageKey } from "./messages-supervision";
import { FeeIrregularities } from "./FeeIrregularities";
import { Hall } from "./Hall";
import { Overview } from "./Overview";
import { Rankings } from "./Rankings";
import { Ratings } from "./Ratings";
import { Reports } from "./Reports";
import { WarningTable } from "./Warnings";
import "./supervision.css";

const SECTIONS = [
  { path: "/", key: "overview" },
  { path: "/warnings", key: "warnings" },
  { path: "/fees", key: "fees" },
  { path: "/rankings", key: "rankings" },
  { path: "/reports", key: "reports" },
  { path: "/ratings", key: "ratings" },
  { path: "/hall", key: "hall" },
] as const;

const FEED_KEPT = 30;

/**
 * 电子监察: the live dashboard (counts, warnings pushed as they happen), warnings with their
 * acknowledgement, irregular fees, rankings with charts, the monthly and quarterly reports,
 * ratings with their follow-ups, and the hall floor's figures (大厅效能). What each person sees (the whole center, or their department) is
 * decided by supervision on every request and on the stream.
 */
export function SupervisionArea({ subpath, claims }: AreaProps) {
  const { ta } = useSupT();
  const [feed, setFeed] = useState<WarningChange[]>([]);
  const [version, setVersion] = useState(0);
  const onChange = useCallback((change: WarningChange) => {
    setFeed((previous) => [change, ...previous].slice(0, FEED_KEPT));
    setVersion((previous) => previous + 1);
  }, []);
  const onOpen = useCallback(() => setVersion((previous) => previous + 1), []);
  const [countsHint, setCountsHint] = useState(0);
  const onCounts = useCallback(() => setCountsHint((previous) => previous + 1), []);
  const stream = useWarningStream(onChange, onOpen, onCounts);
  const root = useRef<HTMLDivElement>(null);
  useFocusableScroll(root);

  const departmentOnly = !claims.roles.some((role) => role === "supervisor" || role === "center_admin");
  const scope: SupervisionScope = useMemo(
    () => ({
      centerCode: claims.centerCode ?? CENTER_CODE,
      departmentId: departmentOnly ? claims.departmentId : null,
      claims,
      canAcknowledge: claims.roles.includes("supervisor"),
      feed,
      version,
      countsHint,
      live: stream === "live",
    }),
    [claims, departmentOnly, feed, version, countsHint, stream],
  );
  const section = SECTIONS.find((candidate) => candidate.path === subpath) ?? SECTIONS[0];
  const base = "/staff/supervision";

  return (
    <AntApp component={false}>
      <ScopeContext.Provider value={scope}>
        <div data-testid="supervision-area" data-stream={stream} ref={root}>
          <div className="sup-head">
            <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
              {ta("sup.heading")} · {ta(`sup.section.${section.key}` as SupMessageKey)}
            </Typography.Title>
            <Space wrap>
              <Typography.Text type="secondary">{departmentOnly ? ta("sup.scope.department") : ta("sup.scope.center")}</Typography.Text>
              <span role="status" data-testid="sup-stream-state">
                <Badge status={stream === "live" ? "success" : stream === "connecting" ? "processing" : "warning"} text={ta(`sup.live.${stream}` as SupMessageKey)} />
              </span>
            </Space>
          </div>
          <nav className="sup-sections no-print" aria-label={ta("sup.sections")}>
            {SECTIONS.map((candidate) => {
              const href = candidate.path === "/" ? base : base + candidate.path;
              return (
                <a key={candidate.key} href={href} onClick={linkHandler(href)} aria-current={candidate.key === section.key ? "page" : undefined} data-testid={`sup-section-${candidate.key}`}>
                  {ta(`sup.section.${candidate.key}` as SupMessageKey)}
                </a>
              );
            })}
          </nav>
          {section.key === "overview" ? <Overview /> : null}
          {section.key === "warnings" ? <AllWarnings /> : null}
          {section.key === "fees" ? (
            <>
              <Card size="small" title={<h2 className="card-heading">{ta("sup.fees.details")}</h2>}>
                <Typography.Paragraph>{ta("sup.fees.intro")}</Typography.Paragraph>
                {scope.departmentId === null ? <FeeIrregularities /> : null}
              </Card>
              <Card size="small" style={{ marginTop: 16 }} title={<h2 className="card-heading">{ta("sup.fees.warnings")}</h2>}>
                <WarningTable kinds={["FEE_IRREGULARITY"]} caption={ta("sup.fees.warnings")} testId="sup-fees" />
              </Card>
            </>
          ) : null}
          {section.key === "rankings" ? <Rankings /> : null}
          {section.key === "reports" ? <Reports /> : null}
          {section.key === "ratings" ? <Ratings /> : null}
          {section.key === "hall" ? <Hall /> : null}
        </div>
      </ScopeContext.Provider>
    </AntApp>
  );
}

function AllWarnings() {
  const { ta } = useSupT();
  const [level, setLevel] = useState<"" | "RED" | "YELLOW">("");
  const [status, setStatus] = useState<"" | "ACTIVE" | "OPEN" | "ACKNOWLEDGED" | "CLOSED">("ACTIVE");
  const [kind, setKind] = useState("");
  const KIND_KEYS = ["CASE_DEADLINE", "STAGE_DEADLINE", "JOINT_DEADLINE", "REFUSED_QUALIFYING", "UNREASONED_REJECTION", "LATE_FORWARD", "OUT_OF_ORDER", "FEE_IRREGULARITY", "WINDOW_UNATTENDED", "BAD_RATING_UNANSWERED"] as const;
  return (
    <Card size="small">
      <Space wrap className="no-print" style={{ marginBottom: 12 }}>
        <label htmlFor="sup-filter-level" className="sup-select">{ta("sup.warnings.level")}
          <select id="sup-filter-level" value={level} onChange={(event) => setLevel(event.target.value as typeof level)} data-testid="sup-filter-level">
            <option value="">{ta("sup.warnings.all")}</option>
            <option value="RED">{ta("sup.level.RED")}</option>
            <option value="YELLOW">{ta("sup.level.YELLOW")}</option>
          </select>
        </label>
        <label htmlFor="sup-filter-status" className="sup-select">{ta("sup.warnings.status")}
          <select id="sup-filter-status" value={status} onChange={(event) => setStatus(event.target.value as typeof status)} data-testid="sup-filter-status">
            <option value="">{ta("sup.warnings.all")}</option>
            <option value="ACTIVE">{ta("sup.warnings.active")}</option>
            <option value="OPEN">{ta("sup.status.OPEN")}</option>
            <option value="ACKNOWLEDGED">{ta("sup.status.ACKNOWLEDGED")}</option>
            <option value="CLOSED">{ta("sup.status.CLOSED")}</option>
          </select>
        </label>
        <label htmlFor="sup-filter-kind" className="sup-select">{ta("sup.warnings.kind")}
          <select id="sup-filter-kind" value={kind} onChange={(event) => setKind(event.target.value)} data-testid="sup-filter-kind">
            <option value="">{ta("sup.warnings.all")}</option>
            {KIND_KEYS.map((key) => <option key={key} value={key}>{ta(`sup.kind.${key}`)}</option>)}
          </select>
        </label>
      </Space>
      <WarningTable
        levels={level ? [level] : undefined}
        statuses={status === "ACTIVE" ? ["OPEN", "ACKNOWLEDGED"] : status ? [status] : undefined}
        kinds={kind ? [kind as (typeof KIND_KEYS)[number]] : undefined}
        caption={ta("sup.warnings.heading")}
        testId="sup-warnings"
      />
    </Card>
  );
}
