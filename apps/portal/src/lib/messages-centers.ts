import { format } from "./messages";
import { useI18n } from "./i18n";

// The words of the "where to go" page (乡镇便民服务中心与村代办点), loaded with it only.

const zh = {
  "centers.heading": "就近办：乡镇便民服务中心和村代办点",
  "centers.intro": "选择您所在的乡镇（街道），查看去哪里办、什么时间、能办什么。县级部门的事项可以在乡镇便民服务中心代办：乡镇受理申请和材料，送县级部门审批，办好后在乡镇领取结果；村代办点的代办员代收材料、代领结果，不审批。",
  "centers.choose": "您所在的乡镇（街道）",
  "centers.choosePlaceholder": "输入或选择乡镇名称",
  "centers.loading": "正在加载便民服务中心…",
  "centers.none": "还没有登记便民服务中心。请到县政务服务中心办理。",
  "centers.address": "地址",
  "centers.hours": "办公时间",
  "centers.phone": "咨询电话",
  "centers.handles": "能办什么",
  "centers.closed": "暂停办公",
  "centers.villages": "村（社区）便民代办点",
  "centers.villagesNone": "本乡镇暂未设村代办点。",
  "centers.villageNote": "代办员代收申请和材料、代领并送达结果；审批在乡镇或县里。",
  "centers.county": "县政务服务中心",
  "centers.countyNote": "县级部门的事项也可以直接到县政务服务中心办理。",
  "centers.call": "拨打 {phone}",
  "centers.township": "乡镇便民服务中心",
  "centers.addressLine": "地址：{address}",
  "centers.hoursLine": "办公时间：{hours}",
  "centers.phoneLabel": "电话：",
  "centers.countyHeading": "县政务服务中心：{name}",
};

const en: Record<keyof typeof zh, string> = {
  "centers.heading": "Near you: township service centers and village points",
  "centers.intro": "Choose your township to see where to go, when it is open and what it handles. County departments' items can be handled through your township's convenience center: it takes in the application and materials, the county department decides, and you collect the result at the township. Village points' agents take in materials and hand over results; they do not decide.",
  "centers.choose": "Your township",
  "centers.choosePlaceholder": "Type or choose a township",
  "centers.loading": "Loading the service centers…",
  "centers.none": "No service centers are registered yet. Please go to the county's service center.",
  "centers.address": "Address",
  "centers.hours": "Opening hours",
  "centers.phone": "Phone",
  "centers.handles": "What it handles",
  "centers.closed": "Closed for now",
  "centers.villages": "Village agency points",
  "centers.villagesNone": "This township has no village agency points yet.",
  "centers.villageNote": "The agent takes in applications and materials and hands over results; decisions are made at the township or the county.",
  "centers.county": "County service center",
  "centers.countyNote": "County departments' items can also be handled directly at the county's service center.",
  "centers.call": "Call {phone}",
  "centers.township": "Township convenience center",
  "centers.addressLine": "Address: {address}",
  "centers.hoursLine": "Opening hours: {hours}",
  "centers.phoneLabel": "Phone: ",
  "centers.countyHeading": "County service center: {name}",
};

const tables = { "zh-CN": zh, en } as const;
export type CentersMessageKey = keyof typeof zh;

/** t() for the centers page: its own words, and the shared table's `t` beside them. */
export function useCentersT() {
  const { locale, t } = useI18n();
  return { t, tc: (key: CentersMessageKey, vars?: Record<string, string | number>) => format(tables[locale][key], vars), locale };
}
