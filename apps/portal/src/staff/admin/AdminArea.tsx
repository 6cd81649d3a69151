import { Typography } from "antd";
import { CENTER_CODE } from "../../lib/client";
import { linkHandler } from "../../lib/router";
import type { AreaProps } from "../area-props";
import { Assessment } from "./Assessment";
import { BankClients } from "./BankClients";
import { CatalogList } from "./CatalogList";
import { CenterRegister } from "./CenterRegister";
import { HallAdmin } from "./HallAdmin";
import { HallEntry } from "./HallEntry";
import { ItemAdmin } from "./ItemAdmin";
import { StaffAdmin } from "./StaffAdmin";
import { PostRequests } from "./PostRequests";
import { StaffList } from "./StaffList";
import { useAdminT, type AdminMessageKey } from "./messages-admin";
import { useHallAdminT, type HallAdminMessageKey } from "./messages-hall-admin";

const BASE = "/staff/admin";
// A section's label is in the area's table, or in the hall administration's own (hall: true).
type Section = { key: string; path: string } & ({ label: AdminMessageKey; hall?: false } | { label: HallAdminMessageKey; hall: true });
const SECTIONS: ReadonlyArray<Section> = [
  { key: "catalog", path: "/catalog", label: "admin.section.catalog" },
  { key: "entry", path: "/entry", label: "section.entry", hall: true },
  { key: "halls", path: "/halls", label: "section.halls", hall: true },
  { key: "staff", path: "/staff", label: "admin.section.staff" },
  { key: "centers", path: "/centers", label: "admin.section.centers" },
  { key: "posts", path: "/posts", label: "section.posts", hall: true },
  { key: "bank", path: "/bank", label: "section.bank", hall: true },
  { key: "assessment", path: "/assessment", label: "section.assessment", hall: true },
];

/**
 * 中心管理: the center administration's pages, routed by the path inside the area. What each
 * page may change is decided by the services (center_admin of the token's center).
 */
export function AdminArea({ subpath, claims }: AreaProps) {
  const { ta } = useAdminT();
  const { ta: th } = useHallAdminT();
  const centerCode = claims.centerCode ?? CENTER_CODE;
  const section = SECTIONS.find((candidate) => subpath === candidate.path || subpath.startsWith(`${candidate.path}/`)) ?? SECTIONS[0]!;
  const itemMatch = /^\/catalog\/([^/]+)$/.exec(subpath);
  const staffMatch = /^\/staff\/([^/]+)$/.exec(subpath);

  let page;
  if (itemMatch) page = <ItemAdmin itemId={decodeURIComponent(itemMatch[1]!)} centerCode={centerCode} />;
  else if (staffMatch) page = <StaffAdmin staffId={decodeURIComponent(staffMatch[1]!)} centerCode={centerCode} />;
  else if (section.key === "staff") page = <StaffList centerCode={centerCode} />;
  else if (section.key === "centers") page = <CenterRegister centerCode={centerCode} />;
  else if (section.key === "entry") page = <HallEntry centerCode={centerCode} />;
  else if (section.key === "halls") page = <HallAdmin centerCode={centerCode} />;
  else if (section.key === "posts") page = <PostRequests centerCode={centerCode} />;
  else if (section.key === "bank") page = <BankClients centerCode={centerCode} />;
  else if (section.key === "assessment") page = <Assessment centerCode={centerCode} />;
  else page = <CatalogList centerCode={centerCode} />;

  return (
    <div data-testid="admin-area">
      <Typography.Title level={1} style={{ fontSize: 22 }} className="no-print">{ta("admin.heading")}</Typography.Title>
      <nav className="area-sections no-print" aria-label={ta("admin.nav")}>
        {SECTIONS.map((candidate) => (
          <a key={candidate.key} href={BASE + candidate.path} onClick={linkHandler(BASE + candidate.path)} aria-current={candidate.key === section.key ? "page" : undefined}>
            {candidate.hall ? th(candidate.label) : ta(candidate.label)}
          </a>
        ))}
      </nav>
      {page}
    </div>
  );
}
