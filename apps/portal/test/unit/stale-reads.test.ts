import { cacheExchange, Client, fetchExchange, gql, type Exchange } from "@urql/core";

// The portal is ES modules: imported as one (by its .js name, which jest maps to the source).
let refetchReadsOverlappingMutations: Exchange;
beforeAll(async () => {
  ({ refetchReadsOverlappingMutations } = await import("../../src/lib/stale-reads.js"));
});

/**
 * The document cache's race, with urql's real cache and fetch exchanges and a server of one
 * window behind `fetch`: a hall read that leaves before a window is closed and comes back after
 * the close was answered carries the window as open.
 */
const HALL = gql`
  query Hall {
    hall {
      id
      windows { id open }
    }
  }
`;
const CLOSE = gql`
  mutation Close {
    changeWindow(id: "w1", open: false) { id open }
  }
`;

function county() {
  let open = true;
  const heldReads: Array<() => void> = [];
  let holdNextRead = false;
  const answer = (data: unknown) => new Response(JSON.stringify({ data }), { headers: { "content-type": "application/json" } });
  const serve = async (_url: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response> => {
    const { query } = JSON.parse(String(init?.body)) as { query: string };
    if (query.includes("mutation")) {
      open = false;
      return answer({ changeWindow: { __typename: "Window", id: "w1", open } });
    }
    // The read happens now; its answer may be held back, as a slow network or server would.
    const read = answer({ hall: { __typename: "Hall", id: "h1", windows: [{ __typename: "Window", id: "w1", open }] } });
    if (!holdNextRead) return read;
    holdNextRead = false;
    return new Promise((resolve) => heldReads.push(() => resolve(read)));
  };
  return {
    fetch: serve,
    holdNextRead: () => (holdNextRead = true),
    releaseReads: () => heldReads.splice(0).forEach((release) => release()),
  };
}

async function windowShownAfterRace(exchanges: Exchange[]): Promise<boolean | undefined> {
  const server = county();
  const client = new Client({ url: "http://hall.test/graphql", exchanges, fetch: server.fetch as typeof fetch, preferGetMethod: false, requestPolicy: "cache-first" });
  let shown: boolean | undefined;
  server.holdNextRead();
  const subscription = client.query(HALL, {}).subscribe((result) => {
    shown = (result.data as { hall: { windows: Array<{ open: boolean }> } } | undefined)?.hall.windows[0]?.open;
  });
  await new Promise((resolve) => setTimeout(resolve, 10));
  const closed = await client.mutation(CLOSE, {}).toPromise();
  expect(closed.data).toEqual({ changeWindow: { __typename: "Window", id: "w1", open: false } });
  server.releaseReads();
  await new Promise((resolve) => setTimeout(resolve, 50));
  subscription.unsubscribe();
  return shown;
}

test("without the guard, the document cache keeps a read answered after a mutation it overlapped (the race exists)", async () => {
  expect(await windowShownAfterRace([cacheExchange, fetchExchange])).toBe(true);
});

test("with the guard, that read is asked again and the window shows closed", async () => {
  expect(await windowShownAfterRace([cacheExchange, refetchReadsOverlappingMutations, fetchExchange])).toBe(false);
});

test("a read that left after the mutation was answered is not asked again", async () => {
  const server = county();
  let reads = 0;
  const counting = (async (url: Parameters<typeof fetch>[0], init?: RequestInit) => {
    if (!String(init?.body).includes("mutation")) reads += 1;
    return server.fetch(url, init);
  }) as typeof fetch;
  const client = new Client({ url: "http://hall.test/graphql", exchanges: [cacheExchange, refetchReadsOverlappingMutations, fetchExchange], fetch: counting, preferGetMethod: false });
  await client.mutation(CLOSE, {}).toPromise();
  const result = await client.query(HALL, {}).toPromise();
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect((result.data as { hall: { windows: Array<{ open: boolean }> } }).hall.windows[0]!.open).toBe(false);
  expect(reads).toBe(1);
});
