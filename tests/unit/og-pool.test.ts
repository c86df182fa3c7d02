import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BATCH_SIZE, renderIntoCache, type CardJob } from "../../src/social-cards/render-pool.ts";
import { renderCard } from "../../src/social-cards/render.ts";
import { TMP } from "../support/build.ts";

const DIR = path.join(TMP, "og-pool-test");
const input = (n: number) => ({
  title: `Card number ${n}`,
  kicker: "From the blog",
  siteName: "Quiet Hands Studio",
  tagline: "Tests",
  host: "example.org",
});

afterAll(() => fs.rmSync(DIR, { recursive: true, force: true }));

describe("social cards rendered in worker threads", () => {
  it("stores every card of several batches, byte for byte what the build process itself would render", async () => {
    fs.rmSync(DIR, { recursive: true, force: true });
    // More than two batches, so both lanes take a second worker.
    const count = BATCH_SIZE * 2 + 3;
    const jobs: CardJob[] = Array.from({ length: count }, (_, n) => ({ input: input(n), file: path.join(DIR, `${n}.png`) }));
    await renderIntoCache(jobs);
    expect(fs.readdirSync(DIR).filter((f) => f.endsWith(".png"))).toHaveLength(count);
    expect(fs.readdirSync(DIR).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    for (const n of [0, BATCH_SIZE, count - 1]) {
      expect(fs.readFileSync(path.join(DIR, `${n}.png`)).equals(await renderCard(input(n)))).toBe(true);
    }
  }, 120_000);

  it("fails loudly when a card cannot be written", async () => {
    const blocker = path.join(DIR, "not-a-folder");
    fs.mkdirSync(DIR, { recursive: true });
    fs.writeFileSync(blocker, "");
    await expect(renderIntoCache([{ input: input(1), file: path.join(blocker, "card.png") }])).rejects.toThrow(/not-a-folder/);
  });
});
