import { demoCenter, seedDepartments, seedWindows } from "@onestop/seed";
import { seedItems } from "../../../../packages/seed/src/items";
import { createInputOf, itemCodeOf } from "../../../../packages/seed/src/items-model";
import { feeItemProblems } from "../../src/items/fee.rules";
import { baseCodeProblems, kindProblems, materialProblems, stageLimitProblems, timeLimitProblems, type ItemContent } from "../../src/items/item.rules";
import { createItemInput, draftInput } from "../../src/items/inputs";

/** The demonstration county's catalog must pass the catalog's own rules, or `pnpm seed` fails half-way. */
const departmentIds = new Map(seedDepartments.map((d) => [d.code, `id-${d.code}`]));
const inputs = seedItems.map((item) => ({ item, input: createInputOf(item, demoCenter.centerCode, departmentIds) }));

function problemsOf(content: ItemContent, departmentId: string, baseCode: string): string[] {
  return [
    ...baseCodeProblems(content.category, baseCode),
    ...timeLimitProblems(content.kind, content.legalLimitDays, content.promisedLimitDays),
    ...stageLimitProblems(content.stageLimits, content.promisedLimitDays),
    ...kindProblems(content, departmentId),
    ...materialProblems(content.materials, content.deferrableMaterialCodes),
    ...feeItemProblems(content.feeItems),
  ];
}

test("a county-sized catalog: at least 150 items over all 26 departments, most promised, about one in ten charged", () => {
  expect(seedItems.length).toBeGreaterThanOrEqual(150);
  expect(new Set(seedItems.map((item) => item.department))).toEqual(new Set(seedDepartments.map((d) => d.code)));
  const kinds = (kind: string) => seedItems.filter((item) => item.kind === kind).length;
  expect(kinds("PROMISED")).toBeGreaterThan(seedItems.length / 2);
  expect(kinds("INSTANT")).toBeGreaterThan(10);
  expect(kinds("JOINT")).toBeGreaterThanOrEqual(5);
  expect(kinds("REPORTED")).toBeGreaterThanOrEqual(3);
  const charged = seedItems.filter((item) => ((item.revisions?.at(-1)?.changes.feeItems as unknown[] | undefined) ?? item.fees ?? []).length > 0).length;
  expect(charged / seedItems.length).toBeGreaterThan(0.07);
  expect(charged / seedItems.length).toBeLessThan(0.13);
  const notEntered = seedItems.filter((item) => item.notEntered).length;
  expect(1 - notEntered / seedItems.length).toBeGreaterThan(0.8);
  expect(1 - notEntered / seedItems.length).toBeLessThan(0.9);
});

test("item codes are unique", () => {
  const codes = seedItems.map(itemCodeOf);
  expect(new Set(codes).size).toBe(codes.length);
});

test.each(inputs.map(({ item, input }) => [item.name, input] as const))("%s passes the catalog's validation", (_name, input) => {
  const parsed = createItemInput.safeParse(input);
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "));
  const { centerCode: _c, departmentId, baseCode, agencyCreditCode: _a, ...content } = parsed.data;
  expect(problemsOf(content, departmentId, baseCode)).toEqual([]);
});

test.each(seedItems.filter((item) => item.revisions).map((item) => [item.name, item] as const))("the reforms of %s are valid versions", (_name, item) => {
  let content = createItemInput.parse(createInputOf(item, demoCenter.centerCode, departmentIds)) as ItemContent & { departmentId: string; baseCode: string };
  for (const revision of item.revisions!) {
    const patch = draftInput.parse(revision.changes);
    content = { ...content, ...Object.fromEntries(Object.entries(patch).filter(([field]) => field in revision.changes)) };
    expect(problemsOf(content, content.departmentId, content.baseCode)).toEqual([]);
  }
});

test("every entered item has a window serving its department", () => {
  for (const item of seedItems.filter((i) => !i.notEntered)) {
    const serving = seedWindows.filter((w) => w.department === item.department || w.actsFor?.includes(item.department));
    expect(serving.length).toBeGreaterThan(0);
  }
});
