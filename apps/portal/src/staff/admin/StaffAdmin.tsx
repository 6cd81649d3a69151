import { Alert, Button, Card, Checkbox, DatePicker, Empty, Input, Popconfirm, Select, Skeleton, Space, Table, Tag, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { createPortal } from "react-dom";
import { useMutation, useQuery } from "urql";
import type { AdminStaffLettersQuery, AuthorizedAct } from "../../gql/graphql";
import { formatDateTime, formatDay } from "../../lib/format";
import { linkHandler } from "../../lib/router";
import { answerTo } from "../../lib/search-answer";
import { AdminError } from "./AdminError";
import { useAdminT, type AdminMessageKey } from "./messages-admin";
import { word, type AreaNotice } from "./notice";
import { AdminItemsQuery, GrantAuthorizationMutation, RevokeAuthorizationMutation, StaffLettersQuery } from "./queries-admin";

type Staff = NonNullable<AdminStaffLettersQuery["staff"]>;
type Letter = Staff["authorizations"][number];
type Notice = AreaNotice<AdminMessageKey>;

const ACTS: AuthorizedAct[] = [
  "ACCEPT", "DECIDE_INSTANT", "PRE_REVIEW_PROMISED", "PRE_REVIEW_JOINT", "PRE_REVIEW_REPORTED", "APPROVE", "RECORD_HIGHER_AUTHORITY_RESULT",
  "APPROVE_EXTENSION", "DELIVER", "CANCEL_FEE_NOTICE", "REISSUE_FEE_NOTICE", "REQUEST_FEE_REDUCTION", "REQUEST_FEE_REFUND",
];

/** Prints one letter alone on an A4 sheet: the page is marked while the print dialog is open. */
function printLetter(id: string) {
  const root = document.documentElement;
  const letter = document.getElementById(`letter-print-${id}`);
  root.dataset.printing = "letter";
  letter?.classList.add("print-target");
  const done = () => {
    delete root.dataset.printing;
    letter?.classList.remove("print-target");
    window.removeEventListener("afterprint", done);
  };
  window.addEventListener("afterprint", done);
  window.print();
}

/** One staff member's authorization letters (授权书): grant, revoke with a reason, print one on A4. */
export function StaffAdmin({ staffId, centerCode }: { staffId: string; centerCode: string }) {
  const { ta } = useAdminT();
  const [result] = useQuery({ query: StaffLettersQuery, variables: { id: staffId }, requestPolicy: "cache-and-network" });
  const [notice, setNotice] = useState<Notice>(null);
  const back = <a href="/staff/admin/staff" onClick={linkHandler("/staff/admin/staff")} className="back-link no-print">← {ta("staff.back")}</a>;
  if (result.fetching && !result.data) return <Skeleton active aria-label={ta("admin.loading")} />;
  const staff = result.data?.staff;
  if (!staff) return <Space orientation="vertical">{back}<AdminError error={result.error} />{!result.error && <Empty description={ta("staff.notFound")} />}</Space>;
  const actList = (acts: readonly AuthorizedAct[]) => acts.map((act) => ta(`act.${act}` as AdminMessageKey)).join("、");
  const scope = (letter: Letter) => (letter.item ? `${letter.item.name}（${letter.item.code}）` : ta("letters.allItems", { department: letter.department.name }));
  const validity = (letter: Letter) => `${formatDay(letter.validFrom)} – ${letter.validUntil ? formatDay(letter.validUntil) : ta("letters.open")}`;

  return (
    <article aria-labelledby="admin-staff-name" data-testid="admin-staff-detail">
      {back}
      <Typography.Title level={2} id="admin-staff-name" style={{ fontSize: 20, marginTop: 12 }} className="no-print">
        {staff.name} <span className="mono muted">{staff.code}</span>
      </Typography.Title>
      <Typography.Paragraph className="no-print">{staff.department?.name ?? ta("staff.centerOffice")}</Typography.Paragraph>
      <div aria-live="polite" className="no-print" data-testid="admin-staff-notice">
        {notice?.kind === "success" && <Alert type="success" showIcon role="status" title={word(ta, notice)} />}
        {notice?.kind === "error" && <AdminError error={notice.error} />}
      </div>
      <Card size="small" className="no-print" title={<h3 className="card-heading">{ta("letters.heading")}</h3>} style={{ marginTop: 12 }}>
        <div className="table-scroll" tabIndex={0} role="region" aria-label={ta("letters.heading")}>
        <Table<Letter>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={staff.authorizations}
          locale={{ emptyText: <Empty description={ta("letters.none")} /> }}
          columns={[
            { key: "scope", title: ta("letters.scope"), render: (_: unknown, letter: Letter) => scope(letter) },
            { key: "acts", title: ta("letters.acts"), render: (_: unknown, letter: Letter) => actList(letter.acts) },
            { key: "valid", title: ta("letters.valid"), render: (_: unknown, letter: Letter) => validity(letter) },
            {
              key: "state",
              title: ta("letters.state"),
              render: (_: unknown, letter: Letter) =>
                letter.revokedAt ? <Tag>{ta("letters.revoked", { reason: letter.revokeReason ?? "" })}</Tag> : <Tag color={letter.inForce ? "green" : "default"}>{ta(letter.inForce ? "letters.inForce" : "letters.notInForce")}</Tag>,
            },
            {
              key: "actions",
              title: "",
              render: (_: unknown, letter: Letter) => (
                <Space wrap>
                  <Button size="small" onClick={() => printLetter(letter.id)} data-testid="admin-letter-print" data-letter={letter.id}>{ta("letters.print")}</Button>
                  {!letter.revokedAt && <RevokeButton letter={letter} onNotice={setNotice} />}
                </Space>
              ),
            },
          ]}
          data-testid="admin-letters"
        />
        </div>
      </Card>
      <GrantForm staff={staff} centerCode={centerCode} onNotice={setNotice} />
      {createPortal(staff.authorizations.map((letter) => (
        <section key={letter.id} id={`letter-print-${letter.id}`} className="letter-print" aria-hidden="true">
          <h2>{ta("letters.printTitle")}</h2>
          <p className="letter-no">{ta("letters.printNo", { id: letter.id })}</p>
          <p>{ta("letters.printBody", { name: staff.name, code: staff.code, center: staff.centerCode })}</p>
          <table>
            <tbody>
              <tr><th>{ta("letters.scope")}</th><td>{scope(letter)}</td></tr>
              <tr><th>{ta("letters.acts")}</th><td>{actList(letter.acts)}</td></tr>
              <tr><th>{ta("letters.valid")}</th><td>{validity(letter)}</td></tr>
            </tbody>
          </table>
          <p>{ta("letters.printGranted", { by: letter.grantedBy, at: formatDateTime(letter.grantedAt) })}</p>
        </section>
      )), document.body)}
    </article>
  );
}

function RevokeButton({ letter, onNotice }: { letter: Letter; onNotice: (notice: Notice) => void }) {
  const { ta } = useAdminT();
  const [reason, setReason] = useState("");
  const [state, revoke] = useMutation(RevokeAuthorizationMutation);
  return (
    <Popconfirm
      title={ta("letters.revokeConfirm")}
      description={<Input aria-label={ta("letters.revokeReason")} placeholder={ta("letters.revokeReason")} value={reason} onChange={(event) => setReason(event.target.value)} maxLength={500} data-testid="admin-revoke-reason" />}
      okText={ta("letters.revoke")}
      cancelText={ta("admin.cancelAction")}
      okButtonProps={{ disabled: reason.trim().length === 0 }}
      onConfirm={async () => {
        const answer = await revoke({ input: { letterId: letter.id, reason: reason.trim() } });
        onNotice(answer.error ? { kind: "error", error: answer.error } : { kind: "success", key: "letters.revokedDone" });
      }}
    >
      <Button size="small" danger loading={state.fetching} data-testid="admin-letter-revoke">{ta("letters.revoke")}</Button>
    </Popconfirm>
  );
}

function GrantForm({ staff, centerCode, onNotice }: { staff: Staff; centerCode: string; onNotice: (notice: Notice) => void }) {
  const { ta } = useAdminT();
  const departmentId = staff.department?.id ?? null;
  const [acts, setActs] = useState<AuthorizedAct[]>([]);
  const [itemId, setItemId] = useState<string | null>(null);
  const [search, setSearch] = useState("");
  const [from, setFrom] = useState<Dayjs | null>(null);
  const [until, setUntil] = useState<Dayjs | null>(null);
  const [state, grant] = useMutation(GrantAuthorizationMutation);
  const [items] = useQuery({ query: AdminItemsQuery, variables: { centerCode, keyword: search.trim() || null, status: "ACTIVE", first: 20, after: null }, pause: !departmentId });
  useEffect(() => setItemId(null), [departmentId]);
  if (!departmentId) return null;
  const options = (answerTo(items, search.trim() || null)?.administeredItems.nodes ?? []).filter((item) => item.department.id === departmentId).map((item) => ({ value: item.id, label: `${item.name}（${item.code}）` }));
  return (
    <Card size="small" className="no-print" title={<h3 className="card-heading">{ta("letters.grant")}</h3>} style={{ marginTop: 16 }} data-testid="admin-grant">
      <fieldset className="plain-fieldset">
        <legend className="field-label">{ta("letters.acts")}</legend>
        <Checkbox.Group value={acts} onChange={(value) => setActs(value as AuthorizedAct[])} options={ACTS.map((act) => ({ value: act, label: ta(`act.${act}` as AdminMessageKey) }))} className="acts-grid" />
      </fieldset>
      <label htmlFor="grant-item" className="field-label" style={{ marginTop: 12 }}>{ta("letters.item")}</label>
      <Select id="grant-item" allowClear showSearch={{ filterOption: false, onSearch: setSearch }} value={itemId} onChange={(value) => setItemId(value ?? null)} options={options} style={{ width: "100%" }} loading={items.fetching} />
      <div className="form-row" style={{ marginTop: 12 }}>
        <div>
          <label htmlFor="grant-from" className="field-label">{ta("letters.from")}</label>
          <DatePicker id="grant-from" value={from} onChange={setFrom} style={{ width: "100%" }} />
        </div>
        <div>
          <label htmlFor="grant-until" className="field-label">{ta("letters.until")}</label>
          <DatePicker id="grant-until" value={until} onChange={setUntil} style={{ width: "100%" }} />
        </div>
      </div>
      <Button
        type="primary"
        style={{ marginTop: 12 }}
        disabled={acts.length === 0}
        loading={state.fetching}
        data-testid="admin-grant-submit"
        onClick={async () => {
          onNotice(null);
          const answer = await grant({
            input: {
              staffId: staff.id,
              departmentId,
              itemId,
              acts,
              validFrom: from ? from.startOf("day").toISOString() : null,
              validUntil: until ? until.endOf("day").toISOString() : null,
            },
          });
          if (answer.error) onNotice({ kind: "error", error: answer.error });
          else {
            onNotice({ kind: "success", key: "letters.granted" });
            setActs([]);
            setItemId(null);
          }
        }}
      >
        {ta("letters.grantButton")}
      </Button>
    </Card>
  );
}

