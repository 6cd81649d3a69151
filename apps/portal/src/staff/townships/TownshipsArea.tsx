import { Alert, Typography } from "antd";
import { linkHandler } from "../../lib/router";
import type { AreaProps } from "../area-props";
import { AREAS, isAgentCenter } from "../areas";
import { AgencyCases } from "./AgencyCases";
import { TownshipReport } from "./TownshipReport";
import { useTownshipsT, type TownshipsMessageKey } from "./messages-townships";
import "./townships.css";

const BASE = "/staff/townships";
const OVERSEERS = ["supervisor", "center_admin"];
const WORKBENCH_ROLES = AREAS.find((area) => area.key === "workbench")!.roles;

/**
 * 乡镇与代办 (issue 22): at a township or village point, the cases it took in as agent (代办件);
 * for the county's and a township's overseers, the townships' monthly report and its ranking.
 * Which sections show follows the token; what each returns is the services' decision.
 */
export function TownshipsArea({ subpath, claims }: AreaProps) {
  const { ta } = useTownshipsT();
  const centerCode = claims.centerCode ?? "";
  const holds = (roles: readonly string[]) => roles.some((role) => claims.roles.includes(role));
  const overseer = holds(OVERSEERS);
  const sections: Array<{ key: "agency" | "report"; path: string; label: TownshipsMessageKey }> = [
    ...(isAgentCenter(claims.centerCode) ? [{ key: "agency" as const, path: "/agency", label: "tw.section.agency" as const }] : []),
    ...(overseer && !isVillage(centerCode) ? [{ key: "report" as const, path: "/report", label: "tw.section.report" as const }] : []),
  ];
  const section = sections.find((candidate) => subpath === candidate.path || subpath.startsWith(`${candidate.path}/`)) ?? sections[0];

  return (
    <div data-testid="townships-area">
      <Typography.Title level={1} style={{ fontSize: 22 }} className="no-print">{ta("tw.heading")}</Typography.Title>
      {sections.length > 1 && (
        <nav className="area-sections no-print" aria-label={ta("tw.nav")}>
          {sections.map((candidate) => (
            <a key={candidate.key} href={BASE + candidate.path} onClick={linkHandler(BASE + candidate.path)} aria-current={candidate.key === section?.key ? "page" : undefined} data-testid={`tw-section-${candidate.key}`}>
              {ta(candidate.label)}
            </a>
          ))}
        </nav>
      )}
      {!section ? (
        <Alert type="info" showIcon title={ta("tw.none")} />
      ) : section.key === "agency" ? (
        <AgencyCases centerCode={centerCode} atWorkbench={holds(WORKBENCH_ROLES)} />
      ) : (
        // A township's administration sends its own month's report; the county's reads them all.
        <TownshipReport centerCode={centerCode} mayReport={claims.roles.includes("center_admin") && isAgentCenter(centerCode)} />
      )}
    </div>
  );
}

/** A village point's code (its last three digits not 000): it has no monthly report of its own. */
const isVillage = (centerCode: string) => isAgentCenter(centerCode) && !centerCode.endsWith("000");
