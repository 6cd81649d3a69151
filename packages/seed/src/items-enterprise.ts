import type { SeedItem } from "./items-model";

const AGENT = "授权委托书及受托人身份证件:o?|委托他人办理的提供";
const LICENCE = "营业执照:c";
const PREMISES = "经营场所使用证明:c";

/**
 * Enterprises and trades (企业开办与经营): market registration and licences, tax, culture and
 * tourism, commerce, industry, work safety, transport and agriculture.
 */
export const enterpriseItems: readonly SeedItem[] = [
  // 市场监督管理局
  {
    department: "SCJGJ", no: "04001", name: "企业设立登记", category: "ADMINISTRATIVE_LICENCE", kind: "JOINT", limits: [15, 3],
    themes: ["ENTERPRISE_SETUP"], joint: ["GAJ", "SWJ", "RSJ", "ZFGJJ"],
    content: "企业开办“一网通办、一窗通取”：营业执照、公章刻制、发票申领、社保登记、公积金开户一次办结。",
    legalBasis: "《中华人民共和国市场主体登记管理条例》（国务院令第746号）第三条、第十九条",
    conditions: "名称符合规定；有符合规定的住所；法定代表人、股东等符合任职条件；申请材料齐全、符合法定形式。",
    materials: ["公司登记（备案）申请书:o", "公司章程:o", "股东主体资格证明或自然人身份证件:c", "法定代表人、董事、监事和经理的任职文件:o", "住所使用相关文件:c", AGENT],
    revisions: [
      {
        note: "企业开办压缩至1个工作日以内、全程网办：法定时限按《市场主体登记管理条例》调整为3个工作日",
        changes: { legalLimitDays: 3, promisedLimitDays: 1, stageLimits: null, maxVisits: 0 },
      },
    ],
  },
  {
    department: "SCJGJ", no: "04002", name: "个体工商户设立登记", category: "ADMINISTRATIVE_LICENCE", kind: "INSTANT", limits: [3, 0],
    themes: ["ENTERPRISE_SETUP"], visits: 0,
    legalBasis: "《中华人民共和国市场主体登记管理条例》第三条；《促进个体工商户发展条例》第十二条",
    materials: ["个体工商户登记（备案）申请书:o", "经营者身份证件:c", PREMISES],
  },
  {
    department: "SCJGJ", no: "04003", name: "企业变更登记", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [3, 1],
    themes: ["BUSINESS_OPERATION"],
    legalBasis: "《中华人民共和国市场主体登记管理条例》第二十四条",
    materials: ["变更登记申请书:o", "依法作出的变更决议或决定:o", "章程修正案:o?|涉及章程修改的提供", LICENCE],
  },
  {
    department: "SCJGJ", no: "04004", name: "企业注销登记（含简易注销）", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [3, 1],
    themes: ["BUSINESS_OPERATION"],
    legalBasis: "《中华人民共和国市场主体登记管理条例》第三十一条、第三十三条",
    materials: ["注销登记申请书:o", "依法作出解散的决议或决定:o", "清算报告或全体投资人承诺书:o", "清税证明:c"],
  },
  {
    department: "SCJGJ", no: "04005", name: "农民专业合作社设立登记", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [20, 2],
    themes: ["ENTERPRISE_SETUP", "AGRICULTURE_AND_RURAL"],
    legalBasis: "《中华人民共和国农民专业合作社法》第十六条；《中华人民共和国市场主体登记管理条例》第三条",
    materials: ["农民专业合作社登记申请书:o", "设立大会纪要:o", "章程:o", "成员名册及出资清单:o", "住所使用证明:c"],
  },
  {
    department: "SCJGJ", no: "04006", name: "食品经营许可证核发", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [10, 3],
    themes: ["BUSINESS_OPERATION", "EDUCATION_AND_HEALTH"], commitment: true, deemedApproval: true, deferrable: ["M04"],
    legalBasis: "《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》第二十二条",
    conditions: "具有与经营的食品品种、数量相适应的场所、设备设施、食品安全管理人员和管理制度。仅销售预包装食品的实行备案。",
    materials: ["食品经营许可申请书:o", LICENCE, "与食品经营相适应的主要设备设施布局和操作流程:o", "食品安全管理制度目录:o", "食品安全管理人员健康证明:c"],
  },
  {
    department: "SCJGJ", no: "04007", name: "食品生产许可证核发（小作坊除外）", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [20, 10],
    themes: ["BUSINESS_OPERATION", "EDUCATION_AND_HEALTH"], deemedApproval: true,
    legalBasis: "《中华人民共和国食品安全法》第三十五条；《食品生产许可管理办法》第十条",
    materials: ["食品生产许可申请书:o", LICENCE, "食品生产加工场所及其周围环境平面图:o", "食品生产工艺流程图和设备布局图:o", "食品安全管理制度:o"],
  },
  {
    department: "SCJGJ", no: "04008", name: "食品小作坊登记", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [15, 5],
    themes: ["BUSINESS_OPERATION", "AGRICULTURE_AND_RURAL"],
    legalBasis: "《四川省食品小作坊、小经营店及摊贩管理条例》第九条",
    materials: ["食品小作坊登记申请书:o", LICENCE, "从业人员健康证明:c", "生产场所平面图:o"],
  },
  {
    department: "SCJGJ", no: "04009", name: "药品零售企业经营许可", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [30, 15],
    themes: ["BUSINESS_OPERATION", "EDUCATION_AND_HEALTH"],
    legalBasis: "《中华人民共和国药品管理法》第五十一条、第五十二条；《药品经营和使用质量监督管理办法》第十五条",
    materials: ["药品经营许可证申请表:o", LICENCE, "执业药师注册证:c", PREMISES, "质量管理文件目录:o"],
  },
  {
    department: "SCJGJ", no: "04010", name: "第二类医疗器械经营备案", category: "OTHER_ADMINISTRATIVE_POWER", kind: "INSTANT", limits: [0, 0],
    themes: ["BUSINESS_OPERATION", "EDUCATION_AND_HEALTH"],
    legalBasis: "《医疗器械监督管理条例》第四十一条；《医疗器械经营监督管理办法》第二十一条",
    materials: ["第二类医疗器械经营备案表:o", LICENCE, "经营场所和库房使用证明:c", "质量管理人员身份和学历证明:c"],
  },
  {
    department: "SCJGJ", no: "04011", name: "特种设备使用登记", category: "OTHER_ADMINISTRATIVE_POWER", kind: "PROMISED", limits: [15, 3],
    themes: ["BUSINESS_OPERATION", "ENVIRONMENT_AND_SAFETY"],
    legalBasis: "《中华人民共和国特种设备安全法》第三十三条；《特种设备使用管理规则》",
    materials: ["特种设备使用登记表:o2", "产品合格证:c", "监督检验证明:c", "安装改造维修监督检验报告:c?|需监督检验的提供"],
  },
  {
    department: "SCJGJ", no: "04012", name: "股权出质登记", category: "OTHER_ADMINISTRATIVE_POWER", kind: "INSTANT", limits: [3, 0],
    themes: ["BUSINESS_OPERATION"],
    legalBasis: "《中华人民共和国民法典》第四百四十三条；《股权出质登记办法》第三条",
    materials: ["股权出质设立登记申请书:o", "质权合同:c", "出质人和质权人主体资格证明:c"],
  },
  {
    department: "SCJGJ", no: "04013", name: "计量器具强制检定", category: "PUBLIC_SERVICE", kind: "PROMISED", limits: [10, 5],
    themes: ["BUSINESS_OPERATION"],
    legalBasis: "《中华人民共和国计量法》第九条；《中华人民共和国强制检定的工作计量器具检定管理办法》第三条",
    materials: ["强制检定申请表:o", "计量器具清单:o"],
    notEntered: "需依托计量检定设施设备，在县计量检定所办理",
  },

  // 税务局
  {
    department: "SWJ", no: "09001", name: "税务登记信息确认", category: "OTHER_ADMINISTRATIVE_POWER", kind: "INSTANT", limits: [0, 0],
    themes: ["ENTERPRISE_SETUP"], visits: 0,
    legalBasis: "《中华人民共和国税收征收管理法》第十五条；《税务登记管理办法》第八条",
    materials: [LICENCE, "法定代表人身份证件:c", "财务负责人、办税人员身份证件:c"],
  },
  {
    department: "SWJ", no: "09002", name: "发票领用", category: "OTHER_ADMINISTRATIVE_POWER", kind: "INSTANT", limits: [5, 0],
    themes: ["ENTERPRISE_SETUP", "BUSINESS_OPERATION"], visits: 0,
    legalBasis: "《中华人民共和国发票管理办法》第十五条",
    materials: ["经办人身份证件:o"],
  },
  {
    department: "SWJ", no: "09003", name: "增值税一般纳税人登记", category: "OTHER_ADMINISTRATIVE_POWER", kind: "INSTANT", limits: [0, 0],
    themes: ["BUSINESS_OPERATION"], visits: 0,
    legalBasis: "《中华人民共和国增值税暂行条例》第十三条；《增值税一般纳税人登记管理办法》第五条",
    materials: ["增值税一般纳税人登记表:o"],
  },
  {
    department: "SWJ", no: "09004", name: "代开增值税发票", category: "PUBLIC_SERVICE", kind: "INSTANT", limits: [0, 0],
    themes: ["BUSINESS_OPERATION"],
    legalBasis: "《中华人民共和国发票管理办法》第十六条",
    materials: ["代开增值税发票缴纳税款申报单:o", "申请人身份证件:c", "合同或收款证明:c"],
  },
  {
    department: "SWJ", no: "09005", name: "清税证明开具", category: "OTHER_ADMINISTRATIVE_POWER", kind: "INSTANT", limits: [20, 0],
    themes: ["BUSINESS_OPERATION"],
    legalBasis: "《中华人民共和国税收征收管理法实施细则》第十五条",
    materials: ["清税申报表:o", "经办人身份证件:c"],
  },
  {
    department: "SWJ", no: "09006", name: "纳税证明开具", category: "PUBLIC_SERVICE", kind: "INSTANT", limits: [0, 0],
    themes: ["BUSINESS_OPERATION", "SOCIAL_AFFAIRS"], visits: 0,
    legalBasis: "《税收票证管理办法》第二十四条",
    materials: ["开具纳税证明申请:o", "申请人身份证件:o"],
  },
  {
    department: "SWJ", no: "09007", name: "跨区域涉税事项报告", category: "OTHER_ADMINISTRATIVE_POWER", kind: "INSTANT", limits: [0, 0],
    themes: ["BUSINESS_OPERATION"], visits: 0,
    legalBasis: "《国家税务总局关于创新跨区域涉税事项报验管理制度的通知》（税总发〔2017〕103号）",
    materials: ["跨区域涉税事项报告表:o"],
  },
  {
    department: "SWJ", no: "09008", name: "税收减免备案", category: "OTHER_ADMINISTRATIVE_POWER", kind: "INSTANT", limits: [0, 0],
    themes: ["BUSINESS_OPERATION"],
    legalBasis: "《中华人民共和国税收征收管理法》第三十三条；《税收减免管理办法》第七条",
    materials: ["纳税人减免税备案登记表:o", "减免税依据的相关证明材料:c"],
  },

  // 文化广播电视和旅游局
  {
    department: "WGLJ", no: "16001", name: "娱乐场所经营许可", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [20, 10],
    themes: ["BUSINESS_OPERATION"],
    legalBasis: "《娱乐场所管理条例》第九条；《娱乐场所管理办法》第七条",
    materials: ["娱乐场所经营申请书:o", LICENCE, "投资人、法定代表人身份证件:c", "场所平面图:o", "消防安全检查合格证明:c"],
  },
  {
    department: "WGLJ", no: "16002", name: "互联网上网服务营业场所经营单位设立审批", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [20, 10],
    themes: ["BUSINESS_OPERATION"],
    legalBasis: "《互联网上网服务营业场所管理条例》第十条、第十一条",
    materials: ["设立申请书:o", LICENCE, "营业场所产权证明或租赁协议:c", "计算机台数及网络安全措施说明:o"],
  },
  {
    department: "WGLJ", no: "16003", name: "营业性演出审批", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [3, 2],
    themes: ["BUSINESS_OPERATION"],
    legalBasis: "《营业性演出管理条例》第十三条",
    materials: ["营业性演出申请表:o", "演出节目内容及视听资料:o", "演员名单及身份证明:c", "演出场所合同:c"],
  },
  {
    department: "WGLJ", no: "16004", name: "出版物零售单位设立审批", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [20, 5],
    themes: ["BUSINESS_OPERATION"],
    legalBasis: "《出版管理条例》第三十七条；《出版物市场管理规定》第十条",
    materials: ["出版物零售单位设立申请表:o", LICENCE, PREMISES],
  },
  {
    department: "WGLJ", no: "16005", name: "公共文化场馆免费开放预约", category: "PUBLIC_SERVICE", kind: "INSTANT", limits: [0, 0],
    themes: ["SOCIAL_AFFAIRS", "EDUCATION_AND_HEALTH"], visits: 0,
    legalBasis: "《中华人民共和国公共文化服务保障法》第三十一条",
    materials: ["预约人身份证件:o"],
    notEntered: "在图书馆、文化馆现场及网上预约办理，无需进驻大厅",
  },

  // 商务局
  {
    department: "SWJU", no: "20001", name: "单用途商业预付卡发卡企业备案", category: "OTHER_ADMINISTRATIVE_POWER", kind: "PROMISED", limits: [10, 5],
    themes: ["BUSINESS_OPERATION"],
    legalBasis: "《单用途商业预付卡管理办法（试行）》第七条",
    materials: ["单用途卡发卡企业备案表:o", LICENCE, "预付卡章程或协议样本:o"],
  },
  {
    department: "SWJU", no: "20002", name: "再生资源回收经营者备案", category: "OTHER_ADMINISTRATIVE_POWER", kind: "INSTANT", limits: [0, 0],
    themes: ["BUSINESS_OPERATION", "ENVIRONMENT_AND_SAFETY"],
    legalBasis: "《再生资源回收管理办法》第七条",
    materials: ["再生资源回收经营者备案登记表:o", LICENCE],
  },
  {
    department: "SWJU", no: "20003", name: "成品油零售经营资格初审", category: "ADMINISTRATIVE_LICENCE", kind: "REPORTED", limits: [20, 15],
    themes: ["BUSINESS_OPERATION", "ENVIRONMENT_AND_SAFETY"], reportedTo: "达州市商务局",
    legalBasis: "《国务院对确需保留的行政审批项目设定行政许可的决定》（国务院令第412号）第一百八十六项",
    materials: ["成品油零售经营申请:o", LICENCE, "加油站规划确认文件:c", "安全评价报告:o", "消防验收意见:c"],
  },

  // 经济和信息化局
  {
    department: "JJXXJ", no: "21001", name: "企业技术改造投资项目备案", category: "OTHER_ADMINISTRATIVE_POWER", kind: "INSTANT", limits: [0, 0],
    themes: ["CONSTRUCTION_PROJECT", "BUSINESS_OPERATION"], visits: 0,
    legalBasis: "《企业投资项目核准和备案管理条例》第十三条；《四川省企业投资项目核准和备案管理办法》",
    materials: ["技术改造项目备案信息表:o", LICENCE],
  },
  {
    department: "JJXXJ", no: "21002", name: "民用爆炸物品购买许可初审", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [5, 3],
    themes: ["ENVIRONMENT_AND_SAFETY"],
    legalBasis: "《民用爆炸物品安全管理条例》第二十一条",
    materials: ["民用爆炸物品购买许可申请表:o", "工商营业执照或事业单位法人证书:c", "爆破作业单位许可证:c"],
    notEntered: "涉及危险物品管理，在部门安全股专门场所办理",
  },

  // 应急管理局
  {
    department: "YJGLJ", no: "19001", name: "烟花爆竹经营（零售）许可", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [20, 5],
    themes: ["BUSINESS_OPERATION", "ENVIRONMENT_AND_SAFETY"], commitment: true,
    legalBasis: "《烟花爆竹安全管理条例》第十九条；《烟花爆竹经营许可实施办法》第十八条",
    materials: ["烟花爆竹经营（零售）许可证申请书:o", LICENCE, "零售场所产权或租赁证明:c", "主要负责人安全培训合格证明:c"],
  },
  {
    department: "YJGLJ", no: "19002", name: "危险化学品经营许可（不带储存）", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [30, 15],
    themes: ["BUSINESS_OPERATION", "ENVIRONMENT_AND_SAFETY"],
    legalBasis: "《危险化学品安全管理条例》第三十三条、第三十五条；《危险化学品经营许可证管理办法》第三条",
    materials: ["危险化学品经营许可证申请书:o", LICENCE, "经营场所产权或租赁证明:c", "安全生产管理制度和岗位操作规程:o", "主要负责人和安全管理人员考核合格证明:c"],
  },
  {
    department: "YJGLJ", no: "19003", name: "生产安全事故应急预案备案", category: "OTHER_ADMINISTRATIVE_POWER", kind: "INSTANT", limits: [0, 0],
    themes: ["ENVIRONMENT_AND_SAFETY"],
    legalBasis: "《中华人民共和国安全生产法》第八十一条；《生产安全事故应急预案管理办法》第二十六条",
    materials: ["应急预案备案申请表:o", "应急预案评审意见:o", "应急预案文本:o"],
  },

  // 交通运输局
  {
    department: "JTYSJ", no: "12001", name: "道路货物运输经营许可", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [20, 5],
    themes: ["TRANSPORT", "BUSINESS_OPERATION"], commitment: true,
    legalBasis: "《中华人民共和国道路运输条例》第二十四条；《道路货物运输及站场管理规定》第十二条",
    materials: ["道路货物运输经营申请表:o", "负责人身份证件:c", "拟投入车辆承诺书:o", "安全生产管理制度:o"],
  },
  {
    department: "JTYSJ", no: "12002", name: "道路旅客运输经营许可（县内班车客运）", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [20, 15],
    themes: ["TRANSPORT", "BUSINESS_OPERATION"],
    legalBasis: "《中华人民共和国道路运输条例》第十条；《道路旅客运输及客运站管理规定》第十四条",
    materials: ["道路旅客运输经营申请表:o", "可行性报告:o", "进入市场车辆承诺书:o", "驾驶人员从业资格证:c", "安全生产管理制度:o"],
  },
  {
    department: "JTYSJ", no: "12003", name: "出租汽车经营许可", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [20, 15],
    themes: ["TRANSPORT", "BUSINESS_OPERATION"],
    legalBasis: "《国务院对确需保留的行政审批项目设定行政许可的决定》第一百一十二项；《巡游出租汽车经营服务管理规定》第八条",
    materials: ["巡游出租汽车经营申请表:o", "投资人、负责人身份证件:c", "经营管理制度和安全生产管理制度:o", "停车场所证明:c"],
  },
  {
    department: "JTYSJ", no: "12004", name: "公路超限运输许可", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [5, 2],
    notEntered: "全程网办，由县公路事务中心审批",
    themes: ["TRANSPORT"],
    legalBasis: "《中华人民共和国公路法》第五十条；《超限运输车辆行驶公路管理规定》第八条",
    materials: ["超限运输车辆通行申请表:o", "车辆行驶证:c", "货物装载和加固方案:o", "护送方案:o?|需护送的提供"],
  },
  {
    department: "JTYSJ", no: "12005", name: "涉路施工许可", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [20, 10],
    themes: ["TRANSPORT", "CONSTRUCTION_PROJECT"],
    legalBasis: "《中华人民共和国公路法》第四十四条、第四十五条；《公路安全保护条例》第二十七条",
    materials: ["涉路施工许可申请书:o", "设计和施工方案:o", "保障公路、公路附属设施质量和安全的技术评价报告:o", "处置施工险情和意外事故的应急方案:o"],
  },
  {
    department: "JTYSJ", no: "12006", name: "机动车维修经营备案", category: "OTHER_ADMINISTRATIVE_POWER", kind: "INSTANT", limits: [0, 0],
    themes: ["TRANSPORT", "BUSINESS_OPERATION"],
    legalBasis: "《中华人民共和国道路运输条例》第四十条；《机动车维修管理规定》第十条",
    materials: ["机动车维修经营备案表:o", LICENCE, "维修设备设施清单:o", "技术人员资格证明:c"],
  },

  // 农业农村局
  {
    department: "NYNCJ", no: "14001", name: "农药经营许可", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [20, 10],
    themes: ["AGRICULTURE_AND_RURAL", "BUSINESS_OPERATION"],
    legalBasis: "《农药管理条例》第二十四条；《农药经营许可管理办法》第三条",
    materials: ["农药经营许可证申请表:o", LICENCE, "经营人员学历或培训证明:c", PREMISES, "农药经营质量管理制度:o"],
  },
  {
    department: "NYNCJ", no: "14002", name: "兽药经营许可证核发", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [30, 15],
    themes: ["AGRICULTURE_AND_RURAL", "BUSINESS_OPERATION"],
    legalBasis: "《兽药管理条例》第二十二条",
    materials: ["兽药经营许可证申请表:o", LICENCE, "兽医专业技术人员资格证明:c", PREMISES],
  },
  {
    department: "NYNCJ", no: "14003", name: "动物防疫条件合格证核发", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [20, 10],
    themes: ["AGRICULTURE_AND_RURAL", "ENVIRONMENT_AND_SAFETY"], deemedApproval: true,
    legalBasis: "《中华人民共和国动物防疫法》第二十四条、第二十五条；《动物防疫条件审查办法》第十九条",
    materials: ["动物防疫条件审查申请表:o", "场所地理位置图及平面布局图:o", "设施设备清单:o", "管理制度文本:o"],
  },
  {
    department: "NYNCJ", no: "14004", name: "农作物种子生产经营许可证核发", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [20, 10],
    themes: ["AGRICULTURE_AND_RURAL", "BUSINESS_OPERATION"],
    legalBasis: "《中华人民共和国种子法》第三十一条；《农作物种子生产经营许可管理办法》第十一条",
    materials: ["种子生产经营许可证申请表:o", LICENCE, "种子检验室、仓库产权或租赁证明:c", "种子检验人员资格证明:c"],
  },
  {
    department: "NYNCJ", no: "14005", name: "拖拉机和联合收割机登记", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [2, 1],
    themes: ["AGRICULTURE_AND_RURAL", "TRANSPORT"],
    legalBasis: "《中华人民共和国道路交通安全法》第一百二十一条；《农业机械安全监督管理条例》第二十一条",
    materials: ["拖拉机和联合收割机登记申请表:o", "机主身份证明:c", "来历证明:o", "出厂合格证明:o", "安全技术检验合格证明:o"],
    notEntered: "需对机具现场查验，在农机监理站办理",
  },
  {
    department: "NYNCJ", no: "14006", name: "生鲜乳收购站许可", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [20, 10],
    themes: ["AGRICULTURE_AND_RURAL"],
    legalBasis: "《乳品质量安全监督管理条例》第二十条",
    materials: ["生鲜乳收购站许可申请表:o", LICENCE, "检测设备清单:o", "从业人员健康证明:c"],
  },
  {
    department: "NYNCJ", no: "14007", name: "耕地地力保护补贴发放", category: "ADMINISTRATIVE_PAYMENT", kind: "PROMISED", limits: [30, 20],
    themes: ["AGRICULTURE_AND_RURAL"],
    legalBasis: "《财政部 农业农村部关于印发〈农业相关转移支付资金管理办法〉的通知》（财农〔2023〕11号）",
    materials: ["补贴面积申报表:o", "承包经营权证明:c", "社会保障卡或银行账户:c"],
    notEntered: "由乡镇便民服务中心核实面积、村组公示后兑付，就近办理",
  },
];
