import type { CSSProperties } from "react";

// Tag colours dark enough on their light backgrounds for WCAG AA (antd's gold and green presets are not).
export const TONES: Record<"ok" | "warn" | "bad" | "info" | "plain", CSSProperties> = {
  ok: { color: "#135200", background: "#f6ffed", borderColor: "#b7eb8f" },
  warn: { color: "#6b3d00", background: "#fffbe6", borderColor: "#ffd666" },
  bad: { color: "#a8071a", background: "#fff1f0", borderColor: "#ffa39e" },
  info: { color: "#003eb3", background: "#e6f4ff", borderColor: "#91caff" },
  plain: { color: "#262626", background: "#fafafa", borderColor: "#d9d9d9" },
};
