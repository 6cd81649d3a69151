import { randomUUID } from "node:crypto";
import { IDENTITY_HEADER, signIdentity, type Clock, type Identity } from "@onestop/platform";
import { developmentIdentityKeyring, eventually, graphql, mintAccessToken, type GraphqlResponse, type KeyFiles } from "@onestop/testkit";

/**
 * A county set up the way the real system requires, for the joint-approval tests: departments
 * and their staff, letters and chief representatives through staffing, joint items through
 * catalog; then the bureau's calls, and the departments' acts on their joint cases in cases.
 */

export type Service = "staffing" | "catalog" | "cases" | "fees" | "parallel-approval";
export type Call = <T = Record<string, unknown>>(service: Service, identity: Identity, query: string, variables?: Record<string, unknown>) => Promise<GraphqlResponse<T>>;

/** Through the gateway, with an access token for the identity. */
export function gatewayCaller(gatewayUrl: () => string, keys: KeyFiles): Call {
  const tokens = new Map<string, Promise<string>>();
  return (_service, identity, query, variables = {}) => {
    const key = JSON.stringify(identity);
    let token = tokens.get(key);
    if (!token) {
      token = mintAccessToken(keys, identity);
      tokens.set(key, token);
    }
    return token.then((t) => graphql(gatewayUrl(), query, variables, { token: t }));
  };
}

/** Straight to each subgraph, with a signed identity as the gateway would forward it. */
export function subgraphCaller(urls: (service: Service) => string, keys: KeyFiles, clock: Clock = { now: () => new Date() }): Call {
  const keyring = developmentIdentityKeyring(keys);
  return (service, identity, query, variables = {}) =>
    graphql(urls(service), query, variables, {
      headers: { [IDENTITY_HEADER]: signIdentity(identity, `req-${randomUUID()}`, keyring.keyFor(service), clock.now()) },
    });
}

export function ok<T>(response: GraphqlResponse<T>): T {
  if (response.errors?.length || !response.data) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
  return response.data;
}

export function errorOf(response: GraphqlResponse<unknown>): Record<string, unknown> | undefined {
  return response.errors?.[0]?.extensions;
}

export interface DepartmentSpec {
  code: string;
  name: string;
}

export interface ItemSpec {
  key: string;
  department: string;
  name: string;
  kind?: "JOINT" | "PROMISED";
  promisedLimitDays: number;
  deemedApproval?: boolean;
  vetoEscalation?: "NONE" | "DEPARTMENT_HEAD" | "COUNTY_HEAD_MEETING";
  feeFen?: number;
}

export interface CountyDepartment {
  id: string;
  code: string;
  name: string;
  /** Window staff: may accept and pre-review joint cases, never decide them nor sign a veto. */
  clerk: Identity;
  /** 首席代表: the department's letter gives them the approval power (批准). */
  chief: Identity;
  /** 单位主要负责人: signs the department's vetoes, by office. */
  principal: Identity;
}

export interface JointCounty {
  centerCode: string;
  admin: Identity;
  departments: Record<string, CountyDepartment>;
  items: Record<string, { id: string; departmentId: string; promisedLimitDays: number }>;
  bureauOf(departmentCode: string): Identity;
}

const staff = (subject: string, centerCode: string, departmentId: string, roles: Identity["roles"]): Identity => ({ subject, roles, centerCode, departmentId, windowId: null });

