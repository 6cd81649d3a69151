import { createReadStream, existsSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, resolve, sep } from "node:path";
import { promisify } from "node:util";
import { constants, gzip } from "node:zlib";

/**
 * The county web portal's build (apps/portal/dist) beside /graphql: files by path, and index.html
 * for every other page path (the portal routes with the history API). Reached only for paths the
 * server's own endpoints (/graphql, /health, /ready, /audit, /supervision/stream) did not take.
 */
const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

/** Text that gzip shrinks (the scripts to a third or less); images and fonts are compressed already. */
const compressible = new Set([".html", ".js", ".mjs", ".css", ".json", ".svg", ".txt", ".webmanifest"]);

/** Whether the request's Accept-Encoding takes gzip (listed, and not with q=0). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(",") : (header ?? "");
  return value.split(",").some((entry) => {
    const [coding, ...params] = entry.trim().toLowerCase().split(";");
    if (coding.trim() !== "gzip") return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

const gzipAsync = promisify(gzip);

// Ant Design writes its styles into <style> elements at run time, hence 'unsafe-inline' for styles
// only; no script runs but the build's own files. The workbench opens a result document to print
// as a blob: URL of the PDF it fetched with the clerk's token (a tab cannot send the token); the
// blob's document inherits this policy and the browser's PDF viewer is an object in it, hence
// blob: objects (made by the page's own scripts only). Nothing else may be embedded.
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src blob:",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

function securityHeaders(response: ServerResponse): void {
  response.setHeader("content-security-policy", contentSecurityPolicy);
  response.setHeader("x-content-type-options", "nosniff");
  response.setHeader("referrer-policy", "same-origin");
  response.setHeader("x-frame-options", "DENY");
}

export function portalHandler(directory: string) {
  const root = resolve(directory);
  // Each file gzipped once (at the highest level, as it is sent many times) and kept while it is
  // unchanged: the build is a handful of files, so this holds a few hundred KB at most.
  const gzipped = new Map<string, { mtimeMs: number; size: number; body: Promise<Buffer> }>();
  const gzippedBody = (file: string, mtimeMs: number, size: number): Promise<Buffer> => {
    const kept = gzipped.get(file);
    if (kept && kept.mtimeMs === mtimeMs && kept.size === size) return kept.body;
    const body = readFile(file).then((content) => gzipAsync(content, { level: constants.Z_BEST_COMPRESSION }));
    body.catch(() => gzipped.delete(file));
    gzipped.set(file, { mtimeMs, size, body });
    return body;
  };
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    if (request.method !== "GET" && request.method !== "HEAD") return false;
    const index = join(root, "index.html");
    if (!existsSync(index)) return false;
    let path: string;
    try {
      path = decodeURIComponent((request.url ?? "/").split("?")[0]);
    } catch {
      return false;
    }
    if (path.includes("\0")) return false;
    const candidate = resolve(root, `.${path}`);
    const inside = candidate === root || candidate.startsWith(root + sep);
    let file: string | null = null;
    if (inside && candidate !== root && existsSync(candidate) && statSync(candidate).isFile()) file = candidate;
    else if (extname(path) === "" || path.endsWith("/")) file = index; // a page of the portal
    if (!file) return false;
    const immutable = file.startsWith(join(root, "assets") + sep);
    const stat = statSync(file);
    const compress = compressible.has(extname(file)) && acceptsGzip(request.headers["accept-encoding"]);
    const body = compress ? await gzippedBody(file, stat.mtimeMs, stat.size) : null;
    securityHeaders(response);
    response.writeHead(200, {
      "content-type": contentTypes[extname(file)] ?? "application/octet-stream",
      "content-length": body ? body.length : stat.size,
      "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
      ...(compressible.has(extname(file)) ? { vary: "accept-encoding" } : {}),
      ...(body ? { "content-encoding": "gzip" } : {}),
    });
    if (request.method === "HEAD") {
      response.end();
      return true;
    }
    if (body) {
      response.end(body);
      return true;
    }
    await new Promise<void>((done, fail) => {
      createReadStream(file).on("error", fail).on("end", done).pipe(response);
    });
    return true;
  };
}
