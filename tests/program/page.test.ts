import fs from "node:fs";
import path from "node:path";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { isBlogPageName } from "../../src/lib/urls.ts";
import { fixtureDist, OTHER_ZONE_SITES, readDist, type FixtureName } from "../support/build.ts";
import { byAttr, findAll, jsonLd, parseHtml, pngSize, text } from "./html.ts";

const page = () => parseHtml(readDist("main", "program/index.html"));

describe("the program page built from fixture content", () => {
  it("renders every section from the content file", () => {
    const tree = page();
    const sections = byAttr(tree, "dataSection").map((el) => String(el.properties["dataSection"]));
    expect(sections).toEqual(["hero", "problem", "benefits", "how-it-works", "schedule", "testimonials", "faq", "closing"]);
    const all = text(tree);
    for (const phrase of [
      "Quiet Hands Program",
      "Fixture headline about working alone",
      "Fixture subheading with emphasis that the hero renders.",
      "Fixture problem heading",
      "Fixture cost point",
      "Fixture introvert point",
      "Fixture distance point",
      "Fixture problem summary line.",
      "Fixture benefits heading",
      "Fixture opportunities",
      "Fixture ideas",
      "Fixture confidence",
      "Fixture how-it-works heading",
      "Fixture weekly video conference body.",
      "Fixture faces and voices",
      "Fixture schedule heading",
      "Fixture price of $12 a month",
      "Fixture schedule note.",
      "Add the Quiet Hands call to your calendar",
      "Fixture testimonials heading",
      "Fixture testimonial quote.",
      "Fixture Member",
      "Fixture Bodywork, Tacoma",
      "Fixture questions",
      'Fixture question "two" & <three>?',
      "Fixture answer with a link.",
      "Fixture closing heading",
      "Join the Quiet Hands Circle today",
    ]) {
      expect(all, phrase).toContain(phrase);
    }
    expect(findAll(tree, (el) => el.tagName === "h1").map(text)).toEqual(["Fixture headline about working alone"]);
    expect(findAll(tree, (el) => el.tagName === "em").map(text)).toContain("emphasis");
  });

  it("sends both join buttons to an email when the settings have no signup link", () => {
    const buttons = byAttr(page(), "dataCta");
    expect(buttons.map((b) => [text(b), b.properties["href"]])).toEqual([
      ["Join the Quiet Hands Circle", "mailto:hello@fixture.example.org?subject=Joining%20the%20Inner%20Circle"],
      ["Join the Quiet Hands Circle today", "mailto:hello@fixture.example.org?subject=Joining%20the%20Inner%20Circle"],
    ]);
  });

  it("marks the whole landing page for the search index", () => {
    const [body] = byAttr(page(), "dataPagefindBody");
    expect(body?.tagName).toBe("article");
    expect(text(body!)).toContain("Fixture questions");
  });

  it("shows the schedule in the program's time zone without JavaScript, with the next call machine-readable", () => {
    const whens = byAttr(page(), "dataNextWhen");
    expect(whens.length).toBeGreaterThan(0);
    for (const el of whens) {
      expect(text(el)).toBe("Tuesdays, 5:30 pm Pacific");
      // P2P_NOW is Monday 2026-06-01 12:00 UTC; Tuesday 17:30 in Los Angeles (PDT) is 00:30 UTC on Wednesday.
      expect(el.properties["dateTime"]).toBe("2026-06-03T00:30:00.000Z");
    }
  });

  it("loads its script from a file: the only inline scripts are JSON-LD", () => {
    const scripts = findAll(page(), (el) => el.tagName === "script");
    const inline = scripts.filter((s) => !s.properties["src"] && s.properties["type"] !== "application/ld+json");
    expect(inline).toEqual([]);
    // The page's own script (the next call in the reader's time), besides the header's search launcher.
    const files = scripts
      .map((s) => String(s.properties["src"] ?? ""))
      .filter((src) => src.startsWith("/_astro/") && !src.includes("SearchLauncher"));
    expect(files).toHaveLength(1);
    expect(fs.existsSync(path.join(fixtureDist("main"), files[0]!))).toBe(true);
  });

  it("publishes a Course with its weekly schedule and a FAQPage as JSON-LD", () => {
    const blocks = jsonLd(page());
    const course = blocks.find((b) => b["@type"] === "Course");
    expect(course).toMatchObject({
      "@context": "https://schema.org",
      name: "The Quiet Hands Circle",
      description: "A fixture program page with every section filled, so the build tests can find each one.",
      url: "https://fixture.example.org/program/",
      provider: { "@type": "Organization", name: "Quiet Hands Studio", url: "https://fixture.example.org/" },
      hasCourseInstance: {
        "@type": "CourseInstance",
        courseMode: "online",
        courseSchedule: {
          "@type": "Schedule",
          repeatFrequency: "P1W",
          byDay: "https://schema.org/Tuesday",
          startTime: "17:30:00",
          duration: "PT1H30M",
          scheduleTimezone: "America/Los_Angeles",
        },
      },
    });
    const faq = blocks.find((b) => b["@type"] === "FAQPage");
    expect(faq?.["mainEntity"]).toEqual([
      { "@type": "Question", name: "Fixture question one?", acceptedAnswer: { "@type": "Answer", text: "Fixture answer one." } },
      { "@type": "Question", name: 'Fixture question "two" & <three>?', acceptedAnswer: { "@type": "Answer", text: "Fixture answer with a link." } },
    ]);
  });

  it("links to a weekly iCalendar file that ical.js reads, starting at the program's local time", () => {
    const [link] = byAttr(page(), "dataCalendarLink");
    expect(link?.properties["href"]).toBe("/program/inner-circle.ics");
    expect(text(link!)).toBe("Add the Quiet Hands call to your calendar");
    const ics = readDist("main", "program/inner-circle.ics");
    expect(ics.split("\r\n").every((line) => !line.includes("\n") && Buffer.byteLength(line) <= 75)).toBe(true);
    const root = new ICAL.Component(ICAL.parse(ics) as unknown[]);
    for (const tz of root.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
    const event = new ICAL.Event(root.getFirstSubcomponent("vevent")!);
    expect(event.uid).toBe("inner-circle-weekly@fixture.example.org");
    expect(event.summary).toBe("Quiet Hands weekly call");
    expect(event.startDate.toString()).toBe("2026-06-02T17:30:00");
    expect(event.startDate.zone?.tzid).toBe("America/Los_Angeles");
    expect(event.endDate.toString()).toBe("2026-06-02T19:00:00");
    expect(String(event.component.getFirstPropertyValue("rrule"))).toBe("FREQ=WEEKLY;BYDAY=TU");
    expect(event.component.getFirstPropertyValue("dtstamp")?.toString()).toBe("2026-06-01T12:00:00Z");
    expect(
      root
        .getFirstSubcomponent("vtimezone")
        ?.getAllSubcomponents()
        .map((c) => c.name),
    ).toEqual(["daylight", "standard"]);
    const it = event.iterator();
    const firstTwo = [it.next(), it.next()].map((t) => t?.toJSDate().toISOString());
    expect(firstTwo).toEqual(["2026-06-03T00:30:00.000Z", "2026-06-10T00:30:00.000Z"]);
  });

  it("computes the same next call whatever the build machine's time zone", () => {
    const when = (name: FixtureName) => byAttr(parseHtml(readDist(name, "program/index.html")), "dataNextWhen")[0]?.properties["dateTime"];
    expect(when(OTHER_ZONE_SITES["Pacific/Honolulu"])).toBe(when("main"));
    expect(when(OTHER_ZONE_SITES["Asia/Tokyo"])).toBe(when("main"));
  });

  it("keeps the calendar link, card and script under the deployment sub-path", () => {
    const tree = parseHtml(readDist("subpath", "program/index.html"));
    expect(byAttr(tree, "dataCalendarLink")[0]?.properties["href"]).toBe("/path2practice/program/inner-circle.ics");
    const og = findAll(tree, (el) => el.tagName === "meta" && el.properties["property"] === "og:image")[0];
    expect(og?.properties["content"]).toBe("https://fixture.example.org/path2practice/og/program.png");
    expect(fs.existsSync(path.join(fixtureDist("subpath"), "og/program.png"))).toBe(true);
    expect(fs.existsSync(path.join(fixtureDist("subpath"), "program/inner-circle.ics"))).toBe(true);
  });
});

describe("a schedule marked as an example", () => {
  const examplePage = () => parseHtml(readDist("example", "program/index.html"));

  it("is marked as an example on the program page and the home page teaser, and never turned into a date", () => {
    const tree = examplePage();
    expect(text(byAttr(tree, "dataExampleMark")[0]!)).toMatch(/^Example: /);
    const blocks = byAttr(tree, "dataNextSession");
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) {
      expect(block.properties["dataExample"]).toBe("true");
      expect(text(byAttr(block, "dataNextLabel")[0]!)).toMatch(/^Example/);
      // Not a <time>: one without a datetime must hold a date or time in a machine format, which "Tuesdays, 5:30 pm" is not.
      const when = byAttr(block, "dataNextWhen")[0];
      expect({ tag: when?.tagName, dateTime: when?.properties["dateTime"] }).toEqual({ tag: "span", dateTime: undefined });
    }
    const teaser = byAttr(parseHtml(readDist("example", "index.html")), "dataProgramTeaser")[0]!;
    expect(text(teaser)).toContain("Tuesdays, 5:30 pm Pacific, live by video (example day and time).");
    // The real schedule of the main fixture carries none of these marks.
    const real = page();
    expect(byAttr(real, "dataExampleMark")).toEqual([]);
    expect(byAttr(real, "dataExample")).toEqual([]);
    expect(text(byAttr(parseHtml(readDist("main", "index.html")), "dataProgramTeaser")[0]!)).not.toContain("example");
  });

  it("publishes no calendar file and no calendar link", () => {
    expect(fs.existsSync(path.join(fixtureDist("example"), "program/inner-circle.ics"))).toBe(false);
    expect(byAttr(examplePage(), "dataCalendarLink")).toEqual([]);
  });

  it("keeps the day and time out of the Course JSON-LD, which still describes the online course", () => {
    const course = jsonLd(examplePage()).find((b) => b["@type"] === "Course");
    expect(course?.["hasCourseInstance"]).toEqual({ "@type": "CourseInstance", courseMode: "online" });
    expect(JSON.stringify(course)).not.toMatch(/Tuesday|17:30|PT1H30M/);
  });
});