export async function buildJointCounty(
  call: Call,
  spec: { centerCode: string; departments: DepartmentSpec[]; items: ItemSpec[]; leadDepartment: string },
): Promise<JointCounty> {
  const { centerCode } = spec;
  const admin: Identity = { subject: `admin-${randomUUID().slice(0, 8)}`, roles: ["center_admin"], centerCode, departmentId: null, windowId: null };
  const departments: Record<string, CountyDepartment> = {};
  for (const department of spec.departments) {
    const { registerDepartment } = ok(
      await call<{ registerDepartment: { id: string } }>("staffing", admin, `mutation ($i: RegisterDepartmentInput!) { registerDepartment(input: $i) { id } }`, {
        i: { centerCode, code: department.code, name: department.name },
      }),
    );
    const register = async (suffix: string, name: string) =>
      ok(
        await call<{ registerStaff: { id: string } }>("staffing", admin, `mutation ($i: RegisterStaffInput!) { registerStaff(input: $i) { id } }`, {
          i: { centerCode, code: `${department.code}${suffix}`, name, departmentId: registerDepartment.id },
        }),
      ).registerStaff.id;
    const clerkId = await register("01", `${department.name}窗口`);
    const chiefId = await register("00", `${department.name}首席代表`);
    const principalId = await register("10", `${department.name}主要负责人`);
    const grant = async (staffId: string, acts: string[]) =>
      ok(await call("staffing", admin, `mutation ($i: GrantAuthorizationInput!) { grantAuthorization(input: $i) { id } }`, { i: { staffId, departmentId: registerDepartment.id, acts } }));
    const appoint = (mutation: string, input: string, staffId: string) =>
      call("staffing", admin, `mutation ($i: ${input}!) { ${mutation}(input: $i) { id } }`, { i: { departmentId: registerDepartment.id, staffId } });
    ok(await appoint("appointChiefRepresentative", "AppointChiefRepresentativeInput", chiefId));
    ok(await appoint("appointDepartmentPrincipal", "AppointDepartmentPrincipalInput", principalId));
    await grant(clerkId, ["ACCEPT", "PRE_REVIEW_JOINT", "DELIVER"]);
    await grant(chiefId, ["ACCEPT", "PRE_REVIEW_JOINT", "DELIVER", "APPROVE", "RECORD_HIGHER_AUTHORITY_RESULT", "APPROVE_EXTENSION"]);
    departments[department.code] = {
      id: registerDepartment.id,
      code: department.code,
      name: department.name,
      clerk: staff(clerkId, centerCode, registerDepartment.id, ["window_staff"]),
      chief: staff(chiefId, centerCode, registerDepartment.id, ["chief_representative"]),
      principal: staff(principalId, centerCode, registerDepartment.id, ["department_principal"]),
    };
  }

  const items: JointCounty["items"] = {};
  for (const [index, item] of spec.items.entries()) {
    const department = departments[item.department]!;
    const kind = item.kind ?? "JOINT";
    if (item.feeFen) {
      // Fees issues payment notices only for a department with its one fee account at the collection bank.
      await eventually(async () => {
        const result = await call("fees", admin, `mutation ($i: ConfigureFeeAccountInput!) { configureFeeAccount(input: $i) { id } }`, {
          i: { departmentId: department.id, accountNo: "6217000010001234567", accountName: `${department.name}非税收入专户`, bankName: "中国建设银行某某县支行" },
        });
        if (errorOf(result)?.code === "UNKNOWN_DEPARTMENT") return null;
        return ok(result);
      }, 20_000);
    }
    const input = {
      centerCode,
      departmentId: department.id,
      baseCode: `XK${String(10000 + index).padStart(5, "0")}${String(Math.floor(Math.random() * 1000)).padStart(3, "0")}`,
      agencyCreditCode: "115117220086510033",
      name: item.name,
      category: "ADMINISTRATIVE_LICENCE",
      kind,
      content: item.name,
      legalBasis: "《企业投资项目核准和备案管理条例》",
      conditions: "项目符合规划",
      procedure: "申请、受理、审查、决定",
      materials: [
        { code: "M01", name: "申请表", form: "ORIGINAL" },
        { code: "M02", name: "项目选址图", form: "COPY" },
      ],
      legalLimitDays: Math.max(20, item.promisedLimitDays),
      promisedLimitDays: item.promisedLimitDays,
      feeItems: item.feeFen ? [{ code: "F01", name: `${item.name}费`, kind: "FIXED", amountFen: item.feeFen, legalBasis: "收费文件" }] : [],
      supervisionContact: "0818-5222110",
      maxVisits: 1,
      deemedApproval: item.deemedApproval ?? false,
      vetoEscalation: item.vetoEscalation ?? "NONE",
      jointDepartmentIds: kind === "JOINT" ? [departments[spec.leadDepartment === item.department ? spec.departments.find((d) => d.code !== item.department)!.code : spec.leadDepartment]!.id] : [],
    };
    // Catalog learns of a department through an event: the first attempts may come too early.
    const created = await eventually(async () => {
      const result = await call<{ createItem: { id: string } }>("catalog", admin, `mutation ($i: CreateItemInput!) { createItem(input: $i) { id } }`, { i: input });
      if (errorOf(result)?.code === "UNKNOWN_DEPARTMENT") return null;
      return ok(result).createItem;
    }, 20_000);
    ok(await call("catalog", admin, `mutation ($id: ID!) { publishItemVersion(itemId: $id, version: 1) { id } }`, { id: created.id }));
    items[item.key] = { id: created.id, departmentId: department.id, promisedLimitDays: item.promisedLimitDays };
  }

  const county: JointCounty = {
    centerCode,
    admin,
    departments,
    items,
    bureauOf: (code) => ({ subject: `bureau-${code}`, roles: ["bureau"], centerCode, departmentId: departments[code]!.id, windowId: null }),
  };
  await untilParallelApprovalKnows(call, county, spec.leadDepartment);
  return county;
}

