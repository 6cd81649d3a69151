import type { SeedItem } from "./items-model";

const ID = "申请人居民身份证:o";
const HOUSEHOLD = "居民户口簿:o";
const SSCARD = "社会保障卡或银行账户:c";
const PHOTO = "近期免冠彩色照片:o2|或现场采集";

/** Daily life (民生): employment and social insurance, household registration and identity documents, education, health, civil affairs, justice, veterans, medical insurance and the housing fund. */
export const livelihoodItems: readonly SeedItem[] = [
  // 人力资源和社会保障局
  {
    department: "RSJ", no: "07001", name: "就业登记", category: "PUBLIC_SERVICE", kind: "INSTANT", limits: [0, 0],
    themes: ["EMPLOYMENT_AND_SOCIAL_SECURITY"], visits: 0,
    legalBasis: "《中华人民共和国就业促进法》第三十五条；《就业服务与就业管理规定》第六十二条",
    materials: [ID, "劳动合同或用工证明:c"],
  },
  {
    department: "RSJ", no: "07002", name: "失业登记", category: "PUBLIC_SERVICE", kind: "INSTANT", limits: [0, 0],
    themes: ["EMPLOYMENT_AND_SOCIAL_SECURITY"], visits: 0,
    legalBasis: "《中华人民共和国就业促进法》第五十条；《就业服务与就业管理规定》第六十三条",
    materials: [ID],
  },
  {
    department: "RSJ", no: "07003", name: "失业保险金申领", category: "ADMINISTRATIVE_PAYMENT", kind: "PROMISED", limits: [10, 3],
    themes: ["EMPLOYMENT_AND_SOCIAL_SECURITY"], visits: 0,
    legalBasis: "《中华人民共和国社会保险法》第四十五条、第五十条；《失业保险条例》第十四条",
    materials: [ID, "终止或者解除劳动关系的证明:c", SSCARD],
  },
  {
    department: "RSJ", no: "07004", name: "企业职工基本养老保险参保登记", category: "PUBLIC_SERVICE", kind: "INSTANT", limits: [0, 0],
    themes: ["EMPLOYMENT_AND_SOCIAL_SECURITY", "ENTERPRISE_SETUP"], visits: 0,
    legalBasis: "《中华人民共和国社会保险法》第五十七条、第五十八条；《社会保险费征缴暂行条例》第七条",
    materials: ["社会保险登记表:o", "营业执照:c"],
  },
  {
    department: "RSJ", no: "07005", name: "城乡居民基本养老保险待遇申领", category: "ADMINISTRATIVE_PAYMENT", kind: "PROMISED", limits: [20, 5],
    themes: ["EMPLOYMENT_AND_SOCIAL_SECURITY", "SOCIAL_AFFAIRS"],
    legalBasis: "《中华人民共和国社会保险法》第二十一条；《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8号）",
    materials: ["城乡居民基本养老保险待遇申领表:o", ID, HOUSEHOLD, SSCARD],
  },
  {
    department: "RSJ", no: "07006", name: "基本养老金申领（企业职工退休）", category: "ADMINISTRATIVE_PAYMENT", kind: "JOINT", limits: [20, 10],
    themes: ["EMPLOYMENT_AND_SOCIAL_SECURITY"], joint: ["YBJ", "ZFGJJ"],
    content: "退休“一件事”：基本养老金申领、医保退休人员待遇变更、住房公积金退休提取一次办理。",
    legalBasis: "《中华人民共和国社会保险法》第十六条；《国务院关于完善企业职工基本养老保险制度的决定》（国发〔2005〕38号）",
    materials: ["基本养老金申领表:o", ID, "个人档案:o", SSCARD],
  },
  {
    department: "RSJ", no: "07007", name: "社会保障卡申领", category: "PUBLIC_SERVICE", kind: "INSTANT", limits: [0, 0],
    themes: ["EMPLOYMENT_AND_SOCIAL_SECURITY"],
    legalBasis: "《中华人民共和国社会保险法》第五十八条；《社会保障卡管理办法》第十条",
    materials: [ID, PHOTO],
  },
  {
    department: "RSJ", no: "07008", name: "工伤认定", category: "ADMINISTRATIVE_CONFIRMATION", kind: "PROMISED", limits: [60, 30],
    themes: ["EMPLOYMENT_AND_SOCIAL_SECURITY"],
    legalBasis: "《工伤保险条例》第十七条、第二十条；《工伤认定办法》第四条",
    materials: ["工伤认定申请表:o", "劳动关系证明:c", "医疗诊断证明或职业病诊断证明书:c", "受伤害职工身份证:c", "事故调查报告或证人证言:o?|事故伤害提供"],
  },
  {
    department: "RSJ", no: "07009", name: "劳动能力鉴定", category: "ADMINISTRATIVE_CONFIRMATION", kind: "PROMISED", limits: [60, 40],
    notEntered: "需现场医学检查，由劳动能力鉴定委员会办理",
    themes: ["EMPLOYMENT_AND_SOCIAL_SECURITY"],
    legalBasis: "《工伤保险条例》第二十三条、第二十五条",
    materials: ["劳动能力鉴定申请表:o", "工伤认定决定书:c", "诊断证明书及病历:c", ID],
  },
  {
    department: "RSJ", no: "07010", name: "人力资源服务许可", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [20, 10],
    themes: ["BUSINESS_OPERATION", "EMPLOYMENT_AND_SOCIAL_SECURITY"], commitment: true,
    legalBasis: "《中华人民共和国就业促进法》第四十条；《人力资源市场暂行条例》第十八条",
    materials: ["人力资源服务许可申请书:o", "营业执照:c", "专职工作人员学历证明:c", "经营场所证明:c"],
  },
  {
    department: "RSJ", no: "07011", name: "劳务派遣经营许可", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [20, 10],
    themes: ["BUSINESS_OPERATION", "EMPLOYMENT_AND_SOCIAL_SECURITY"],
    legalBasis: "《中华人民共和国劳动合同法》第五十七条；《劳务派遣行政许可实施办法》第六条",
    materials: ["劳务派遣经营许可申请书:o", "营业执照:c", "验资报告:o", "经营场所证明:c", "劳务派遣管理制度:o"],
  },
  {
    department: "RSJ", no: "07012", name: "企业实行不定时工作制和综合计算工时工作制审批", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [20, 10],
    themes: ["BUSINESS_OPERATION", "EMPLOYMENT_AND_SOCIAL_SECURITY"], deemedApproval: true,
    legalBasis: "《中华人民共和国劳动法》第三十九条；《关于企业实行不定时工作制和综合计算工时工作制的审批办法》第七条",
    materials: ["特殊工时工作制申请表:o", "营业执照:c", "职工代表大会或工会意见:o", "实施方案:o"],
  },
  {
    department: "RSJ", no: "07013", name: "就业困难人员认定", category: "ADMINISTRATIVE_CONFIRMATION", kind: "PROMISED", limits: [15, 5],
    themes: ["EMPLOYMENT_AND_SOCIAL_SECURITY", "SOCIAL_AFFAIRS"],
    legalBasis: "《中华人民共和国就业促进法》第五十二条",
    materials: ["就业困难人员认定申请表:o", ID, "就业困难类别证明:c"],
    notEntered: "由户籍所在地乡镇（街道）便民服务中心受理，就近办理",
  },

  // 公安局
  {
    department: "GAJ", no: "08001", name: "出生登记", category: "ADMINISTRATIVE_CONFIRMATION", kind: "JOINT", limits: [0, 0],
    themes: ["HOUSEHOLD_AND_IDENTITY", "SOCIAL_AFFAIRS"], joint: ["WJJ", "YBJ", "RSJ"],
    content: "新生儿出生“一件事”：出生医学证明、户口登记、医保参保、社保卡申领联办。",
    legalBasis: "《中华人民共和国户口登记条例》第七条",
    materials: ["出生医学证明:o", "父母居民户口簿:o", "父母居民身份证:o", "父母结婚证:c?|非婚生育的提供其他证明"],
  },
  {
    department: "GAJ", no: "08002", name: "死亡户口注销", category: "ADMINISTRATIVE_CONFIRMATION", kind: "INSTANT", limits: [0, 0],
    themes: ["HOUSEHOLD_AND_IDENTITY"],
    legalBasis: "《中华人民共和国户口登记条例》第八条",
    materials: ["死亡医学证明或火化证明:o", "死者居民户口簿:o", "申报人身份证件:o"],
  },
  {
    department: "GAJ", no: "08003", name: "户口迁移（省内迁入）", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [20, 3],
    themes: ["HOUSEHOLD_AND_IDENTITY"],
    legalBasis: "《中华人民共和国户口登记条例》第十条、第十三条；《四川省户籍管理规定》",
    materials: ["户口迁移申请表:o", ID, HOUSEHOLD, "合法稳定住所证明:c", "迁入地户主同意入户证明:o?|投靠入户的提供"],
  },
  {
    department: "GAJ", no: "08004", name: "居民身份证申领、换领", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [60, 20],
    themes: ["HOUSEHOLD_AND_IDENTITY"],
    legalBasis: "《中华人民共和国居民身份证法》第八条、第十四条",
    materials: [HOUSEHOLD, "原居民身份证:o?|换领的交回", PHOTO],
    fees: [{ code: "F01", name: "居民身份证工本费", fixedFen: 2000, basis: "《财政部 国家发展改革委关于居民身份证收费标准及有关问题的通知》（财综〔2007〕34号）" }],
    preferential: "首次申领居民身份证的，以及城乡居民最低生活保障对象换领、补领的，免收工本费。",
  },
  {
    department: "GAJ", no: "08005", name: "临时居民身份证签发", category: "ADMINISTRATIVE_LICENCE", kind: "INSTANT", limits: [3, 0],
    themes: ["HOUSEHOLD_AND_IDENTITY"],
    legalBasis: "《中华人民共和国临时居民身份证管理办法》第四条",
    materials: [HOUSEHOLD, PHOTO],
    fees: [{ code: "F01", name: "临时居民身份证工本费", fixedFen: 1000, basis: "《财政部 国家发展改革委关于居民身份证收费标准及有关问题的通知》（财综〔2007〕34号）" }],
  },
  {
    department: "GAJ", no: "08006", name: "居住证申领", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [15, 5],
    themes: ["HOUSEHOLD_AND_IDENTITY"],
    legalBasis: "《居住证暂行条例》第九条、第十条",
    materials: [ID, "居住证申领登记表:o", "合法稳定就业、住所或连续就读证明:c"],
  },
  {
    department: "GAJ", no: "08007", name: "户籍证明开具", category: "PUBLIC_SERVICE", kind: "INSTANT", limits: [0, 0],
    themes: ["HOUSEHOLD_AND_IDENTITY"], visits: 0, commitment: true,
    legalBasis: "《中华人民共和国户口登记条例》第三条；《公安部关于规范派出所出具证明工作的意见》",
    materials: [ID],
  },
  {
    department: "GAJ", no: "08008", name: "普通护照签发", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [15, 7],
    themes: ["HOUSEHOLD_AND_IDENTITY"],
    legalBasis: "《中华人民共和国护照法》第五条；《中华人民共和国出境入境管理法》第九条",
    materials: ["中国公民出入境证件申请表:o", ID, PHOTO],
    fees: [{ code: "F01", name: "普通护照工本费", fixedFen: 12000, basis: "《国家发展改革委 财政部关于降低电子普通护照等出入境证件收费标准的通知》（发改价格〔2019〕1137号）" }],
  },
  {
    department: "GAJ", no: "08009", name: "往来港澳通行证及签注签发", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [15, 7],
    themes: ["HOUSEHOLD_AND_IDENTITY"],
    legalBasis: "《中国公民因私事往来香港地区或者澳门地区的暂行管理办法》第三条",
    materials: ["中国公民出入境证件申请表:o", ID, PHOTO],
    fees: [{ code: "F01", name: "往来港澳通行证（电子）工本费", fixedFen: 6000, basis: "《国家发展改革委 财政部关于降低电子普通护照等出入境证件收费标准的通知》（发改价格〔2019〕1137号）" }],
  },
  {
    department: "GAJ", no: "08010", name: "机动车驾驶证换证", category: "ADMINISTRATIVE_LICENCE", kind: "INSTANT", limits: [1, 0],
    themes: ["TRANSPORT", "HOUSEHOLD_AND_IDENTITY"],
    legalBasis: "《中华人民共和国道路交通安全法》第十九条；《机动车驾驶证申领和使用规定》第六十五条",
    materials: [ID, "原机动车驾驶证:o", "身体条件证明:o"],
    fees: [{ code: "F01", name: "机动车驾驶证工本费", fixedFen: 1000, basis: "《国家发展改革委 财政部关于公安交通管理收费标准及有关问题的通知》（发改价格〔2004〕2831号）" }],
  },
  {
    department: "GAJ", no: "08011", name: "机动车注册登记", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [2, 1],
    themes: ["TRANSPORT"],
    legalBasis: "《中华人民共和国道路交通安全法》第八条、第九条；《机动车登记规定》第十条",
    materials: ["机动车注册登记申请表:o", ID, "机动车来历证明:o", "机动车整车出厂合格证明:o", "车辆购置税完税证明:c", "机动车交通事故责任强制保险凭证:c"],
    fees: [{ code: "F01", name: "机动车号牌工本费", perUnit: ["副", 10000], basis: "《国家发展改革委 财政部关于公安交通管理收费标准及有关问题的通知》（发改价格〔2004〕2831号）" }],
    notEntered: "需对车辆现场查验，在县车辆管理所专门场地办理",
  },
  {
    department: "GAJ", no: "08012", name: "旅馆业特种行业许可证核发", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [20, 5],
    themes: ["BUSINESS_OPERATION"], commitment: true,
    legalBasis: "《旅馆业治安管理办法》第四条；《国务院对确需保留的行政审批项目设定行政许可的决定》第三十项",
    materials: ["旅馆业特种行业许可申请表:o", "营业执照:c", "法定代表人及治安负责人身份证件:c", "经营场所产权或租赁证明:c", "消防安全检查合格证明或承诺书:c"],
  },
  {
    department: "GAJ", no: "08013", name: "公章刻制备案", category: "OTHER_ADMINISTRATIVE_POWER", kind: "INSTANT", limits: [0, 0],
    themes: ["ENTERPRISE_SETUP"], visits: 0,
    legalBasis: "《国务院关于第三批取消中央指定地方实施行政许可事项的决定》（国发〔2017〕7号）",
    materials: ["营业执照:c", "法定代表人身份证件:c"],
  },
  {
    department: "GAJ", no: "08014", name: "大型群众性活动安全许可", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [7, 5],
    notEntered: "由公安局治安大队结合现场安全检查办理",
    themes: ["SOCIAL_AFFAIRS", "ENVIRONMENT_AND_SAFETY"],
    legalBasis: "《大型群众性活动安全管理条例》第十一条、第十三条",
    materials: ["大型群众性活动安全许可申请表:o", "承办者合法成立证明:c", "活动安全工作方案:o", "场所管理者同意使用证明:o"],
  },
  {
    department: "GAJ", no: "08015", name: "剧毒化学品购买许可证核发", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [3, 3],
    themes: ["ENVIRONMENT_AND_SAFETY"],
    legalBasis: "《危险化学品安全管理条例》第三十九条",
    materials: ["剧毒化学品购买许可申请表:o", "营业执照或事业单位法人证书:c", "购买用途说明:o", "经办人身份证件:c"],
    notEntered: "涉及危险物品治安管理，在公安局治安大队办理",
  },

  // 教育局
  {
    department: "JYJ", no: "10001", name: "教师资格认定", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [30, 20],
    themes: ["EDUCATION_AND_HEALTH"], visits: 0,
    legalBasis: "《中华人民共和国教师法》第十三条；《教师资格条例》第十三条",
    materials: ["教师资格认定申请表:o", ID, "学历证书:c", "中小学教师资格考试合格证明:c", "体检合格证明:o"],
  },
  {
    department: "JYJ", no: "10002", name: "民办学校设立审批（实施学前及学历教育）", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [60, 30],
    themes: ["EDUCATION_AND_HEALTH", "ENTERPRISE_SETUP"], veto: "DEPARTMENT_HEAD",
    legalBasis: "《中华人民共和国民办教育促进法》第十二条、第十四条",
    materials: ["民办学校设立申请书:o", "举办者资格证明:c", "资产来源、资金数额及有效证明:c", "校舍产权或租赁证明:c", "学校章程和首届决策机构组成人员名单:o"],
  },
  {
    department: "JYJ", no: "10003", name: "中小学学生转学", category: "PUBLIC_SERVICE", kind: "PROMISED", limits: [10, 5],
    notEntered: "在转入学校办理，学籍系统网上流转",
    themes: ["EDUCATION_AND_HEALTH"],
    legalBasis: "《中小学生学籍管理办法》第十五条",
    materials: ["转学申请表:o", "监护人身份证件:c", "转入学校接收证明:o"],
  },
  {
    department: "JYJ", no: "10004", name: "家庭经济困难学生资助申请", category: "ADMINISTRATIVE_PAYMENT", kind: "PROMISED", limits: [30, 20],
    notEntered: "由学生就读学校受理、评议后报教育局",
    themes: ["EDUCATION_AND_HEALTH", "SOCIAL_AFFAIRS"],
    legalBasis: "《财政部 教育部等关于印发〈学生资助资金管理办法〉的通知》（财教〔2021〕310号）",
    materials: ["家庭经济困难学生认定申请表:o", "学生证或录取通知书:c", "家庭经济困难证明:c?|低保、特困等家庭提供"],
  },
  {
    department: "JYJ", no: "10005", name: "校外培训机构设立审批（学科类）", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [60, 30],
    themes: ["EDUCATION_AND_HEALTH", "BUSINESS_OPERATION"],
    legalBasis: "《中华人民共和国民办教育促进法》第十二条；《校外培训机构设置标准》",
    materials: ["设立申请书:o", "举办者资格证明:c", "培训场所证明:c", "教学计划和培训内容:o"],
  },

  {
    department: "JYJ", no: "10006", name: "普通话水平测试", category: "PUBLIC_SERVICE", kind: "PROMISED", limits: [30, 20],
    themes: ["EDUCATION_AND_HEALTH"], visits: 1,
    legalBasis: "《中华人民共和国国家通用语言文字法》第十九条；《普通话水平测试管理规定》第十一条",
    materials: ["普通话水平测试报名表:o", ID, PHOTO],
    fees: [{ code: "F01", name: "普通话水平测试费", fixedFen: 5000, basis: "《四川省发展和改革委员会 四川省财政厅关于普通话水平测试收费标准的通知》" }],
  },

  // 卫生健康局
  {
    department: "WJJ", no: "11001", name: "医疗机构执业登记（诊所备案除外）", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [45, 20],
    themes: ["EDUCATION_AND_HEALTH", "BUSINESS_OPERATION"],
    legalBasis: "《医疗机构管理条例》第十五条、第十六条；《医疗机构管理条例实施细则》第二十五条",
    materials: ["医疗机构申请执业登记注册书:o", "医疗机构用房产权证明或使用证明:c", "医疗机构建筑设计平面图:o", "医务人员执业资格证明:c", "规章制度:o"],
  },
  {
    department: "WJJ", no: "11002", name: "诊所备案", category: "OTHER_ADMINISTRATIVE_POWER", kind: "INSTANT", limits: [0, 0],
    themes: ["EDUCATION_AND_HEALTH", "ENTERPRISE_SETUP"],
    legalBasis: "《医疗机构管理条例》第十五条；《诊所备案管理暂行办法》第五条",
    materials: ["诊所备案信息表:o", "诊所用房产权证明或使用证明:c", "医务人员执业证书:c", "诊所规章制度:o"],
  },
  {
    department: "WJJ", no: "11003", name: "医师执业注册", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [20, 5],
    themes: ["EDUCATION_AND_HEALTH"], visits: 0,
    legalBasis: "《中华人民共和国医师法》第十三条、第十四条；《医师执业注册管理办法》第十条",
    materials: ["医师执业注册申请审核表:o", "医师资格证书:c", "近6个月内健康体检证明:o", "拟执业机构聘用证明:o"],
  },
  {
    department: "WJJ", no: "11004", name: "护士执业注册", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [20, 5],
    themes: ["EDUCATION_AND_HEALTH"], visits: 0,
    legalBasis: "《护士条例》第八条；《护士执业注册管理办法》第六条",
    materials: ["护士执业注册申请审核表:o", "护士执业资格考试成绩合格证明:c", "健康体检证明:o", "拟执业机构聘用证明:o"],
  },
  {
    department: "WJJ", no: "11005", name: "公共场所卫生许可", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [20, 3],
    themes: ["BUSINESS_OPERATION", "EDUCATION_AND_HEALTH"], commitment: true, deemedApproval: true,
    legalBasis: "《公共场所卫生管理条例》第八条；《公共场所卫生管理条例实施细则》第二十二条",
    materials: ["公共场所卫生许可申请表:o", "营业执照:c", "经营场所平面布局图:o", "卫生管理制度:o", "从业人员健康合格证明:c"],
  },
  {
    department: "WJJ", no: "11006", name: "生活饮用水供水单位卫生许可", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [20, 10],
    themes: ["EDUCATION_AND_HEALTH", "ENVIRONMENT_AND_SAFETY"],
    legalBasis: "《中华人民共和国传染病防治法》第二十九条；《生活饮用水卫生监督管理办法》第七条",
    materials: ["供水单位卫生许可申请表:o", "水质检测报告:o", "供水设施及净水工艺说明:o", "从业人员健康证明:c"],
  },
  {
    department: "WJJ", no: "11007", name: "生育登记", category: "PUBLIC_SERVICE", kind: "INSTANT", limits: [0, 0],
    themes: ["SOCIAL_AFFAIRS", "EDUCATION_AND_HEALTH"], visits: 0,
    legalBasis: "《中华人民共和国人口与计划生育法》第二十九条；《四川省人口与计划生育条例》第二十二条",
    materials: ["夫妻双方居民身份证:o"],
  },
  {
    department: "WJJ", no: "11008", name: "放射诊疗许可（含Ⅲ类射线装置）", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [20, 15],
    notEntered: "需现场检测审查，由卫生健康综合执法大队办理",
    themes: ["EDUCATION_AND_HEALTH", "ENVIRONMENT_AND_SAFETY"],
    legalBasis: "《放射诊疗管理规定》第十一条、第十二条",
    materials: ["放射诊疗许可申请表:o", "医疗机构执业许可证:c", "放射诊疗专业技术人员资质证明:c", "放射诊疗设备清单:o", "职业病危害放射防护控制效果评价报告:o"],
  },

  // 民政局
  {
    department: "MZJ", no: "17001", name: "内地居民婚姻登记（结婚）", category: "ADMINISTRATIVE_CONFIRMATION", kind: "INSTANT", limits: [0, 0],
    themes: ["SOCIAL_AFFAIRS", "HOUSEHOLD_AND_IDENTITY"],
    legalBasis: "《中华人民共和国民法典》第一千零四十九条；《婚姻登记条例》第四条、第五条",
    materials: ["当事人居民身份证:o2", "当事人居民户口簿:o2|可凭身份证跨省通办", "本人无配偶以及与对方无直系血亲和三代以内旁系血亲关系的签字声明:o2", "双方合影照片:o3"],
    fees: [{ code: "F01", name: "结婚证书工本费", fixedFen: 900, basis: "《国家计委 财政部关于婚姻登记收费标准的通知》（计价格〔1996〕1号）" }],
    revisions: [
      {
        note: "依据《国家发展改革委 财政部关于取消和降低部分行政事业性收费标准的通知》（发改价格〔2017〕1186号）取消婚姻登记证书工本费",
        changes: { feeItems: [] },
      },
    ],
  },
  {
    department: "MZJ", no: "17002", name: "内地居民婚姻登记（离婚）", category: "ADMINISTRATIVE_CONFIRMATION", kind: "PROMISED", limits: [30, 30],
    themes: ["SOCIAL_AFFAIRS", "HOUSEHOLD_AND_IDENTITY"],
    content: "离婚登记申请受理之日起三十日为离婚冷静期，期满后三十日内双方亲自到场申请发给离婚证。",
    legalBasis: "《中华人民共和国民法典》第一千零七十六条、第一千零七十七条；《婚姻登记条例》第十条",
    materials: ["当事人居民身份证:o2", "当事人居民户口簿:o2", "结婚证:o2", "离婚协议书:o3"],
  },
  {
    department: "MZJ", no: "17003", name: "社会团体成立登记", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [60, 20],
    themes: ["SOCIAL_AFFAIRS"],
    legalBasis: "《社会团体登记管理条例》第九条、第十一条",
    materials: ["社会团体成立登记申请书:o", "业务主管单位批准文件:c", "验资报告:o", "住所使用权证明:c", "章程草案:o"],
  },
  {
    department: "MZJ", no: "17004", name: "民办非企业单位成立登记", category: "ADMINISTRATIVE_LICENCE", kind: "PROMISED", limits: [60, 20],
    themes: ["SOCIAL_AFFAIRS"],
    legalBasis: "《民办非企业单位登记管理暂行条例》第八条、第九条",
    materials: ["成立登记申请书:o", "业务主管单位批准文件:c", "场所使用权证明:c", "验资报告:o", "拟任负责人身份证明:c", "章程草案:o"],
  },
  {
    department: "MZJ", no: "17005", name: "养老机构备案", category: "OTHER_ADMINISTRATIVE_POWER", kind: "INSTANT", limits: [0, 0],
    themes: ["SOCIAL_AFFAIRS", "BUSINESS_OPERATION"],
    legalBasis: "《中华人民共和国老年人权益保障法》第四十三条；《养老机构管理办法》第九条",
    materials: ["养老机构备案书:o", "养老机构备案承诺书:o", "登记证书:c"],
  },
  {
    department: "MZJ", no: "17006", name: "最低生活保障审核确认", category: "ADMINISTRATIVE_PAYMENT", kind: "PROMISED", limits: [30, 20],
    notEntered: "由户籍所在地乡镇（街道）便民服务中心受理",
    themes: ["SOCIAL_AFFAIRS"],
    legalBasis: "《社会救助暂行办法》第十一条；《最低生活保障审核确认办法》第十六条",
    materials: ["最低生活保障申请书:o", "家庭成员身份证明:c", "家庭收入和财产状况申报及核对授权书:o", HOUSEHOLD],
  },
  {
    department: "MZJ", no: "17007", name: "临时救助", category: "ADMINISTRATIVE_PAYMENT", kind: "PROMISED", limits: [15, 5],
    notEntered: "由乡镇（街道）受理，急难型救助先行救助",
    themes: ["SOCIAL_AFFAIRS"],
    legalBasis: "《社会救助暂行办法》第四十七条、第四十八条",
    materials: ["临时救助申请书:o", ID, "遭遇困难的相关证明:c"],
  },
  {
    department: "MZJ", no: "17008", name: "困难残疾人生活补贴和重度残疾人护理补贴申领", category: "ADMINISTRATIVE_PAYMENT", kind: "PROMISED", limits: [20, 10],
    themes: ["SOCIAL_AFFAIRS"], visits: 0,
    legalBasis: "《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》（国发〔2015〕52号）",
    materials: ["残疾人两项补贴申请表:o", "中华人民共和国残疾人证:c", ID, SSCARD],
  },
  {
    department: "MZJ", no: "17009", name: "殡葬补助（惠民殡葬）申领", category: "ADMINISTRATIVE_PAYMENT", kind: "PROMISED", limits: [15, 5],
    notEntered: "由县殡仪馆办理丧事时一并申领",
    themes: ["SOCIAL_AFFAIRS"],
    legalBasis: "《殡葬管理条例》第三条；《四川省惠民殡葬政策》",
    materials: ["惠民殡葬补助申请表:o", "火化证明:c", "死者户口注销证明:c", "经办人身份证件:c"],
  },

  // 司法局
  {
    department: "SFJ", no: "18001", name: "法律援助申请", category: "PUBLIC_SERVICE", kind: "PROMISED", limits: [7, 3],
    themes: ["SOCIAL_AFFAIRS"], commitment: true,
    legalBasis: "《中华人民共和国法律援助法》第三十八条、第四十三条",
    materials: ["法律援助申请表:o", ID, "经济困难状况说明表:o", "与所申请法律援助事项有关的材料:c"],
  },
  {
    department: "SFJ", no: "18002", name: "基层法律服务工作者执业核准", category: "ADMINISTRATIVE_LICENCE", kind: "REPORTED", limits: [20, 15],
    themes: ["SOCIAL_AFFAIRS"], reportedTo: "达州市司法局",
    legalBasis: "《基层法律服务工作者管理办法》第十四条",
    materials: ["基层法律服务工作者执业核准申请表:o", ID, "学历证明:c", "拟执业机构同意接收证明:o"],
  },
  {
    department: "SFJ", no: "18003", name: "公证（证明类）", category: "PUBLIC_SERVICE", kind: "PROMISED", limits: [15, 5],
    themes: ["SOCIAL_AFFAIRS", "HOUSEHOLD_AND_IDENTITY"],
    legalBasis: "《中华人民共和国公证法》第十一条、第三十条",
    materials: ["公证申请表:o", ID, "需公证的证明材料:o"],
    fees: [{ code: "F01", name: "证明类公证费", fixedFen: 8000, basis: "《四川省发展和改革委员会 四川省司法厅关于公证服务收费标准的通知》" }],
  },

  {
    department: "SFJ", no: "18004", name: "公证（合同协议类）", category: "PUBLIC_SERVICE", kind: "PROMISED", limits: [15, 5],
    themes: ["SOCIAL_AFFAIRS", "BUSINESS_OPERATION"],
    legalBasis: "《中华人民共和国公证法》第十一条、第四十六条",
    materials: ["公证申请表:o", "当事人身份证明:c", "合同或协议文本:o3", "标的物权属证明:c"],
    fees: [
      {
        code: "F01", name: "合同协议公证费（按标的额分段累计）",
        tiered: ["万元标的额", [[50, 3000], [500, 2500], [null, 1000]]],
        basis: "《四川省发展和改革委员会 四川省司法厅关于公证服务收费标准的通知》",
      },
    ],
  },

  // 退役军人事务局
  {
    department: "TYJRJ", no: "22001", name: "退役士兵安置", category: "ADMINISTRATIVE_PAYMENT", kind: "PROMISED", limits: [30, 20],
    themes: ["SOCIAL_AFFAIRS", "EMPLOYMENT_AND_SOCIAL_SECURITY"],
    legalBasis: "《中华人民共和国退役军人保障法》第二十一条；《退役士兵安置条例》第十六条",
    materials: ["退役士兵安置申请:o", "退出现役证:c", ID, "退役士兵档案:o"],
  },
  {
    department: "TYJRJ", no: "22002", name: "优待证申领", category: "PUBLIC_SERVICE", kind: "PROMISED", limits: [30, 15],
    themes: ["SOCIAL_AFFAIRS"], visits: 0,
    legalBasis: "《中华人民共和国退役军人保障法》第六十三条；《军人和退役军人等优待证管理办法》",
    materials: ["优待证申领表:o", ID, PHOTO],
  },
  {
    department: "TYJRJ", no: "22003", name: "伤残抚恤关系转移", category: "ADMINISTRATIVE_PAYMENT", kind: "PROMISED", limits: [30, 10],
    themes: ["SOCIAL_AFFAIRS"],
    legalBasis: "《军人抚恤优待条例》第二十七条；《伤残抚恤管理办法》第十四条",
    materials: ["伤残抚恤关系转移申请:o", "残疾军人证:c", "户口迁移证明:c"],
  },
  {
    department: "TYJRJ", no: "22004", name: "烈士褒扬金和抚恤金发放", category: "ADMINISTRATIVE_PAYMENT", kind: "PROMISED", limits: [30, 15],
    themes: ["SOCIAL_AFFAIRS"],
    legalBasis: "《烈士褒扬条例》第十二条、第十三条",
    materials: ["烈士证明书:c", "烈士遗属身份证明:c", "遗属关系证明:c"],
    notEntered: "涉及烈士遗属个人信息保护，由部门优抚股办理",
  },

  // 医疗保障局
  {
    department: "YBJ", no: "23001", name: "城乡居民基本医疗保险参保登记", category: "PUBLIC_SERVICE", kind: "INSTANT", limits: [0, 0],
    themes: ["EMPLOYMENT_AND_SOCIAL_SECURITY"], visits: 0,
    legalBasis: "《中华人民共和国社会保险法》第二十五条；《医疗保障基金使用监督管理条例》",
    materials: [ID],
  },
  {
    department: "YBJ", no: "23002", name: "异地就医备案", category: "PUBLIC_SERVICE", kind: "INSTANT", limits: [0, 0],
    themes: ["EMPLOYMENT_AND_SOCIAL_SECURITY", "EDUCATION_AND_HEALTH"], visits: 0,
    legalBasis: "《国家医保局 财政部关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知》（医保发〔2022〕22号）",
    materials: ["异地就医备案表:o", ID],
  },
  {
    department: "YBJ", no: "23003", name: "零星医疗费用手工报销", category: "ADMINISTRATIVE_PAYMENT", kind: "PROMISED", limits: [30, 20],
    themes: ["EMPLOYMENT_AND_SOCIAL_SECURITY", "EDUCATION_AND_HEALTH"], deferrable: ["M04"],
    legalBasis: "《中华人民共和国社会保险法》第二十九条；《医疗保障基金使用监督管理条例》第十六条",
    materials: [ID, "医疗费用发票:o", "费用明细清单:o", "出院记录或诊断证明:c", SSCARD],
  },
  {
    department: "YBJ", no: "23004", name: "门诊慢特病待遇认定", category: "ADMINISTRATIVE_CONFIRMATION", kind: "PROMISED", limits: [20, 10],
    themes: ["EMPLOYMENT_AND_SOCIAL_SECURITY", "EDUCATION_AND_HEALTH"],
    legalBasis: "《国家医保局 财政部关于建立医疗保障待遇清单制度的意见》（医保发〔2021〕5号）",
    materials: ["门诊慢特病申请表:o", ID, "病历资料及检查报告:c"],
  },
  {
    department: "YBJ", no: "23005", name: "医疗保障定点医药机构申请", category: "OTHER_ADMINISTRATIVE_POWER", kind: "PROMISED", limits: [90, 60],
    notEntered: "需现场评估，由医保经办机构组织办理",
    themes: ["EDUCATION_AND_HEALTH", "BUSINESS_OPERATION"],
    legalBasis: "《医疗机构医疗保障定点管理暂行办法》第九条；《零售药店医疗保障定点管理暂行办法》第八条",
    materials: ["定点医药机构申请表:o", "医疗机构执业许可证或药品经营许可证:c", "医保管理制度:o", "信息系统建设情况说明:o"],
  },
  {
    department: "YBJ", no: "23006", name: "职工基本医疗保险关系转移接续", category: "PUBLIC_SERVICE", kind: "PROMISED", limits: [15, 5],
    themes: ["EMPLOYMENT_AND_SOCIAL_SECURITY"], visits: 0,
    legalBasis: "《中华人民共和国社会保险法》第三十二条；《流动就业人员基本医疗保障关系转移接续暂行办法》",
    materials: ["基本医疗保险关系转移接续申请表:o", ID],
  },

  // 住房公积金管理中心
  {
    department: "ZFGJJ", no: "24001", name: "住房公积金单位缴存登记", category: "PUBLIC_SERVICE", kind: "INSTANT", limits: [5, 0],
    themes: ["ENTERPRISE_SETUP", "EMPLOYMENT_AND_SOCIAL_SECURITY"], visits: 0,
    legalBasis: "《住房公积金管理条例》第十三条、第十四条",
    materials: ["单位缴存登记表:o", "营业执照:c", "经办人身份证件:c"],
  },
  {
    department: "ZFGJJ", no: "24002", name: "住房公积金提取（购房）", category: "PUBLIC_SERVICE", kind: "PROMISED", limits: [3, 1],
    themes: ["REAL_ESTATE", "EMPLOYMENT_AND_SOCIAL_SECURITY"], visits: 0,
    legalBasis: "《住房公积金管理条例》第二十四条、第二十五条",
    materials: [ID, "购房合同或不动产权证书:c", "购房发票:c", SSCARD],
  },
  {
    department: "ZFGJJ", no: "24003", name: "住房公积金提取（租房）", category: "PUBLIC_SERVICE", kind: "INSTANT", limits: [3, 0],
    themes: ["REAL_ESTATE", "EMPLOYMENT_AND_SOCIAL_SECURITY"], visits: 0,
    legalBasis: "《住房公积金管理条例》第二十四条",
    materials: [ID, "无房证明或租房合同:c?|按规定提供", SSCARD],
  },
  {
    department: "ZFGJJ", no: "24004", name: "住房公积金个人住房贷款", category: "PUBLIC_SERVICE", kind: "PROMISED", limits: [15, 10],
    themes: ["REAL_ESTATE"], deferrable: ["M04"],
    legalBasis: "《住房公积金管理条例》第二十六条",
    materials: ["住房公积金个人住房贷款申请表:o", "借款人及配偶身份证件:c", "购房合同:o", "收入证明:o", "婚姻状况证明:c"],
  },
  {
    department: "ZFGJJ", no: "24005", name: "住房公积金异地转移接续", category: "PUBLIC_SERVICE", kind: "PROMISED", limits: [5, 3],
    themes: ["EMPLOYMENT_AND_SOCIAL_SECURITY"], visits: 0,
    legalBasis: "《住房公积金管理条例》第十五条；《全国住房公积金异地转移接续业务操作规程》",
    materials: ["异地转移接续申请:o", ID],
  },
];
