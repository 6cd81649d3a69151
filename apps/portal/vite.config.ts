import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// `pnpm --filter portal dev`: hot reload on :5173, GraphQL proxied to the gateway `pnpm start` runs.
const gateway = process.env.GATEWAY_ORIGIN ?? "http://localhost:4000";

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { "/graphql": { target: gateway, changeOrigin: true }, "/auth": { target: gateway, changeOrigin: true } },
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
          return "vendor";
        },
      },
    },
  },
});
