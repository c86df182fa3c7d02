/**
 * The signup provider and the visit counter open exactly their own origins in
 * the public pages' policy (the `_headers` file and the GitHub Pages `<meta>`
 * policy), and nothing at all when the settings name neither. Bad reader
 * settings stop the build naming the file and field.
 */
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { describe, expect, it } from "vitest";
import { metaCspForTarget } from "../../src/deploy/github-pages.ts";
import { headersForPath, parseHeaders } from "../deploy/host.ts";
import { policyOptions, publicCsp, serializeCsp } from "../../src/deploy/policy.ts";
import { readerOrigins } from "../../src/lib/readers.ts";
import { loadSettings } from "../../src/config/settings.ts";
import { decapConfig } from "../../src/schema/decap.ts";
import { copyContent, FIXTURE_CONTENT, readDist, READERS_SETTINGS, type FixtureName } from "../support/build.ts";

/** The public pages' policy as the build's `_headers` sends it, directive by directive. */
function builtPolicy(site: FixtureName): Record<string, string> {
  const csp = headersForPath(parseHeaders(readDist(site, "_headers")), "/blog/welcome/")["Content-Security-Policy"]!;
  return Object.fromEntries(csp.split("; ").map((d) => [d.split(" ")[0]!, d.slice(d.indexOf(" ") + 1)]));
}

const off = { newsletter: undefined, visits: undefined };

describe("the public policy", () => {
  it("with everything off, is exactly the site's own: no other origin for forms, scripts or connections", () => {
    const csp = builtPolicy("main");
    expect(csp["form-action"]).toBe("'self'");
    expect(csp["script-src"]).toBe("'self' 'wasm-unsafe-eval'");
    expect(csp["connect-src"]).toBe("'self'");
    expect(readDist("main", "_headers")).toContain(serializeCsp(publicCsp()));
  });

  it("with a provider and a counter, gains exactly their origins and no other", () => {
    const csp = builtPolicy("readers");
    expect(csp["form-action"]).toBe("'self' https://newsletter.example.net");
    expect(csp["script-src"]).toBe("'self' 'wasm-unsafe-eval' https://gc.example.net");
    expect(csp["connect-src"]).toBe("'self' https://quiethands.counter.example.net");
    expect(csp["img-src"]).toBe(builtPolicy("main")["img-src"]);
    expect(csp["default-src"]).toBe("'self'");
  });

  it("travels in the GitHub Pages <meta> policy too", () => {
    const meta = metaCspForTarget("public", policyOptions({}, READERS_SETTINGS as never), { DEPLOY_TARGET: "github-pages" })!;
    expect(meta).toContain("form-action 'self' https://newsletter.example.net;");
    expect(meta).toContain("script-src 'self' 'wasm-unsafe-eval' https://gc.example.net;");
    expect(metaCspForTarget("public", policyOptions({}, off), { DEPLOY_TARGET: "github-pages" })).toBe(
      metaCspForTarget("public", policyOptions({}), { DEPLOY_TARGET: "github-pages" }),
    );
  });

  it("opens each counter's own origins: Plausible and Umami count at their script's server", () => {
    const visits = (provider: string, script: string, site: string) =>
      readerOrigins({ newsletter: undefined, visits: { provider, script, site } as never });
    expect(visits("plausible", "https://plausible.io/js/script.js", "example.org")).toEqual({
      form: [],
      script: ["https://plausible.io"],
      connect: ["https://plausible.io"],
      img: [],
    });
    expect(visits("umami", "https://stats.example.org/script.js", "0b7c-uuid")).toMatchObject({ connect: ["https://stats.example.org"] });
    // A self-hosted counter tried on this machine: plain http on loopback is allowed, and needs its own img-src.
    expect(visits("goatcounter", "http://127.0.0.1:8081/count.js", "http://127.0.0.1:8081/count")).toMatchObject({ img: ["http://127.0.0.1:8081"] });
    expect(visits("off", "https://plausible.io/js/script.js", "example.org")).toEqual({ form: [], script: [], connect: [], img: [] });
  });
});

describe("reader settings", () => {
  // loadSettings keeps what it read per file: each case gets a folder of its own.
  let copies = 0;
  /** Loads the fixture settings with `extra` laid over them; returns the error message or "ok". */
  function load(extra: Record<string, unknown>): string {
    const dir = copyContent(FIXTURE_CONTENT, `reader-settings-${copies++}`);
    const file = path.join(dir, "settings", "site.yaml");
    fs.writeFileSync(file, YAML.stringify({ ...(YAML.parse(fs.readFileSync(file, "utf8")) as object), ...extra }));
    try {
      loadSettings(file);
      return "ok";
    } catch (err) {
      return (err as Error).message.replaceAll(file, "site.yaml");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  it("accept the fixture's provider and counter, and no reader settings at all", () => {
    expect(load(READERS_SETTINGS)).toBe("ok");
    expect(load({})).toBe("ok");
    expect(load({ newsletter: { action: "" }, visits: { provider: "off" } })).toBe("ok");
  });

  it("refuse a form address that is not https, naming the file and field", () => {
    expect(load({ newsletter: { action: "http://newsletter.example.net/subscribe" } })).toContain(
      "site.yaml: newsletter.action: must be an https:// address",
    );
  });

  it("refuse a counter switched on, or a form, without what it needs", () => {
    expect(load({ visits: { provider: "plausible" } })).toBe(
      "site.yaml: visits.script: is required when the plausible counter is on\nsite.yaml: visits.site: is required when the plausible counter is on",
    );
    expect(load({ visits: { provider: "goatcounter", script: "https://gc.zgo.at/count.js", site: "quiethands" } })).toBe(
      'site.yaml: visits.site: "quiethands" must be the GoatCounter count URL, e.g. https://NAME.goatcounter.com/count',
    );
    expect(load({ newsletter: { action: "https://newsletter.example.net/s", emailField: "" } })).toBe(
      "site.yaml: newsletter.emailField: is required when the form has an address",
    );
    expect(load({ visits: { provider: "matomo" } })).toContain("site.yaml: visits.provider: must be one of: off, goatcounter, plausible, umami");
  });

  it("are editable in the CMS through the one schema", () => {
    const config = decapConfig({
      contentPath: "content",
      github: { repo: "o/s", branch: "main" },
      localProxyUrl: "http://127.0.0.1:8081/api/v1",
      siteUrl: "https://x.org",
    });
    const settings = config.collections.find((c) => c.name === "settings")!.files![0]!.fields;
    const group = (name: string) => settings.find((f) => f.name === name)!;
    expect(group("newsletter").fields!.map((f) => f.name)).toEqual([
      "action",
      "emailField",
      "honeypot",
      "hidden",
      "promise",
      "posts",
      "home",
      "program",
    ]);
    expect(group("newsletter").required).toBe(false);
    expect(group("visits").fields!.find((f) => f.name === "provider")!.options).toEqual(["off", "goatcounter", "plausible", "umami"]);
  });
});
