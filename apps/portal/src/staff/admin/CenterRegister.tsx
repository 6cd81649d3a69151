import { Alert, Button, Card, Descriptions, Empty, Form, Input, Modal, Skeleton, Space, Switch, Table, Tag, Typography, message } from "antd";
import { useState } from "react";
import type { CombinedError } from "@urql/core";
import { useMutation, useQuery } from "urql";
import type { CenterLevel, RegisterCentersQuery as RegisterCentersResult } from "../../gql/graphql";
import { ErrorNotice } from "../../components/ErrorNotice";
import { describeError } from "../../lib/errors";
import { useRegisterT, type RegisterMessageKey } from "./messages-register";
import { ChangeServiceCenterMutation, RegisterCenterChildrenQuery, RegisterCentersQuery, RegisterServiceCenterMutation } from "./queries-register";

type Center = RegisterCentersResult["serviceCenters"][number];
type Ta = ReturnType<typeof useRegisterT>["ta"];
const FIELDS = ["name", "address", "openingHours", "phone", "handles"] as const;
type Values = { code: string; name: string; address: string; openingHours: string; phone: string; handles: string; open: boolean };

/** What the form is for: registering a center at a level under a parent, or changing one. */
type Editing = { kind: "register"; level: CenterLevel; parent: Center | null } | { kind: "change"; center: Center };

/**
 * 服务中心名册: the county's network (county → townships → village points) as staffing registers
 * it. The county center's administration registers and edits; a township's reads (staffing
 * refuses anyone else's change: `mayAdministerRegister`). The townships come in one bounded
 * list (a county has tens); each township's village points load when it is opened.
 */
export function CenterRegister({ centerCode }: { centerCode: string }) {
  const { ta } = useRegisterT();
  const countyCode = `${centerCode.slice(0, 6)}000000`;
  const mayEdit = centerCode === countyCode;
  const [editing, setEditing] = useState<Editing | null>(null);
  const [countyResult] = useQuery({ query: RegisterCentersQuery, variables: { countyCode, level: "COUNTY" }, requestPolicy: "cache-and-network" });
  const [townshipResult, reload] = useQuery({ query: RegisterCentersQuery, variables: { countyCode, level: "TOWNSHIP" }, requestPolicy: "cache-and-network" });
  const county = countyResult.data?.serviceCenters[0] ?? null;
  const townships = townshipResult.data?.serviceCenters ?? [];

  return (
    <section aria-labelledby="register-heading" data-testid="admin-register">
      <Typography.Title level={2} id="register-heading" style={{ fontSize: 18 }}>{ta("reg.heading")}</Typography.Title>
      <Typography.Paragraph type="secondary">{ta("reg.intro")}</Typography.Paragraph>
      {!mayEdit && <Alert type="info" showIcon title={ta("reg.readOnly")} style={{ marginBottom: 12 }} data-testid="creg-read-only" />}
      {townshipResult.error && <ErrorNotice error={townshipResult.error} onRetry={() => reload({ requestPolicy: "network-only" })} />}

      <Card
        size="small"
        title={<h3 className="card-heading">{ta("reg.county")}</h3>}
        extra={mayEdit && (county
          ? <Button size="small" onClick={() => setEditing({ kind: "change", center: county })} aria-label={ta("reg.editOf", { name: county.name })}>{ta("reg.edit")}</Button>
          : countyResult.data && <Button size="small" onClick={() => setEditing({ kind: "register", level: "COUNTY", parent: null })}>{ta("reg.addCounty")}</Button>)}
        style={{ marginBottom: 16 }}
        data-testid="creg-county"
      >
        {county ? <CenterFacts center={county} ta={ta} /> : countyResult.fetching ? <Skeleton active aria-label={ta("reg.loading")} /> : <Empty description={ta("reg.none")} />}
      </Card>

      <Space wrap style={{ justifyContent: "space-between", width: "100%", marginBottom: 8 }}>
        <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>{ta("reg.townships")}</Typography.Title>
        {mayEdit && county && (
          <Button type="primary" onClick={() => setEditing({ kind: "register", level: "TOWNSHIP", parent: county })} data-testid="creg-add-township">{ta("reg.addTownship")}</Button>
        )}
      </Space>
      <div aria-live="polite" className="area-count">{townshipResult.data ? ta("reg.count", { n: townships.length }) : ""}</div>
      {!townshipResult.data && townshipResult.fetching ? (
        <Skeleton active aria-label={ta("reg.loading")} />
      ) : (
        <Table<Center>
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={townships}
          locale={{ emptyText: <Empty description={ta("reg.none")} /> }}
          expandable={{ expandedRowRender: (township) => <Villages township={township} mayEdit={mayEdit} onEdit={setEditing} /> }}
          columns={centerColumns(ta, mayEdit, setEditing, true)}
          data-testid="creg-townships"
        />
      )}
      {editing && <CenterForm editing={editing} countyCode={countyCode} onClose={() => setEditing(null)} />}
    </section>
  );
}

