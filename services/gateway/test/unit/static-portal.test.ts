import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, request, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { acceptsGzip, portalHandler } from "../../src/portal/static-portal";

// A build's shape: index.html and hashed assets; the script repeats, as minified bundles do, so gzip shrinks it.
const script = "export const items=[" + Array.from({ length: 400 }, (_, i) => `{id:${i},name:"普通护照签发"}`).join(",") + "];\n";
const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");

let directory: string;
let server: Server;
let origin: string;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), "portal-dist-"));
  mkdirSync(join(directory, "assets"));
  writeFileSync(join(directory, "index.html"), '<!doctype html><div id="root"></div>');
  writeFileSync(join(directory, "assets", "index-abc.js"), script);
  writeFileSync(join(directory, "assets", "logo.png"), png);
  const handle = portalHandler(directory);
  server = createServer((req, res) => {
    void handle(req, res).then((handled) => handled || res.writeHead(404).end());
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((done) => server.close(done));
  rmSync(directory, { recursive: true, force: true });
});

/** node:http, not fetch: fetch would undo the encoding and hide what was sent. */
function get(path: string, headers: Record<string, string> = {}, method = "GET"): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((done, fail) => {
    request(origin + path, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on("error", fail)
      .end();
  });
}

describe("the portal's files from the gateway", () => {
  test("scripts go gzipped to a browser that takes gzip, and whole to one that does not", async () => {
    const zipped = await get("/assets/index-abc.js", { "accept-encoding": "gzip, deflate, br" });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zipped.headers.vary).toBe("accept-encoding");
    expect(Number(zipped.headers["content-length"])).toBe(zipped.body.length);
    expect(zipped.body.length).toBeLessThan(Buffer.byteLength(script) / 4);
    expect(gunzipSync(zipped.body).toString("utf8")).toBe(script);
    expect(zipped.headers["cache-control"]).toContain("immutable");

    const plain = await get("/assets/index-abc.js");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString("utf8")).toBe(script);
    const refused = await get("/assets/index-abc.js", { "accept-encoding": "gzip;q=0, br" });
    expect(refused.headers["content-encoding"]).toBeUndefined();
  });

  test("a page path gets index.html gzipped; an image goes as it is; HEAD tells the gzipped length", async () => {
    const page = await get("/items/some-item", { "accept-encoding": "gzip" });
    expect(page.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(page.body).toString("utf8")).toContain('<div id="root">');
    expect(page.headers["content-security-policy"]).toContain("script-src 'self'");

    const image = await get("/assets/logo.png", { "accept-encoding": "gzip" });
    expect(image.headers["content-encoding"]).toBeUndefined();
    expect(image.body.equals(png)).toBe(true);

    const zipped = await get("/assets/index-abc.js", { "accept-encoding": "gzip" });
    const head = await get("/assets/index-abc.js", { "accept-encoding": "gzip" }, "HEAD");
    expect(head.body.length).toBe(0);
    expect(head.headers["content-length"]).toBe(String(zipped.body.length));
  });

  test("Accept-Encoding: gzip listed and not refused", () => {
    expect(acceptsGzip("gzip")).toBe(true);
    expect(acceptsGzip("br, GZIP;q=0.5")).toBe(true);
    expect(acceptsGzip(["deflate", "gzip"])).toBe(true);
    expect(acceptsGzip("gzip;q=0")).toBe(false);
    expect(acceptsGzip("x-gzip, br")).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});
