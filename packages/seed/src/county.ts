import type { WindowKind } from "@onestop/events";

/**
 * The demonstration county hall: a county government service center shaped like the one
 * the seed documents describe (44 departments in the hall, 26 resident windows, 3
 * comprehensive windows, 46 staff, 331 items). The administrative-division code is the
 * county's, padded to 12 digits.
 */
export const demoCenter = {
  centerCode: "511722000000",
  name: "宣汉县政务服务中心",
} as const;

export interface SeedDepartment {
  /** Stable short code used by every other seed file to refer to the department. */
  code: string;
  name: string;
  /** 统一社会信用代码 of the implementing agency, used in item codes. */
  creditCode: string;
}

/** Departments entered in the hall, in the order the hall's directory lists them. */
export const seedDepartments: readonly SeedDepartment[] = [
  { code: "FGJ", name: "发展和改革局", creditCode: "11511722008651001A" },
  { code: "ZRZYJ", name: "自然资源局", creditCode: "11511722MB1520002B" },
  { code: "ZJJ", name: "住房和城乡建设局", creditCode: "115117220086510033" },
  { code: "SCJGJ", name: "市场监督管理局", creditCode: "11511722MB15200044" },
  { code: "STHJJ", name: "生态环境局", creditCode: "11511722MB15200055" },
  { code: "XFJY", name: "消防救援大队", creditCode: "11511722MB15200066" },
  { code: "RSJ", name: "人力资源和社会保障局", creditCode: "115117220086510077" },
  { code: "GAJ", name: "公安局", creditCode: "115117220086510088" },
  { code: "SWJ", name: "税务局", creditCode: "11511722MB15200099" },
  { code: "JYJ", name: "教育局", creditCode: "115117220086511002" },
  { code: "WJJ", name: "卫生健康局", creditCode: "11511722MB1520110X" },
  { code: "JTYSJ", name: "交通运输局", creditCode: "115117220086511203" },
  { code: "SLJ", name: "水利局", creditCode: "115117220086511304" },
  { code: "NYNCJ", name: "农业农村局", creditCode: "115117220086511405" },
  { code: "LYJ", name: "林业局", creditCode: "115117220086511506" },
  { code: "WGLJ", name: "文化广播电视和旅游局", creditCode: "115117220086511607" },
  { code: "MZJ", name: "民政局", creditCode: "115117220086511708" },
  { code: "SFJ", name: "司法局", creditCode: "115117220086511809" },
  { code: "YJGLJ", name: "应急管理局", creditCode: "11511722MB1521190C" },
  { code: "SWJU", name: "商务局", creditCode: "115117220086512011" },
  { code: "JJXXJ", name: "经济和信息化局", creditCode: "115117220086512112" },
  { code: "TYJRJ", name: "退役军人事务局", creditCode: "11511722MB1521220D" },
  { code: "YBJ", name: "医疗保障局", creditCode: "11511722MB1521230E" },
  { code: "ZFGJJ", name: "住房公积金管理中心", creditCode: "125117220086512415" },
  { code: "GDJ", name: "供电公司", creditCode: "915117220086512516" },
  { code: "QXJ", name: "气象局", creditCode: "125117220086512617" },
] as const;

export interface SeedWindow {
  code: string;
  name: string;
  kind: WindowKind;
  /** The department a resident or A/B window belongs to. */
  department?: string;
  /** The departments a comprehensive window accepts for. */
  actsFor?: readonly string[];
}

/** Departments served only by a comprehensive window: too few cases for a window of their own. */
const comprehensive: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["ZH-01", ["QXJ", "SFJ"]],
  ["ZH-02", ["TYJRJ", "LYJ"]],
  ["ZH-03", ["WGLJ", "JJXXJ"]],
];

/** Busy departments with two-person A/B windows, two windows each. */
const busy = ["ZRZYJ", "ZJJ", "SCJGJ", "RSJ", "GAJ", "SWJ"];

/**
 * The hall's 29 windows: 26 of single departments (six busy departments have two A/B
 * windows each) and 3 comprehensive windows acting for six small departments.
 */
export const seedWindows: readonly SeedWindow[] = [
  ...seedDepartments
    .filter((d) => !comprehensive.some(([, actsFor]) => actsFor.includes(d.code)))
    .flatMap((d): SeedWindow[] =>
      busy.includes(d.code)
        ? [1, 2].map((n) => ({ code: `W-${d.code}-${n}`, name: `${d.name}${n}号窗口`, kind: "AB" as const, department: d.code }))
        : [{ code: `W-${d.code}`, name: `${d.name}窗口`, kind: "RESIDENT" as const, department: d.code }],
    ),
  ...comprehensive.map(([code, actsFor], index) => ({
    code,
    name: `综合窗口${index + 1}`,
    kind: "COMPREHENSIVE" as const,
    actsFor,
  })),
];
