import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createHttpFetcher, type HttpFetcher } from "../../src/federation/http-fetcher";

/** The subgraph fetcher against a plain HTTP server: what Apollo reads of an answer, and connections kept. */
let server: Server;
let url: string;
let fetcher: HttpFetcher;
const seen: Array<{ headers: IncomingHttpHeaders; body: string; socket: number }> = [];
const sockets = new WeakMap<object, number>();

beforeAll(async () => {
  let socketCount = 0;
  server = createServer((request, response) => {
    if (!sockets.has(request.socket)) sockets.set(request.socket, ++socketCount);
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      seen.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8"), socket: sockets.get(request.socket)! });
      const status = request.url === "/refused" ? 401 : 200;
      response.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", "set-cookie": ["a=1", "b=2"] });
      response.end(JSON.stringify({ data: { echo: "是" } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fetcher = createHttpFetcher();
});

afterAll(async () => {
  fetcher.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

test("sends the body with its length and headers, and answers as Fetch's Response does", async () => {
  const body = JSON.stringify({ query: "{ echo }", variables: { k: "不动产" } });
  const response = await fetcher.fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json", "x-onestop-identity": "signed" }, body });
  expect(seen.at(-1)).toMatchObject({ body, headers: { "content-length": String(Buffer.byteLength(body)), "x-onestop-identity": "signed" } });
  expect(response).toMatchObject({ ok: true, status: 200, statusText: "OK", url: `${url}/graphql`, redirected: false, bodyUsed: false });
  expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
  expect(response.headers.get("cache-control")).toBe("no-store");
  expect(response.headers.get("set-cookie")).toBe("a=1, b=2");
  const copy = response.clone();
  expect(await response.json()).toEqual({ data: { echo: "是" } });
  expect(response.bodyUsed).toBe(true);
  await expect(response.text()).rejects.toThrow(TypeError);
  expect(await copy.text()).toBe(JSON.stringify({ data: { echo: "是" } }));
});

test("a refusal is an answer, not an error: Apollo turns it into a typed GraphQL error", async () => {
  const response = await fetcher.fetch(`${url}/refused`, { method: "POST", body: "{}" });
  expect(response).toMatchObject({ ok: false, status: 401, statusText: "Unauthorized" });
});

test("keeps the connection for the next fetches", async () => {
  const before = seen.length;
  for (let i = 0; i < 5; i++) await (await fetcher.fetch(`${url}/graphql`, { method: "POST", body: "{}" })).text();
  expect(new Set(seen.slice(before).map((fetch) => fetch.socket)).size).toBe(1);
});

test("an unreachable subgraph rejects", async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  await expect(fetcher.fetch(`http://127.0.0.1:${port}/graphql`, { method: "POST", body: "{}" })).rejects.toThrow(/ECONNREFUSED/);
});
