import { Button, ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import { lazy, Suspense, useEffect, useRef } from "react";
import { useQuery } from "urql";
import { useI18n } from "./lib/i18n";
import { MeQuery, MyAccountQuery } from "./lib/queries";
import { linkHandler, navigate, useLocation } from "./lib/router";
import { isStaff, knowAccount, signOut, useSession } from "./lib/session";
import { InboxLink } from "./components/UnreadBadge";

import { Home } from "./pages/Home";
import { ItemPage } from "./pages/ItemPage";

// The applicant's pages and the progress look-up load when first opened: the public's first
// load (the catalog and an item's disclosure) carries none of them.
const Progress = lazy(() => import("./pages/Progress").then((module) => ({ default: module.Progress })));
const SignIn = lazy(() => import("./pages/SignIn").then((module) => ({ default: module.SignIn })));
const MyCases = lazy(() => import("./pages/MyCases").then((module) => ({ default: module.MyCases })));
const Apply = lazy(() => import("./pages/Apply").then((module) => ({ default: module.Apply })));
const CaseDetail = lazy(() => import("./pages/CaseDetail").then((module) => ({ default: module.CaseDetail })));
const Verify = lazy(() => import("./pages/Verify").then((module) => ({ default: module.Verify })));
const MyLicences = lazy(() => import("./pages/MyLicences").then((module) => ({ default: module.MyLicences })));
const MyNotifications = lazy(() => import("./pages/MyNotifications").then((module) => ({ default: module.MyNotifications })));
const Centers = lazy(() => import("./pages/Centers").then((module) => ({ default: module.Centers })));
// The staff side (/staff/...): its shell, sign-in and each work area load only there.
const StaffApp = lazy(() => import("./staff/StaffApp").then((module) => ({ default: module.StaffApp })));
// The hall floor (issue 21): kiosk, calling screen, public board, a window's call panel, a remote ticket.
const HallPages = lazy(() => import("./hall/HallPages").then((module) => ({ default: module.HallPages })));
/** The hall's screens fill the screen on their own, without the portal's header and footer. */
const HALL_SCREENS = ["/hall", "/hall/kiosk", "/hall/screen", "/hall/board"];

type Page = "home" | "item" | "apply" | "progress" | "signin" | "my" | "case" | "verify" | "licences" | "notifications" | "centers" | "staff";

function pageOf(pathname: string): Page {
  if (/^\/items\/[^/]+$/.test(pathname)) return "item";
  if (/^\/items\/[^/]+\/apply$/.test(pathname)) return "apply";
  if (/^\/my\/cases\/[^/]+$/.test(pathname)) return "case";
  if (pathname === "/staff" || pathname.startsWith("/staff/")) return "staff";
  if (pathname === "/progress") return "progress";
  if (/^\/verify(\/[^/]+)?$/.test(pathname)) return "verify";
  if (pathname === "/my/licences") return "licences";
  if (pathname === "/centers") return "centers";
  if (pathname === "/signin") return "signin";
  if (pathname === "/my") return "my";
  if (pathname === "/my/notifications") return "notifications";
  return "home";
}

/** The id in a page's path (the item's before /apply); a malformed escape is kept as typed (it then finds nothing). */
function idSegment(pathname: string, page: Page): string {
  const segments = pathname.split("/");
  const raw = (page === "apply" ? segments[segments.length - 2] : segments[segments.length - 1]) ?? "";
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The signed-in person's name (after a reload only the token is known at first) and the way out. */
function AccountNav({ page }: { page: Page }) {
  const { t } = useI18n();
  const session = useSession();
  const signedIn = session.status === "signed-in";
  const staff = session.status === "signed-in" && isStaff(session.claims);
  const unknown = !signedIn || session.account !== null;
  const [{ data }] = useQuery({ query: MyAccountQuery, pause: unknown || staff });
  const [{ data: me }] = useQuery({ query: MeQuery, pause: unknown || !staff });
  useEffect(() => {
    if (data?.myCitizenAccount) knowAccount(data.myCitizenAccount);
  }, [data]);
  useEffect(() => {
    if (me?.me) knowAccount({ id: me.me.id, kind: "STAFF", name: me.me.name });
  }, [me]);
  if (!signedIn) {
    return (
      <a href="/signin" onClick={linkHandler("/signin")} aria-current={page === "signin" ? "page" : undefined} data-testid="nav-sign-in">{t("nav.signIn")}</a>
    );
  }
  return (
    <>
      {staff ? (
        <a href="/staff" onClick={linkHandler("/staff")} aria-current={page === "staff" ? "page" : undefined} data-testid="nav-workspace">{t("nav.workspace")}</a>
      ) : (
        <>
          <a href="/my" onClick={linkHandler("/my")} aria-current={page === "my" || page === "case" ? "page" : undefined} data-testid="nav-my-cases">{t("nav.myCases")}</a>
          <a href="/my/licences" onClick={linkHandler("/my/licences")} aria-current={page === "licences" ? "page" : undefined} data-testid="nav-my-licences">{t("nav.myLicences")}</a>
          <InboxLink current={page === "notifications"} />
        </>
      )}
      {session.account && <span className="account-name" data-testid="account-name">{t("auth.signedInAs", { name: session.account.name })}</span>}
      <Button
        type="text"
        data-testid="sign-out"
        onClick={async () => {
          await signOut();
          navigate("/");
        }}
      >
        {t("nav.signOut")}
      </Button>
    </>
  );
}

// One font stack for the page and Ant Design, so Latin and Chinese look alike everywhere.
const FONT_STACK =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Helvetica Neue", Arial, sans-serif';

// Ant Design's grey texts and red danger colour fall under 4.5:1 on white (WCAG 1.4.3, axe):
// darker ones, for labels, hints, placeholders and the withdraw button.
const CONTRAST = {
  colorTextSecondary: "#595959",
  colorTextTertiary: "#595959",
  colorTextDescription: "#595959",
  colorTextPlaceholder: "#6e6e6e",
  colorError: "#c62828",
};

export function App() {
  const { locale, setLocale, t } = useI18n();
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const page = pageOf(pathname);
  const idInPath = idSegment(pathname, page);
  const hall = pathname === "/hall" || pathname.startsWith("/hall/");
  const hallScreen = HALL_SCREENS.includes(pathname);

  // After moving to another page, focus goes to its content (screen readers hear the new page).
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [pathname]);

  return (
    <ConfigProvider locale={locale === "en" ? enUS : zhCN} theme={{ token: { colorPrimary: "#b71c1c", borderRadius: 6, fontFamily: FONT_STACK, ...CONTRAST } }}
      button={{ autoInsertSpace: false }}
    >
      <a className="skip-link" href="#main">{t("app.skip")}</a>
      {!hallScreen && <header className="portal-header">
        <div className="portal-brand">
          <a href="/" onClick={linkHandler("/")}>{t("app.title")}</a>
          <span>{t("app.subtitle")}</span>
        </div>
        <nav className="portal-nav" aria-label={t("nav.main")}>
          <a href="/" onClick={linkHandler("/")} aria-current={page === "home" && !hall ? "page" : undefined}>{t("nav.home")}</a>
          <a href="/progress" onClick={linkHandler("/progress")} aria-current={page === "progress" ? "page" : undefined}>{t("nav.progress")}</a>
          <a href="/verify" onClick={linkHandler("/verify")} aria-current={page === "verify" ? "page" : undefined} data-testid="nav-verify">{t("nav.verify")}</a>
          <a href="/centers" onClick={linkHandler("/centers")} aria-current={page === "centers" ? "page" : undefined} data-testid="nav-centers">{t("nav.centers")}</a>
          <AccountNav page={page} />
          <Button
            data-testid="language-switch"
            lang={locale === "en" ? "zh-CN" : "en"}
            // The visible word first (WCAG 2.5.3: a voice user says what they see), then what it does.
            aria-label={`${t("lang.switch")} (${t("lang.switchLabel")})`}
            onClick={() => setLocale(locale === "en" ? "zh-CN" : "en")}
          >
            {t("lang.switch")}
          </Button>
        </nav>
      </header>}
      <main id="main" className={hallScreen ? "hall-main" : page === "staff" ? "portal-main portal-main-wide" : "portal-main"} ref={main} tabIndex={-1} style={{ outline: "none" }}>
        <Suspense fallback={null}>
        {hall ? (
          <HallPages pathname={pathname} />
        ) : page === "item" ? (
          <ItemPage id={idInPath} />
        ) : page === "apply" ? (
          <Apply itemId={idInPath} />
        ) : page === "case" ? (
          <CaseDetail id={idInPath} />
        ) : page === "verify" ? (
          <Verify code={pathname.startsWith("/verify/") ? idInPath : null} />
        ) : page === "licences" ? (
          <MyLicences />
        ) : page === "progress" ? (
          <Progress />
        ) : page === "centers" ? (
          <Centers />
        ) : page === "signin" ? (
          <SignIn />
        ) : page === "my" ? (
          <MyCases />
        ) : page === "staff" ? (
          <StaffApp pathname={pathname} />
        ) : page === "notifications" ? (
          <MyNotifications />
        ) : (
          <Home />
        )}
        </Suspense>
      </main>
      {!hallScreen && (
        <footer className="portal-footer">
          {t("footer.text")} · <a href="/staff" onClick={linkHandler("/staff")} data-testid="nav-staff">{t("nav.staff")}</a>
        </footer>
      )}
    </ConfigProvider>
  );
}
