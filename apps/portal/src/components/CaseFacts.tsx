import { Tag } from "antd";
import type { MyCasesQuery } from "../gql/graphql";
import { formatDay } from "../lib/format";
import { useT } from "../lib/i18n";
import type { MessageKey } from "../lib/messages";

type Listed = MyCasesQuery["myCases"][number];

const GRANTED = ["CONCLUDED", "DELIVERED", "APPROVED"];
const ENDED_OTHERWISE = ["REFUSED", "DENIED", "RETURNED", "REVOKED", "WITHDRAWN"];

/** Decided or ended: the time limit no longer counts down, so no working days are "left". */
export function isDecided(status: string): boolean {
  return GRANTED.includes(status) || ENDED_OTHERWISE.includes(status);
}

/** The case's status in plain words, coloured by whether the applicant has something to do. */
export function StatusTag({ status }: { status: string }) {
  const t = useT();
  // Dark orange and green of their own: antd's orange and green tags fall under 4.5:1 (axe).
  const color = status === "MATERIALS_REQUESTED" ? "#ad4e00" : GRANTED.includes(status) ? "#2e7d32" : ENDED_OTHERWISE.includes(status) ? "default" : "blue";
  return <Tag color={color} data-testid="case-status">{t(`status.${status}` as MessageKey)}</Tag>;
}

/** 办结期限 in Beijing time: the day the clock runs out, or why there is none. */
export function Deadline({ clock }: { clock: Listed["clock"] }) {
  const t = useT();
  if (clock?.onHold) return <span>{t("my.onHold")}</span>;
  const day = clock?.deadlineDay ?? (clock?.deadline ? formatDay(clock.deadline) : null);
  return <span data-testid="case-deadline">{day ? t("my.deadlineValue", { day }) : t("my.noDeadline")}</span>;
}

/** What the one-time notice (一次性告知) or a deferral asked for and was not supplied yet. */
export function MissingMaterials({ requests }: { requests: Listed["materialRequests"] }) {
  const t = useT();
  const open = requests.filter((request) => !request.suppliedAt);
  if (open.length === 0) return null;
  return (
    <div className="missing" data-testid="case-missing">
      <strong>{t("my.missing")}</strong>
      <ul>
        {open.map((request) => (
          <li key={`${request.noticeSeq}-${request.code}`}>
            {t("my.missingLine", { name: request.name, problem: t(`problem.${request.problem}` as MessageKey) })}
            {request.note ? ` — ${request.note}` : ""}
            {request.dueDay ? ` · ${t("my.dueDay", { day: formatDay(request.dueDay) })}` : ""}
          </li>
        ))}
      </ul>
    </div>
  );
}
