/**
 * Seeded synthetic content for the benchmark: posts of about 840 words with
 * headings, lists, links and one code block, realistic front matter (tags from
 * a pool, dates spread over years, a few drafts and an occasional update).
 * The same seed and size always give byte-identical files, so two runs of the
 * benchmark (or two machines) build the same site.
 */
import fs from "node:fs";
import path from "node:path";

/** "Now" pinned for benchmark builds: every generated date is before it, except the few scheduled posts. */
export const BENCH_NOW = "2026-06-01T12:00:00Z";

/** A small fast PRNG (mulberry32): deterministic across Node versions, unlike Math.random. */
export function createRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  "massage therapist client practice session referral marketing newsletter schedule booking table studio calm " +
  "community network colleague isolation burnout boundary pricing package rebooking intake posture shoulder tension " +
  "breath recovery wellness clinic office website review story trust habit morning evening season budget income " +
  "visibility audience message email follow-up gratitude workshop program coaching mentor growth plan goal week month " +
  "year local neighbour partner chiropractor physiotherapist yoga runner athlete office-worker parent retiree care " +
  "attention practice-owner sole-practitioner quiet steady honest simple small clear useful kind patient generous"
).split(" ");

const TAG_POOL = [
  "Networking",
  "Professional Isolation",
  "Marketing",
  "Pricing",
  "Referrals",
  "Self-care",
  "Burnout",
  "Client Retention",
  "Email",
  "Social Media",
  "Website",
  "Reviews",
  "Boundaries",
  "Business Planning",
  "Money",
  "Mindset",
  "Community",
  "Workshops",
  "Scheduling",
  "Intake",
  "Storytelling",
  "Local SEO",
  "Partnerships",
  "Continuing Education",
  "Sports Massage",
  "Prenatal",
  "Office Workers",
  "Seasonal Offers",
  "Gift Cards",
  "Inner Circle",
  "Case Studies",
  "Interviews",
  "Tools",
  "Time Management",
  "Getting Started",
  "Growth",
];

const CODE_SAMPLES = [
  "```text\nSubject: A quiet hour for your shoulders\nHi {first name},\nI have two openings next week.\n```",
  "```yaml\nbooking:\n  reminder: 24h\n  followUp: 3d\n  rebook: true\n```",
  '```js\nconst sessions = bookings.filter((b) => b.kind === "massage");\nconsole.log(sessions.length);\n```',
  "```\nMonday    9:00  intake\nTuesday  14:00  follow-up\nFriday   closed\n```",
];

/** One generated post: its file name and full text. */
export interface GeneratedPost {
  file: string;
  slug: string;
  text: string;
  draft: boolean;
  /** Dated after "now": built only once its day comes. */
  scheduled: boolean;
}

function pick<T>(rng: () => number, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)] as T;
}

function words(rng: () => number, n: number): string[] {
  return Array.from({ length: n }, () => pick(rng, WORDS));
}

function sentence(rng: () => number, n = 8 + Math.floor(rng() * 10)): string {
  const w = words(rng, n);
  w[0] = w[0]!.charAt(0).toUpperCase() + w[0]!.slice(1);
  return `${w.join(" ")}.`;
}

function titleCase(w: string[]): string {
  return w.map((x) => x.charAt(0).toUpperCase() + x.slice(1)).join(" ");
}

function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[a-z0-9]/i.test(w)).length;
}

/** Paragraph with an occasional inline link (internal or external) and emphasis. */
function paragraph(rng: () => number, index: number, total: number): string {
  const parts: string[] = [];
  const sentences = 3 + Math.floor(rng() * 3);
  for (let s = 0; s < sentences; s++) parts.push(sentence(rng));
  const r = rng();
  if (r < 0.35) {
    const other = Math.floor(rng() * total);
    parts.push(`Read more in [${words(rng, 3).join(" ")}](/blog/${postSlug(other)}/).`);
  } else if (r < 0.55) {
    parts.push(`See [${words(rng, 2).join(" ")}](https://example.org/${words(rng, 1)[0]}/${index}) for details.`);
  } else if (r < 0.7) {
    parts.push(`This is **${words(rng, 2).join(" ")}** and _${words(rng, 1)[0]}_.`);
  }
  return parts.join(" ");
}

/** Slug of post number `i` (also its file name). Stable for a given index, so links between posts resolve. */
export function postSlug(i: number): string {
  return `bench-post-${String(i + 1).padStart(5, "0")}`;
}

