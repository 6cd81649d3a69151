import { maskPhone } from "@onestop/platform";
import type { CauseDetails } from "./causes";

/**
 * The messages' words. A Chinese SMS is 70 characters in one message (UCS-2); longer ones are
 * sent as a concatenated SMS of 67-character parts, each billed and, on some phones, shown
 * apart. Every SMS here is kept to one message, the signature 【中心名称】 counted: the variable
 * parts (a list of materials, a reason) are shortened with "…" and the inbox carries the whole.
 */
export const SMS_MAX_CHARS = 70;

/** Characters as the SMS counts them (UCS-2 code units; every character here is in the BMP). */
export const smsLength = (text: string) => [...text].length;

export function signature(centerName: string): string {
  return `【${centerName}】`;
}

/** A day as Beijing reads it: the deadline instants are 24:00 of their day, so the instant just before names the day. */
export function beijingDay(iso: string): string {
  const shanghai = new Date(new Date(iso).getTime() - 1 + 8 * 3_600_000);
  return `${shanghai.getUTCFullYear()}年${shanghai.getUTCMonth() + 1}月${shanghai.getUTCDate()}日`;
}

/** The same day without the year, for the SMS. */
export function beijingShortDay(iso: string): string {
  return beijingDay(iso).replace(/^\d+年/, "");
}

export function yuan(fen: number): string {
  return `¥${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, "0")}`;
}

/** Cuts `text` to `room` characters, the last one "…" when cut. */
export function clip(text: string, room: number): string {
  const chars = [...text];
  if (chars.length <= room) return text;
  if (room <= 0) return "";
  return chars.slice(0, room - 1).join("") + "…";
}

/** A part of an SMS that may be shortened to fit. */
interface Stretch {
  before: string;
  variable: string;
  after: string;
}

/**
 * The first candidate that fits one SMS with the signature; the last is a stretch whose variable
 * part is cut to the room left. A candidate is text, or a stretch.
 */
export function fitSms(sign: string, candidates: ReadonlyArray<string | Stretch>): string {
  for (const candidate of candidates) {
    if (typeof candidate === "string") {
      if (smsLength(sign + candidate) <= SMS_MAX_CHARS) return sign + candidate;
      continue;
    }
    const room = SMS_MAX_CHARS - smsLength(sign + candidate.before + candidate.after);
    const text = sign + candidate.before + clip(candidate.variable, room) + candidate.after;
    if (smsLength(text) <= SMS_MAX_CHARS) return text;
  }
  // Never reached with the templates below (their unit tests hold every one to the limit).
  return clip(sign + String(candidates.at(-1)), SMS_MAX_CHARS);
}

const problemWords: Record<string, string> = { MISSING: "缺", WRONG: "需更正" };
const outcomeWords = { APPROVED: "准予许可", DEEMED_APPROVED: "超时默认准予许可", DENIED: "不予许可", REFUSED: "不予受理", RETURNED: "退件" } as const;
const answerWords = { CALLBACK: "回访", FIXED: "整改", EXPLAINED: "作出说明" } as const;

export interface Rendered {
  title: string;
  /** The inbox's whole text. */
  body: string;
  /** The SMS, signed, within SMS_MAX_CHARS. */
  sms: string;
}