describe("the way from posts to the program", () => {
  const callouts = (slug: string) => {
    const tree = parseHtml(readDist("main", `blog/${slug}/index.html`));
    return byAttr(tree, "dataProgramCallout").map((el) => ({
      placement: String(el.properties["dataProgramCallout"]),
      heading: text(findAll(el, (e) => /^h[23]$/.test(e.tagName))[0]!),
      link: findAll(el, (e) => e.tagName === "a").map((a) => a.properties["href"]),
    }));
  };

  it("ends a post with the program callout, written in the program page's content", () => {
    expect(callouts("welcome")).toEqual([{ placement: "end", heading: "Fixture callout heading", link: ["/program/"] }]);
  });

  it("leaves the end-of-post callout out when the post says cta: false, but keeps one placed inside an MDX post", () => {
    expect(callouts("mdx-post")).toEqual([{ placement: "inline", heading: "Fixture callout heading", link: ["/program/"] }]);
  });

  it("shows the program teaser on the home page with the schedule", () => {
    const tree = parseHtml(readDist("main", "index.html"));
    const [teaser] = byAttr(tree, "dataProgramTeaser");
    expect(text(teaser!)).toContain("Fixture callout heading");
    expect(text(teaser!)).toContain("Tuesdays, 5:30 pm Pacific, live by video.");
    expect(findAll(teaser!, (e) => e.tagName === "a").map((a) => a.properties["href"])).toEqual(["/program/"]);
  });
});

