import { startSubgraph } from "@onestop/platform";
import { hallEnvSchema, hallSubgraph } from "@onestop/hall";
import { subgraphEnv } from "@onestop/testkit";
import { gatewayClient } from "../../../../test/support/gateway-client";
import { hallWindow, type HallWindowFixture } from "../../../../test/support/hall-floor";
import { shootBoth, startPortalHarness, type PortalHarness } from "./support";

/**
 * The hall floor in a real browser: the kiosk issues a ticket by touch, the clerk on duty calls
 * it from the call panel (the workbench's call button), the calling screen at 1920×1080 shows it
 * without a reload, and comes back on its own after the hall service went away and returned.
 * Screenshots zh/en, phone/desktop and the 1920×1080 screens, axe-checked.
 */
jest.setTimeout(300_000);

const CENTER = "511722000000";

let harness: PortalHarness;
let zjj: HallWindowFixture;
let ga: HallWindowFixture;
const { data } = gatewayClient(() => harness.system.gatewayUrl);
const open = (viewport: "phone" | "desktop" | "screen", path: string) => harness.open(viewport, path);

beforeAll(async () => {
  harness = await startPortalHarness("e2e_hall_browser");
  const { system, adminToken } = harness;
  zjj = await hallWindow({ keys: system.keys, data, adminToken, centerCode: CENTER }, "ZJJ", "住房和城乡建设局");
  ga = await hallWindow({ keys: system.keys, data, adminToken, centerCode: CENTER }, "GAJ", "公安局");
  await data(adminToken, `mutation ($i: CreateStaffAccountInput!) { createStaffAccount(input: $i) { username } }`, {
    i: { staffId: zjj.aStaffId, username: "zjj-01", password: "Xuanhan2026", roles: ["window_staff"] },
  });
}, 240_000);

afterAll(async () => {
  // Stops the hall the test started again, too.
  await harness?.stop();
});

test("kiosk, call panel and calling screen together: a ticket taken by touch is called and shown live, and the screen recovers after a break", async () => {
  // The calling screen on the hall's 1920×1080 display.
  const screen = await open("screen", "/hall/screen");
  await screen.getByTestId("stream-state").and(screen.locator("[data-state=live]")).waitFor();

  // The kiosk: the police department has no items, so a touch takes its ticket at once.
  const kiosk = await open("desktop", "/hall/kiosk");
  await kiosk.getByTestId("kiosk-service-A").waitFor();
  await shootBoth(kiosk, "hall-kiosk", "desktop", () => kiosk.getByTestId("kiosk-service-B").waitFor());
  await kiosk.getByTestId("kiosk-service-A").click();
  await expect(kiosk.getByTestId("ticket-number").textContent()).resolves.toBe("A001");
  await shootBoth(kiosk, "hall-kiosk-ticket", "desktop", () => kiosk.getByTestId("ticket-slip").waitFor());
  await kiosk.getByTestId("kiosk-done").click();
  await kiosk.getByTestId("kiosk-service-A").click();
  await expect(kiosk.getByTestId("ticket-number").textContent()).resolves.toBe("A002");

  const phoneKiosk = await open("phone", "/hall/kiosk");
  await phoneKiosk.getByTestId("kiosk-service-A").waitFor();
  await shootBoth(phoneKiosk, "hall-kiosk", "phone", () => phoneKiosk.getByTestId("kiosk-service-A").waitFor());

  // The clerk on duty signs in at the window's page and calls.
  const clerk = await open("desktop", `/hall/window/${zjj.windowId}`);
  await clerk.getByTestId("staff-username").fill("zjj-01");
  await clerk.getByTestId("staff-password").fill("Xuanhan2026");
  await clerk.getByTestId("staff-submit").click();
  await clerk.getByTestId("call-panel").waitFor();
  await clerk.getByText("本窗口等候 2 人").waitFor();
  const clicked = Date.now();
  await clerk.getByTestId("call-next").click();
  await expect(clerk.getByTestId("panel-current").textContent()).resolves.toBe("A001");
  await screen.getByTestId("latest-call").getByText("A001", { exact: true }).waitFor();
  const lag = Date.now() - clicked;
  expect(lag).toBeLessThan(5_000);
  await shootBoth(clerk, "hall-call-panel", "desktop", () => clerk.getByTestId("panel-current").waitFor());
  await shootBoth(screen, "hall-calling-screen", "screen", () => screen.getByTestId("latest-call").waitFor());

  // Recall and no-show from the panel; the next call moves A001 down the screen.
  await clerk.getByTestId("recall").click();
  await clerk.getByTestId("no-show").click();
  await clerk.getByTestId("panel-current-none").waitFor();
  await clerk.getByTestId("call-next").click();
  await screen.getByTestId("latest-call").getByText("A002", { exact: true }).waitFor();

  // The hall service goes away (a network break for the screens) and comes back: the screen says
  // so, reconnects by itself, and shows the next call without a reload.
  const { system } = harness;
  const hall = system.subgraphs.hall;
  const port = hall.port;
  await hall.stop();
  await screen.locator("[data-testid=stream-state][data-state=reconnecting]").waitFor({ timeout: 20_000 });
  system.subgraphs.hall = await startSubgraph(hallSubgraph, hallEnvSchema.parse({ ...subgraphEnv("hall", harness.environment, system.keys), PORT: String(port) }));
  await screen.locator("[data-testid=stream-state][data-state=live]").waitFor({ timeout: 30_000 });
  // The kiosk went back to its start by itself 20 s after the last ticket.
  await kiosk.getByTestId("kiosk-service-A").click({ timeout: 40_000 });
  await expect(kiosk.getByTestId("ticket-number").textContent()).resolves.toBe("A003");
  await clerk.getByTestId("call-next").click();
  await screen.getByTestId("latest-call").getByText("A003", { exact: true }).waitFor({ timeout: 20_000 });
  await expect(screen.getByTestId("earlier-calls").textContent()).resolves.toContain("A002");

  // The public board on the big screen, and the calling screen on a phone.
  const board = await open("screen", "/hall/board");
  await shootBoth(board, "hall-board", "screen", () => board.getByTestId("board-accepted").waitFor());
  const phoneScreen = await open("phone", "/hall/screen");
  await shootBoth(phoneScreen, "hall-calling-screen", "phone", () => phoneScreen.getByTestId("latest-call").waitFor());
  void ga;
});
