/**
 * The CMS's local backend for `npm start`: decap-server's own file-system middleware, run in this process behind
 * guards, on 127.0.0.1 only.
 *
 * decap-server alone writes any path of the repository folder (pages, workflows, the Astro config) and answers
 * whatever `Host` a request names, so a web page the author visits could reach it through DNS rebinding and plant
 * code. Its middleware is used as a library (not behind a proxy), so nothing unguarded listens on any port. Before it
 * sees a request:
 *
 * - `Host` must be localhost, 127.0.0.1 or [::1] with this server's port;
 * - `Origin` must be the local site (http://localhost:<site port> or http://127.0.0.1:<site port>), and CORS answers
 *   only that origin;
 * - only the actions of decap-server's file-system mode are accepted, as JSON, up to MAX_BODY;
 * - every path in the params must land inside the content folder after symlinks; listings leave out files that lie
 *   elsewhere through a symlink.
 */
import { once } from "node:events";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import decapServer from "decap-server/dist/middlewares.js";
import express, { type NextFunction, type Request, type Response } from "express";
import { checkPath, contentFolder, listedInside, namedPaths, Refusal, type ContentFolder } from "./paths.ts";

/** This file, for starting the server in its own process. */
export const LOCAL_CMS_SERVER = fileURLToPath(import.meta.url);

/** Largest request accepted: an image upload arrives base64-encoded in JSON (a 24 MB image is about 32 MB). */
const MAX_BODY = "32mb";

/** What decap-server's file-system mode does; the Git mode's editorial-workflow actions are refused. */
const ACTIONS = new Set([
  "info",
  "entriesByFolder",
  "entriesByFiles",
  "getEntry",
  "persistEntry",
  "getMedia",
  "getMediaFile",
  "persistMedia",
  "deleteFile",
  "deleteFiles",
  "getDeployPreview",
]);

/** Answers a refusal as decap-server answers errors (the CMS shows `error`), and logs it for the author. */
function refuse(res: Response, status: number, message: string): void {
  console.warn(`local CMS server: ${message}`);
  res.status(status).json({ error: message });
}

/** Host and Origin checks, and the CORS answer for the one allowed origin. */
function requestGuard(origins: string[]) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const host = (req.headers.host ?? "").toLowerCase();
    const port = req.socket.localPort ?? 0;
    if (![`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`].includes(host)) {
      return refuse(res, 403, `Refused: this server answers only requests to localhost (Host was ${JSON.stringify(host)}).`);
    }
    const origin = req.headers.origin;
    if (!origin || !origins.includes(origin)) {
      return refuse(res, 403, `Refused: only the local site (${origins[0]}) may use this server (Origin was ${JSON.stringify(origin ?? "")}).`);
    }
    res.set({ "Access-Control-Allow-Origin": origin, Vary: "Origin" });
    if (req.method === "OPTIONS") {
      res.set({ "Access-Control-Allow-Methods": "POST", "Access-Control-Allow-Headers": "Content-Type", "Access-Control-Max-Age": "600" });
      res.status(204).end();
      return;
    }
    if (req.method !== "POST" || req.path !== "/api/v1") return refuse(res, 404, "Not found: the only endpoint is POST /api/v1.");
    if (!req.is("application/json")) return refuse(res, 415, "Refused: requests must be JSON (Content-Type: application/json).");
    next();
  };
}

/** Listings, and the repository-relative file each listed item names. */
const LISTED_FILE: Record<string, (item: unknown) => unknown> = {
  entriesByFolder: (item) => (item as { file?: { path?: unknown } } | null)?.file?.path,
  getMedia: (item) => (item as { path?: unknown } | null)?.path,
};

/** Action allow-list and path containment; listings filtered after decap-server answers. */
function actionGuard(content: ContentFolder) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const body: unknown = req.body;
    const action = typeof body === "object" && body !== null ? (body as { action?: unknown }).action : undefined;
    if (typeof action !== "string" || !ACTIONS.has(action)) {
      return refuse(res, 422, `Refused: unknown action ${JSON.stringify(action ?? null)}.`);
    }
    const check = async () => {
      for (const named of namedPaths((body as { params?: unknown }).params)) await checkPath(content, named);
    };
    check().then(
      () => {
        const listedFile = LISTED_FILE[action];
        if (listedFile) filterListing(res, content, listedFile);
        next();
      },
      (err: unknown) => (err instanceof Refusal ? refuse(res, err.status, err.message) : next(err)),
    );
  };
}

/**
 * Makes `res.json` leave out listed files that lie outside the content folder: decap-server lists a folder without
 * following symlinks to folders, but does read a symlinked file wherever it points.
 */
function filterListing(res: Response, content: ContentFolder, listedFile: (item: unknown) => unknown): void {
  const send = res.json.bind(res);
  res.json = (data: unknown) => {
    if (!Array.isArray(data)) return send(data);
    const inside = (item: unknown) => {
      const file = listedFile(item);
      return typeof file === "string" ? listedInside(content, file) : Promise.resolve(false);
    };
    void Promise.all(data.map(inside)).then((keep) => send(data.filter((_, i) => keep[i])));
    return res;
  };
}

/**
 * Starts decap-server's middleware with its guards on 127.0.0.1:`--port`, for request paths
 * relative to `--repo` (decap-server's GIT_REPO_DIRECTORY) that must land in `--content`,
 * from pages of the local site on `--site-port`.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: "string" }, repo: { type: "string" }, content: { type: "string" }, "site-port": { type: "string" } },
  });
  const port = Number(values.port);
  const sitePort = Number(values["site-port"]);
  if (!values.repo || !values.content || !Number.isInteger(port) || !Number.isInteger(sitePort)) {
    throw new Error("usage: server.ts --port PORT --repo DIR --content DIR --site-port PORT");
  }
  const content = await contentFolder(path.resolve(values.repo), path.resolve(values.content));
  const origins = [`http://localhost:${sitePort}`, `http://127.0.0.1:${sitePort}`];
  const app = express();
  app.disable("x-powered-by");
  app.use(requestGuard(origins));
  // Parsed here, with a smaller limit than decap-server's; its own parser then leaves the body as is.
  app.use(express.json({ limit: MAX_BODY }));
  app.use(actionGuard(content));
  // decap-server reads the folder it serves from the environment, when it registers.
  process.env["GIT_REPO_DIRECTORY"] = content.repoDir;
  await decapServer.registerLocalFs(app);
  app.use((err: { type?: string; status?: number }, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    if (err.type === "entity.too.large") return refuse(res, 413, `Refused: requests are limited to ${MAX_BODY.replace("mb", " MB")}.`);
    if (err.type === "entity.parse.failed") return refuse(res, 400, "Refused: the request is not valid JSON.");
    console.error(err);
    res.status(500).json({ error: "Unknown error" });
  });
  await once(app.listen(port, "127.0.0.1"), "listening");
  console.log(`Local CMS server on 127.0.0.1:${port}: ${content.name}/ only, for ${origins.join(" and ")}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === LOCAL_CMS_SERVER) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
