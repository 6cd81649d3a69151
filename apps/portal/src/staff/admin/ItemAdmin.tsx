import { Alert, Button, type ButtonProps, Card, Descriptions, Empty, Form, Input, InputNumber, Popconfirm, Select, Skeleton, Space, Tag, Typography } from "antd";
import { useMemo, useState, type ReactNode } from "react";
import { useMutation, useQuery, type CombinedError } from "urql";
import type { AdminItemQuery as AdminItemResult, ItemDraftInput } from "../../gql/graphql";
import { formatDateTime } from "../../lib/format";
import { linkHandler } from "../../lib/router";
import { answerTo } from "../../lib/search-answer";
import { AdminError } from "./AdminError";
import { itemPath } from "./CatalogList";
import { useAdminT, type AdminMessageKey } from "./messages-admin";
import { word, type AreaNotice } from "./notice";
import { AdminItemQuery, AdminItemsQuery, CancelItemMutation, EditItemDraftMutation, MergeItemMutation, PublishItemVersionMutation, ReviseItemMutation } from "./queries-admin";
import { VersionDiff } from "./VersionDiff";

type Item = NonNullable<AdminItemResult["item"]>;
type Draft = NonNullable<Item["draft"]>;

interface DraftValues {
  name: string;
  content: string;
  legalBasis: string;
  conditions: string;
  procedure: string;
  legalLimitDays: number;
  promisedLimitDays: number;
  acceptanceDays: number | null;
  reviewDays: number | null;
  approvalDays: number | null;
  maxVisits: number;
  preferentialPolicies: string;
  supervisionContact: string;
}

type Notice = AreaNotice<AdminMessageKey>;

/** One item as administration works on it: its draft, publication, retirement, history and the diff of two versions. */
export function ItemAdmin({ itemId, centerCode }: { itemId: string; centerCode: string }) {
  const { ta } = useAdminT();
  const [result] = useQuery({ query: AdminItemQuery, variables: { id: itemId }, requestPolicy: "cache-and-network" });
  const [notice, setNotice] = useState<Notice>(null);
  const back = (
    <a href="/staff/admin/catalog" onClick={linkHandler("/staff/admin/catalog")} className="back-link">← {ta("item.back")}</a>
  );
  if (result.fetching && !result.data) return <Skeleton active aria-label={ta("admin.loading")} />;
  const item = result.data?.item;
  if (!item) return <Space orientation="vertical">{back}<AdminError error={result.error} />{!result.error && <Empty description={ta("item.notFound")} />}</Space>;

  const published = item.history.length > 0;
  const versions = [...item.history.map((version) => version.version), ...(item.draft ? [item.draft.version] : [])];
  return (
    <article data-testid="admin-item" aria-labelledby="admin-item-name">
      {back}
      <Typography.Title level={2} id="admin-item-name" style={{ fontSize: 20, marginTop: 12, wordBreak: "break-word" }}>{item.name}</Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Tag data-testid="admin-item-status">{ta(`status.${item.status}`)}</Tag>
        {item.draft && <Tag>{ta("draft.heading", { n: item.draft.version })}</Tag>}
        {published && item.status === "ACTIVE" && (
          <a href={`/items/${encodeURIComponent(item.id)}`} onClick={linkHandler(`/items/${encodeURIComponent(item.id)}`)} data-testid="admin-item-public">{ta("item.public")}</a>
        )}
      </Space>
      <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2 }} bordered>
        <Descriptions.Item label={ta("item.code")}><span className="mono break">{item.code}</span></Descriptions.Item>
        <Descriptions.Item label={ta("item.department")}>{item.department.name}</Descriptions.Item>
        <Descriptions.Item label={ta("item.current")}>
          <span data-testid="admin-item-current">{published ? ta("version", { n: item.history[item.history.length - 1]!.version }) : ta("item.none")}</span>
        </Descriptions.Item>
        <Descriptions.Item label={ta("item.publishedAt")}>{item.publishedAt ? formatDateTime(item.publishedAt) : "—"}</Descriptions.Item>
      </Descriptions>
      {item.retiredAt && (
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          showIcon
          title={ta("item.retired", { when: formatDateTime(item.retiredAt), reason: item.retiredReason ?? "" })}
          description={item.mergedInto ? <>{ta("item.mergedInto")} <a href={itemPath(item.mergedInto.id)} onClick={linkHandler(itemPath(item.mergedInto.id))}>{item.mergedInto.name}</a></> : undefined}
        />
      )}
      <div aria-live="polite" style={{ marginTop: 12 }} data-testid="admin-item-notice">
        {notice?.kind === "success" && <Alert type="success" showIcon title={word(ta, notice)} role="status" />}
        {notice?.kind === "error" && <AdminError error={notice.error} />}
      </div>
      <div className="admin-item-grid">
        <DraftCard item={item} onNotice={setNotice} />
        {item.status === "ACTIVE" && <RetireCard item={item} centerCode={centerCode} onNotice={setNotice} />}
        <HistoryCard item={item} />
        <Card size="small" title={<h3 className="card-heading">{ta("diff.heading")}</h3>} data-testid="admin-diff-card">
          {versions.length < 2 ? <Typography.Text type="secondary">{ta("diff.needTwo")}</Typography.Text> : <VersionDiff itemId={item.id} versions={versions} />}
        </Card>
      </div>
    </article>
  );
}

