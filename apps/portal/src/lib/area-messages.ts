import { format } from "./messages";
import { useI18n } from "./i18n";

/**
 * The words of an area loaded on demand (the applicant's pages, each staff area): its own zh-CN
 * and English tables, kept out of the table the public's first page loads. Gives the area's hook:
 * `ta` for its own words, `t` for the shared ones.
 */
export function areaMessages<K extends string>(zh: Record<K, string>, en: Record<K, string>) {
  const tables = { "zh-CN": zh, en } as const;
  return function useAreaT() {
    const { locale, t } = useI18n();
    return { t, locale, ta: (key: K, vars?: Record<string, string | number>) => format(tables[locale][key], vars) };
  };
}
