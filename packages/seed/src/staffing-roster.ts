import type { PostPosition } from "@onestop/events";
import { seedDepartments, seedWindows, type SeedWindow } from "./county";

/**
 * The hall's staff and who sits where, derived from the county's windows: every
 * department in the hall sends two people, except those served only by a comprehensive
 * window, which send one. 46 window staff, like the seed documents' county, three people
 * of the center's own office, and each department's principal (单位主要负责人), who works
 * in the department, not at a window, and signs its vetoes.
 */

/** Every staff account of the demonstration county signs in with this password (change it outside a demo). */
export const demoStaffPassword = "Xuanhan2026";

export type SeedHallTheme = "ENTERPRISE_REGISTRATION" | "CONSTRUCTION_PROJECTS" | "SOCIAL_AFFAIRS" | "GENERAL";

export interface SeedHall {
  code: string;
  name: string;
  theme: SeedHallTheme;
  /** Departments whose windows stand in this hall. */
  departments: readonly string[];
}

export const seedHalls: readonly SeedHall[] = [
  { code: "QYKB", name: "企业开办服务区", theme: "ENTERPRISE_REGISTRATION", departments: ["SCJGJ", "SWJ", "SWJU"] },
  {
    code: "TZJS",
    name: "投资建设项目审批区",
    theme: "CONSTRUCTION_PROJECTS",
    departments: ["FGJ", "ZRZYJ", "ZJJ", "STHJJ", "XFJY", "JTYSJ", "SLJ", "GDJ"],
  },
  { code: "SHSW", name: "社会事务服务区", theme: "SOCIAL_AFFAIRS", departments: ["RSJ", "GAJ", "MZJ", "YBJ", "ZFGJJ", "JYJ", "WJJ"] },
  { code: "ZHFW", name: "综合服务区", theme: "GENERAL", departments: ["NYNCJ", "YJGLJ"] },
];

/** The hall a window stands in: its department's, or the general hall for comprehensive windows. */
export function hallOf(window: SeedWindow): string {
  if (!window.department) return "ZHFW";
  return seedHalls.find((hall) => hall.departments.includes(window.department!))?.code ?? "ZHFW";
}

export type SeedStaffRole = "window_staff" | "department_principal" | "center_admin" | "supervisor" | "finance" | "bureau";

export interface SeedStaff {
  /** 工号; also the login name, lower-cased. */
  code: string;
  name: string;
  /** Home department's seed code; null for the center's own office. */
  department: string | null;
  roles: readonly SeedStaffRole[];
}

const surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈";
const givenNames = [
  "建国", "秀英", "伟", "芳", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞",
  "平", "刚", "桂英", "文", "华", "红", "斌", "辉", "玲", "鹏", "婷", "宇", "晶", "峰", "慧", "琳", "浩", "颖", "晨", "瑶",
  "凯", "倩", "雪", "帆", "欣", "博", "佳", "琪", "旭",
];

const servedOnlyByComprehensive = new Set(seedWindows.flatMap((w) => w.actsFor ?? []));

/** Window staff: two per department with a window of its own, one per department served by a comprehensive window. */
const windowStaff: Array<Omit<SeedStaff, "name">> = seedDepartments.flatMap((department) =>
  (servedOnlyByComprehensive.has(department.code) ? [1] : [1, 2]).map((n) => ({
    code: `${department.code}-0${n}`,
    department: department.code,
    roles: ["window_staff"] as const,
  })),
);

const officeStaff: Array<Omit<SeedStaff, "name">> = [
  { code: "ZX-GL-01", department: null, roles: ["center_admin"] },
  { code: "ZX-JC-01", department: null, roles: ["supervisor"] },
  { code: "ZX-CW-01", department: null, roles: ["finance"] },
];

/**
 * 单位主要负责人: one per department, `-00`. The account's role is a placeholder: sign-in gives
 * department_principal to whoever holds the office now.
 */
