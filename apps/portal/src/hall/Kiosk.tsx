import { Alert, Button, Input } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useMutation, useQuery } from "urql";
import type { TicketFieldsFragment } from "../gql/graphql";
import { CENTER_CODE } from "../lib/client";
import { hallErrorKey, useHallT } from "./messages-hall";
import { CheckInAppointmentMutation, HallServicesQuery, TakeTicketMutation } from "./queries-hall";
import { throttle, useHallStream } from "./useHallStream";
import { LanguageSwitch, StreamBadge, TicketSlip } from "./parts";

type Step = { kind: "services" } | { kind: "items"; departmentId: string } | { kind: "appointment" } | { kind: "ticket"; ticket: TicketFieldsFragment };

/** How long a ticket stays on the kiosk before it returns to the start for the next person. */
const TICKET_SHOWN_MS = 20_000;

/**
 * 取号机: a touch screen in the hall. Big buttons, one choice per screen: the department (service
 * group), then its item or "other business", then the ticket: its number, the windows, how many
 * wait before it. Or an appointment's code. Nobody signs in; nothing personal is asked.
 */
export function Kiosk() {
  const { th } = useHallT();
  const [step, setStep] = useState<Step>({ kind: "services" });
  const [{ data, fetching }, reload] = useQuery({ query: HallServicesQuery, variables: { centerCode: CENTER_CODE }, requestPolicy: "cache-and-network" });
  const [taking, take] = useMutation(TakeTicketMutation);
  const [checking, checkIn] = useMutation(CheckInAppointmentMutation);
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const refresh = useMemo(() => throttle(() => reload({ requestPolicy: "network-only" }), 1000), [reload]);
  const stream = useHallStream(CENTER_CODE, { onQueue: refresh, onOpen: refresh });

  useEffect(() => {
    if (step.kind !== "ticket") return;
    const timer = setTimeout(() => setStep({ kind: "services" }), TICKET_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [step]);

  const services = data?.hallServices ?? [];
  const failed = (e: { graphQLErrors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> } | undefined) => {
    const extensions = e?.graphQLErrors?.[0]?.extensions ?? {};
    setError(th(hallErrorKey(extensions.code as string | undefined), { number: String(extensions.number ?? ""), until: String(extensions.until ?? "") }));
  };
  const takeFor = async (input: { departmentId?: string; itemId?: string }) => {
    setError(null);
    const result = await take({ input: { centerCode: CENTER_CODE, ...input } });
    if (result.data?.takeTicket) setStep({ kind: "ticket", ticket: result.data.takeTicket });
    else failed(result.error);
  };

  return (
    <div className="hall-kiosk" data-testid="kiosk">
      <header className="hall-kiosk-header">
        <h1>{th("hall.kiosk.title")}</h1>
        <div className="hall-screen-tools">
          <StreamBadge state={stream} />
          <LanguageSwitch />
        </div>
      </header>
      {error && <Alert type="error" showIcon title={error} data-testid="kiosk-error" className="hall-kiosk-error" />}
      {step.kind === "services" && (
        <>
          <p className="hall-kiosk-intro">{th("hall.kiosk.intro")}</p>
          {fetching && !data && <p>{th("hall.kiosk.loading")}</p>}
          {data && services.length === 0 && <Alert type="info" title={th("hall.kiosk.none")} />}
          <div className="hall-kiosk-grid">
            {services.map((s) => (
              <button
                key={s.department.id}
                type="button"
                className="hall-kiosk-button"
                data-testid={`kiosk-service-${s.prefix}`}
                onClick={() => (s.items.length > 0 ? setStep({ kind: "items", departmentId: s.department.id }) : void takeFor({ departmentId: s.department.id }))}
              >
                <span className="hall-kiosk-button-name">{s.departmentName}</span>
                <span className="hall-kiosk-button-meta">{th("hall.kiosk.waiting", { n: s.waiting })}</span>
              </button>
            ))}
            <button type="button" className="hall-kiosk-button hall-kiosk-button-secondary" data-testid="kiosk-appointment" onClick={() => setStep({ kind: "appointment" })}>
              <span className="hall-kiosk-button-name">{th("hall.kiosk.appointment")}</span>
            </button>
          </div>
        </>
      )}
      {step.kind === "items" && (() => {
        const service = services.find((s) => s.department.id === step.departmentId);
        if (!service) return null;
        return (
          <>
            <h2 className="hall-kiosk-subtitle">{service.departmentName} · {th("hall.kiosk.chooseItem")}</h2>
            <div className="hall-kiosk-grid">
              {service.items.map((item) => (
                <button key={item.id} type="button" className="hall-kiosk-button" disabled={taking.fetching} data-testid="kiosk-item" onClick={() => void takeFor({ itemId: item.id })}>
                  <span className="hall-kiosk-button-name">{item.name}</span>
                </button>
              ))}
              <button type="button" className="hall-kiosk-button" disabled={taking.fetching} data-testid="kiosk-other" onClick={() => void takeFor({ departmentId: service.department.id })}>
                <span className="hall-kiosk-button-name">{th("hall.kiosk.allItems")}</span>
              </button>
            </div>
            <Button size="large" className="hall-kiosk-back" onClick={() => setStep({ kind: "services" })}>{th("hall.kiosk.back")}</Button>
          </>
        );
      })()}
      {step.kind === "appointment" && (
        <form
          className="hall-kiosk-appointment"
          onSubmit={async (event) => {
            event.preventDefault();
            setError(null);
            const result = await checkIn({ id: code.trim() });
            if (result.data?.checkInAppointment) setStep({ kind: "ticket", ticket: result.data.checkInAppointment });
            else failed(result.error);
          }}
        >
          <label htmlFor="appointment-code">{th("hall.kiosk.appointmentCode")}</label>
          <Input id="appointment-code" size="large" value={code} onChange={(e) => setCode(e.target.value)} aria-describedby="appointment-help" autoComplete="off" />
          <p id="appointment-help">{th("hall.kiosk.appointmentHelp")}</p>
          <div className="hall-kiosk-actions">
            <Button size="large" onClick={() => setStep({ kind: "services" })}>{th("hall.kiosk.back")}</Button>
            <Button size="large" type="primary" htmlType="submit" loading={checking.fetching} disabled={code.trim() === ""}>{th("hall.kiosk.checkIn")}</Button>
          </div>
        </form>
      )}
      {step.kind === "ticket" && (
        <div className="hall-kiosk-ticket">
          <TicketSlip ticket={step.ticket} />
          <div className="hall-kiosk-actions">
            <Button size="large" onClick={() => window.print()}>{th("hall.ticket.print")}</Button>
            <Button size="large" type="primary" data-testid="kiosk-done" onClick={() => setStep({ kind: "services" })}>{th("hall.ticket.done")}</Button>
          </div>
        </div>
      )}
    </div>
  );
}