/**
 * Waits until parallel-approval's replicas know every department and item: a request with a
 * deadline of one working day names each item and is refused for the deadline (or the kind),
 * no longer for an unknown department or item. Nothing is started by it.
 */
async function untilParallelApprovalKnows(call: Call, county: JointCounty, lead: string): Promise<void> {
  const bureau = county.bureauOf(lead);
  for (const item of Object.values(county.items)) {
    const other = Object.values(county.departments).find((d) => d.id !== item.departmentId)!;
    await eventually(async () => {
      const result = await call("parallel-approval", bureau, START, {
        input: {
          projectName: "探测",
          projectCode: `PROBE-${randomUUID().slice(0, 8)}`,
          applicant: { name: "探测", idNumber: "91350100M000100Y43" },
          leadDepartmentId: bureau.departmentId,
          participants: [
            { departmentId: item.departmentId, itemId: item.id },
            { departmentId: other.id, itemId: "no-such-item" },
          ],
          deadlineWorkingDays: 1,
          idempotencyKey: randomUUID(),
        },
      });
      const problems = (errorOf(result)?.problems ?? []) as Array<{ code: string; field: string }>;
      const unknown = problems.some((p) => p.code === "UNKNOWN_DEPARTMENT" || (p.code === "UNKNOWN_ITEM" && p.field === "input.participants.0.itemId"));
      return problems.length > 0 && !unknown ? true : null;
    }, 20_000);
  }
}

export const JOINT_FIELDS = `
  id centerCode projectCode projectName greenChannel status paused deadlineWorkingDays deadline deadlineDay
  usedWorkingDays remainingWorkingDays warningLevel timedOutAt openedAt openedBy concludedAt conclusionReason
  outcomesCounted approvalsCounted
  applicant { name idNumber subject }
  leadDepartment { id }
  participants {
    id department { id } departmentName item { id } itemName itemVersion promisedWorkingDays deemedConsentAllowed vetoEscalation
    status caseStatus case { id } receiptNo handler { id } opinion acceptedAt deadline deadlineDay usedWorkingDays remainingWorkingDays
    warningLevel outcome concludedAt deemedConsentRequestedAt timedOutAt withdrawalRequestedAt urgeCount lastUrgedAt
  }
  history { seq at kind participantId actor note details }
`;

