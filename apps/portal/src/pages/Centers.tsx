import { Alert, Card, Descriptions, Empty, List, Select, Skeleton, Tag, Typography } from "antd";
import { useMemo } from "react";
import { useQuery } from "urql";
import { ErrorNotice } from "../components/ErrorNotice";
import type { ServiceCentersQuery as ServiceCentersResult } from "../gql/graphql";
import { CENTER_CODE } from "../lib/client";
import { useCentersT } from "../lib/messages-centers";
import { ServiceCentersQuery } from "../lib/queries-centers";
import { navigate, useLocation } from "../lib/router";

type Center = ServiceCentersResult["serviceCenters"][number];

/** The portal's red, underlined: Ant Design's link blue is under 4.5:1 on white. */
const PHONE_LINK = { color: "#b71c1c", textDecoration: "underline" } as const;

/** The chosen township is in the address (?t=code), so a link or a reload shows the same. */
function chosenIn(search: URLSearchParams): string | null {
  const code = search.get("t");
  return code && /^\d{12}$/.test(code) ? code : null;
}

function CenterDetails({ center, tc }: { center: Center; tc: ReturnType<typeof useCentersT>["tc"] }) {
  return (
    <Descriptions column={1} size="small" bordered styles={{ label: { whiteSpace: "nowrap", width: "1%" } }}>
      <Descriptions.Item label={tc("centers.address")}>{center.address}</Descriptions.Item>
      <Descriptions.Item label={tc("centers.hours")}>{center.openingHours}</Descriptions.Item>
      <Descriptions.Item label={tc("centers.phone")}>
        <a style={PHONE_LINK} href={`tel:${center.phone.replace(/[^0-9+]/g, "")}`} aria-label={tc("centers.call", { phone: center.phone })}>{center.phone}</a>
      </Descriptions.Item>
      <Descriptions.Item label={tc("centers.handles")}>{center.handles}</Descriptions.Item>
    </Descriptions>
  );
}

/** 就近办: a person chooses their township and sees where to go — the township's center, its village points, the county's hall. */
export function Centers() {
  const { tc } = useCentersT();
  const { search } = useLocation();
  const [{ data, fetching, error }] = useQuery({ query: ServiceCentersQuery, variables: { countyCode: CENTER_CODE } });
  const centers = useMemo(() => data?.serviceCenters ?? [], [data]);
  const county = centers.find((c) => c.level === "COUNTY") ?? null;
  const townships = centers.filter((c) => c.level === "TOWNSHIP");
  const chosen = townships.find((c) => c.code === chosenIn(search)) ?? null;
  const villages = chosen ? centers.filter((c) => c.level === "VILLAGE" && c.parentCode === chosen.code) : [];

  return (
    <div style={{ maxWidth: 760, margin: "0 auto" }} data-testid="centers-page">
      <Typography.Title level={1} style={{ fontSize: 24 }}>{tc("centers.heading")}</Typography.Title>
      <Typography.Paragraph>{tc("centers.intro")}</Typography.Paragraph>
      {error && <ErrorNotice error={error} />}
      {fetching && !data ? (
        <Skeleton active aria-label={tc("centers.loading")} />
      ) : townships.length === 0 && !error ? (
        <Empty description={tc("centers.none")} />
      ) : (
        <>
          <label htmlFor="township-select" style={{ display: "block", fontWeight: 600, marginBottom: 8 }}>{tc("centers.choose")}</label>
          <Select
            id="township-select"
            data-testid="township-select"
            showSearch
            allowClear
            style={{ width: "100%", maxWidth: 420 }}
            placeholder={tc("centers.choosePlaceholder")}
            value={chosen?.code}
            optionFilterProp="label"
            options={townships.map((t) => ({ value: t.code, label: t.name }))}
            onChange={(code?: string) => navigate(code ? `/centers?t=${code}` : "/centers")}
          />
        </>
      )}
      {chosen && (
        <section aria-labelledby="chosen-center" style={{ marginTop: 24 }} data-testid="chosen-center">
          <Card
            title={
              <span id="chosen-center">
                {chosen.name} {!chosen.open && <Tag color="default">{tc("centers.closed")}</Tag>}
              </span>
            }
            extra={<Tag color="red">{tc("centers.township")}</Tag>}
          >
            <CenterDetails center={chosen} tc={tc} />
          </Card>
          <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>{tc("centers.villages")}</Typography.Title>
          <Typography.Paragraph type="secondary">{tc("centers.villageNote")}</Typography.Paragraph>
          {villages.length === 0 ? (
            <Alert type="info" showIcon message={tc("centers.villagesNone")} />
          ) : (
            <List
              data-testid="village-points"
              itemLayout="vertical"
              dataSource={villages}
              renderItem={(v) => (
                <List.Item key={v.code}>
                  <List.Item.Meta title={v.name} description={tc("centers.addressLine", { address: v.address })} />
                  <div>{tc("centers.hoursLine", { hours: v.openingHours })}</div>
                  <div>
                    {tc("centers.phoneLabel")}<a style={PHONE_LINK} href={`tel:${v.phone.replace(/[^0-9+]/g, "")}`} aria-label={tc("centers.call", { phone: v.phone })}>{v.phone}</a>
                  </div>
                </List.Item>
              )}
            />
          )}
        </section>
      )}
      {county && (
        <section aria-labelledby="county-center" style={{ marginTop: 32 }}>
          <Typography.Title level={2} id="county-center" style={{ fontSize: 18 }}>{tc("centers.countyHeading", { name: county.name })}</Typography.Title>
          <Typography.Paragraph type="secondary">{tc("centers.countyNote")}</Typography.Paragraph>
          <CenterDetails center={county} tc={tc} />
        </section>
      )}
    </div>
  );
}