/** Builds post number `i` of `total` from its own seeded stream (independent of the other posts). */
export function generatePost(i: number, total: number, seed = 1): GeneratedPost {
  const rng = createRng(seed * 1_000_003 + i);
  const slug = postSlug(i);
  const title = titleCase(words(rng, 4 + Math.floor(rng() * 4)));
  const description = sentence(rng, 14 + Math.floor(rng() * 8)).slice(0, 190);
  // Dates spread from 2014 to just before "now", plus a few scheduled posts.
  const start = Date.UTC(2014, 0, 1);
  const end = Date.parse(BENCH_NOW) - 86_400_000;
  const scheduled = i % 397 === 5;
  const when = scheduled ? Date.parse(BENCH_NOW) + (1 + Math.floor(rng() * 200)) * 86_400_000 : start + Math.floor(rng() * (end - start));
  const date = new Date(when).toISOString().slice(0, 10);
  const draft = i % 97 === 3;
  const tagCount = 1 + Math.floor(rng() * 4);
  const tags = [...new Set(Array.from({ length: tagCount }, () => pick(rng, TAG_POOL)))];
  const fm = [
    "---",
    `title: ${JSON.stringify(title)}`,
    `description: ${JSON.stringify(description)}`,
    `date: ${date}`,
    ...(rng() < 0.15 ? [`updated: ${new Date(Math.min(when + 90 * 86_400_000, end)).toISOString().slice(0, 10)}`] : []),
    `tags: [${tags.map((t) => JSON.stringify(t)).join(", ")}]`,
    ...(draft ? ["draft: true"] : []),
    ...(rng() < 0.1 ? ["cta: false"] : []),
    "---",
    "",
  ];
  const blocks: string[] = [paragraph(rng, i, total)];
  const sections = 4 + Math.floor(rng() * 2);
  const codeAt = Math.floor(rng() * sections);
  const body = () => blocks.join("\n\n");
  for (let s = 0; s < sections; s++) {
    blocks.push(`## ${titleCase(words(rng, 3 + Math.floor(rng() * 3)))}`);
    blocks.push(paragraph(rng, i, total));
    if (s % 2 === 0) {
      const items = 3 + Math.floor(rng() * 3);
      const ordered = rng() < 0.4;
      blocks.push(Array.from({ length: items }, (_, k) => `${ordered ? `${k + 1}.` : "-"} ${sentence(rng, 5 + Math.floor(rng() * 6))}`).join("\n"));
    }
    if (s === codeAt) blocks.push(pick(rng, CODE_SAMPLES));
    if (rng() < 0.3) blocks.push(`### ${titleCase(words(rng, 3))}`);
    blocks.push(paragraph(rng, i, total));
  }
  // Pad to about 840 words (the length the reference figures were measured with).
  while (countWords(body()) < 820) blocks.push(paragraph(rng, i, total));
  const text = `${fm.join("\n")}${body()}\n`;
  return { file: `${slug}.md`, slug, text, draft, scheduled };
}

/** Options for `writeSite`. */
export interface SiteOptions {
  /** Number of posts. */
  posts: number;
  /** Seed (default 1). */
  seed?: number;
  /** Folder whose non-post files (settings, pages) are copied: the test fixture's content folder. */
  template: string;
}

/**
 * Writes a full content folder into `dir` (which must not exist or be empty):
 * the template's settings and pages, `posts` generated posts, and a redirects
 * list pointing at generated posts (the template's targets do not exist here).
 */
export function writeSite(dir: string, options: SiteOptions): { dir: string; posts: number; drafts: number; words: number } {
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) throw new Error(`${dir}: refusing to generate into a folder that is not empty`);
  fs.mkdirSync(path.join(dir, "posts"), { recursive: true });
  for (const entry of fs.readdirSync(options.template, { withFileTypes: true })) {
    if (entry.name === "posts") continue;
    fs.cpSync(path.join(options.template, entry.name), path.join(dir, entry.name), { recursive: true });
  }
  let drafts = 0;
  let total = 0;
  const redirects: string[] = [];
  for (let i = 0; i < options.posts; i++) {
    const post = generatePost(i, options.posts, options.seed ?? 1);
    if (post.draft) drafts++;
    // Old-site addresses of published posts, as the importer writes them (the build checks that every target exists).
    if (i % 10 === 0 && !post.draft && !post.scheduled && redirects.length < 50)
      redirects.push(`  - from: /post/${post.slug}-old\n    to: /blog/${post.slug}/\n    status: "301"`);
    total += countWords(post.text.slice(post.text.indexOf("\n---\n") + 5));
    fs.writeFileSync(path.join(dir, "posts", post.file), post.text);
  }
  fs.mkdirSync(path.join(dir, "settings"), { recursive: true });
  fs.writeFileSync(path.join(dir, "settings", "redirects.yaml"), redirects.length ? `redirects:\n${redirects.join("\n")}\n` : "redirects: []\n");
  return { dir, posts: options.posts, drafts, words: Math.round(total / Math.max(1, options.posts)) };
}