function CardTitle({ children }: { children: ReactNode }) {
  return <h3 className="card-heading">{children}</h3>;
}

function DraftCard({ item, onNotice }: { item: Item; onNotice: (notice: Notice) => void }) {
  const { ta } = useAdminT();
  const [revising, revise] = useMutation(ReviseItemMutation);
  const retired = item.status !== "ACTIVE";
  if (!item.draft) {
    return (
      <Card size="small" title={<CardTitle>{ta("draft.none")}</CardTitle>} data-testid="admin-draft-card">
        {!retired && item.history.length > 0 && (
          <Button
            type="primary"
            loading={revising.fetching}
            data-testid="admin-draft-start"
            onClick={async () => {
              onNotice(null);
              const answer = await revise({ itemId: item.id, input: {} });
              if (answer.error) onNotice({ kind: "error", error: answer.error });
              else onNotice({ kind: "success", key: "draft.started", vars: { n: answer.data!.reviseItem.version } });
            }}
          >
            {ta("draft.start")}
          </Button>
        )}
      </Card>
    );
  }
  return <DraftEditor key={`${item.id}@${item.draft.version}`} item={item} draft={item.draft} onNotice={onNotice} />;
}

function DraftEditor({ item, draft, onNotice }: { item: Item; draft: Draft; onNotice: (notice: Notice) => void }) {
  const { ta } = useAdminT();
  const [form] = Form.useForm<DraftValues>();
  const [saving, save] = useMutation(EditItemDraftMutation);
  const [publishing, publish] = useMutation(PublishItemVersionMutation);
  const [changeNote, setChangeNote] = useState("");
  const initial: DraftValues = useMemo(
    () => ({
      name: draft.name,
      content: draft.content,
      legalBasis: draft.legalBasis,
      conditions: draft.conditions,
      procedure: draft.procedure,
      legalLimitDays: draft.legalLimitDays,
      promisedLimitDays: draft.promisedLimitDays,
      acceptanceDays: draft.stageLimits.acceptanceDays ?? null,
      reviewDays: draft.stageLimits.reviewDays ?? null,
      approvalDays: draft.stageLimits.approvalDays ?? null,
      maxVisits: draft.maxVisits,
      preferentialPolicies: draft.preferentialPolicies ?? "",
      supervisionContact: draft.supervisionContact,
    }),
    [draft],
  );
  const toInput = (values: DraftValues): ItemDraftInput => ({
    name: values.name,
    content: values.content,
    legalBasis: values.legalBasis,
    conditions: values.conditions,
    procedure: values.procedure,
    legalLimitDays: values.legalLimitDays,
    promisedLimitDays: values.promisedLimitDays,
    stageLimits: { acceptanceDays: values.acceptanceDays, reviewDays: values.reviewDays, approvalDays: values.approvalDays },
    maxVisits: values.maxVisits,
    preferentialPolicies: values.preferentialPolicies.trim() || null,
    supervisionContact: values.supervisionContact,
  });
  const saveDraft = async (values: DraftValues): Promise<boolean> => {
    onNotice(null);
    const answer = await save({ itemId: item.id, version: draft.version, input: toInput(values) });
    if (answer.error) {
      onNotice({ kind: "error", error: answer.error });
      return false;
    }
    return true;
  };
  const required = [{ required: true, whitespace: true, message: ta("admin.required") }];
  const days = (name: keyof DraftValues, optional = false) => (
    <Form.Item name={name} label={ta(`field.${name}` as "field.legalLimitDays")} rules={optional ? [] : [{ required: true, message: ta("admin.required") }]}>
      <InputNumber min={0} max={365} precision={0} style={{ width: "100%" }} data-testid={`admin-draft-${name}`} />
    </Form.Item>
  );
  return (
    <Card size="small" title={<CardTitle>{ta("draft.heading", { n: draft.version })}</CardTitle>} data-testid="admin-draft-card">
      <Form<DraftValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        requiredMark={false}
        onFinish={async (values) => {
          if (await saveDraft(values)) onNotice({ kind: "success", key: "draft.saved" });
        }}
        data-testid="admin-draft-form"
      >
        <Form.Item name="name" label={ta("field.name")} rules={required}>
          <Input maxLength={200} data-testid="admin-draft-name" />
        </Form.Item>
        <Form.Item name="content" label={ta("field.content")} rules={required}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} data-testid="admin-draft-content" />
        </Form.Item>
        <Form.Item name="legalBasis" label={ta("field.legalBasis")} rules={required}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
        </Form.Item>
        <Form.Item name="conditions" label={ta("field.conditions")} rules={required}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} data-testid="admin-draft-conditions" />
        </Form.Item>
        <Form.Item name="procedure" label={ta("field.procedure")} rules={required}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} />
        </Form.Item>
        <div className="form-row">
          {days("legalLimitDays")}
          {days("promisedLimitDays")}
          {days("maxVisits")}
        </div>
        <div className="form-row">
          {days("acceptanceDays", true)}
          {days("reviewDays", true)}
          {days("approvalDays", true)}
        </div>
        <Form.Item name="preferentialPolicies" label={ta("field.preferentialPolicies")}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} />
        </Form.Item>
        <Form.Item name="supervisionContact" label={ta("field.supervisionContact")} rules={required}>
          <Input maxLength={500} />
        </Form.Item>
        <Button htmlType="submit" loading={saving.fetching} data-testid="admin-draft-save">{ta("draft.save")}</Button>
      </Form>
      <div className="publish-box">
        <label htmlFor="admin-change-note" className="field-label">{ta("draft.changeNote")}</label>
        <Input.TextArea id="admin-change-note" value={changeNote} onChange={(event) => setChangeNote(event.target.value)} maxLength={1000} autoSize={{ minRows: 2, maxRows: 6 }} data-testid="admin-change-note" />
        <Popconfirm
          title={ta("draft.publishConfirm", { n: draft.version })}
          okText={ta("draft.publish")}
          cancelText={ta("admin.cancelAction")}
          okButtonProps={{ "data-testid": "admin-publish-confirm" } as ButtonProps}
          onConfirm={async () => {
            // What is in the form is what gets published: save it first, then publish.
            const values = await form.validateFields().catch(() => null);
            if (!values || !(await saveDraft(values))) return;
            const answer = await publish({ itemId: item.id, version: draft.version, changeNote: changeNote.trim() || null });
            if (answer.error) onNotice({ kind: "error", error: answer.error });
            else onNotice({ kind: "success", key: "draft.published", vars: { n: draft.version } });
          }}
        >
          <Button type="primary" loading={publishing.fetching} style={{ marginTop: 8 }} data-testid="admin-publish">{ta("draft.publish")}</Button>
        </Popconfirm>
      </div>
    </Card>
  );
}

