import type { SubgraphContext } from "../../src/context";
import { anonymousIdentity } from "../../src/identity";
import { byId, requestLoader } from "../../src/loaders";

const request = (): SubgraphContext => ({ identity: anonymousIdentity, requestId: "test" });

/** A loader over rows that can change between calls, recording every fetch it makes. */
function rowsLoader() {
  const rows = new Map([
    ["a", { id: "a", name: "A" }],
    ["b", { id: "b", name: "B" }],
  ]);
  const fetches: string[][] = [];
  const loader = requestLoader(async (keys) => {
    fetches.push([...keys]);
    return byId(keys.flatMap((key) => rows.get(key) ?? []).map((row) => ({ ...row })));
  });
  return { rows, fetches, loader };
}

test("the keys asked for together are fetched in one call, each once, answered in order, none as null", async () => {
  const { fetches, loader } = rowsLoader();
  const context = request();
  const answers = await Promise.all(["b", "a", "b", "missing"].map((key) => loader.load(context, key)));
  expect(answers).toEqual([{ id: "b", name: "B" }, { id: "a", name: "A" }, { id: "b", name: "B" }, null]);
  expect(fetches).toEqual([["b", "a", "missing"]]);
});

test("a row changed later in the same request is read as it is now, not as an earlier field saw it", async () => {
  const { rows, fetches, loader } = rowsLoader();
  const context = request();
  expect(await loader.load(context, "a")).toEqual({ id: "a", name: "A" });
  rows.set("a", { id: "a", name: "A, renamed by the next mutation" });
  expect(await loader.load(context, "a")).toEqual({ id: "a", name: "A, renamed by the next mutation" });
  expect(fetches).toEqual([["a"], ["a"]]);
});

test("two requests never share a batch; a key the database guarantees and lacks is a bug", async () => {
  const { fetches, loader } = rowsLoader();
  await Promise.all([loader.load(request(), "a"), loader.load(request(), "b")]);
  expect(fetches).toEqual([["a"], ["b"]]);
  await expect(loader.loadExisting(request(), "missing")).rejects.toThrow("Nothing found for missing");
});
