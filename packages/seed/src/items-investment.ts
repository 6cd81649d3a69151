import type { SeedItem } from "./items-model";

/** Delegated-power materials many items share. */
const AGENT = "授权委托书及受托人身份证件:o?|委托他人办理的提供";
const LICENCE = "营业执照或事业单位法人证书:c";
const LEGAL_REP = "法定代表人身份证件:c";

/**
 * Investment and construction projects (工程建设项目): development bureau approvals, land use
 * and planning, construction permits, environmental impact, fire safety, water, lightning
 * protection, forestry and power connection.
 */
export const investmentItems: readonly SeedItem[] = [
  // 发展和改革局
  {
    department: "FGJ", no: "01001", name: "企业投资项目核准", category: "ADMINISTRATIVE_LICENCE", kind: "JOINT", limits: [20, 10],
    themes: ["CONSTRUCTION_PROJECT"], joint: ["ZRZYJ", "ZJJ", "STHJJ"], veto: "DEPARTMENT_HEAD", deemedApproval: true, deferrable: ["M04"],
    legalBasis: "《企业投资项目核准和备案管理条例》（国务院令第673号）第三条、第九条",
    content: "对关系国家安全、涉及全国重大生产力布局、战略性资源开发和重大公共利益等项目，实行核准管理。",
    materials: ["项目申请报告:o2", LICENCE, "建设项目用地预审与选址意见书:c", "节能审查意见:c", "社会稳定风险评估报告:o", AGENT],
  },
  {
    department: "FGJ", no: "01002", name: "企业投资项目备案", category: "OTHER_ADMINISTRATIVE_POWER", kind: "INSTANT", limits: [0, 0],
    themes: ["CONSTRUCTION_PROJECT", "ENTERPRISE_SETUP"], visits: 0,
    legalBasis: "《企业投资项目核准和备案管理条例》（国务院令第673号）第十三条",
    materials: ["项目备案信息表（在线填报）:o", LICENCE],
  },
  {
    department: "FGJ", no: "01003", name: "政府投资项目建议书审批", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [20, 8],
    themes: ["CONSTRUCTION_PROJECT"], veto: "DEPARTMENT_HEAD",
    legalBasis: "《政府投资条例》（国务院令第712号）第九条",
    materials: ["项目建议书审批申请文件:o", "项目建议书:o3", "项目单位法人证书:c"],
  },
  {
    department: "FGJ", no: "01004", name: "政府投资项目可行性研究报告审批", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [20, 10],
    themes: ["CONSTRUCTION_PROJECT"], veto: "DEPARTMENT_HEAD", deferrable: ["M05"],
    legalBasis: "《政府投资条例》（国务院令第712号）第九条、第十一条",
    materials: ["可行性研究报告审批申请文件:o", "可行性研究报告:o3", "项目建议书批复文件:c", "建设项目用地预审与选址意见书:c", "节能审查意见:c", "社会稳定风险评估报告:o"],
  },
  {
    department: "FGJ", no: "01005", name: "政府投资项目初步设计及概算审批", category: "ADMINISTRATIVE_LICENCE", kind: "JOINT", limits: [20, 12],
    themes: ["CONSTRUCTION_PROJECT"], joint: ["ZJJ", "ZRZYJ"], veto: "DEPARTMENT_HEAD",
    legalBasis: "《政府投资条例》（国务院令第712号）第十二条",
    materials: ["初步设计审批申请文件:o", "初步设计文件及概算书:o3", "可行性研究报告批复文件:c", "建设工程规划许可证:c"],
  },
  {
    department: "FGJ", no: "01006", name: "固定资产投资项目节能审查", category: "OTHER_ADMINISTRATIVE_POWER", kind: "PROMISED", limits: [20, 10],
    themes: ["CONSTRUCTION_PROJECT", "ENVIRONMENT_AND_SAFETY"], deemedApproval: true,
    legalBasis: "《中华人民共和国节约能源法》第十五条；《固定资产投资项目节能审查办法》（国家发展改革委令2023年第2号）第三条",
    materials: ["节能审查申请文件:o", "节能报告:o2", LICENCE],
  },
  {
    department: "FGJ", no: "01007", name: "依法必须招标项目招标方案核准", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [20, 5],
    themes: ["CONSTRUCTION_PROJECT"],
    legalBasis: "《中华人民共和国招标投标法实施条例》第七条",
    materials: ["招标方案核准申请:o", "项目审批或核准文件:c", "招标范围、招标方式、招标组织形式说明:o"],
  },

  // 自然资源局
  {
    department: "ZRZYJ", no: "02001", name: "建设项目用地预审与选址意见书核发", category: "ADMINISTRATIVE_LICENCE", kind: "JOINT", limits: [20, 10],
    themes: ["CONSTRUCTION_PROJECT", "REAL_ESTATE"], joint: ["FGJ"], veto: "COUNTY_HEAD_MEETING",
    legalBasis: "《中华人民共和国土地管理法》第五十二条；《中华人民共和国城乡规划法》第三十六条",
    materials: ["建设项目用地预审与选址申请表:o", "建设项目用地预审与选址申请报告:o", "拟建项目用地范围勘测定界图:o2", "项目建议书或项目代码:c", AGENT],
  },
  {
    department: "ZRZYJ", no: "02002", name: "建设用地规划许可证核发", category: "ADMINISTRATIVE_LICENCE", kind: "JOINT", limits: [20, 7],
    themes: ["CONSTRUCTION_PROJECT", "REAL_ESTATE"], joint: ["FGJ", "ZJJ"], veto: "COUNTY_HEAD_MEETING", deemedApproval: true, deferrable: ["M04"],
    legalBasis: "《中华人民共和国城乡规划法》第三十七条、第三十八条",
    materials: ["建设用地规划许可申请表:o", "国有土地使用权出让合同或划拨决定书:c", "建设项目用地预审与选址意见书:c", "宗地界址点坐标成果表:o", AGENT],
  },
  {
    department: "ZRZYJ", no: "02003", name: "建设工程规划许可证核发", category: "ADMINISTRATIVE_LICENCE", kind: "JOINT", limits: [20, 7],
    themes: ["CONSTRUCTION_PROJECT"], joint: ["ZJJ", "XFJY"], deemedApproval: true, deferrable: ["M05"],
    legalBasis: "《中华人民共和国城乡规划法》第四十条；《四川省城乡规划条例》第四十三条",
    materials: ["建设工程规划许可申请表:o", "使用土地的有关证明文件:c", "建设工程设计方案总平面图:o3", "建筑单体方案图:o2", "建设工程设计方案专家评审意见:o", AGENT],
    revisions: [
      { note: "工程建设项目审批制度改革：承诺时限由7个工作日压缩至5个工作日", changes: { promisedLimitDays: 5, stageLimits: { acceptanceDays: 1, reviewDays: 2, approvalDays: 2 } } },
    ],
  },
  {
    department: "ZRZYJ", no: "02004", name: "乡村建设规划许可证核发", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [20, 10],
    themes: ["CONSTRUCTION_PROJECT", "AGRICULTURE_AND_RURAL"],
    legalBasis: "《中华人民共和国城乡规划法》第四十一条",
    materials: ["乡村建设规划许可申请表:o", "村民委员会意见:o", "宅基地或集体建设用地权属证明:c", "建设工程设计图:o2", "申请人居民身份证:c"],
  },
  {
    department: "ZRZYJ", no: "02005", name: "农用地转用审批", category: "ADMINISTRATIVE_LICENCE", kind: "REPORTED", limits: [60, 40],
    themes: ["CONSTRUCTION_PROJECT", "REAL_ESTATE"], reportedTo: "四川省人民政府", veto: "COUNTY_HEAD_MEETING",
    legalBasis: "《中华人民共和国土地管理法》第四十四条；《中华人民共和国土地管理法实施条例》第二十三条",
    materials: ["建设用地呈报说明书:o3", "农用地转用方案:o3", "补充耕地方案:o3", "勘测定界图及报告:o2", "占用永久基本农田论证材料:o?|涉及永久基本农田的提供"],
  },
  {
    department: "ZRZYJ", no: "02006", name: "国有建设用地使用权划拨审批", category: "ADMINISTRATIVE_LICENCE", kind: "REPORTED", limits: [20, 15],
    themes: ["CONSTRUCTION_PROJECT", "REAL_ESTATE"], reportedTo: "宣汉县人民政府", veto: "COUNTY_HEAD_MEETING",
    legalBasis: "《中华人民共和国土地管理法》第五十四条；《中华人民共和国城市房地产管理法》第二十三条",
    materials: ["划拨用地申请书:o", "项目批准文件:c", "建设项目用地预审与选址意见书:c", "勘测定界报告:o"],
  },
  {
    department: "ZRZYJ", no: "02007", name: "临时用地审批", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [20, 10],
    themes: ["CONSTRUCTION_PROJECT", "REAL_ESTATE"], veto: "COUNTY_HEAD_MEETING",
    legalBasis: "《中华人民共和国土地管理法》第五十七条",
    materials: ["临时用地申请表:o", "临时使用土地合同:o", "土地复垦方案报告表:o", "临时用地勘测定界图:o"],
  },
  {
    department: "ZRZYJ", no: "02008", name: "不动产首次登记（国有建设用地使用权及房屋所有权）", category: "ADMINISTRATIVE_CONFIRMATION", kind: "PROMISED", limits: [30, 5],
    themes: ["REAL_ESTATE"], visits: 1,
    legalBasis: "《中华人民共和国民法典》第二百一十四条；《不动产登记暂行条例》第三条、第二十条",
    materials: ["不动产登记申请书:o", "申请人身份证明:c", "土地权属来源证明:c", "建设工程符合规划的材料:c", "房屋竣工验收材料:c", "不动产权籍调查成果:o"],
    fees: [
      { code: "F01", name: "不动产登记费（非住宅）", fixedFen: 55000, basis: "《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）" },
      { code: "F02", name: "不动产权属证书工本费（超出一本的）", fixedFen: 1000, basis: "《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）" },
    ],
  },
  {
    department: "ZRZYJ", no: "02009", name: "不动产转移登记（住宅）", category: "ADMINISTRATIVE_CONFIRMATION", kind: "JOINT", limits: [30, 3],
    themes: ["REAL_ESTATE"], joint: ["ZJJ", "SWJ"], commitment: true,
    content: "不动产交易、税收、登记“一窗受理、集成服务”：买卖、赠与、继承等引起的住宅所有权转移登记。",
    legalBasis: "《不动产登记暂行条例》第三条；《不动产登记暂行条例实施细则》第三十八条",
    materials: ["不动产登记申请书:o", "申请人身份证明:c", "不动产权属证书:o", "买卖合同或其他转移材料:o", "完税凭证:c", "婚姻状况证明:c?|夫妻共有的提供"],
    fees: [{ code: "F01", name: "不动产登记费（住宅）", fixedFen: 8000, basis: "《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）" }],
    preferential: "小微企业（含个体工商户）申请不动产登记的，免收不动产登记费（财税〔2016〕79号）。",
  },
  {
    department: "ZRZYJ", no: "02010", name: "不动产抵押登记", category: "ADMINISTRATIVE_CONFIRMATION", kind: "PROMISED", limits: [30, 1],
    themes: ["REAL_ESTATE", "BUSINESS_OPERATION"],
    legalBasis: "《中华人民共和国民法典》第三百九十五条、第四百零二条；《不动产登记暂行条例实施细则》第六十五条",
    materials: ["不动产登记申请书:o", "申请人身份证明:c", "不动产权属证书:o", "主债权合同:o", "抵押合同:o"],
    fees: [{ code: "F01", name: "不动产登记费（抵押）", fixedFen: 8000, basis: "《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）" }],
  },
  {
    department: "ZRZYJ", no: "02011", name: "不动产变更登记", category: "ADMINISTRATIVE_CONFIRMATION", kind: "PROMISED", limits: [30, 3],
    themes: ["REAL_ESTATE"],
    legalBasis: "《不动产登记暂行条例》第三条；《不动产登记暂行条例实施细则》第二十六条",
    materials: ["不动产登记申请书:o", "申请人身份证明:c", "不动产权属证书:o", "变更的材料:c"],
  },
  {
    department: "ZRZYJ", no: "02012", name: "不动产注销登记", category: "ADMINISTRATIVE_CONFIRMATION", kind: "INSTANT", limits: [30, 0],
    themes: ["REAL_ESTATE"],
    legalBasis: "《不动产登记暂行条例实施细则》第二十八条",
    materials: ["不动产登记申请书:o", "申请人身份证明:c", "不动产权属证书:o", "不动产灭失或权利消灭的材料:c"],
  },
  {
    department: "ZRZYJ", no: "02013", name: "不动产登记资料查询", category: "PUBLIC_SERVICE", kind: "INSTANT", limits: [0, 0],
    themes: ["REAL_ESTATE"], visits: 0,
    legalBasis: "《不动产登记暂行条例》第二十七条；《不动产登记资料查询暂行办法》第四条",
    materials: ["不动产登记资料查询申请书:o", "查询人身份证明:o"],
  },
  {
    department: "ZRZYJ", no: "02014", name: "采矿权新立登记（砂石土类）", category: "ADMINISTRATIVE_LICENCE", kind: "REPORTED", limits: [40, 30],
    themes: ["BUSINESS_OPERATION", "ENVIRONMENT_AND_SAFETY"], reportedTo: "达州市自然资源和规划局", veto: "COUNTY_HEAD_MEETING",
    legalBasis: "《中华人民共和国矿产资源法》第三条、第十六条；《矿产资源开采登记管理办法》第五条",
    materials: ["采矿权申请登记书:o", "矿产资源开发利用方案:o2", "矿山地质环境保护与土地复垦方案:o2", "出让合同及价款缴纳凭证:c", LICENCE],
  },
  {
    department: "ZRZYJ", no: "02015", name: "地质灾害治理工程竣工验收", category: "OTHER_ADMINISTRATIVE_POWER", kind: "PROMISED", limits: [20, 10],
    themes: ["ENVIRONMENT_AND_SAFETY"],
    legalBasis: "《地质灾害防治条例》第三十八条",
    materials: ["竣工验收申请:o", "工程竣工报告:o2", "监理报告:o"],
    notEntered: "需组织专家现场查勘验收，由部门地质环境股办理",
  },

  // 住房和城乡建设局
  {
    department: "ZJJ", no: "03001", name: "建筑工程施工许可证核发", category: "ADMINISTRATIVE_LICENCE", kind: "JOINT", limits: [7, 5],
    themes: ["CONSTRUCTION_PROJECT"], joint: ["ZRZYJ", "QXJ"], commitment: true, deemedApproval: true, deferrable: ["M05"], veto: "DEPARTMENT_HEAD",
    legalBasis: "《中华人民共和国建筑法》第七条、第八条；《建筑工程施工许可管理办法》第二条",
    conditions: "已办理用地批准手续；依法应当办理建设工程规划许可证的，已取得规划许可证；施工场地已基本具备施工条件；已确定施工企业；有满足施工需要的资金安排和施工图纸。",
    materials: ["建筑工程施工许可证申请表:o", "建设工程规划许可证:c", "中标通知书或直接发包批准文件:c", "施工合同:c", "施工图设计文件审查合格书:c", "建设资金已落实承诺书:o"],
    revisions: [
      { note: "优化营商环境：承诺时限由5个工作日压缩至3个工作日", changes: { promisedLimitDays: 3, stageLimits: { acceptanceDays: 1, reviewDays: 1, approvalDays: 1 } } },
    ],
  },
  {
    department: "ZJJ", no: "03002", name: "商品房预售许可", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [10, 5],
    themes: ["REAL_ESTATE", "BUSINESS_OPERATION"], veto: "DEPARTMENT_HEAD",
    legalBasis: "《中华人民共和国城市房地产管理法》第四十五条；《城市商品房预售管理办法》第五条、第七条",
    materials: ["商品房预售许可申请表:o", "营业执照和房地产开发资质证书:c", "土地使用权证书:c", "建设工程规划许可证和施工许可证:c", "工程施工合同及形象进度证明:c", "商品房预售方案:o"],
  },
  {
    department: "ZJJ", no: "03003", name: "房地产开发企业资质核定（二级及以下）", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [20, 10],
    themes: ["ENTERPRISE_SETUP", "BUSINESS_OPERATION"],
    legalBasis: "《城市房地产开发经营管理条例》第九条；《房地产开发企业资质管理规定》第四条",
    materials: ["房地产开发企业资质申请表:o", LICENCE, "企业章程:c", "专业技术人员资格证书及劳动合同:c"],
  },
  {
    department: "ZJJ", no: "03004", name: "建设工程消防设计审查", category: "ADMINISTRATIVE_LICENCE", kind: "JOINT", limits: [15, 10],
    themes: ["CONSTRUCTION_PROJECT", "ENVIRONMENT_AND_SAFETY"], joint: ["ZRZYJ", "QXJ"], deferrable: ["M04"],
    legalBasis: "《中华人民共和国消防法》第十一条；《建设工程消防设计审查验收管理暂行规定》第十四条",
    materials: ["消防设计审查申请表:o", "消防设计文件:o2", "依法需要批准的临时性建筑证明文件:c?|临时性建筑提供", "特殊消防设计技术资料:o"],
  },
  {
    department: "ZJJ", no: "03005", name: "建设工程消防验收", category: "OTHER_ADMINISTRATIVE_POWER", kind: "PROMISED", limits: [15, 10],
    themes: ["CONSTRUCTION_PROJECT", "ENVIRONMENT_AND_SAFETY"],
    legalBasis: "《中华人民共和国消防法》第十三条；《建设工程消防设计审查验收管理暂行规定》第二十六条",
    materials: ["消防验收申请表:o", "工程竣工验收报告:c", "涉及消防的建设工程竣工图纸:o"],
  },
  {
    department: "ZJJ", no: "03006", name: "建设工程竣工联合验收", category: "OTHER_ADMINISTRATIVE_POWER", kind: "JOINT", limits: [20, 10],
    themes: ["CONSTRUCTION_PROJECT"], joint: ["ZRZYJ", "QXJ"],
    content: "规划核实、消防验收、防雷装置竣工验收等限时联合验收，统一出具验收意见。",
    legalBasis: "《国务院办公厅关于全面开展工程建设项目审批制度改革的实施意见》（国办发〔2019〕11号）；《建设工程质量管理条例》第十六条",
    materials: ["联合验收申请表:o", "竣工验收报告:o", "竣工图:o2", "建设工程规划许可证:c", "各专项验收所需技术资料:o"],
  },
  {
    department: "ZJJ", no: "03007", name: "建设工程竣工验收备案", category: "OTHER_ADMINISTRATIVE_POWER", kind: "PROMISED", limits: [15, 3],
    themes: ["CONSTRUCTION_PROJECT"],
    legalBasis: "《建设工程质量管理条例》第四十九条；《房屋建筑和市政基础设施工程竣工验收备案管理办法》第四条",
    materials: ["竣工验收备案表:o2", "工程竣工验收报告:o", "施工单位签署的工程质量保修书:c", "住宅质量保证书和住宅使用说明书:c?|商品住宅提供"],
  },
  {
    department: "ZJJ", no: "03008", name: "城镇污水排入排水管网许可", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [15, 5],
    themes: ["BUSINESS_OPERATION", "ENVIRONMENT_AND_SAFETY"], commitment: true,
    legalBasis: "《城镇排水与污水处理条例》第二十一条；《城镇污水排入排水管网许可管理办法》第四条",
    materials: ["排水许可申请表:o", "排水户内部排水管网图:o", "排水水质检测报告:o", LICENCE],
  },
  {
    department: "ZJJ", no: "03009", name: "占用、挖掘城市道路审批", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [20, 3],
    themes: ["CONSTRUCTION_PROJECT", "TRANSPORT"],
    legalBasis: "《城市道路管理条例》第二十九条、第三十条、第三十一条",
    materials: ["占用挖掘城市道路申请表:o", "施工方案及平面图:o", "交通组织方案:o"],
    fees: [{ code: "F01", name: "城市道路挖掘修复费", perUnit: ["㎡", 32000], basis: "《城市道路管理条例》第三十四条；《四川省城市道路挖掘修复费收费标准》（川价费〔1997〕113号）" }],
  },
  {
    department: "ZJJ", no: "03010", name: "设置大型户外广告及在城市建筑物设施上悬挂张贴宣传品审批", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [20, 5],
    themes: ["BUSINESS_OPERATION"],
    legalBasis: "《城市市容和环境卫生管理条例》第十一条",
    materials: ["户外广告设置申请表:o", "设置位置平面图和效果图:o", "场地使用权证明:c", "结构安全证明:o?|大型户外广告提供"],
  },
  {
    department: "ZJJ", no: "03011", name: "燃气经营许可证核发", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [20, 10],
    themes: ["BUSINESS_OPERATION", "ENVIRONMENT_AND_SAFETY"],
    legalBasis: "《城镇燃气管理条例》第十五条；《燃气经营许可管理办法》第三条",
    materials: ["燃气经营许可申请书:o", LICENCE, "燃气设施竣工验收材料:c", "安全管理制度及应急预案:o", "主要负责人和安全管理人员考核合格证明:c"],
  },
  {
    department: "ZJJ", no: "03012", name: "建筑业企业资质核准（施工总承包三级）", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [20, 10],
    themes: ["ENTERPRISE_SETUP", "CONSTRUCTION_PROJECT"],
    legalBasis: "《中华人民共和国建筑法》第十三条；《建筑业企业资质管理规定》第九条",
    materials: ["建筑业企业资质申请表:o", LICENCE, "企业主要人员证明材料:c", "企业工程业绩材料:c?|申请增项的提供"],
  },
  {
    department: "ZJJ", no: "03013", name: "房屋面积测算成果审核", category: "PUBLIC_SERVICE", kind: "PROMISED", limits: [10, 5],
    themes: ["REAL_ESTATE"],
    legalBasis: "《房产测绘管理办法》第四条；《房产测绘收费标准》（国测财字〔2002〕3号）",
    materials: ["房屋面积测算委托书:o", "建设工程规划许可证及附图:c", "竣工图:o"],
    fees: [
      {
        code: "F01", name: "房产面积测算费",
        tiered: ["㎡", [[200, 136], [1000, 100], [null, 80]]],
        basis: "《国家测绘局 国家计委 财政部关于房产测绘收费标准的通知》（国测财字〔2002〕3号）",
      },
    ],
  },
  {
    department: "ZJJ", no: "03014", name: "住房保障（公租房）资格审核", category: "ADMINISTRATIVE_PAYMENT", kind: "PROMISED", limits: [30, 20],
    notEntered: "由乡镇（街道）受理初审后报住建局审核",
    themes: ["SOCIAL_AFFAIRS", "REAL_ESTATE"],
    legalBasis: "《公共租赁住房管理办法》（住房城乡建设部令第11号）第七条、第九条",
    materials: ["公共租赁住房申请表:o", "申请人及家庭成员身份证明:c", "收入、住房状况证明:o", "户口簿:c"],
  },

  {
    department: "ZJJ", no: "03015", name: "城市基础设施配套费征收", category: "OTHER_ADMINISTRATIVE_POWER", kind: "INSTANT", limits: [5, 0],
    themes: ["CONSTRUCTION_PROJECT"],
    content: "新建、改建、扩建房屋建筑工程，在办理建筑工程施工许可前按建筑面积缴纳城市基础设施配套费。",
    legalBasis: "《财政部关于城市基础设施配套费性质的批复》（财综函〔2002〕3号）；《四川省城市基础设施配套费征收管理办法》",
    materials: ["配套费缴费申报表:o", "建设工程规划许可证及附件:c"],
    fees: [{ code: "F01", name: "城市基础设施配套费", perUnit: ["㎡", 5000], basis: "《四川省城市基础设施配套费征收管理办法》；宣汉县配套费征收标准" }],
    preferential: "保障性安居工程、学校、医院等公益性项目依规减免。",
  },

  // 生态环境局
  {
    department: "STHJJ", no: "05001", name: "建设项目环境影响报告表审批", category: "ADMINISTRATIVE_LICENCE", kind: "JOINT", limits: [30, 15],
    themes: ["CONSTRUCTION_PROJECT", "ENVIRONMENT_AND_SAFETY"], joint: ["FGJ", "ZRZYJ"], deemedApproval: true, veto: "DEPARTMENT_HEAD",
    legalBasis: "《中华人民共和国环境影响评价法》第二十二条；《建设项目环境保护管理条例》第九条",
    materials: ["建设项目环境影响评价文件审批申请书:o", "环境影响报告表（全本及公开删节本）:o2", "项目代码或备案证明:c", LICENCE],
  },
  {
    department: "STHJJ", no: "05002", name: "建设项目环境影响报告书审批", category: "ADMINISTRATIVE_LICENCE", kind: "REPORTED", limits: [60, 40],
    themes: ["CONSTRUCTION_PROJECT", "ENVIRONMENT_AND_SAFETY"], reportedTo: "达州市生态环境局", veto: "DEPARTMENT_HEAD",
    legalBasis: "《中华人民共和国环境影响评价法》第二十二条、第二十三条",
    materials: ["建设项目环境影响评价文件审批申请书:o", "环境影响报告书（全本及公开删节本）:o3", "公众参与说明:o", "项目代码或备案证明:c"],
  },
  {
    department: "STHJJ", no: "05003", name: "建设项目环境影响登记表备案", category: "OTHER_ADMINISTRATIVE_POWER", kind: "INSTANT", limits: [0, 0],
    themes: ["CONSTRUCTION_PROJECT", "ENVIRONMENT_AND_SAFETY"], visits: 0,
    legalBasis: "《中华人民共和国环境影响评价法》第二十二条；《建设项目环境影响登记表备案管理办法》第三条",
    materials: ["建设项目环境影响登记表（在线填报）:o"],
  },
  {
    department: "STHJJ", no: "05004", name: "排污许可证核发（简化管理）", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [20, 10],
    themes: ["BUSINESS_OPERATION", "ENVIRONMENT_AND_SAFETY"],
    legalBasis: "《排污许可管理条例》第三条、第八条",
    materials: ["排污许可证申请表:o", "自行监测方案:o", "排污口和监测孔规范化设置情况说明:o", "承诺书:o"],
  },
  {
    department: "STHJJ", no: "05005", name: "危险废物收集经营许可证核发", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [20, 15],
    themes: ["BUSINESS_OPERATION", "ENVIRONMENT_AND_SAFETY"],
    legalBasis: "《中华人民共和国固体废物污染环境防治法》第八十条；《危险废物经营许可证管理办法》第七条",
    materials: ["危险废物经营许可证申请书:o", "贮存设施及包装容器说明:o", "安全管理制度及应急预案:o", "专业技术人员资格证明:c"],
  },

  // 消防救援大队
  {
    department: "XFJY", no: "06001", name: "公众聚集场所投入使用、营业前消防安全检查", category: "OTHER_ADMINISTRATIVE_POWER", kind: "PROMISED", limits: [10, 3],
    themes: ["BUSINESS_OPERATION", "ENVIRONMENT_AND_SAFETY"], commitment: true, deemedApproval: true,
    content: "公众聚集场所在投入使用、营业前申请消防安全检查；实行告知承诺的，当场作出许可决定。",
    legalBasis: "《中华人民共和国消防法》第十五条；《公众聚集场所投入使用、营业消防安全检查规则》第三条",
    materials: ["公众聚集场所投入使用、营业消防安全检查申请表:o", "消防安全告知承诺书:o?|选择告知承诺方式的提供", LICENCE, "场所平面布置图:o", "消防安全制度及应急预案:o"],
  },
  {
    department: "XFJY", no: "06002", name: "火灾事故认定", category: "ADMINISTRATIVE_CONFIRMATION", kind: "PROMISED", limits: [30, 20],
    themes: ["ENVIRONMENT_AND_SAFETY"],
    legalBasis: "《中华人民共和国消防法》第五十一条；《火灾事故调查规定》第三十条",
    materials: ["火灾事故认定申请:o", "当事人身份证明:c"],
    notEntered: "需现场勘验调查，由消防救援大队火灾调查部门办理",
  },
  {
    department: "XFJY", no: "06003", name: "火灾损失统计证明开具", category: "PUBLIC_SERVICE", kind: "INSTANT", limits: [0, 0],
    notEntered: "由消防救援大队火灾调查部门出具，无需进驻大厅",
    themes: ["ENVIRONMENT_AND_SAFETY"],
    legalBasis: "《火灾事故调查规定》第三十八条",
    materials: ["火灾损失申报统计表:o", "申请人身份证明:c"],
  },

  // 水利局
  {
    department: "SLJ", no: "13001", name: "取水许可", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [45, 20],
    themes: ["BUSINESS_OPERATION", "ENVIRONMENT_AND_SAFETY"],
    legalBasis: "《中华人民共和国水法》第四十八条；《取水许可和水资源费征收管理条例》第二条",
    materials: ["取水许可申请书:o", "建设项目水资源论证报告:o2", "与第三者利害关系的相关说明:o?|有利害关系人的提供", "取水计量设施安装情况:o"],
  },
  {
    department: "SLJ", no: "13002", name: "生产建设项目水土保持方案审批", category: "ADMINISTRATIVE_LICENCE", kind: "JOINT", limits: [20, 10],
    themes: ["CONSTRUCTION_PROJECT", "ENVIRONMENT_AND_SAFETY"], joint: ["FGJ", "ZRZYJ"], deemedApproval: true,
    legalBasis: "《中华人民共和国水土保持法》第二十五条、第二十六条",
    materials: ["水土保持方案审批申请:o", "水土保持方案报告书（表）:o2", "项目立项文件:c"],
  },
  {
    department: "SLJ", no: "13003", name: "河道管理范围内建设项目工程建设方案审批", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [20, 12],
    themes: ["CONSTRUCTION_PROJECT"], veto: "DEPARTMENT_HEAD",
    legalBasis: "《中华人民共和国水法》第三十八条；《中华人民共和国河道管理条例》第十一条",
    materials: ["河道管理范围内建设项目申请书:o", "防洪评价报告:o2", "建设项目所依据的文件:c", "工程建设方案设计图:o"],
  },
  {
    department: "SLJ", no: "13004", name: "水利工程质量监督手续办理", category: "PUBLIC_SERVICE", kind: "PROMISED", limits: [5, 3],
    notEntered: "由水利工程质量监督站在工程现场办理",
    themes: ["CONSTRUCTION_PROJECT"],
    legalBasis: "《建设工程质量管理条例》第十三条；《水利工程质量管理规定》第二十二条",
    materials: ["水利工程质量监督申请书:o", "项目批准文件:c", "参建单位资质证明:c"],
  },

  // 气象局
  {
    department: "QXJ", no: "26001", name: "防雷装置设计审核", category: "ADMINISTRATIVE_LICENCE", kind: "JOINT", limits: [20, 5],
    themes: ["CONSTRUCTION_PROJECT", "ENVIRONMENT_AND_SAFETY"], joint: ["ZJJ"], deemedApproval: true,
    legalBasis: "《气象灾害防御条例》第二十四条；《防雷装置设计审核和竣工验收规定》第三条",
    materials: ["防雷装置设计审核申请书:o", "防雷装置设计说明书和设计图纸:o2", "设计单位和人员资质证明:c"],
  },
  {
    department: "QXJ", no: "26002", name: "防雷装置竣工验收", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [10, 5],
    themes: ["CONSTRUCTION_PROJECT", "ENVIRONMENT_AND_SAFETY"],
    legalBasis: "《气象灾害防御条例》第二十四条；《防雷装置设计审核和竣工验收规定》第十五条",
    materials: ["防雷装置竣工验收申请书:o", "防雷装置竣工图纸:o", "防雷装置检测报告:o"],
  },
  {
    department: "QXJ", no: "26003", name: "升放无人驾驶自由气球或者系留气球活动审批", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [5, 3],
    themes: ["ENVIRONMENT_AND_SAFETY"],
    legalBasis: "《通用航空飞行管制条例》第三十二条；《施放气球管理办法》第十五条",
    materials: ["升放气球活动申请表:o", "施放单位资质证书:c", "施放方案:o"],
  },

  // 林业局
  {
    department: "LYJ", no: "15001", name: "林木采伐许可证核发", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [20, 5],
    themes: ["AGRICULTURE_AND_RURAL"],
    legalBasis: "《中华人民共和国森林法》第五十六条；《中华人民共和国森林法实施条例》第三十条",
    materials: ["林木采伐申请表:o", "林木权属证明:c", "伐区调查设计文件:o?|采伐面积超过规定的提供", "申请人身份证明:c"],
  },
  {
    department: "LYJ", no: "15002", name: "建设项目使用林地审核", category: "ADMINISTRATIVE_LICENCE", kind: "REPORTED", limits: [20, 15],
    themes: ["CONSTRUCTION_PROJECT", "AGRICULTURE_AND_RURAL"], reportedTo: "四川省林业和草原局", veto: "COUNTY_HEAD_MEETING",
    legalBasis: "《中华人民共和国森林法》第三十七条；《建设项目使用林地审核审批管理办法》第四条",
    materials: ["使用林地申请表:o", "建设项目有关批准文件:c", "使用林地可行性报告或林地现状调查表:o2", "森林植被恢复费缴纳承诺书:o"],
  },
  {
    department: "LYJ", no: "15003", name: "陆生野生动物人工繁育许可证核发（非重点保护）", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [20, 10],
    themes: ["AGRICULTURE_AND_RURAL", "ENVIRONMENT_AND_SAFETY"],
    legalBasis: "《中华人民共和国野生动物保护法》第二十五条",
    materials: ["人工繁育许可申请书:o", "繁育场所及设施说明:o", "种源合法来源证明:c"],
  },
  {
    department: "LYJ", no: "15004", name: "林草种子生产经营许可证核发", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [20, 10],
    themes: ["AGRICULTURE_AND_RURAL", "BUSINESS_OPERATION"],
    legalBasis: "《中华人民共和国种子法》第三十一条",
    materials: ["种子生产经营许可证申请表:o", LICENCE, "种子检验人员资格证明:c", "经营场所使用证明:c"],
  },

  // 供电公司
  {
    department: "GDJ", no: "25001", name: "低压居民用电报装", category: "PUBLIC_SERVICE", kind: "PROMISED", limits: [5, 2],
    themes: ["REAL_ESTATE", "SOCIAL_AFFAIRS"], visits: 0,
    legalBasis: "《电力供应与使用条例》第二十三条；《供电营业规则》第十六条",
    materials: ["用电申请表:o", "用电人有效身份证件:c", "用电地址物业权属证明:c"],
  },
  {
    department: "GDJ", no: "25002", name: "低压非居民用电报装", category: "PUBLIC_SERVICE", kind: "PROMISED", limits: [10, 4],
    themes: ["BUSINESS_OPERATION", "ENTERPRISE_SETUP"],
    legalBasis: "《电力供应与使用条例》第二十三条；《供电营业规则》第十六条",
    materials: ["用电申请表:o", LICENCE, "用电地址物业权属证明:c", LEGAL_REP],
  },
  {
    department: "GDJ", no: "25003", name: "高压用电报装", category: "PUBLIC_SERVICE", kind: "PROMISED", limits: [30, 15],
    themes: ["CONSTRUCTION_PROJECT", "BUSINESS_OPERATION"],
    legalBasis: "《电力供应与使用条例》第二十三条；《供电营业规则》第十六条、第二十二条",
    materials: ["高压用电申请表:o", LICENCE, "用电地址物业权属证明:c", "项目批准文件:c", "用电设备清单:o"],
    fees: [{ code: "F01", name: "高可靠性供电费", perUnit: ["千伏安", 26000], basis: "《四川省发展和改革委员会关于高可靠性供电费用有关问题的通知》（川发改价格〔2017〕593号）" }],
  },
  {
    department: "GDJ", no: "25004", name: "用电更名过户", category: "PUBLIC_SERVICE", kind: "INSTANT", limits: [5, 0],
    notEntered: "在供电营业厅办理，与大厅窗口数据互通",
    themes: ["REAL_ESTATE", "BUSINESS_OPERATION"],
    legalBasis: "《供电营业规则》第二十九条",
    materials: ["更名过户申请表:o", "新用电人有效身份证件:c", "产权变更证明:c"],
  },
];
