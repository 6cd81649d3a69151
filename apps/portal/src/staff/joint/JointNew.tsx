import { Alert, App as AntApp, Button, Card, Checkbox, Form, Input, InputNumber, Space, Spin, Switch, Table, Typography } from "antd";
import { useEffect, useMemo, useRef, useState } from "react";
import { useMutation, useQuery } from "urql";
import { ErrorNotice } from "../../components/ErrorNotice";
import type { JointItemsQuery as JointItemsResult } from "../../gql/graphql";
import { CENTER_CODE } from "../../lib/client";
import { linkHandler, navigate } from "../../lib/router";
import type { Claims } from "../../lib/session";
import { useJointT } from "./messages-joint";
import { JointItemsQuery, StartJointMutation } from "./queries-joint";
import { BASE, newKey, useErrorText } from "./shared";

type Item = JointItemsResult["searchItems"]["nodes"][number];

interface Values {
  projectName: string;
  projectCode: string;
  applicantName: string;
  idNumber: string;
  deadlineWorkingDays: number;
  greenChannel: boolean;
}

/** The joint items of the center, all pages (a handful of dozens), asked page by page from the catalog. */
function useJointItems(centerCode: string) {
  const [after, setAfter] = useState<string | null>(null);
  const [items, setItems] = useState<Item[]>([]);
  const [{ data, fetching, error }] = useQuery({ query: JointItemsQuery, variables: { centerCode, first: 50, after } });
  useEffect(() => {
    if (!data) return;
    setItems((known) => [...known, ...data.searchItems.nodes.filter((item) => !known.some((other) => other.id === item.id))]);
    if (data.searchItems.pageInfo.hasNextPage && data.searchItems.pageInfo.endCursor) setAfter(data.searchItems.pageInfo.endCursor);
  }, [data]);
  return { items, loading: fetching || Boolean(data?.searchItems.pageInfo.hasNextPage), error };
}

