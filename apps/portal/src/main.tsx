import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { Provider as UrqlProvider } from "urql";
import { App } from "./App";
import { client } from "./lib/client";
import { I18nProvider } from "./lib/i18n";
import "./styles.css";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <UrqlProvider value={client}>
      <I18nProvider>
        <App />
      </I18nProvider>
    </UrqlProvider>
  </StrictMode>,
);
