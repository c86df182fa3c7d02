/**
 * Types for the middleware entry of decap-server, which ships none. It is a
 * CommonJS bundle whose exports Node cannot list, so ES modules see them only
 * as the default export.
 */
declare module "decap-server/dist/middlewares.js" {
  import type { Express } from "express";
  interface DecapServerMiddlewares {
    /** Registers the file-system backend on `app`, serving `process.env.GIT_REPO_DIRECTORY` (else the working folder). */
    registerLocalFs(app: Express): Promise<void>;
  }
  const middlewares: DecapServerMiddlewares;
  export default middlewares;
}
