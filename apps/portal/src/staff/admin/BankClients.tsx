import { Alert, Button, Card, Empty, Input, Popconfirm, Skeleton, Table, Tag, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import { useMutation, useQuery } from "urql";
import type { HallAdminBankClientsQuery } from "../../gql/graphql";
import { formatDateTime } from "../../lib/format";
import { AdminError } from "./AdminError";
import { HallNotice, type Notice } from "./HallNotice";
import { useHallAdminT } from "./messages-hall-admin";
import { BankClientsQuery, CreateBankClientMutation, RevokeBankClientSecretMutation, RotateBankClientSecretMutation } from "./queries-hall-admin";

type Client = HallAdminBankClientsQuery["bankClients"][number];
type Secret = Client["secrets"][number];
interface Issued {
  clientId: string;
  name: string;
  secret: string;
}

/**
 * 银行代收点: the center's machine clients (a county has one or two banks' collection points, so
 * the list comes whole). A secret is shown once, above the list, and never kept by the page.
 */
export function BankClients({ centerCode }: { centerCode: string }) {
  const { ta: th } = useHallAdminT();
  const [result, reload] = useQuery({ query: BankClientsQuery, variables: { centerCode }, requestPolicy: "cache-and-network" });
  const [notice, setNotice] = useState<Notice>(null);
  const [issued, setIssued] = useState<Issued | null>(null);
  const [name, setName] = useState("");
  const [creating, create] = useMutation(CreateBankClientMutation);
  const [rotating, rotate] = useMutation(RotateBankClientSecretMutation);
  const clients = result.data?.bankClients ?? [];

  return (
    <section aria-labelledby="bank-heading" data-testid="admin-bank">
      <Typography.Title level={2} id="bank-heading" style={{ fontSize: 18 }}>{th("bank.heading")}</Typography.Title>
      <Typography.Paragraph type="secondary">{th("bank.intro")}</Typography.Paragraph>
      <AdminError error={result.error} />
      <HallNotice notice={notice} testId="admin-bank-notice" />
      {issued && <IssuedSecret issued={issued} onSaved={() => setIssued(null)} />}
      {!result.data && result.fetching ? (
        <Skeleton active aria-label={th("common.loading")} />
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={th("bank.heading")}>
          <Table<Client>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={clients}
            locale={{ emptyText: <Empty description={th("common.none")} /> }}
            data-testid="admin-bank-table"
            columns={[
              { key: "name", title: th("bank.col.name"), render: (_: unknown, client: Client) => client.name },
              { key: "id", title: th("bank.col.client"), render: (_: unknown, client: Client) => <span className="mono">{client.id}</span> },
              { key: "created", title: th("bank.col.created"), render: (_: unknown, client: Client) => formatDateTime(client.createdAt) },
              {
                key: "secrets",
                title: th("bank.col.secrets"),
                render: (_: unknown, client: Client) => (
                  <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
                    {client.secrets.map((secret) => <SecretLine key={secret.id} client={client} secret={secret} onNotice={setNotice} />)}
                  </ul>
                ),
              },
              {
                key: "actions",
                title: "",
                render: (_: unknown, client: Client) => (
                  <Button
                    size="small"
                    loading={rotating.fetching}
                    data-testid="admin-bank-rotate"
                    onClick={async () => {
                      setNotice(null);
                      const answer = await rotate({ clientId: client.id });
                      if (answer.error || !answer.data) setNotice(answer.error ? { kind: "error", error: answer.error } : null);
                      else setIssued({ clientId: client.id, name: client.name, secret: answer.data.rotateBankClientSecret.clientSecret });
                    }}
                  >
                    {th("bank.rotate")}
                  </Button>
                ),
              },
            ]}
          />
        </div>
      )}
      <Card size="small" className="no-print" title={<h3 className="card-heading">{th("bank.new")}</h3>} style={{ marginTop: 16 }} data-testid="admin-bank-new">
        <form
          className="area-filters"
          onSubmit={async (event) => {
            event.preventDefault();
            if (!name.trim()) return;
            setNotice(null);
            const answer = await create({ input: { centerCode, name: name.trim() } });
            if (answer.error || !answer.data) setNotice(answer.error ? { kind: "error", error: answer.error } : null);
            else {
              const created = answer.data.createBankClient;
              setIssued({ clientId: created.client.id, name: created.client.name, secret: created.clientSecret });
              setName("");
              reload({ requestPolicy: "network-only" });
            }
          }}
        >
          <label htmlFor="bank-name" className="field-label-inline">{th("bank.name")}</label>
          <Input id="bank-name" value={name} onChange={(event) => setName(event.target.value)} maxLength={100} style={{ maxWidth: 360 }} data-testid="admin-bank-name" />
          <Button type="primary" htmlType="submit" disabled={!name.trim()} loading={creating.fetching} data-testid="admin-bank-create">{th("bank.create")}</Button>
        </form>
      </Card>
    </section>
  );
}

/**
 * The secret just made, in the page above the list until the administrator says it is saved:
 * then it is gone from the page's state, and nothing can show it again.
 */
function IssuedSecret({ issued, onSaved }: { issued: Issued; onSaved: () => void }) {
  const { ta: th } = useHallAdminT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [issued]);
  return (
    <Card
      size="small"
      role="region"
      aria-labelledby="bank-secret-heading"
      title={<h3 id="bank-secret-heading" className="card-heading" tabIndex={-1} ref={heading}>{th("bank.secretTitle")}</h3>}
      style={{ marginBottom: 16, borderColor: "#d48806" }}
      data-testid="admin-bank-secret"
    >
      <Alert type="warning" showIcon title={th("bank.secretOnce")} style={{ marginBottom: 12 }} />
      <p>{issued.name}</p>
      <dl style={{ margin: 0 }}>
        <dt>{th("bank.clientId")}</dt>
        <dd style={{ marginLeft: 0, marginBottom: 8, wordBreak: "break-all" }}><Typography.Text className="mono" copyable>{issued.clientId}</Typography.Text></dd>
        <dt>{th("bank.clientSecret")}</dt>
        <dd style={{ marginLeft: 0, wordBreak: "break-all" }}><span data-testid="admin-bank-secret-value"><Typography.Text className="mono" copyable>{issued.secret}</Typography.Text></span></dd>
      </dl>
      <Button type="primary" style={{ marginTop: 12 }} onClick={onSaved} data-testid="admin-bank-secret-done">{th("bank.saved")}</Button>
    </Card>
  );
}

function SecretLine({ client, secret, onNotice }: { client: Client; secret: Secret; onNotice: (notice: Notice) => void }) {
  const { ta: th } = useHallAdminT();
  const [state, revoke] = useMutation(RevokeBankClientSecretMutation);
  return (
    <li data-testid="admin-bank-secret-line" data-revoked={secret.revokedAt ? "yes" : "no"}>
      <span>{th("bank.secret", { id: secret.id.slice(0, 8), at: formatDateTime(secret.createdAt) })}</span>{" "}
      {secret.revokedAt ? (
        <Tag>{th("bank.secretRevoked", { at: formatDateTime(secret.revokedAt) })}</Tag>
      ) : (
        <Popconfirm
          title={th("bank.revokeConfirm")}
          okText={th("bank.revoke")}
          cancelText={th("common.cancel")}
          onConfirm={async () => {
            onNotice(null);
            const answer = await revoke({ clientId: client.id, secretId: secret.id });
            onNotice(answer.error ? { kind: "error", error: answer.error } : { kind: "success", key: "bank.revoked" });
          }}
        >
          <Button size="small" danger type="link" loading={state.fetching} data-testid="admin-bank-revoke">{th("bank.revoke")}</Button>
        </Popconfirm>
      )}
    </li>
  );
}
