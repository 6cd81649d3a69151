import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const root = join(__dirname, "..", "..");

// @graphql-codegen/cli loads ES modules that jest's module system cannot, so the files are
// generated in memory by a child process on the same Node and compared here.
function generateInMemory(): Array<{ path: string; content: string }> {
  const script = "require('./scripts/codegen.js').generateResolverTypes().then((files) => process.stdout.write(JSON.stringify(files)))";
  return JSON.parse(execFileSync("node", ["-e", script], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }));
}

test("every checked-in resolvers.generated.ts is what codegen produces now (run `pnpm codegen` after a schema change)", () => {
  const generated = generateInMemory();
  expect(generated.map((file) => file.path.replace(`${root}/`, "")).sort()).toEqual(
    ["cases", "catalog", "fees", "hall", "notifications", "parallel-approval", "results", "staffing", "supervision"].map((name) => `services/${name}/src/schema/resolvers.generated.ts`),
  );
  for (const file of generated) expect(readFileSync(file.path, "utf8")).toBe(file.content);
});
