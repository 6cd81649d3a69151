import { demoCenter } from "./county";
import { call, callEachInput, type SeedContext } from "./load";

/**
 * The demo county's network of service centers (乡镇便民服务中心 and 村便民代办点).
 *
 * The seed documents give the county's year (31,366 cases in the hall, 234,246 in the
 * township centers: seeds/004) but name no township. The names below are townships of
 * 宣汉县 as the county's divisions are commonly listed (a subset; the county has more); the
 * codes follow the national scheme (街道 0xx, 镇 1xx, 乡 2xx under the county's 511722, then 3
 * digits of village or community) but are illustrative, not all checked against the official
 * table (docs/townships.md, "Seed", says what was). The village points' names are plausible,
 * not real. `weight` is each township's relative share of the township caseload, for the
 * benchmark's volumes (also illustrative: the streets of the county seat and the bigger towns
 * weigh more).
 */
export interface SeedVillagePoint {
  code: string;
  name: string;
}

export interface SeedTownship {
  code: string;
  name: string;
  /** 街道 (a street of the county seat), 镇 or 乡. */
  kind: "STREET" | "TOWN" | "TOWNSHIP";
  address: string;
  phone: string;
  weight: number;
  villages: readonly SeedVillagePoint[];
}

const WEEKDAYS = "周一至周五 9:00–12:00，14:00–17:30（法定节假日除外）";
const WITH_SATURDAY = "周一至周六 8:30–12:00，14:00–17:30（法定节假日除外）";
const VILLAGE_HOURS = "周一至周五 9:00–11:30，14:30–17:00；代办员可预约上门";
const TOWNSHIP_HANDLES = "本乡镇事项：民政救助、社会保障、计划生育、农业补贴、户籍证明；代办县级事项：受理申请和材料，送县级部门审批，结果在本中心领取";
const VILLAGE_HANDLES = "代办员代收申请和材料，转交乡镇便民服务中心；代领并送达办理结果（不审批）";

const v = (townshipCode: string, n: number, name: string): SeedVillagePoint => ({ code: `${townshipCode.slice(0, 9)}${String(200 + n).padStart(3, "0")}`, name });

function township(code: string, name: string, kind: SeedTownship["kind"], weight: number, villages: string[], phoneSuffix: string): SeedTownship {
  return {
    code,
    name,
    kind,
    address: `宣汉县${name}${kind === "STREET" ? "办事处" : "人民政府"}一楼便民服务中心`,
    phone: `0818-52${phoneSuffix}`,
    weight,
    villages: villages.map((village, i) => v(code, i + 1, village)),
  };
}

export const seedTownships: readonly SeedTownship[] = [
  township("511722001000", "东乡街道", "STREET", 14, ["西门社区", "东门社区", "南坝社区"], "01101"),
  township("511722002000", "蒲江街道", "STREET", 12, ["蒲江社区", "新华社区", "滨江社区"], "01102"),
  township("511722101000", "君塘镇", "TOWN", 6, ["君塘村", "洋烈村", "岩门村"], "01103"),
  township("511722102000", "清溪镇", "TOWN", 6, ["清溪村", "宏文村", "红旗村"], "01104"),
  township("511722103000", "普光镇", "TOWN", 8, ["普光村", "双河口村", "水井湾村"], "01105"),
  township("511722104000", "天生镇", "TOWN", 5, ["天生村", "龙洞村"], "01106"),
  township("511722105000", "柏树镇", "TOWN", 5, ["柏树村", "新桥村"], "01107"),
  township("511722106000", "芭蕉镇", "TOWN", 5, ["芭蕉村", "天池村"], "01108"),
  township("511722107000", "南坝镇", "TOWN", 7, ["南坝村", "龙泉村", "三河村"], "01109"),
  township("511722108000", "五宝镇", "TOWN", 5, ["五宝村", "白岩村"], "01110"),
  township("511722109000", "峰城镇", "TOWN", 5, ["峰城村", "石门村"], "01111"),
  township("511722110000", "土黄镇", "TOWN", 5, ["土黄村", "凉水村"], "01112"),
  township("511722111000", "华景镇", "TOWN", 4, ["华景村", "仁和村"], "01113"),
  township("511722112000", "樊哙镇", "TOWN", 4, ["樊哙村", "花池村"], "01114"),
  township("511722113000", "胡家镇", "TOWN", 5, ["胡家村", "毛坝村"], "01115"),
  township("511722114000", "双河镇", "TOWN", 5, ["双河村", "玛瑙村"], "01116"),
  township("511722115000", "马渡关镇", "TOWN", 3, ["马渡村", "石鹰村"], "01117"),
  township("511722201000", "龙泉土家族乡", "TOWNSHIP", 2, ["龙泉村", "桃园村"], "01118"),
  township("511722202000", "渡口土家族乡", "TOWNSHIP", 2, ["渡口村", "铜钱村"], "01119"),
  township("511722203000", "漆树土家族乡", "TOWNSHIP", 2, ["漆树村", "中坪村"], "01120"),
];

export const countyCenterDetails = {
  address: "宣汉县东乡街道政务服务中心大楼",
  openingHours: WEEKDAYS,
  phone: "0818-5222000",
  handles: "县级部门进驻事项的受理和审批；乡镇便民服务中心代办的县级事项在此审批",
} as const;

export interface SeedCenter {
  code: string;
  level: "COUNTY" | "TOWNSHIP" | "VILLAGE";
  parentCode: string | null;
  name: string;
  address: string;
  openingHours: string;
  phone: string;
  handles: string;
}

/** Every center of the demo county, each after its parent. */
export function seedCenters(): SeedCenter[] {
  const county: SeedCenter = { code: demoCenter.centerCode, level: "COUNTY", parentCode: null, name: demoCenter.name, ...countyCenterDetails };
  const centers: SeedCenter[] = [county];
  for (const t of seedTownships) {
    centers.push({
      code: t.code,
      level: "TOWNSHIP",
      parentCode: county.code,
      name: `${t.name}便民服务中心`,
      address: t.address,
      openingHours: t.kind === "STREET" ? WITH_SATURDAY : WEEKDAYS,
      phone: t.phone,
      handles: TOWNSHIP_HANDLES,
    });
    t.villages.forEach((village, i) => {
      centers.push({
        code: village.code,
        level: "VILLAGE",
        parentCode: t.code,
        name: `${village.name}便民代办点`,
        address: `${t.name}${village.name}${village.name.endsWith("社区") ? "居委会" : "村委会"}`,
        openingHours: VILLAGE_HOURS,
        phone: `138${t.phone.slice(-5)}${String(i + 1).padStart(3, "0")}`,
        handles: VILLAGE_HANDLES,
      });
    });
  }
  return centers;
}

/** Registers the county, its townships and their village points, skipping what is there already. */
export async function seedCentersStep(context: SeedContext): Promise<void> {
  const existing = await call<{ serviceCenters: Array<{ code: string }> }>(context, `query ($c: String!) { serviceCenters(countyCode: $c) { code } }`, {
    c: context.centerCode,
  });
  const known = new Set(existing.serviceCenters.map((c) => c.code));
  const centers = seedCenters();
  await callEachInput(context, "registerServiceCenter", "RegisterServiceCenterInput", centers.filter((c) => !known.has(c.code)), "{ code }");
  context.log?.(`service centers: 1 county, ${seedTownships.length} townships, ${centers.length - 1 - seedTownships.length} village points`);
}
