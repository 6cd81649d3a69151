// Every `pnpm` script runs on the Node that the root package pins as a devDependency, not on
// whatever Node the machine has: jest itself, and the processes the scripts spawn
// (`node scripts/start.js`, the services, the benchmarks), which find `node` on the PATH
// pnpm sets up. The containers run the same major version.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const root = join(__dirname, "..", "..");
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  devDependencies: Record<string, string>;
  engines: { node: string };
};
const pinned = manifest.devDependencies.node;

describe("the Node runtime", () => {
  it("is pinned to an exact 24.x release", () => {
    expect(pinned).toMatch(/^24\.\d+\.\d+$/);
  });

  it("runs the tests", () => {
    expect(process.version).toBe(`v${pinned}`);
  });

  it("is the `node` that scripts spawn from the PATH", () => {
    const spawned = execFileSync("node", ["-p", "process.version"], { encoding: "utf8" }).trim();
    expect(spawned).toBe(`v${pinned}`);
  });

  it("is what engines asks for and what the containers run", () => {
    expect(manifest.engines.node).toBe(">=24.11");
    const dockerfile = readFileSync(join(root, "infra", "Dockerfile"), "utf8");
    expect(dockerfile).toMatch(new RegExp(`^ARG NODE_IMAGE=node:${pinned.split(".")[0]}-`, "m"));
  });
});
