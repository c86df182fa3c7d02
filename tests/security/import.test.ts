/**
 * A hostile feed handed to `npm run import:wix -- --write`: images named by
 * absolute paths, `../` paths and symlinks out of the source folder, an SVG,
 * a PNG named .jpg, javascript:/data:/vbscript: links and images, and an
 * old address that is no path. Only the one honest image inside the source
 * folder is copied, no script address reaches a post, every redirect written
 * passes the redirects schema, and the report lists everything left out.
 */
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { describe, expect, it } from "vitest";
import { collectionSchema, collections } from "../../src/schema/index.ts";
import { FIXTURE_CONTENT, ROOT } from "../support/build.ts";
import { runCli, scratch, snapshotTree } from "../cli/run.ts";

const JPEG = fs.readFileSync(path.join(ROOT, "tests/fixtures/import/feed/images/local-photo.jpg"));
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.domain)"><script>alert(1)</script></svg>';

function item(slug: string, title: string, html: string, extra = ""): string {
  return (
    `<item><title><![CDATA[${title}]]></title><link>https://www.quiethands.example/post/${slug}</link>` +
    `<pubDate>Mon, 04 Jun 2018 16:30:00 GMT</pubDate>${extra}<content:encoded><![CDATA[${html}]]></content:encoded></item>`
  );
}

/** A workspace: content/ (fixture copy), outside/ (files that must never be copied), old-site/ (the hostile source). */
function hostileWorkspace(): { cwd: string; content: string; source: string; outside: string } {
  const cwd = scratch("hostile-import");
  const content = path.join(cwd, "content");
  fs.cpSync(FIXTURE_CONTENT, content, { recursive: true });
  const outside = path.join(cwd, "outside");
  // A real JPEG outside the source folder: only the real-path check can keep it out.
  fs.mkdirSync(outside, { recursive: true });
  fs.writeFileSync(path.join(outside, "secret.jpg"), JPEG);
  const source = path.join(cwd, "old-site", "feed");
  fs.mkdirSync(path.join(source, "images"), { recursive: true });
  fs.writeFileSync(path.join(source, "images", "honest.jpg"), JPEG);
  fs.writeFileSync(path.join(source, "images", "drawing.svg"), SVG);
  fs.writeFileSync(path.join(source, "images", "sneaky.jpg"), SVG);
  fs.writeFileSync(path.join(source, "images", "png-named.jpg"), PNG);
  fs.symlinkSync(path.join(outside, "secret.jpg"), path.join(source, "images", "link-out.jpg"));
  fs.symlinkSync(outside, path.join(source, "images", "dir-out"));
  // A name that fits the bytes, linking to a file whose own name does not: the copy would be misnamed.
  fs.symlinkSync(path.join(source, "images", "png-named.jpg"), path.join(source, "images", "alias.png"));
  const feed = [
    '<?xml version="1.0" encoding="UTF-8"?><rss xmlns:content="http://purl.org/rss/1.0/modules/content/" version="2.0"><channel>',
    "<title>Blog</title><link>https://www.quiethands.example/blog</link>",
    item(
      "files-from-elsewhere",
      "Files from elsewhere",
      `<p>Words one.</p><p><img src="/etc/passwd" alt="a"><img src="../../outside/secret.jpg" alt="b"><img src="images/link-out.jpg" alt="c">` +
        `<img src="images/dir-out/secret.jpg" alt="d"><img src="file:///etc/passwd" alt="e"><img src="images/honest.jpg" alt="honest"></p>`,
      `<enclosure url="./../../outside/secret.jpg" type="image/jpeg"/>`,
    ),
    item(
      "images-that-lie",
      "Images that lie",
      `<p>Words two.</p><p><img src="images/drawing.svg" alt="f"><img src="images/sneaky.jpg" alt="g"><img src="images/png-named.jpg" alt="h"><img src="images/alias.png" alt="h2">` +
        `<img src="https://static.wixstatic.com/media/abc_logo.svg" alt="i"><img src="data:image/png;base64,iVBORw0KGgo=" alt="j"></p>`,
      `<enclosure url="/etc/passwd" type="image/jpeg"/>`,
    ),
    item(
      "links-that-run-code",
      "Links that run code",
      `<p>Read <a href="javascript:alert(document.cookie)">the first link</a>, <a href=" JaVa&#x09;ScRiPt:alert(1)">the disguised one</a>, ` +
        `<a href="data:text/html,<script>alert(1)</script>">the third link</a>, <a href="vbscript:msgbox(1)">the fourth link</a> ` +
        `and <a href="https://example.org/fine">a fine link</a>.</p>`,
    ),
    `<item><title>Old address is no path</title><link>javascript:alert(1)</link><pubDate>Mon, 04 Jun 2018 16:30:00 GMT</pubDate>` +
      `<content:encoded><![CDATA[<p>Words four, long enough to be a post of its own.</p>]]></content:encoded></item>`,
    "</channel></rss>",
  ].join("\n");
  fs.writeFileSync(path.join(source, "blog-feed.xml"), feed);
  return { cwd, content, source, outside };
}

