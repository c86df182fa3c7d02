/**
 * A small static file server for built sites: serves `dist/` under an optional
 * base path, answers `/x/` with `/x/index.html`, unknown paths with `404.html`
 * (status 404), and can add response headers per path (to test the generated
 * security headers). Listens on 127.0.0.1 only.
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".woff2": "font/woff2",
  ".ics": "text/calendar; charset=utf-8",
  ".wasm": "application/wasm",
  ".pf_meta": "application/octet-stream",
  ".pf_index": "application/octet-stream",
  ".pf_fragment": "application/octet-stream",
};

/** Options for `serveDist`. */
export interface ServeOptions {
  /** Deployment sub-path, e.g. "/path2practice/". */
  base?: string;
  /** Extra headers for a request path (path without base). */
  headers?: (pathname: string) => Record<string, string>;
  /** A redirect for a request path (path without base), answered before any file, as hosts do with `_redirects`. */
  redirect?: (pathname: string) => { status: number; location: string } | undefined;
  /** Called for every request (to count bytes, log). */
  onRequest?: (pathname: string, bytes: number) => void;
}

/** A running server. */
export interface Served {
  /** Origin plus base, ending in "/". */
  url: string;
  origin: string;
  close(): Promise<void>;
}

/** Serves a built site on a free loopback port. */
export async function serveDist(dist: string, options: ServeOptions = {}): Promise<Served> {
  const base = (options.base ?? "/").replace(/\/?$/, "/");
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    let pathname = decodeURIComponent(url.pathname);
    if (!pathname.startsWith(base)) {
      res.writeHead(404).end("outside base");
      return;
    }
    pathname = `/${pathname.slice(base.length)}`;
    const moved = options.redirect?.(pathname);
    if (moved) {
      res.writeHead(moved.status, { Location: moved.location, ...(options.headers?.(pathname) ?? {}) }).end();
      return;
    }
    let file = path.join(dist, pathname);
    if (!file.startsWith(dist)) {
      res.writeHead(400).end();
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    let status = 200;
    if (!fs.existsSync(file)) {
      status = 404;
      file = path.join(dist, "404.html");
    }
    const body = fs.existsSync(file) ? fs.readFileSync(file) : Buffer.from("not found");
    const headers = { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream", ...(options.headers?.(pathname) ?? {}) };
    options.onRequest?.(pathname, body.length);
    res.writeHead(status, headers).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}${base}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