function CenterFacts({ center, ta }: { center: Center; ta: Ta }) {
  return (
    <Descriptions column={{ xs: 1, md: 2 }} size="small">
      <Descriptions.Item label={ta("reg.col.code")}><span className="mono">{center.code}</span></Descriptions.Item>
      <Descriptions.Item label={ta("reg.col.name")}>{center.name}</Descriptions.Item>
      <Descriptions.Item label={ta("reg.col.address")}>{center.address}</Descriptions.Item>
      <Descriptions.Item label={ta("reg.col.hours")}>{center.openingHours}</Descriptions.Item>
      <Descriptions.Item label={ta("reg.col.phone")}>{center.phone}</Descriptions.Item>
      <Descriptions.Item label={ta("reg.col.state")}><OpenTag center={center} ta={ta} /></Descriptions.Item>
    </Descriptions>
  );
}

const OpenTag = ({ center, ta }: { center: Center; ta: Ta }) => (center.open ? <Tag color="green">{ta("reg.open")}</Tag> : <Tag>{ta("reg.closed")}</Tag>);

function centerColumns(ta: Ta, mayEdit: boolean, onEdit: (editing: Editing) => void, township: boolean) {
  return [
    { key: "code", title: ta("reg.col.code"), render: (_: unknown, row: Center) => <span className="mono">{row.code}</span>, responsive: ["md" as const] },
    { key: "name", title: ta("reg.col.name"), render: (_: unknown, row: Center) => <span data-testid="creg-name">{row.name}</span> },
    { key: "address", title: ta("reg.col.address"), dataIndex: "address", responsive: ["lg" as const] },
    { key: "hours", title: ta("reg.col.hours"), dataIndex: "openingHours", responsive: ["xl" as const] },
    { key: "phone", title: ta("reg.col.phone"), dataIndex: "phone", responsive: ["sm" as const] },
    { key: "state", title: ta("reg.col.state"), render: (_: unknown, row: Center) => <OpenTag center={row} ta={ta} />, responsive: ["sm" as const] },
    ...(mayEdit
      ? [{
          key: "actions",
          title: ta("reg.col.actions"),
          render: (_: unknown, row: Center) => (
            <Space size={4} wrap>
              <Button size="small" onClick={() => onEdit({ kind: "change", center: row })} aria-label={ta("reg.editOf", { name: row.name })} data-testid="creg-edit">{ta("reg.edit")}</Button>
              {township && <Button size="small" onClick={() => onEdit({ kind: "register", level: "VILLAGE", parent: row })} aria-label={ta("reg.addVillageTo", { name: row.name })} data-testid="creg-add-village">{ta("reg.addVillage")}</Button>}
            </Space>
          ),
        }]
      : []),
  ];
}

/** A township's village points, read when the township is opened. */
function Villages({ township, mayEdit, onEdit }: { township: Center; mayEdit: boolean; onEdit: (editing: Editing) => void }) {
  const { ta } = useRegisterT();
  const [{ data, fetching, error }] = useQuery({ query: RegisterCenterChildrenQuery, variables: { code: township.code }, requestPolicy: "cache-and-network" });
  const villages = data?.serviceCenter?.children ?? [];
  if (error) return <ErrorNotice error={error} />;
  if (!data && fetching) return <Skeleton active aria-label={ta("reg.loading")} />;
  return (
    <section aria-label={ta("reg.villages", { name: township.name })} data-testid="creg-villages">
      <Table<Center>
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={villages}
        locale={{ emptyText: ta("reg.noVillages") }}
        columns={centerColumns(ta, mayEdit, onEdit, false)}
      />
    </section>
  );
}

/** An example code for the level, under the parent. */
const exampleCode = (level: CenterLevel, parent: Center | null) => (level === "VILLAGE" && parent ? `${parent.code.slice(0, 9)}201` : parent ? `${parent.code.slice(0, 6)}101000` : "");