describe("social cards", () => {
  const ogImage = (file: string) =>
    findAll(parseHtml(readDist("main", file)), (el) => el.tagName === "meta" && el.properties["property"] === "og:image")[0]?.properties["content"];

  it("gives every published post and the program page a 1200x630 PNG card", () => {
    const dist = fixtureDist("main");
    const posts = fs
      .readdirSync(path.join(dist, "blog"))
      .filter((d) => fs.existsSync(path.join(dist, "blog", d, "index.html")) && !isBlogPageName(d));
    expect(posts).toContain("welcome");
    for (const slug of posts) {
      if (slug === "hero-image") continue;
      expect(ogImage(`blog/${slug}/index.html`)).toBe(`https://fixture.example.org/og/posts/${slug}.png`);
      expect(pngSize(fs.readFileSync(path.join(dist, "og/posts", `${slug}.png`)))).toEqual({ width: 1200, height: 630 });
    }
    expect(ogImage("program/index.html")).toBe("https://fixture.example.org/og/program.png");
    expect(pngSize(fs.readFileSync(path.join(dist, "og/program.png")))).toEqual({ width: 1200, height: 630 });
  });

  it("uses a post's own image instead of a card when it has one", () => {
    expect(ogImage("blog/hero-image/index.html")).toMatch(/^https:\/\/fixture\.example\.org\/_astro\/hero\.[\w-]+\.jpg$/);
    expect(fs.existsSync(path.join(fixtureDist("main"), "og/posts/hero-image.png"))).toBe(false);
  });

  it("makes no card for drafts or scheduled posts", () => {
    const dist = fixtureDist("main");
    expect(fs.existsSync(path.join(dist, "og/posts/draft-post.png"))).toBe(false);
    expect(fs.existsSync(path.join(dist, "og/posts/future-post.png"))).toBe(false);
  });
});
