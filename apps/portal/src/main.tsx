import { StrictMode, useMemo, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { Provider as UrqlProvider } from "urql";
import { App } from "./App";
import { makeClient } from "./lib/client";
import { I18nProvider } from "./lib/i18n";
import { restore, useSession } from "./lib/session";
import "./styles.css";

restore();

/** A fresh GraphQL client (and cache) for each person who signs in, and for nobody. */
function ClientProvider({ children }: { children: ReactNode }) {
  const session = useSession();
  const who = session.status === "signed-in" ? "in" : session.status;
  const client = useMemo(() => makeClient(), [who]);
  return <UrqlProvider value={client}>{children}</UrqlProvider>;
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <ClientProvider>
      <I18nProvider>
        <App />
      </I18nProvider>
    </ClientProvider>
  </StrictMode>,
);
