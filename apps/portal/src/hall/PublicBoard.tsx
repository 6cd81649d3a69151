import { useMemo } from "react";
import { useQuery } from "urql";
import { CENTER_CODE } from "../lib/client";
import { useHallT } from "./messages-hall";
import { HallBoardQuery } from "./queries-hall";
import { throttle, useHallStream } from "./useHallStream";
import { LanguageSwitch, StreamBadge } from "./parts";

const time = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleTimeString("zh-CN", { hour: "2-digit", minute: "2-digit", timeZone: "Asia/Shanghai" }) : "");

/** 办件公示屏: the cases accepted and concluded today, the applicant's name masked; updated as they happen. */
export function PublicBoard() {
  const { th } = useHallT();
  const [{ data }, reload] = useQuery({ query: HallBoardQuery, variables: { centerCode: CENTER_CODE }, requestPolicy: "cache-and-network" });
  const refresh = useMemo(() => throttle(() => reload({ requestPolicy: "network-only" }), 1000), [reload]);
  const state = useHallStream(CENTER_CODE, { onBoard: refresh, onOpen: refresh });
  const board = data?.hallBoard;
  const table = (rows: NonNullable<typeof board>["accepted"], at: "acceptedAt" | "concludedAt", testId: string) => (
    <table className="hall-board-table" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{th("hall.board.receipt")}</th>
          <th scope="col">{th("hall.board.item")}</th>
          <th scope="col">{th("hall.board.department")}</th>
          <th scope="col">{th("hall.board.applicant")}</th>
          <th scope="col">{th("hall.board.time")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={5}>{th("hall.board.none")}</td>
          </tr>
        )}
        {rows.map((row) => (
          <tr key={row.receiptNo}>
            <td>{row.receiptNo}</td>
            <td>{row.itemName}</td>
            <td>{row.departmentName}</td>
            <td>{row.applicantMasked}</td>
            <td>{time(row[at])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <div className="hall-board" data-testid="public-board">
      <header className="hall-screen-header">
        <h1>{th("hall.board.title")} {board?.day ?? ""}</h1>
        <div className="hall-screen-tools">
          <StreamBadge state={state} />
          <LanguageSwitch />
        </div>
      </header>
      <div className="hall-board-body">
        <section aria-labelledby="board-accepted">
          <h2 id="board-accepted">{th("hall.board.accepted")} ({board?.accepted.length ?? 0})</h2>
          {table(board?.accepted ?? [], "acceptedAt", "board-accepted")}
        </section>
        <section aria-labelledby="board-concluded">
          <h2 id="board-concluded">{th("hall.board.concluded")} ({board?.concluded.length ?? 0})</h2>
          {table(board?.concluded ?? [], "concludedAt", "board-concluded")}
        </section>
      </div>
    </div>
  );
}
