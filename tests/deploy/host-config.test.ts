/** The committed host configuration: netlify.toml and the GitHub workflows say what the site needs. */
import fs from "node:fs";
import path from "node:path";
import { parse as parseToml } from "smol-toml";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { ROOT } from "../support/build.ts";

interface Step {
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: { schedule?: Array<{ cron: string }>; push?: unknown; workflow_dispatch?: unknown };
  permissions?: Record<string, string>;
  jobs: Record<string, { if?: string; steps: Step[]; env?: Record<string, string>; needs?: string }>;
}

const workflow = (name: string) => YAML.parse(fs.readFileSync(path.join(ROOT, ".github/workflows", name), "utf8")) as Workflow;

/** Whether a cron line runs once a day at a fixed minute and hour. */
const daily = (cron: string) => /^\d{1,2} \d{1,2} \* \* \*$/.test(cron);

describe("netlify.toml", () => {
  const toml = parseToml(fs.readFileSync(path.join(ROOT, "netlify.toml"), "utf8")) as {
    build: { command: string; publish: string; environment: Record<string, string> };
  };

  it("builds with npm on Node 24 and publishes the build output", () => {
    expect(toml.build.command).toBe("npm run build");
    expect(toml.build.publish).toBe("dist");
    expect(toml.build.environment["NODE_VERSION"]).toBe("24");
  });

  it("asks for Netlify's form of the generated _headers and _redirects instead of repeating them", () => {
    expect(toml.build.environment["DEPLOY_TARGET"]).toBe("netlify");
    expect(toml).not.toHaveProperty("headers");
    expect(toml).not.toHaveProperty("redirects");
  });
});

describe("the GitHub Pages workflow", () => {
  const wf = workflow("deploy.yml");
  const build = wf.jobs["build"]!;
  const buildStep = build.steps.find((s) => s.run === "npm run build")!;

  it("rebuilds daily, so scheduled posts appear on their day, as well as on push and by hand", () => {
    expect(wf.on.schedule?.map((s) => s.cron).every(daily)).toBe(true);
    expect(wf.on.schedule).toHaveLength(1);
    expect(wf.on).toHaveProperty("push");
    expect(wf.on).toHaveProperty("workflow_dispatch");
  });

  it("builds for GitHub Pages under the sub-path GitHub reports, on Node 24", () => {
    expect(buildStep.env?.["DEPLOY_TARGET"]).toBe("github-pages");
    expect(buildStep.env?.["SITE_BASE"]).toBe("${{ steps.pages.outputs.base_path }}");
    expect(build.steps.find((s) => s.uses?.startsWith("actions/configure-pages@"))).toMatchObject({ id: "pages" });
    expect(build.steps.find((s) => s.uses?.startsWith("actions/setup-node@"))?.with?.["node-version"]).toBe(24);
    expect(build.steps.find((s) => s.uses?.startsWith("actions/upload-pages-artifact@"))?.with?.["path"]).toBe("dist");
  });

  it("deploys with only the permissions Pages needs", () => {
    expect(wf.permissions).toEqual({ contents: "read", pages: "write", "id-token": "write" });
    expect(wf.jobs["deploy"]?.needs).toBe("build");
    expect(wf.jobs["deploy"]?.steps.some((s) => s.uses?.startsWith("actions/deploy-pages@"))).toBe(true);
  });
});

describe("the build-hook workflow for Netlify and Cloudflare Pages", () => {
  const wf = workflow("scheduled-rebuild.yml");
  const job = wf.jobs["rebuild"]!;

  it("runs daily and calls the hook only when the BUILD_HOOK_URL secret exists", () => {
    expect(wf.on.schedule?.map((s) => s.cron).every(daily)).toBe(true);
    expect(job.env?.["BUILD_HOOK_URL"]).toBe("${{ secrets.BUILD_HOOK_URL }}");
    const call = job.steps.find((s) => s.run?.includes("curl"))!;
    expect(call.if).toBe("env.BUILD_HOOK_URL != ''");
    expect(call.run).toContain('"$BUILD_HOOK_URL"');
    expect(wf.permissions).toEqual({});
  });

  it("fires at the same time of day as the GitHub Pages rebuild", () => {
    expect(wf.on.schedule).toEqual(workflow("deploy.yml").on.schedule);
  });
});
