import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import { graphql as generatedDocument } from "./src/gql/gql";

// `pnpm --filter portal dev`: hot reload on :5173, GraphQL proxied to the gateway `pnpm start` runs.
const gateway = process.env.GATEWAY_ORIGIN ?? "http://localhost:4000";

/**
 * Puts each `graphql(`…`)` document into the module that asks for it, as the object codegen made
 * for it, when building. Left alone, every call looks its document up in the client preset's map
 * (src/gql/gql.ts) of all the portal's documents, which therefore sits whole in the main chunk
 * (about 320 KB raw of the public's first load, the staff's ~100 documents included). The
 * preset's own babel plugin would not do: it imports each document from the one generated
 * graphql.ts, a single module Rollup also keeps whole in the main chunk.
 */
function inlineDocuments(): Plugin {
  return {
    name: "onestop:inline-graphql-documents",
    apply: "build",
    enforce: "pre",
    transform(code, id) {
      if (!/\/src\/.+\.tsx?$/.test(id) || id.includes("/src/gql/") || !code.includes("graphql(`")) return null;
      const inlined = code.replace(/\bgraphql\(`([^`]*)`\)/g, (call, source: string) => {
        // The documents are plain text: an escape or a substitution would make the raw text differ from the map's key.
        if (/\\|\$\{/.test(source)) this.error(`${id}: a graphql() document with \\ or \${…} cannot be inlined`);
        const document = generatedDocument(source) as { kind?: string };
        if (document.kind !== "Document") this.error(`${id}: a graphql() document the generated map lacks: run pnpm codegen`);
        // As many lines as the call had, so what follows keeps its line numbers.
        return JSON.stringify(document) + "\n".repeat(call.split("\n").length - 1);
      });
      return { code: inlined, map: null };
    },
  };
}

export default defineConfig({
  plugins: [inlineDocuments(), react()],
  server: {
    port: 5173,
    proxy: { "/graphql": { target: gateway, changeOrigin: true }, "/auth": { target: gateway, changeOrigin: true }, "/hall/stream": { target: gateway, changeOrigin: true } },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        manualChunks: (id) => {
          if (!id.includes("node_modules")) return undefined;
          if (/node_modules\/(\.pnpm\/)?(react|react-dom|scheduler)[@/]/.test(id)) return "react";
          // Ant Design is left to Rollup: the parts only the applicant's lazy pages use (tabs,
          // modal, table, timeline) then load with them, not with the public's first page.
          if (id.includes("antd") || id.includes("@ant-design") || id.includes("rc-") || id.includes("@rc-component")) return undefined;
          // ECharts (and its renderer zrender) load with the supervision area only, never with the public's pages.
          if (/node_modules\/(\.pnpm\/)?(echarts|zrender)[@/]/.test(id)) return undefined;
          return "vendor";
        },
      },
    },
  },
});
