import { countyCenterDetails, seedCenters } from "@onestop/seed";
import { seedCentersStep } from "../../../../packages/seed/src/townships";
import { problemsOf, shootBoth, startPortalHarness, type PortalHarness } from "./support";

/**
 * 就近办 (issue 22) in a real browser: a person chooses their township and sees where to go —
 * the township's convenience center with its address, hours, phone and what it handles, its
 * village agency points, and the county's hall. The page and its words load only when opened.
 * Screenshots zh/en, phone/desktop, to apps/portal/test-output/screenshots.
 */
jest.setTimeout(120_000);

let harness: PortalHarness;

beforeAll(async () => {
  harness = await startPortalHarness("e2e_portal_centers", [seedCentersStep]);
}, 180_000);

afterAll(async () => {
  await harness?.stop();
});

const township = seedCenters().find((c) => c.level === "TOWNSHIP" && c.name.startsWith("君塘镇"))!;
const villages = seedCenters().filter((c) => c.parentCode === township.code);

for (const viewport of ["phone", "desktop"] as const) {
  test(`a person chooses their township by typing its name and sees where to go, in Chinese and English (${viewport})`, async () => {
    const page = await harness.open(viewport, "/");
    // The scripts the page asks for from here on: the first load is over.
    const scripts: string[] = [];
    page.on("request", (request) => request.resourceType() === "script" && scripts.push(new URL(request.url()).pathname));
    await page.getByTestId("nav-centers").click();
    await page.getByTestId("centers-page").waitFor();
    // The page came in its own chunk, after the first load.
    expect(scripts.some((s) => /Centers/.test(s))).toBe(true);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("就近办：乡镇便民服务中心和村代办点");
    // The county's hall is shown before any choice.
    await page.getByText(countyCenterDetails.address).waitFor();

    // Keyboard: type the township's name into the combobox and take the match with Enter.
    await page.getByRole("combobox", { name: "您所在的乡镇（街道）" }).fill("君塘");
    await page.keyboard.press("Enter");
    await page.getByTestId("chosen-center").waitFor();
    expect(new URL(page.url()).search).toBe(`?t=${township.code}`);
    const chosen = await page.getByTestId("chosen-center").textContent();
    expect(chosen).toContain("君塘镇便民服务中心");
    expect(chosen).toContain(township.address);
    expect(chosen).toContain(township.phone);
    expect(chosen).toContain("代办县级事项");
    for (const v of villages) expect(chosen).toContain(v.name);

    await shootBoth(page, "centers", viewport, async (locale) => {
      if (locale === "zh") {
        await page.getByRole("heading", { level: 1, name: "就近办：乡镇便民服务中心和村代办点" }).waitFor();
        return;
      }
      await page.getByText("Near you: township service centers and village points").waitFor();
      expect(await page.getByTestId("chosen-center").textContent()).toContain("Village agency points");
    });
    expect(problemsOf(page)).toEqual([]);
  });
}

test("a link to a township opens it chosen, and an unknown one shows the choice only", async () => {
  const page = await harness.open("phone", `/centers?t=${township.code}`);
  await page.getByTestId("chosen-center").waitFor();
  expect(await page.getByTestId("village-points").locator(".ant-list-item").count()).toBe(villages.length);
  const other = await harness.open("phone", "/centers?t=511722999000");
  await other.getByTestId("township-select").waitFor();
  expect(await other.getByTestId("chosen-center").count()).toBe(0);
});
