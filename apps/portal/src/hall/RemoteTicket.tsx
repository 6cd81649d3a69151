import { Alert, Button } from "antd";
import { useMemo, useState } from "react";
import { useMutation, useQuery } from "urql";
import { CENTER_CODE } from "../lib/client";
import { linkHandler } from "../lib/router";
import { useSession } from "../lib/session";
import { hallErrorKey, useHallT } from "./messages-hall";
import { HallServicesQuery, MyQueueTicketsQuery, TakeTicketMutation } from "./queries-hall";
import { TicketSlip } from "./parts";
import { throttle, useHallStream } from "./useHallStream";

/** 远程取号: a signed-in citizen near the hall takes a ticket on the phone and follows it live. */
export function RemoteTicket() {
  const { th } = useHallT();
  const session = useSession();
  const signedIn = session.status === "signed-in";
  const [{ data: services }] = useQuery({ query: HallServicesQuery, variables: { centerCode: CENTER_CODE } });
  const [{ data: mine }, reload] = useQuery({ query: MyQueueTicketsQuery, pause: !signedIn, requestPolicy: "cache-and-network" });
  const [taking, take] = useMutation(TakeTicketMutation);
  const [error, setError] = useState<string | null>(null);
  const refresh = useMemo(() => throttle(() => reload({ requestPolicy: "network-only" }), 1000), [reload]);
  useHallStream(CENTER_CODE, { onCall: refresh, onQueue: refresh, onOpen: refresh });
  if (session.status === "restoring") return null;
  if (!signedIn) {
    return (
      <div className="hall-remote">
        <h1>{th("hall.remote.title")}</h1>
        <p>{th("hall.remote.intro")}</p>
        <Alert type="info" showIcon title={th("hall.remote.signIn")} />
        <p>
          <a href="/signin" onClick={linkHandler("/signin")}>{th("hall.remote.signIn")}</a>
        </p>
      </div>
    );
  }
  const active = (mine?.myQueueTickets ?? []).filter((t) => t.status === "WAITING" || t.status === "CALLED" || t.status === "SERVING");
  return (
    <div className="hall-remote" data-testid="remote-ticket">
      <h1>{th("hall.remote.title")}</h1>
      <p>{th("hall.remote.intro")}</p>
      {error && <Alert type="error" showIcon title={error} data-testid="remote-error" />}
      {active.length > 0 && (
        <section aria-label={th("hall.remote.mine")}>
          <h2>{th("hall.remote.mine")}</h2>
          {active.map((t) => (
            <TicketSlip key={t.id} ticket={t} />
          ))}
        </section>
      )}
      <div className="hall-remote-services">
        {(services?.hallServices ?? []).map((s) => (
          <Button
            key={s.department.id}
            size="large"
            block
            disabled={taking.fetching}
            onClick={async () => {
              setError(null);
              const result = await take({ input: { centerCode: CENTER_CODE, departmentId: s.department.id } });
              if (result.error) {
                const ext = result.error.graphQLErrors?.[0]?.extensions ?? {};
                setError(th(hallErrorKey(ext.code as string | undefined), { number: String(ext.number ?? ""), until: String(ext.until ?? "") }));
              } else refresh();
            }}
          >
            {s.departmentName} · {th("hall.kiosk.waiting", { n: s.waiting })}
          </Button>
        ))}
      </div>
    </div>
  );
}