function RetireCard({ item, centerCode, onNotice }: { item: Item; centerCode: string; onNotice: (notice: Notice) => void }) {
  const { ta } = useAdminT();
  const [reason, setReason] = useState("");
  const [target, setTarget] = useState<string | null>(null);
  const [search, setSearch] = useState("");
  const [cancelling, cancel] = useMutation(CancelItemMutation);
  const [merging, merge] = useMutation(MergeItemMutation);
  const [candidates] = useQuery({
    query: AdminItemsQuery,
    variables: { centerCode, keyword: search.trim() || null, status: "ACTIVE", first: 10, after: null },
    pause: search.trim().length === 0,
  });
  const options = (answerTo(candidates, search.trim() || null)?.administeredItems.nodes ?? [])
    .filter((candidate) => candidate.id !== item.id && candidate.versionStatus === "PUBLISHED")
    .map((candidate) => ({ value: candidate.id, label: `${candidate.name}（${candidate.code}）` }));
  const done = (error: CombinedError | undefined) => onNotice(error ? { kind: "error", error } : { kind: "success", key: "retire.done" });
  const noReason = reason.trim().length === 0;
  return (
    <Card size="small" title={<CardTitle>{`${ta("retire.cancel")} · ${ta("retire.merge")}`}</CardTitle>} data-testid="admin-retire-card">
      <label htmlFor="admin-retire-reason" className="field-label">{ta("retire.reason")}</label>
      <Input.TextArea id="admin-retire-reason" value={reason} onChange={(event) => setReason(event.target.value)} maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
      <Space wrap style={{ marginTop: 8 }}>
        <Popconfirm
          title={ta("retire.cancelConfirm")}
          okText={ta("retire.cancel")}
          cancelText={ta("admin.cancelAction")}
          onConfirm={async () => done((await cancel({ itemId: item.id, reason: reason.trim() })).error)}
          disabled={noReason}
        >
          <Button danger disabled={noReason} loading={cancelling.fetching}>{ta("retire.cancel")}</Button>
        </Popconfirm>
      </Space>
      <label htmlFor="admin-merge-into" className="field-label" style={{ marginTop: 16 }}>{ta("retire.into")}</label>
      <Select
        id="admin-merge-into"
        showSearch={{ filterOption: false, onSearch: setSearch }}
        value={target}
        onChange={setTarget}
        options={options}
        loading={candidates.fetching}
        style={{ width: "100%" }}
        notFoundContent={null}
      />
      <Popconfirm
        title={ta("retire.mergeConfirm")}
        okText={ta("retire.merge")}
        cancelText={ta("admin.cancelAction")}
        onConfirm={async () => target && done((await merge({ itemId: item.id, intoItemId: target, reason: reason.trim() })).error)}
        disabled={noReason || !target}
      >
        <Button danger disabled={noReason || !target} loading={merging.fetching} style={{ marginTop: 8 }}>{ta("retire.merge")}</Button>
      </Popconfirm>
    </Card>
  );
}

function HistoryCard({ item }: { item: Item }) {
  const { ta } = useAdminT();
  return (
    <Card size="small" title={<CardTitle>{ta("history.heading")}</CardTitle>} data-testid="admin-history">
      {item.history.length === 0 ? (
        <Typography.Text type="secondary">{ta("history.empty")}</Typography.Text>
      ) : (
        <ol className="history-list" reversed>
          {[...item.history].reverse().map((version) => (
            <li key={version.version} data-testid={`admin-history-${version.version}`}>
              <strong>{ta("version", { n: version.version })}</strong> · {version.publishedAt ? formatDateTime(version.publishedAt) : ""}
              {version.changeNote && <div>{ta("history.note")}：{version.changeNote}</div>}
              {version.changes.length === 0 ? (
                <div className="muted">{ta("history.noChanges")}</div>
              ) : (
                <ul className="change-list">
                  {version.changes.map((change, index) => <li key={index}>{change.description}</li>)}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
