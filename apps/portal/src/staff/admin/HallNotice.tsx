import { Alert } from "antd";
import { AdminError } from "./AdminError";
import { useHallAdminT, type HallAdminMessageKey } from "./messages-hall-admin";
import { word, type AreaNotice } from "./notice";

export type Notice = AreaNotice<HallAdminMessageKey>;

/** What the last act came to, read out as it changes: a success line or the refusal in plain words. */
export function HallNotice({ notice, testId }: { notice: Notice; testId: string }) {
  const { ta: th } = useHallAdminT();
  return (
    <div aria-live="polite" className="no-print" data-testid={testId}>
      {notice?.kind === "success" && <Alert type="success" showIcon role="status" title={word(th, notice)} style={{ marginBottom: 12 }} />}
      {notice?.kind === "error" && <AdminError error={notice.error} />}
    </div>
  );
}