/** 发起并联审批: the project, its applicant, and one joint item per participating department. */
export function JointNew({ claims }: { claims: Claims }) {
  const { ta } = useJointT();
  const { message } = AntApp.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const centerCode = claims.centerCode ?? CENTER_CODE;
  const { items, loading, error: itemsError } = useJointItems(centerCode);
  const [chosen, setChosen] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching, error }, start] = useMutation(StartJointMutation);
  // One key per content sent: a retry of the same request sends the same key (the service opens it
  // once), a changed request gets a new one.
  const lastSent = useRef<{ body: string; key: string } | null>(null);

  const byDepartment = useMemo(() => {
    const groups = new Map<string, { name: string; items: Item[] }>();
    for (const item of items) {
      const group = groups.get(item.department.id) ?? { name: item.department.name, items: [] };
      group.items.push(item);
      groups.set(item.department.id, group);
    }
    return groups;
  }, [items]);
  const chosenItems = items.filter((item) => chosen.includes(item.id));
  const longest = chosenItems.reduce((max, item) => Math.max(max, item.promisedLimitDays ?? 0), 0);
  const departments = new Set(chosenItems.map((item) => item.department.id));

  if (!claims.departmentId) return <Alert type="warning" showIcon title={ta("joint.form.noLead")} />;

  const submit = async (values: Values) => {
    setProblem(null);
    if (departments.size < 2) return setProblem(ta("joint.form.twoDepartments"));
    for (const [departmentId, group] of byDepartment) {
      if (chosenItems.filter((item) => item.department.id === departmentId).length > 1) return setProblem(ta("joint.form.oneEach", { department: group.name }));
    }
    const input = {
      projectName: values.projectName.trim(),
      projectCode: values.projectCode.trim(),
      applicant: { name: values.applicantName.trim(), idNumber: values.idNumber.trim().toUpperCase() },
      leadDepartmentId: claims.departmentId!,
      participants: chosenItems.map((item) => ({ departmentId: item.department.id, itemId: item.id })),
      deadlineWorkingDays: values.deadlineWorkingDays,
      greenChannel: Boolean(values.greenChannel),
    };
    const body = JSON.stringify(input);
    if (lastSent.current?.body !== body) lastSent.current = { body, key: newKey() };
    const result = await start({ input: { ...input, idempotencyKey: lastSent.current.key } });
    if (result.data) {
      void message.success(ta("joint.form.done"));
      navigate(`${BASE}/${result.data.startJointApproval.id}`);
    }
  };

  const failure = errorText(error);
  return (
    <div data-testid="joint-new-page">
      <a className="back-link" href={BASE} onClick={linkHandler(BASE)}>‹ {ta("joint.back")}</a>
      <Typography.Title level={1} style={{ fontSize: 22 }}>{ta("joint.new")}</Typography.Title>
      <Typography.Paragraph>{ta("joint.form.intro")}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ deadlineWorkingDays: 30, greenChannel: false }} data-testid="joint-form" className="joint-form">
        <Card size="small">
          <div className="joint-form-grid">
            <Form.Item name="projectName" label={ta("joint.form.projectName")} rules={[{ required: true, whitespace: true, message: ta("joint.form.required") }]}>
              <Input maxLength={200} data-testid="joint-project-name" />
            </Form.Item>
            <Form.Item name="projectCode" label={ta("joint.form.projectCode")} extra={ta("joint.form.projectCodeHelp")}
              rules={[{ required: true, message: ta("joint.form.required") }, { pattern: /^[A-Za-z0-9-]{4,64}$/, message: ta("joint.error.projectCode") }]}>
              <Input maxLength={64} data-testid="joint-project-code" />
            </Form.Item>
            <Form.Item name="applicantName" label={ta("joint.form.applicantName")} rules={[{ required: true, whitespace: true, message: ta("joint.form.required") }]}>
              <Input maxLength={200} data-testid="joint-applicant-name" />
            </Form.Item>
            <Form.Item name="idNumber" label={ta("joint.form.idNumber")} rules={[{ required: true, message: ta("joint.form.required") }, { pattern: /^[0-9A-Za-z]{18}$/, message: ta("joint.error.idNumber") }]}>
              <Input maxLength={18} data-testid="joint-id-number" />
            </Form.Item>
            <Form.Item name="deadlineWorkingDays" label={ta("joint.form.deadline")} extra={longest ? ta("joint.form.deadlineHelp", { days: longest }) : undefined}
              rules={[{ required: true, message: ta("joint.form.required") }]}>
              <InputNumber min={1} max={250} style={{ width: 160 }} data-testid="joint-deadline" />
            </Form.Item>
            <Form.Item name="greenChannel" label={ta("joint.form.greenChannel")} valuePropName="checked">
              <Switch aria-label={ta("joint.form.greenChannel")} />
            </Form.Item>
          </div>
        </Card>
        <Card size="small" style={{ marginTop: 12 }} title={<h2 className="card-heading">{ta("joint.form.items")}</h2>} extra={<span aria-live="polite">{ta("joint.form.chosen", { count: departments.size })}</span>}>
          <Typography.Paragraph type="secondary">{ta("joint.form.itemsHelp")}</Typography.Paragraph>
          {itemsError ? <ErrorNotice error={itemsError} /> : null}
          {loading && items.length === 0 ? <Spin description={ta("joint.loading")}><div style={{ minHeight: 80 }} /></Spin> : null}
          <div className="joint-departments">
            {[...byDepartment.entries()].map(([departmentId, group]) => (
              <fieldset key={departmentId} className="joint-department" data-testid="joint-department">
                <legend>{group.name}</legend>
                {group.items.map((item) => (
                  <Checkbox key={item.id} checked={chosen.includes(item.id)} data-testid="joint-item" data-item={item.name}
                    onChange={(event) => setChosen(event.target.checked ? [...chosen, item.id] : chosen.filter((id) => id !== item.id))}>
                    {item.name} <Typography.Text type="secondary">（{ta("joint.form.promised", { days: item.promisedLimitDays ?? 0 })}）</Typography.Text>
                  </Checkbox>
                ))}
              </fieldset>
            ))}
          </div>
        </Card>
        {chosenItems.length > 0 ? (
          <Table
            size="small"
            style={{ marginTop: 12 }}
            rowKey="id"
            pagination={false}
            dataSource={chosenItems}
            caption={<span className="visually-hidden">{ta("joint.form.items")}</span>}
            columns={[
              { title: ta("joint.department"), key: "department", render: (_: unknown, item: Item) => item.department.name },
              { title: ta("joint.item"), dataIndex: "name" },
              { title: ta("joint.pdeadline"), dataIndex: "promisedLimitDays", render: (days: number) => ta("joint.form.promised", { days }) },
            ]}
          />
        ) : null}
        {problem || failure ? <Alert type="error" role="alert" showIcon title={problem ?? failure} style={{ marginTop: 12 }} data-testid="joint-form-error" /> : null}
        <Space style={{ marginTop: 12 }}>
          <Button type="primary" htmlType="submit" loading={fetching} data-testid="joint-submit">{ta("joint.form.submit")}</Button>
          <Button href={BASE} onClick={linkHandler(BASE)}>{ta("joint.cancel")}</Button>
        </Space>
      </Form>
    </div>
  );
}
