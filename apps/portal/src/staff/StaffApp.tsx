import { Alert, Spin } from "antd";
import { lazy, Suspense, useEffect, type ComponentType, type LazyExoticComponent } from "react";
import { linkHandler, navigate } from "../lib/router";
import { isStaff, useSession } from "../lib/session";
import { areaOfPath, areasFor, type AreaKey } from "./areas";
import type { AreaProps } from "./area-props";
import { useStaffT } from "./messages-staff";
import { StaffSignIn } from "./StaffSignIn";

// Each area loads when first opened: a clerk never downloads the supervision charts.
const PAGES: Record<AreaKey, LazyExoticComponent<ComponentType<AreaProps>>> = {
  workbench: lazy(() => import("./workbench/WorkbenchArea").then((module) => ({ default: module.WorkbenchArea }))),
  admin: lazy(() => import("./admin/AdminArea").then((module) => ({ default: module.AdminArea }))),
  supervision: lazy(() => import("./supervision/SupervisionArea").then((module) => ({ default: module.SupervisionArea }))),
  joint: lazy(() => import("./joint/JointArea").then((module) => ({ default: module.JointArea }))),
  finance: lazy(() => import("./finance/FinanceArea").then((module) => ({ default: module.FinanceArea }))),
  townships: lazy(() => import("./townships/TownshipsArea").then((module) => ({ default: module.TownshipsArea }))),
};

/**
 * The staff side of the portal (/staff/...): sign-in, then the work areas the person's roles open.
 * Which areas are offered follows the access token's roles; what each area shows and allows is
 * decided by the services on every request, never by the page.
 */
export function StaffApp({ pathname }: { pathname: string }) {
  const { ta } = useStaffT();
  const session = useSession();
  const claims = session.status === "signed-in" ? session.claims : null;
  const allowed = claims ? areasFor(claims.roles, claims.centerCode) : [];
  const area = areaOfPath(pathname);
  const current = area && allowed.some((candidate) => candidate.key === area.key) ? area : null;

  // /staff, or an area the roles do not open: the person's first area.
  useEffect(() => {
    if (claims && isStaff(claims) && !current && allowed.length > 0) navigate(allowed[0]!.path, { replace: true });
  }, [claims, current, allowed]);

  if (session.status === "restoring") return <Spin description={ta("staff.loading")} />;
  if (session.status === "signed-out") return <StaffSignIn destination={pathname.startsWith("/staff/") ? pathname : "/staff"} />;
  if (!claims || !isStaff(claims)) return <Alert type="warning" showIcon title={ta("staff.signIn.citizen")} data-testid="staff-citizen" />;
  if (allowed.length === 0) return <Alert type="warning" showIcon title={ta("staff.noArea")} data-testid="staff-no-area" />;
  if (!current) return null;

  const Page = PAGES[current.key];
  return (
    <div className="staff-shell" data-testid="staff-shell">
      <nav className="staff-areas" aria-label={ta("staff.nav")}>
        {allowed.map((candidate) => (
          <a key={candidate.key} href={candidate.path} onClick={linkHandler(candidate.path)} aria-current={candidate.key === current.key ? "page" : undefined} data-testid={`staff-area-${candidate.key}`}>
            {ta(candidate.label)}
          </a>
        ))}
      </nav>
      <Suspense fallback={<Spin description={ta("staff.loading")} />}>
        <Page subpath={pathname.slice(current.path.length) || "/"} claims={claims} />
      </Suspense>
    </div>
  );
}
