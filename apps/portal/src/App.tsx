import { Button, ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import { useEffect, useRef } from "react";
import { useI18n } from "./lib/i18n";
import { linkHandler, useLocation } from "./lib/router";
import { Home } from "./pages/Home";
import { ItemPage } from "./pages/ItemPage";
import { Progress } from "./pages/Progress";

// One font stack for the page and Ant Design, so Latin and Chinese look alike everywhere.
const FONT_STACK =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Helvetica Neue", Arial, sans-serif';

export function App() {
  const { locale, setLocale, t } = useI18n();
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const itemMatch = /^\/items\/([^/]+)$/.exec(pathname);
  const page = itemMatch ? "item" : pathname === "/progress" ? "progress" : "home";

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
    <ConfigProvider locale={locale === "en" ? enUS : zhCN} theme={{ token: { colorPrimary: "#b71c1c", borderRadius: 6, fontFamily: FONT_STACK } }}
      button={{ autoInsertSpace: false }}
    >
      <a className="skip-link" href="#main">{t("app.skip")}</a>
      <header className="portal-header">
        <div className="portal-brand">
          <a href="/" onClick={linkHandler("/")}>{t("app.title")}</a>
          <span>{t("app.subtitle")}</span>
        </div>
        <nav className="portal-nav" aria-label={t("nav.main")}>
          <a href="/" onClick={linkHandler("/")} aria-current={page === "home" ? "page" : undefined}>{t("nav.home")}</a>
          <a href="/progress" onClick={linkHandler("/progress")} aria-current={page === "progress" ? "page" : undefined}>{t("nav.progress")}</a>
          <Button
            data-testid="language-switch"
            lang={locale === "en" ? "zh-CN" : "en"}
            aria-label={t("lang.switchLabel")}
            onClick={() => setLocale(locale === "en" ? "zh-CN" : "en")}
          >
            {t("lang.switch")}
          </Button>
        </nav>
      </header>
      <main id="main" className="portal-main" ref={main} tabIndex={-1} style={{ outline: "none" }}>
        {page === "item" && itemMatch ? <ItemPage id={decodeURIComponent(itemMatch[1])} /> : page === "progress" ? <Progress /> : <Home />}
      </main>
      <footer className="portal-footer">{t("footer.text")}</footer>
    </ConfigProvider>
  );
}