describe("import:wix with a hostile source", () => {
  it("copies only real images from inside the source folder, drops script links, and reports all of it", async () => {
    const { cwd, content } = hostileWorkspace();
    const before = snapshotTree(FIXTURE_CONTENT);
    const r = await runCli("import-wix", ["old-site/feed/blog-feed.xml", "--write"], { cwd });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const after = snapshotTree(content);
    const changed = Object.keys(after)
      .filter((f) => before[f] !== after[f])
      .sort();
    // The one honest image is the only file copied.
    expect(changed.filter((f) => f.startsWith("posts/images/"))).toEqual(["posts/images/honest.jpg"]);
    expect(changed.filter((f) => !f.startsWith("posts/images/"))).toEqual([
      "posts/files-from-elsewhere.md",
      "posts/images-that-lie.md",
      "posts/links-that-run-code.md",
      "posts/old-address-is-no-path.md",
      "settings/redirects.yaml",
    ]);
    // Nothing of the outside file or /etc/passwd reached content/.
    const secret = JPEG.toString("base64");
    const passwd = fs.readFileSync("/etc/passwd").toString("base64");
    for (const f of changed) {
      if (f === "posts/images/honest.jpg") continue;
      expect(after[f], f).not.toBe(secret);
      expect(after[f], f).not.toBe(passwd);
    }
    const read = (f: string) => fs.readFileSync(path.join(content, f), "utf8");
    const links = read("posts/links-that-run-code.md");
    expect(links).not.toMatch(/script:|data:|alert/i);
    expect(links.match(/\]\(/g)).toHaveLength(1);
    for (const text of ["the first link", "the disguised one", "the third link", "the fourth link"]) expect(links).toContain(text);
    expect(links).toContain("[a fine link](https://example.org/fine)");
    expect(read("posts/files-from-elsewhere.md")).not.toMatch(/passwd|secret|^image:/m);
    expect(read("posts/files-from-elsewhere.md")).toContain("![honest](./images/honest.jpg)");
    expect(read("posts/images-that-lie.md")).not.toMatch(/!\[|svg|data:|^image:/m);

    // Every redirect in the file passes the redirects schema, as hand-written ones must.
    const redirects = YAML.parse(read("settings/redirects.yaml")) as unknown;
    expect(collectionSchema(collections.redirects, { timeZone: "UTC" }).safeParse(redirects).success).toBe(true);
    expect(read("settings/redirects.yaml")).not.toMatch(/alert/);

    // The report names each thing left out, and why.
    const report = r.stdout.slice(r.stdout.indexOf("Left out for safety"));
    expect(r.stdout).toContain("Left out for safety");
    for (const expected of [
      /files-from-elsewhere\.md: image "\/etc\/passwd": left out, it is outside the source's folder/,
      /files-from-elsewhere\.md: image "\.\.\/\.\.\/outside\/secret\.jpg": left out, it is outside the source's folder/,
      /files-from-elsewhere\.md: image "images\/link-out\.jpg": left out, it is outside the source's folder/,
      /files-from-elsewhere\.md: image "images\/dir-out\/secret\.jpg": left out, it is outside the source's folder/,
      /files-from-elsewhere\.md: image with a file: address file:\/\/\/etc\/passwd: left out/,
      /files-from-elsewhere\.md: cover image "\.\/\.\.\/\.\.\/outside\/secret\.jpg": left out, it is outside the source's folder/,
      /images-that-lie\.md: image "images\/drawing\.svg": left out, it is an SVG image/,
      /images-that-lie\.md: image "images\/sneaky\.jpg": left out, it is an SVG image/,
      /images-that-lie\.md: image "images\/png-named\.jpg": left out, it is named \.jpg but its bytes are a PNG image/,
      /images-that-lie\.md: image "images\/alias\.png": left out, it is named \.jpg but its bytes are a PNG image/,
      /images-that-lie\.md: SVG image https:\/\/static\.wixstatic\.com\/media\/abc_logo\.svg: left out/,
      /images-that-lie\.md: image with a data: address data:image\/png/,
      /images-that-lie\.md: cover image "\/etc\/passwd": left out, it is outside the source's folder/,
      /links-that-run-code\.md: link with a javascript: address javascript:alert\(document\.cookie\): removed, its text "the first link" kept/,
      /links-that-run-code\.md: link with a javascript: address .*: removed, its text "the disguised one" kept/,
      /links-that-run-code\.md: link with a data: address .*: removed, its text "the third link" kept/,
      /links-that-run-code\.md: link with a vbscript: address .*: removed, its text "the fourth link" kept/,
      /old-address-is-no-path\.md: redirect from alert\(1\): left out, must be a plain address on this site such as \/post\/my-old-post: starting with \//,
    ]) {
      expect(report).toMatch(expected);
    }
    // The outside folder is untouched.
    expect(fs.readdirSync(path.join(cwd, "outside"))).toEqual(["secret.jpg"]);
  });

  it("a dry run reports the same and writes nothing", async () => {
    const { cwd, content } = hostileWorkspace();
    const before = snapshotTree(content);
    const r = await runCli("import-wix", ["old-site/feed/blog-feed.xml"], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/image "\/etc\/passwd": left out, it is outside the source's folder/);
    expect(r.stdout).toMatch(/link with a javascript: address/);
    expect(snapshotTree(content)).toEqual(before);
  });
});
