import { areaMessages } from "../lib/area-messages";

// The staff shell's words: its sign-in and the areas' names. Each area has its own table.
const zh = {
  "staff.signIn.heading": "工作人员登录",
  "staff.signIn.intro": "窗口工作人员、首席代表、中心管理、电子监察、财务和发改局工作人员用工号登录。",
  "staff.signIn.username": "用户名（工号小写）",
  "staff.signIn.password": "密码",
  "staff.signIn.submit": "登录",
  "staff.signIn.required": "请填写此项。",
  "staff.signIn.INVALID_CREDENTIALS": "用户名或密码不正确。忘记密码请找中心管理员重置。",
  "staff.signIn.ACCOUNT_LOCKED": "尝试次数过多，账户已暂时锁定。请 15 分钟后再试，或找中心管理员解锁。",
  "staff.signIn.LOGIN_UNAVAILABLE": "登录服务暂时不可用，请稍后再试。",
  "staff.signIn.CHALLENGE_REQUIRED": "安全验证未能完成。请稍候片刻后重新点击“登录”。",
  "staff.signIn.verifying": "正在进行安全验证，请稍候…",
  "staff.signIn.citizen": "您以群众账户登录，不能进入工作人员页面。请先退出登录。",
  "staff.nav": "工作区导航",
  "staff.area.workbench": "窗口工作台",
  "staff.area.admin": "中心管理",
  "staff.area.supervision": "电子监察",
  "staff.area.joint": "并联审批",
  "staff.area.finance": "财务",
  "staff.area.townships": "乡镇与代办",
  "staff.noArea": "您的账户没有可用的工作区。请找中心管理员分配角色。",
  "staff.loading": "正在加载…",
};

const en: Record<keyof typeof zh, string> = {
  "staff.signIn.heading": "Staff sign-in",
  "staff.signIn.intro": "Window staff, chief representatives, the center's administration, the supervision office, finance and the development bureau sign in with their staff code.",
  "staff.signIn.username": "User name (staff code in lower case)",
  "staff.signIn.password": "Password",
  "staff.signIn.submit": "Sign in",
  "staff.signIn.required": "Please fill this in.",
  "staff.signIn.INVALID_CREDENTIALS": "The user name or password is wrong. The center's administrator can reset a forgotten password.",
  "staff.signIn.ACCOUNT_LOCKED": "Too many attempts: the account is locked for now. Try again in 15 minutes, or ask the center's administrator to unlock it.",
  "staff.signIn.LOGIN_UNAVAILABLE": "Sign-in is unavailable right now; please try again later.",
  "staff.signIn.CHALLENGE_REQUIRED": "The security check did not go through; wait a moment and press “Sign in” again.",
  "staff.signIn.verifying": "Running a security check, please wait…",
  "staff.signIn.citizen": "You are signed in with a citizen's account, which cannot open the staff pages. Sign out first.",
  "staff.nav": "Work areas",
  "staff.area.workbench": "Window workbench",
  "staff.area.admin": "Center administration",
  "staff.area.supervision": "Supervision",
  "staff.area.joint": "Joint approval",
  "staff.area.finance": "Finance",
  "staff.area.townships": "Townships & agency",
  "staff.noArea": "Your account has no work area. Ask the center's administrator to assign roles.",
  "staff.loading": "Loading…",
};

export type StaffMessageKey = keyof typeof zh;
export const useStaffT = areaMessages(zh, en);