/** The inbox's and the SMS's words for a cause, in Chinese; `centerName` signs the SMS. */
export function render(details: CauseDetails, centerName: string): Rendered {
  const sign = signature(centerName);
  const r = details.receiptNo;
  switch (details.cause) {
    case "ACCEPTED": {
      const until = details.deadline ? `，承诺于${beijingDay(details.deadline)}前办结` : "";
      const short = details.deadline ? `，承诺${beijingShortDay(details.deadline)}前办结` : "";
      return {
        title: "办件已受理",
        body: `您的办件（受理编号 ${r}）已受理${until}。办理进度可凭受理编号在政务服务网查询。`,
        sms: fitSms(sign, [`您的办件${r}已受理${until}，进度可在政务服务网查询。`, `您的办件${r}已受理${short}，进度可在政务服务网查询。`, `您的办件${r}已受理${short}。`]),
      };
    }
    case "MATERIALS_REQUESTED": {
      const lines = details.materials.map((m) => `${m.name}（${problemWords[m.problem] ?? m.problem}${m.note ? `：${m.note}` : ""}）`);
      const names = details.materials.map((m) => m.name).join("、");
      const where = details.windowName ? `到${details.windowName}` : "";
      return {
        title: "请补正材料（一次性告知）",
        body: `您的申请（受理编号 ${r}）需补正以下材料，请一次备齐后${where}提交：\n${lines.map((line, i) => `${i + 1}. ${line}`).join("\n")}\n补齐前办理时限暂停计算。`,
        sms: fitSms(sign, [
          `您的申请${r}需补正：${names}。请一次备齐后提交，详见政务服务网消息。`,
          { before: `您的申请${r}需补正${details.materials.length}项：`, variable: names, after: "，详见政务服务网消息。" },
        ]),
      };
    }
    case "FEE_DUE": {
      const until = details.expiresAt ? `请于${beijingDay(details.expiresAt)}前` : "请";
      const shortUntil = details.expiresAt ? `请${beijingShortDay(details.expiresAt)}前` : "请";
      const amount = yuan(details.amountFen);
      return {
        title: "请缴纳费用",
        body: `您的办件（受理编号 ${r}）应缴费用 ${amount}，缴款通知书号 ${details.noticeNo}。${until}凭缴款通知书号到政务服务中心大厅的银行代收点缴纳（票款分离，窗口不收现金）；缴款通知书可在政务服务网“我的办件”中查看和打印。`,
        sms: fitSms(sign, [
          `您的办件${r}应缴${amount}，缴款通知书号${details.noticeNo}，${shortUntil}到大厅银行代收点缴纳。`,
          `请缴费${amount}，缴款通知书号${details.noticeNo}，${shortUntil}到大厅银行代收点缴纳。`,
          `请缴费${amount}，缴款通知书号${details.noticeNo}，到大厅银行代收点缴纳。`,
        ]),
      };
    }
    case "DEADLINE_EXTENDED": {
      const until = details.deadline ? `，新的办结期限为${beijingDay(details.deadline)}` : "";
      const short = details.deadline ? `，新期限${beijingShortDay(details.deadline)}` : "";
      return {
        title: "办理期限延长",
        body: `您的办件（受理编号 ${r}）经批准延长办理期限 ${details.workingDays} 个工作日${until}。延期原因：${details.reason}`,
        sms: fitSms(sign, [
          `您的办件${r}经批准延期${details.workingDays}个工作日${short}。原因：${details.reason}`,
          { before: `您的办件${r}经批准延期${details.workingDays}个工作日${short}。原因：`, variable: details.reason, after: "" },
        ]),
      };
    }
    case "RESULT_READY": {
      const window = details.windowName ?? "大厅窗口";
      const words = outcomeWords[details.outcome];
      if (details.outcome === "REFUSED" || details.outcome === "RETURNED") {
        const reason = details.opinion ?? "";
        const title = details.outcome === "REFUSED" ? "申请不予受理" : "办件已退件";
        const what = details.outcome === "REFUSED" ? "不予受理" : "因容缺材料未按期补齐已退件";
        return {
          title,
          body: `您的申请（受理编号 ${r}）${what}${reason ? `，原因：${reason}` : ""}。书面告知书可到${window}领取或在政务服务网查看；如有异议，可依法申请行政复议或提起行政诉讼。`,
          sms: fitSms(sign, [
            `您的申请${r}${what}${reason ? `，原因：${reason}` : ""}。详见政务服务网消息。`,
            { before: `您的申请${r}${what}，原因：`, variable: reason, after: "。详见政务服务网。" },
            `您的申请${r}${what}，详见政务服务网消息。`,
          ]),
        };
      }
      const granted = details.outcome !== "DENIED";
      return {
        title: "办理结果已出",
        body: `您的办件（受理编号 ${r}）已办结，结果：${words}。${granted ? "请凭受理回执和本人身份证件到" : "书面决定可到"}${window}领取${granted ? "办理结果" : ""}，或登录政务服务网下载。${granted ? "" : "如有异议，可依法申请行政复议或提起行政诉讼。"}`,
        sms: fitSms(sign, [
          `您的办件${r}已办结（${words}），请凭受理回执到${window}领取，或登录政务服务网下载。`,
          `您的办件${r}已办结（${words}），请到大厅窗口领取或登录政务服务网下载。`,
          `您的办件${r}已办结（${words}），详见政务服务网。`,
        ]),
      };
    }
    case "FOLLOW_UP_ANSWERED": {
      const answer = answerWords[details.answer];
      return {
        title: "差评已回访处理",
        body: `您对办件（受理编号 ${r}）的评价，承办部门已${answer}。感谢您的监督；如仍不满意，可在政务服务网追加评价或向电子监察部门反映。`,
        sms: fitSms(sign, [`您对办件${r}的评价，承办部门已${answer}，感谢监督。如仍不满意可在政务服务网追加评价。`, `您对办件${r}的评价，承办部门已${answer}，感谢监督。`]),
      };
    }
  }
}

/** A phone number wherever it is shown or logged: 138****1234; null stays null. */
export function maskedPhone(phone: string | null): string | null {
  return phone ? maskPhone(phone) : null;
}