export const START = `mutation ($input: StartJointApprovalInput!) { startJointApproval(input: $input) { ${JOINT_FIELDS} } }`;
export const READ = `query ($id: ID!) { jointApproval(id: $id) { ${JOINT_FIELDS} } }`;
export const URGE = `mutation ($j: ID!, $p: ID!, $n: String, $k: String!) { urgeParticipant(jointApprovalId: $j, participantId: $p, note: $n, idempotencyKey: $k) { ${JOINT_FIELDS} } }`;
export const WITHDRAW = `mutation ($id: ID!, $r: String!) { withdrawJointApproval(id: $id, reason: $r) { ${JOINT_FIELDS} } }`;
export const LIST = `query ($f: JointApprovalFilter, $first: Int, $after: String) {
  jointApprovals(filter: $f, first: $first, after: $after) { edges { cursor node { id projectCode status } } pageInfo { hasNextPage endCursor } } }`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JointView = Record<string, any>;

/** The departments' acts on their cases, as their staff: each retried while cases' replicas catch up. */
export function caseActs(call: Call) {
  const act = async (identity: Identity, mutation: string, variables: Record<string, unknown>) =>
    eventually(async () => {
      const result = await call<Record<string, { id: string; status: string }>>("cases", identity, mutation, variables);
      // A letter or an item not replicated into cases yet reads as forbidden or unknown: try again.
      if (["FORBIDDEN", "UNKNOWN_ITEM", "NOT_DEPARTMENT_PRINCIPAL"].includes(String(errorOf(result)?.code))) return null;
      return Object.values(ok(result))[0]!;
    }, 20_000);
  return {
    accept: (identity: Identity, id: string) => act(identity, `mutation ($id: ID!) { acceptCase(caseId: $id, idempotencyKey: "accept") { id status } }`, { id }),
    /** A retry of the same review is recognised by its key; a second review (after an overruled veto) takes another. */
    review: (identity: Identity, id: string, opinion = "材料齐全，符合要求", key = "review") =>
      act(identity, `mutation ($id: ID!, $o: String!, $k: String) { reviewCase(caseId: $id, opinion: $o, idempotencyKey: $k) { id status } }`, { id, o: opinion, k: key }),
    decide: (identity: Identity, id: string, decision: "APPROVE" | "DENY", opinion: string, key: string | null = null) =>
      act(identity, `mutation ($id: ID!, $d: Decision!, $o: String!, $k: String) { decideCase(caseId: $id, decision: $d, opinion: $o, idempotencyKey: $k) { id status } }`, { id, d: decision, o: opinion, k: key }),
    conclude: (identity: Identity, id: string) => act(identity, `mutation ($id: ID!) { concludeCase(caseId: $id, idempotencyKey: "conclude") { id status } }`, { id }),
    notice: (identity: Identity, id: string) =>
      act(identity, `mutation ($id: ID!) { issueMaterialNotice(caseId: $id, materials: [{ code: "M02", problem: MISSING }]) { id status } }`, { id }),
    supply: (identity: Identity, id: string) => act(identity, `mutation ($id: ID!) { supplyMaterials(caseId: $id, materials: [{ code: "M02" }]) { id status } }`, { id }),
    signVeto: (identity: Identity, id: string, opinion: string) => act(identity, `mutation ($id: ID!, $o: String!) { signVeto(caseId: $id, opinion: $o) { id status } }`, { id, o: opinion }),
    meeting: (identity: Identity, id: string, decision: "UPHOLD" | "OVERRULE") =>
      act(identity, `mutation ($id: ID!, $d: CountyMeetingDecision!) { recordCountyMeetingDecision(caseId: $id, decision: $d, minutesNo: "县长办公会纪要〔2026〕7号", opinion: "集体决定") { id status } }`, { id, d: decision }),
    /** Accept, review, approve and conclude: the whole of a department's yes, the approval by its chief, not the reviewing clerk. */
    async approve(department: Pick<CountyDepartment, "clerk" | "chief">, id: string) {
      await this.accept(department.clerk, id);
      await this.review(department.clerk, id);
      await this.decide(department.chief, id, "APPROVE", "同意", "decide");
      return this.conclude(department.clerk, id);
    },
  };
}
