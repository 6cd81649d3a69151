import { eventually, graphql } from "@onestop/testkit";
import { seedDepartments } from "./county";
import type { SeedContext } from "./load";

/** 非税收入专户: one fee account per department at the hall's collection bank, 19 digits like the bank's own. */
export function seedAccountNo(index: number): string {
  return `2308020519000${String(index + 1).padStart(6, "0")}`;
}

/**
 * Every department's single fee account (统一收费): without one, fees holds a case's payment
 * notice until it is configured. Fees learns of departments by event, so each is retried
 * until fees knows it. Configuring the same account again changes nothing.
 */
export async function seedFeeAccountsStep(context: SeedContext): Promise<void> {
  for (const [index, department] of seedDepartments.entries()) {
    const departmentId = context.departmentIds.get(department.code);
    if (!departmentId) throw new Error(`Department ${department.code} was not seeded`);
    await eventually(async () => {
      const result = await graphql(
        context.gatewayUrl,
        `mutation ($input: ConfigureFeeAccountInput!) { configureFeeAccount(input: $input) { id } }`,
        {
          input: {
            departmentId,
            accountNo: seedAccountNo(index),
            accountName: `${department.name}非税收入专户`,
            bankName: "中国工商银行宣汉支行",
          },
        },
        { token: context.adminToken },
      );
      const code = result.errors?.[0]?.extensions?.code;
      if (code === "UNKNOWN_DEPARTMENT") return null;
      if (result.errors?.length) throw new Error(`configureFeeAccount failed: ${String(code)} ${result.errors[0].message}`);
      return true;
    }, 30_000);
  }
  context.log?.(`fee accounts: ${seedDepartments.length}`);
}
