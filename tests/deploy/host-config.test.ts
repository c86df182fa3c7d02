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
  jobs: Record<string, { if?: string; steps: Step[]; env?: Record<string, string>; needs?: string; permissions?: Record<string, string> }>;
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

  it("reads the repository only, and gives Pages' write permissions to the deploy job alone", () => {
    expect(wf.permissions).toEqual({ contents: "read" });
    expect(build.permissions).toBeUndefined();
    expect(wf.jobs["deploy"]?.permissions).toEqual({ pages: "write", "id-token": "write" });
    expect(wf.jobs["deploy"]?.needs).toBe("build");
    expect(wf.jobs["deploy"]?.steps.some((s) => s.uses?.startsWith("actions/deploy-pages@"))).toBe(true);
  });
});

describe("every workflow", () => {
  const files = fs.readdirSync(path.join(ROOT, ".github/workflows")).filter((f) => /\.ya?ml$/.test(f));
  const all = files.map((f) => ({ file: f, wf: workflow(f) }));

  it("exists (the checks below would pass on none)", () => {
    expect(files).toEqual(expect.arrayContaining(["deploy.yml", "scheduled-rebuild.yml"]));
  });

  it("grants at most read access to the repository at the top level", () => {
    for (const { file, wf } of all) {
      expect(wf.permissions, file).toBeDefined();
      for (const [scope, level] of Object.entries(wf.permissions ?? {})) expect(`${scope}: ${level}`, file).toBe("contents: read");
    }
  });

  it("pins every action to a full commit SHA, with the release named beside it", () => {
    for (const f of files) {
      const text = fs.readFileSync(path.join(ROOT, ".github/workflows", f), "utf8");
      const uses = [...text.matchAll(/^\s*(?:-\s+)?uses:\s*(.*)$/gm)].map((m) => m[1]!.trim());
      for (const line of uses) expect(line, f).toMatch(/^[\w.-]+\/[\w.\/-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
    }
    const steps = all.flatMap(({ file, wf }) => Object.values(wf.jobs).flatMap((j) => j.steps.map((s) => ({ file, uses: s.uses }))));
    for (const { file, uses } of steps.filter((s) => s.uses)) expect(uses, file).toMatch(/@[0-9a-f]{40}$/);
  });

  it("never leaves git credentials behind after a checkout", () => {
    const checkouts = all.flatMap(({ file, wf }) =>
      Object.values(wf.jobs).flatMap((j) => j.steps.filter((s) => s.uses?.startsWith("actions/checkout@")).map((s) => ({ file, s }))),
    );
    expect(checkouts.length).toBeGreaterThan(0);
    for (const { file, s } of checkouts) expect(s.with?.["persist-credentials"], file).toBe(false);
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