const principals: Array<Omit<SeedStaff, "name">> = seedDepartments.map((department) => ({
  code: principalOf(department.code),
  department: department.code,
  roles: ["department_principal"] as const,
}));

/**
 * 发改局's project officer, who opens and follows joint approvals of investment projects
 * (docs/joint-approval.md): a staff member of the development bureau at no window.
 */
export const bureauOfficer: Omit<SeedStaff, "name"> = { code: "FGJ-XM-01", department: "FGJ", roles: ["bureau"] };

// Principals and the bureau's officer come last, so the names of everyone seeded before them stay as they were.
export const seedStaff: readonly SeedStaff[] = [...windowStaff, ...officeStaff, ...principals, bureauOfficer].map((staff, index) => ({
  ...staff,
  name: `${surnames[index % surnames.length]}${givenNames[index % givenNames.length]}`,
}));

/** The department's first staff member is its chief representative (首席代表). */
export const chiefRepresentativeOf = (department: string) => `${department}-01`;

/** The department's principal (单位主要负责人): `-00`, a staff member of the department at no window. */
export function principalOf(department: string): string {
  return `${department}-00`;
}

export interface SeedPost {
  window: string;
  position: PostPosition;
  staff: string;
  termYears: 1 | 2;
}

/**
 * A and B posts. A busy department's two people cover each other across its two A/B
 * windows (A at one, B at the other); a department with one window puts its first person
 * on A and its second on B; a comprehensive window takes the people of the two
 * departments it acts for. A posts run two-year terms, B posts one-year terms.
 */
export const seedPosts: readonly SeedPost[] = seedWindows.flatMap((window): SeedPost[] => {
  const post = (position: PostPosition, staff: string): SeedPost => ({ window: window.code, position, staff, termYears: position === "A" ? 2 : 1 });
  if (window.kind === "COMPREHENSIVE") {
    const [first, second] = window.actsFor!;
    return [post("A", `${first}-01`), post("B", `${second}-01`)];
  }
  const department = window.department!;
  const second = window.code.endsWith("-2");
  return second ? [post("A", `${department}-02`), post("B", `${department}-01`)] : [post("A", `${department}-01`), post("B", `${department}-02`)];
});

/**
 * Acts a window's staff are authorized for, department-wide: acceptance, instant decisions,
 * pre-review, delivery and the fee acts on the department's payment notices. Never approval.
 */
export const windowActs = [
  "ACCEPT",
  "DECIDE_INSTANT",
  "PRE_REVIEW_PROMISED",
  "PRE_REVIEW_JOINT",
  "PRE_REVIEW_REPORTED",
  "DELIVER",
  "CANCEL_FEE_NOTICE",
  "REISSUE_FEE_NOTICE",
  "REQUEST_FEE_REDUCTION",
  "REQUEST_FEE_REFUND",
] as const;

/** The chief representative's letter adds the department's delegated powers: 批准, recording a higher authority's answer, 延期. */
export const chiefActs = [...windowActs, "APPROVE", "RECORD_HIGHER_AUTHORITY_RESULT", "APPROVE_EXTENSION"] as const;

export interface SeedLetter {
  staff: string;
  department: string;
  acts: readonly string[];
}

/** Department-wide letters: for the home department, and at a comprehensive window for every department it acts for. */
export const seedLetters: readonly SeedLetter[] = windowStaff.flatMap((staff): SeedLetter[] => {
  const home = staff.department!;
  const acts = chiefRepresentativeOf(home) === staff.code ? [...chiefActs] : [...windowActs];
  const comprehensive = seedWindows.find((w) => w.kind === "COMPREHENSIVE" && seedPosts.some((p) => p.window === w.code && p.staff === staff.code));
  const others = (comprehensive?.actsFor ?? []).filter((d) => d !== home);
  return [{ staff: staff.code, department: home, acts }, ...others.map((department) => ({ staff: staff.code, department, acts: [...windowActs] }))];
});
