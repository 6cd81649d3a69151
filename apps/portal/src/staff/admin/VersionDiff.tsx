import { Checkbox, Select, Skeleton, Space, Typography } from "antd";
import { diffChars, diffLines, type ChangeObject } from "diff";
import { useMemo, useState } from "react";
import { useQuery } from "urql";
import type { AdminItemVersionQuery as VersionResult } from "../../gql/graphql";
import type { MessageKey } from "../../lib/messages";
import { AdminError } from "./AdminError";
import { useAdminT, type AdminMessageKey } from "./messages-admin";
import { AdminItemVersionQuery } from "./queries-admin";

type Version = NonNullable<VersionResult["itemVersion"]>;
type Translate = { ta: (key: AdminMessageKey, vars?: Record<string, string | number>) => string; t: (key: MessageKey) => string };

/** Every disclosed field of a version as the text a person compares, in the order of the public page. */
function fieldsOf(version: Version, { ta, t }: Translate): Array<[AdminMessageKey, string]> {
  const yesNo = (value: boolean) => ta(value ? "yes" : "no");
  const days = (value: number | null | undefined) => (value == null ? "—" : String(value));
  return [
    ["field.name", version.name],
    ["field.category", t(`category.${version.category}` as MessageKey)],
    ["field.kind", t(`kind.${version.kind}` as MessageKey)],
    ["field.themes", version.themes.map((theme) => t(`theme.${theme}` as MessageKey)).join("、")],
    ["field.content", version.content],
    ["field.legalBasis", version.legalBasis],
    ["field.conditions", version.conditions],
    ["field.procedure", version.procedure],
    [
      "field.materials",
      version.materials
        .map((m) => [`${m.code} ${m.name}`, t(`form.${m.form}` as MessageKey), ta("diff.copies", { n: m.copies }), ta(m.mandatory ? "material.mandatory" : "material.optional"), m.deferrable ? ta("material.deferrable") : "", m.notes ?? ""].filter(Boolean).join(" · "))
        .join("\n"),
    ],
    ["field.legalLimitDays", String(version.legalLimitDays)],
    ["field.promisedLimitDays", String(version.promisedLimitDays)],
    ["field.stageLimits", [version.stageLimits.acceptanceDays, version.stageLimits.reviewDays, version.stageLimits.approvalDays].map(days).join(" / ")],
    ["field.feeItems", version.feeItems.map((fee) => `${fee.code} ${fee.name}：${fee.description}（${fee.legalBasis}）`).join("\n")],
    ["field.preferentialPolicies", version.preferentialPolicies ?? ""],
    ["field.supervisionContact", version.supervisionContact],
    ["field.maxVisits", String(version.maxVisits)],
    ["field.deemedApproval", yesNo(version.deemedApproval)],
    ["field.vetoEscalation", ta(`veto.${version.vetoEscalation}`)],
    ["field.allowsCommitment", yesNo(version.allowsCommitment)],
    ["field.jointDepartments", version.jointDepartments.map((department) => department.name).join("、")],
    ["field.reportedTo", version.reportedTo ?? ""],
  ];
}

/** The changes between two texts: by character for short ones (Chinese has no spaces to split words on), by line for long lists. */
function changesOf(before: string, after: string): ChangeObject<string>[] {
  return before.length + after.length > 4000 || before.includes("\n") || after.includes("\n") ? diffLines(before, after) : diffChars(before, after);
}

function Side({ parts, side }: { parts: ChangeObject<string>[]; side: "left" | "right" }) {
  const { ta } = useAdminT();
  return (
    <div className="diff-text">
      {parts.map((part, index) => {
        if (side === "left" && part.added) return null;
        if (side === "right" && part.removed) return null;
        if (part.removed) return <del key={index} title={ta("diff.removed")}>{part.value}</del>;
        if (part.added) return <ins key={index} title={ta("diff.added")}>{part.value}</ins>;
        return <span key={index}>{part.value}</span>;
      })}
    </div>
  );
}

/** 版本对比: two versions of an item side by side, what the newer one removed and added marked in each field. */
export function VersionDiff({ itemId, versions }: { itemId: string; versions: number[] }) {
  const { ta, t } = useAdminT();
  const latest = versions[versions.length - 1]!;
  const [left, setLeft] = useState(versions[versions.length - 2]!);
  const [right, setRight] = useState(latest);
  const [showUnchanged, setShowUnchanged] = useState(false);
  const [leftResult] = useQuery({ query: AdminItemVersionQuery, variables: { itemId, version: left } });
  const [rightResult] = useQuery({ query: AdminItemVersionQuery, variables: { itemId, version: right } });
  const options = versions.map((version) => ({ value: version, label: ta("version", { n: version }) }));
  const a = leftResult.data?.itemVersion;
  const b = rightResult.data?.itemVersion;
  const rows = useMemo(() => {
    if (!a || !b) return [];
    const before = fieldsOf(a, { ta, t });
    const after = new Map(fieldsOf(b, { ta, t }));
    return before.map(([key, text]) => {
      const other = after.get(key) ?? "";
      return { key, changed: text !== other, parts: changesOf(text, other) };
    });
  }, [a, b, ta, t]);
  const shown = rows.filter((row) => showUnchanged || row.changed);

  return (
    <div data-testid="admin-diff">
      <Space wrap style={{ marginBottom: 8 }}>
        <label>
          <span className="field-label-inline">{ta("diff.left")}</span>
          <Select value={left} onChange={setLeft} options={options} style={{ minWidth: 110 }} aria-label={ta("diff.left")} data-testid="admin-diff-left" />
        </label>
        <label>
          <span className="field-label-inline">{ta("diff.right")}</span>
          <Select value={right} onChange={setRight} options={options} style={{ minWidth: 110 }} aria-label={ta("diff.right")} data-testid="admin-diff-right" />
        </label>
        <Checkbox checked={showUnchanged} onChange={(event) => setShowUnchanged(event.target.checked)}>{ta("diff.unchanged")}</Checkbox>
      </Space>
      <AdminError error={leftResult.error ?? rightResult.error} />
      {(leftResult.fetching || rightResult.fetching) && !(a && b) ? (
        <Skeleton active aria-label={ta("admin.loading")} />
      ) : shown.length === 0 ? (
        <Typography.Text type="secondary">{ta("diff.same")}</Typography.Text>
      ) : (
        <div className="diff-scroll" tabIndex={0} role="region" aria-label={ta("diff.heading")}>
          <table className="diff-table">
            <caption className="visually-hidden">{ta("diff.heading")}</caption>
            <thead>
              <tr>
                <th scope="col">{ta("diff.field")}</th>
                <th scope="col">{ta("version", { n: left })}</th>
                <th scope="col">{ta("version", { n: right })}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <tr key={row.key} className={row.changed ? "changed" : undefined} data-testid={`admin-diff-row-${row.key.slice("field.".length)}`}>
                  <th scope="row">{ta(row.key)}</th>
                  <td><Side parts={row.parts} side="left" /></td>
                  <td><Side parts={row.parts} side="right" /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
