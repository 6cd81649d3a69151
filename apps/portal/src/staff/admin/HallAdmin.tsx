import { Button, Card, Empty, Input, Popconfirm, Radio, Select, Skeleton, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useMutation, useQuery } from "urql";
import type { HallAdminHallsQuery, HallTheme, WindowKind } from "../../gql/graphql";
import { AdminError } from "./AdminError";
import { HallNotice, type Notice } from "./HallNotice";
import { useHallAdminT, type HallAdminMessageKey } from "./messages-hall-admin";
import { ChangeWindowMutation, CreateHallMutation, HallDepartmentsQuery, HallsQuery, OpenWindowMutation } from "./queries-hall-admin";

type Hall = HallAdminHallsQuery["halls"][number];
type Window = Hall["windows"][number];

const KINDS: WindowKind[] = ["RESIDENT", "AB", "COMPREHENSIVE"];
const THEMES: HallTheme[] = ["ENTERPRISE_REGISTRATION", "CONSTRUCTION_PROJECTS", "SOCIAL_AFFAIRS", "TAX_AND_FEES", "GENERAL"];

/**
 * 大厅与窗口: the functional halls, one at a time, with their windows (a hall holds as many as it has
 * counters, a few dozen at most, so a hall's windows come whole); open a window, close and reopen one.
 */
export function HallAdmin({ centerCode }: { centerCode: string }) {
  const { ta: th } = useHallAdminT();
  const [result, reload] = useQuery({ query: HallsQuery, variables: { centerCode }, requestPolicy: "cache-and-network" });
  const [hallId, setHallId] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const halls = result.data?.halls ?? [];
  const hall = halls.find((candidate) => candidate.id === hallId) ?? halls[0];
  const refresh = () => reload({ requestPolicy: "network-only" });

  return (
    <section aria-labelledby="halls-heading" data-testid="admin-halls">
      <Typography.Title level={2} id="halls-heading" style={{ fontSize: 18 }}>{th("halls.heading")}</Typography.Title>
      <Typography.Paragraph type="secondary">{th("halls.intro")}</Typography.Paragraph>
      <AdminError error={result.error} />
      <HallNotice notice={notice} testId="admin-halls-notice" />
      {!result.data && result.fetching ? (
        <Skeleton active aria-label={th("common.loading")} />
      ) : halls.length === 0 ? (
        <Empty description={th("halls.none")} />
      ) : (
        <>
          <div className="area-filters">
            <label htmlFor="hall-select" className="field-label-inline">{th("halls.hall")}</label>
            <Select
              id="hall-select"
              value={hall?.id}
              onChange={setHallId}
              showSearch={{ optionFilterProp: "label" }}
              options={halls.map((candidate) => ({ value: candidate.id, label: th("halls.hallOption", { hall: candidate.name, theme: th(`theme.${candidate.theme}` as HallAdminMessageKey) }) }))}
              style={{ minWidth: 240, maxWidth: "100%" }}
              data-testid="admin-hall-select"
            />
          </div>
          {hall && <HallWindows hall={hall} onNotice={setNotice} />}
        </>
      )}
      <OpenWindowForm centerCode={centerCode} halls={halls} hallId={hall?.id ?? null} onNotice={setNotice} onDone={refresh} />
      <CreateHallForm centerCode={centerCode} onNotice={setNotice} onDone={(id) => { setHallId(id); refresh(); }} />
    </section>
  );
}