/** Registers a center, or changes one: only the fields that changed are sent. */
function CenterForm({ editing, countyCode, onClose }: { editing: Editing; countyCode: string; onClose: () => void }) {
  const { ta } = useRegisterT();
  const [form] = Form.useForm<Values>();
  const [registerResult, register] = useMutation(RegisterServiceCenterMutation);
  const [changeResult, change] = useMutation(ChangeServiceCenterMutation);
  const [failure, setFailure] = useState<CombinedError | undefined>(undefined);
  const changing = editing.kind === "change" ? editing.center : null;
  const level: CenterLevel = changing ? changing.level : (editing as Extract<Editing, { kind: "register" }>).level;
  const parent = editing.kind === "register" ? editing.parent : null;
  const title = changing ? ta("reg.editOf", { name: changing.name }) : level === "VILLAGE" && parent ? ta("reg.addVillageTo", { name: parent.name }) : level === "COUNTY" ? ta("reg.addCounty") : ta("reg.addTownship");
  const required = [{ required: true, whitespace: true, message: ta("reg.required") }];

  const save = async (values: Values) => {
    setFailure(undefined);
    const trimmed = Object.fromEntries(FIELDS.map((field) => [field, values[field].trim()])) as Record<(typeof FIELDS)[number], string>;
    const result = changing
      ? await change({
          input: {
            code: changing.code,
            ...Object.fromEntries(FIELDS.filter((field) => trimmed[field] !== changing[field]).map((field) => [field, trimmed[field]])),
            ...(values.open !== changing.open ? { open: values.open } : {}),
          },
        })
      : await register({ input: { code: values.code.trim(), level, parentCode: parent?.code ?? null, ...trimmed } });
    if (result.error) {
      setFailure(result.error);
      const fields = problemFields(result.error).filter((field) => field === "code" || (FIELDS as readonly string[]).includes(field));
      form.setFields(fields.map((field) => ({ name: field as keyof Values, errors: [field === "code" ? ta(`reg.codeHint.${level}`, { example: exampleCode(level, parent) }) : ta("reg.checkField")] })));
      return;
    }
    message.success(ta("reg.saved", { name: trimmed.name }));
    onClose();
  };

  return (
    <Modal open title={title} onCancel={onClose} footer={null} destroyOnHidden data-testid="creg-form">
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={changing ? { ...changing } : { code: level === "COUNTY" ? countyCode : "", open: true, name: "", address: "", openingHours: "周一至周五 9:00–12:00，14:00–17:30", phone: "", handles: "" }}
      >
        {parent && (
          <Form.Item label={ta("reg.field.parentCode")}>
            <span>{parent.name} <span className="mono">({parent.code})</span></span>
          </Form.Item>
        )}
        <Form.Item
          name="code"
          label={ta("reg.field.code")}
          extra={changing ? undefined : ta(`reg.codeHint.${level}`, { example: exampleCode(level, parent) })}
          rules={[...required, { pattern: /^\d{12}$/, message: ta("reg.codeShape") }]}
        >
          <Input inputMode="numeric" maxLength={12} disabled={!!changing} className="mono" data-testid="creg-field-code" />
        </Form.Item>
        <Form.Item name="name" label={ta("reg.field.name")} rules={required}><Input maxLength={100} data-testid="creg-field-name" /></Form.Item>
        <Form.Item name="address" label={ta("reg.field.address")} rules={required}><Input maxLength={200} data-testid="creg-field-address" /></Form.Item>
        <Form.Item name="openingHours" label={ta("reg.field.openingHours")} rules={required}><Input maxLength={200} /></Form.Item>
        <Form.Item name="phone" label={ta("reg.field.phone")} rules={required}><Input maxLength={50} data-testid="creg-field-phone" /></Form.Item>
        <Form.Item name="handles" label={ta("reg.field.handles")} rules={required}><Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} data-testid="creg-field-handles" /></Form.Item>
        {changing && <Form.Item name="open" label={ta("reg.field.open")} valuePropName="checked"><Switch /></Form.Item>}
        <RegisterFailure error={failure} ta={ta} />
        <Space>
          <Button type="primary" htmlType="submit" loading={registerResult.fetching || changeResult.fetching} data-testid="creg-save">{ta("reg.save")}</Button>
          <Button onClick={onClose}>{ta("reg.cancel")}</Button>
        </Space>
      </Form>
    </Modal>
  );
}

/** The fields a refusal names (input.code → code), from its list of problems or its one field. */
function problemFields(error: CombinedError): string[] {
  const extensions = error.graphQLErrors[0]?.extensions;
  const paths = (extensions?.problems as Array<{ field: string }> | undefined)?.map((problem) => problem.field) ?? (typeof extensions?.field === "string" ? [extensions.field] : []);
  // The form fixes the level and the parent: a level or parent that disagrees with the code means the code is wrong.
  const onForm = (field: string) => (field === "level" || field === "parentCode" ? "code" : field);
  return [...new Set(paths.map((path) => onForm(path.split(".").filter((part) => part !== "input").at(-1) ?? path)))];
}

const KNOWN_REFUSALS = ["CONFLICT", "FORBIDDEN", "NOT_FOUND"];

/** A refused save in this page's words; bad input names the fields to check (the parent has none of its own on the form). */
function RegisterFailure({ error, ta }: { error: CombinedError | undefined; ta: Ta }) {
  const described = describeError(error);
  if (!error || !described) return null;
  const label = (field: string) => (Object.hasOwn(FIELD_LABELS, field) ? ta(FIELD_LABELS[field]!) : field);
  const title =
    described.code === "BAD_USER_INPUT"
      ? `${ta("reg.problems")}${problemFields(error).map(label).join(ta("reg.listJoin"))}`
      : ta(KNOWN_REFUSALS.includes(described.code) ? (`reg.error.${described.code}` as RegisterMessageKey) : "reg.error.other");
  return <Alert type="error" role="alert" showIcon title={title} style={{ marginBottom: 12 }} data-testid="creg-error" data-code={described.code} />;
}

const FIELD_LABELS: Record<string, RegisterMessageKey> = {
  code: "reg.field.code", name: "reg.field.name", address: "reg.field.address",
  openingHours: "reg.field.openingHours", phone: "reg.field.phone", handles: "reg.field.handles",
};
