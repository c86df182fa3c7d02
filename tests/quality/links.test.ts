/** Zero broken internal links, images, anchors and assets in the fixture builds, at the root and under a sub-path. */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSettings } from "../../src/config/settings.ts";
import { FIXTURE_CONTENT, fixtureDist } from "../support/build.ts";
import { checkLinks, htmlPages } from "./site.ts";

const siteUrl = loadSettings(path.join(FIXTURE_CONTENT, "settings", "site.yaml")).url;

describe("links in the built site", () => {
  it.each([
    ["main", "/"],
    ["subpath", "/path2practice/"],
  ] as const)("all resolve in the %s build (base %s): files exist and #anchors are ids on the target page", (name, base) => {
    const dist = fixtureDist(name);
    const { broken, checked } = checkLinks(dist, siteUrl, base);
    expect(htmlPages(dist).length).toBeGreaterThan(10);
    expect(checked).toBeGreaterThan(100);
    expect(broken.map((b) => `${b.page}: ${b.where} ${b.url}: ${b.problem}`)).toEqual([]);
  });
});