function HallWindows({ hall, onNotice }: { hall: Hall; onNotice: (notice: Notice) => void }) {
  const { ta: th } = useHallAdminT();
  const label = th("halls.windowsOf", { hall: hall.name, n: hall.windows.length });
  const department = (window: Window) =>
    window.kind === "COMPREHENSIVE" ? th("halls.actsFor", { departments: window.actsFor.map((d) => d.name).join(th("common.listSeparator")) }) : (window.department?.name ?? "");
  return (
    <Card size="small" title={<h3 className="card-heading">{label}</h3>}>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
        <Table<Window>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={hall.windows}
          locale={{ emptyText: <Empty description={th("common.none")} /> }}
          data-testid="admin-windows"
          columns={[
            { key: "code", title: th("halls.col.code"), render: (_: unknown, window: Window) => <span className="mono">{window.code}</span> },
            { key: "name", title: th("halls.col.name"), render: (_: unknown, window: Window) => window.name },
            { key: "kind", title: th("halls.col.kind"), render: (_: unknown, window: Window) => th(`halls.kind.${window.kind}` as HallAdminMessageKey) },
            { key: "department", title: th("halls.col.department"), render: (_: unknown, window: Window) => department(window) },
            {
              key: "posts",
              title: th("halls.col.posts"),
              render: (_: unknown, window: Window) => `${window.aPost?.holder.name ?? th("halls.vacant")} / ${window.bPost?.holder.name ?? th("halls.vacant")}`,
            },
            {
              key: "state",
              title: th("halls.col.state"),
              render: (_: unknown, window: Window) => <Tag color={window.open ? "green" : "default"}>{th(window.open ? "halls.open" : "halls.closed")}</Tag>,
            },
            { key: "actions", title: "", render: (_: unknown, window: Window) => <OpenCloseButton window={window} onNotice={onNotice} /> },
          ]}
        />
      </div>
    </Card>
  );
}

function OpenCloseButton({ window, onNotice }: { window: Window; onNotice: (notice: Notice) => void }) {
  const { ta: th } = useHallAdminT();
  const [state, change] = useMutation(ChangeWindowMutation);
  const act = async (open: boolean) => {
    onNotice(null);
    const answer = await change({ input: { windowId: window.id, open } });
    onNotice(answer.error ? { kind: "error", error: answer.error } : { kind: "success", key: open ? "halls.openedDone" : "halls.closedDone", vars: { window: window.name } });
  };
  if (!window.open) {
    return <Button size="small" loading={state.fetching} onClick={() => act(true)} data-testid="admin-window-reopen" data-window={window.code}>{th("halls.reopen")}</Button>;
  }
  return (
    <Popconfirm title={th("halls.closeConfirm", { window: window.name })} okText={th("halls.close")} cancelText={th("common.cancel")} onConfirm={() => act(false)}>
      <Button size="small" danger loading={state.fetching} data-testid="admin-window-close" data-window={window.code}>{th("halls.close")}</Button>
    </Popconfirm>
  );
}

