// No import circles inside a package or service: a circle makes load order matter (a class
// is undefined where it is used at load time), and it means two files are one piece that
// nobody drew. Type-only imports count too: they tie the files as tightly for a reader.
// Imports between workspace packages go through their published entry and are not followed;
// the packages' own dependency graph is kept acyclic by pnpm's workspace.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";

const root = join(__dirname, "..", "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith(".ts") ? [path] : [];
  });
}

const importPattern = /^\s*(?:import|export)\s[^'"]*?from\s+["'](\.{1,2}\/[^"']+)["']/gm;

function resolveImport(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, join(base, "index.ts")]) if (existsSync(candidate)) return candidate;
  return null;
}

/** Every circle of relative imports among the files, each as the files it runs through. */
function circles(files: string[]): string[][] {
  const edges = new Map(
    files.map((file) => [
      file,
      [...readFileSync(file, "utf8").matchAll(importPattern)].flatMap((m) => resolveImport(file, m[1]) ?? []),
    ]),
  );
  const found: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const path: string[] = [];
  const visit = (file: string) => {
    state.set(file, "open");
    path.push(file);
    for (const next of edges.get(file) ?? []) {
      if (state.get(next) === "open") found.push(path.slice(path.indexOf(next)));
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(file, "done");
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return found;
}

const units = ["packages", "services"].flatMap((group) =>
  readdirSync(join(root, group))
    .map((name) => join(root, group, name, "src"))
    .filter((src) => existsSync(src)),
);

describe("import circles", () => {
  it.each(units.map((src) => [relative(root, dirname(src)), src]))("%s has none", (_, src) => {
    expect(circles(sourceFiles(src)).map((circle) => circle.map((file) => relative(root, file)))).toEqual([]);
  });

  it("are found where there is one, through type-only imports and index files too", () => {
    const dir = mkdtempSync(join(tmpdir(), "import-cycles-"));
    mkdirSync(join(dir, "b"));
    writeFileSync(join(dir, "a.ts"), 'import { b } from "./b";\nexport const a = b;\nexport type A = number;\n');
    writeFileSync(join(dir, "b", "index.ts"), 'import type { C } from "../c";\nexport const b = 1 as unknown as C;\n');
    writeFileSync(join(dir, "c.ts"), 'export type { A as C } from "./a";\n');
    writeFileSync(join(dir, "d.ts"), 'import { a } from "./a";\nexport const d = a;\n');
    expect(circles(sourceFiles(dir)).map((circle) => circle.map((file) => relative(dir, file)))).toEqual([["a.ts", "b/index.ts", "c.ts"]]);
  });
});