function OpenWindowForm({ centerCode, halls, hallId, onNotice, onDone }: { centerCode: string; halls: Hall[]; hallId: string | null; onNotice: (notice: Notice) => void; onDone: () => void }) {
  const { ta: th } = useHallAdminT();
  const [departments] = useQuery({ query: HallDepartmentsQuery, variables: { centerCode } });
  const [code, setCode] = useState("");
  const [name, setName] = useState("");
  const [kind, setKind] = useState<WindowKind>("RESIDENT");
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [actsFor, setActsFor] = useState<string[]>([]);
  const [chosenHall, setChosenHall] = useState<string | null>(null);
  const [state, open] = useMutation(OpenWindowMutation);
  const departmentOptions = (departments.data?.departments ?? []).map((d) => ({ value: d.id, label: d.name }));
  const comprehensive = kind === "COMPREHENSIVE";
  const ready = code.trim() && name.trim() && (comprehensive ? actsFor.length > 0 : departmentId);
  return (
    <Card size="small" className="no-print" title={<h3 className="card-heading">{th("halls.newWindow")}</h3>} style={{ marginTop: 16 }} data-testid="admin-open-window">
      <div className="form-row">
        <div>
          <label htmlFor="window-code" className="field-label">{th("halls.field.code")}</label>
          <Input id="window-code" value={code} onChange={(event) => setCode(event.target.value)} maxLength={20} data-testid="admin-window-code" />
        </div>
        <div>
          <label htmlFor="window-name" className="field-label">{th("halls.field.name")}</label>
          <Input id="window-name" value={name} onChange={(event) => setName(event.target.value)} maxLength={50} data-testid="admin-window-name" />
        </div>
        <div>
          <label htmlFor="window-hall" className="field-label">{th("halls.hall")}</label>
          <Select id="window-hall" value={chosenHall ?? hallId} onChange={setChosenHall} options={halls.map((h) => ({ value: h.id, label: h.name }))} style={{ width: "100%" }} />
        </div>
      </div>
      <fieldset className="plain-fieldset" style={{ marginTop: 12 }}>
        <legend className="field-label">{th("halls.field.kind")}</legend>
        <Radio.Group value={kind} onChange={(event) => setKind(event.target.value as WindowKind)} options={KINDS.map((value) => ({ value, label: th(`halls.kind.${value}` as HallAdminMessageKey) }))} data-testid="admin-window-kind" />
      </fieldset>
      <div style={{ marginTop: 12 }}>
        {comprehensive ? (
          <>
            <label htmlFor="window-acts-for" className="field-label">{th("halls.field.actsFor")}</label>
            <Select id="window-acts-for" mode="multiple" value={actsFor} onChange={setActsFor} options={departmentOptions} optionFilterProp="label" style={{ width: "100%" }} data-testid="admin-window-acts-for" />
          </>
        ) : (
          <>
            <label htmlFor="window-department" className="field-label">{th("halls.field.department")}</label>
            <Select id="window-department" showSearch={{ optionFilterProp: "label" }} value={departmentId} onChange={setDepartmentId} options={departmentOptions} style={{ width: "100%" }} data-testid="admin-window-department" />
          </>
        )}
      </div>
      <Button
        type="primary"
        style={{ marginTop: 12 }}
        disabled={!ready}
        loading={state.fetching}
        data-testid="admin-window-submit"
        onClick={async () => {
          onNotice(null);
          const answer = await open({
            input: {
              centerCode,
              code: code.trim(),
              name: name.trim(),
              kind,
              departmentId: comprehensive ? null : departmentId,
              actsForDepartmentIds: comprehensive ? actsFor : null,
              hallId: chosenHall ?? hallId,
            },
          });
          if (answer.error) onNotice({ kind: "error", error: answer.error });
          else {
            onNotice({ kind: "success", key: "halls.windowOpened", vars: { window: name.trim() } });
            setCode("");
            setName("");
            onDone();
          }
        }}
      >
        {th("halls.openButton")}
      </Button>
    </Card>
  );
}

function CreateHallForm({ centerCode, onNotice, onDone }: { centerCode: string; onNotice: (notice: Notice) => void; onDone: (id: string) => void }) {
  const { ta: th } = useHallAdminT();
  const [code, setCode] = useState("");
  const [name, setName] = useState("");
  const [theme, setTheme] = useState<HallTheme>("GENERAL");
  const [state, create] = useMutation(CreateHallMutation);
  return (
    <Card size="small" className="no-print" title={<h3 className="card-heading">{th("halls.newHall")}</h3>} style={{ marginTop: 16 }} data-testid="admin-create-hall">
      <div className="form-row">
        <div>
          <label htmlFor="hall-code" className="field-label">{th("halls.field.code")}</label>
          <Input id="hall-code" value={code} onChange={(event) => setCode(event.target.value)} maxLength={20} />
        </div>
        <div>
          <label htmlFor="hall-name" className="field-label">{th("halls.field.name")}</label>
          <Input id="hall-name" value={name} onChange={(event) => setName(event.target.value)} maxLength={50} />
        </div>
        <div>
          <label htmlFor="hall-theme" className="field-label">{th("halls.field.theme")}</label>
          <Select id="hall-theme" value={theme} onChange={setTheme} options={THEMES.map((value) => ({ value, label: th(`theme.${value}` as HallAdminMessageKey) }))} style={{ width: "100%" }} />
        </div>
      </div>
      <Space style={{ marginTop: 12 }}>
        <Button
          disabled={!code.trim() || !name.trim()}
          loading={state.fetching}
          onClick={async () => {
            onNotice(null);
            const answer = await create({ input: { centerCode, code: code.trim(), name: name.trim(), theme } });
            if (answer.error || !answer.data) onNotice(answer.error ? { kind: "error", error: answer.error } : null);
            else {
              onNotice({ kind: "success", key: "halls.hallCreated", vars: { hall: answer.data.createHall.name } });
              setCode("");
              setName("");
              onDone(answer.data.createHall.id);
            }
          }}
        >
          {th("halls.createButton")}
        </Button>
      </Space>
    </Card>
  );
}
