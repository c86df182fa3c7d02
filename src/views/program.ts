/** The program page's sections, its callout (end of posts, MDX) and the home page teaser, from `content/pages/program.yaml`. */
import type { Element, Properties } from "hast";
import type { Child } from "hastscript";
import { PROGRAM_PATH } from "../lib/program.ts";
import { describeDuration, describeSchedule, nextSession } from "../lib/schedule.ts";
import type { ProgramData } from "../schema/index.ts";
import { h, markdown, type Md } from "./html.ts";

type Href = (path: string) => string;
// Optional parts are written `field && h(…)`: hastscript skips undefined children, and an empty field ("") prints nothing.

/** What the program page needs besides its own data. */
export interface ProgramPageContext {
  /** Where the join buttons go (signup link or mailto:). */
  ctaHref: string;
  /** URL of the .ics file. */
  calendarHref: string;
  email: string;
  /** For the machine-readable date of the next call, which a script replaces in the reader's browser. */
  now: Date;
}

/**
 * The weekly call in the program's time zone ("Tuesdays, 5:30 pm Pacific"), which src/scripts/next-session.ts
 * turns into the next call in the reader's time zone. An example schedule is marked as such, never dated.
 */
function nextSessionCard(schedule: ProgramData["schedule"], now: Date, compact = false): Element {
  return h(
    "div",
    {
      className: compact ? ["next-session", "compact"] : ["next-session"],
      dataNextSession: true,
      dataWeekday: schedule.weekday,
      dataStart: schedule.startTime,
      dataDuration: String(schedule.durationMinutes),
      dataTz: schedule.timeZone,
      dataZoneName: schedule.timeZoneName,
      dataExample: schedule.example ? "true" : undefined,
    },
    [
      h("p", { className: ["label"], dataNextLabel: true }, schedule.example ? "Example: not the real day and time yet" : "Every week"),
      h(
        "p",
        { className: ["when"] },
        // An example schedule has no real date to mark up: a <time> needs one (its datetime, or text in a date format).
        schedule.example
          ? h("span", { dataNextWhen: true }, describeSchedule(schedule))
          : h("time", { dataNextWhen: true, dateTime: nextSession(schedule, now).start.toISOString() }, describeSchedule(schedule)),
      ),
      h("p", { className: ["detail", "small"], dataNextDetail: true }, `${describeDuration(schedule.durationMinutes)}, live by video`),
    ],
  );
}

/** The first screen: what it is, one button, and when the next call is. */
function hero(program: ProgramData, ctx: ProgramPageContext, md: Md): Element {
  const { hero } = program;
  return h("header", { className: ["hero"], dataSection: "hero" }, [
    h("div", { className: ["container", "hero-grid"] }, [
      h("div", { className: ["hero-text"] }, [
        hero.eyebrow && h("p", { className: ["eyebrow"] }, hero.eyebrow),
        h("h1", hero.headline),
        markdown(md, hero.subheading, "sub"),
        h("p", { className: ["actions"] }, [
          h("a", { className: ["button", "button-large"], href: ctx.ctaHref, dataCta: "hero" }, hero.ctaLabel),
          h("a", { className: ["quiet-link"], href: "#schedule" }, "When we meet"),
        ]),
      ]),
      h("aside", { className: ["hero-card"], ariaLabel: "The weekly call" }, nextSessionCard(program.schedule, ctx.now, true)),
    ]),
  ]);
}

/** A full-width section named by `data-section` (its class and id unless given), labelled by its `heading`. */
function section(name: string, props: { className?: string[]; id?: string; inner?: string[] }, children: Child[]): Element {
  const { className = [name], id = name, inner = [] } = props;
  return h(
    "section",
    { id, className, ariaLabelledBy: `${name}-heading`, dataSection: name },
    h("div", { className: ["container", ...inner] }, ...children),
  );
}

const heading = (name: string, text: string) => h("h2", { id: `${name}-heading` }, text);

/** Short titled points: the problem (numbered), what members get (cards), how the Inner Circle works (steps). */
function points(
  name: string,
  variant: "list" | "cards" | "steps",
  content: { heading: string; intro: string; points: Array<{ title: string; text: string }>; summary?: string },
  md: Md,
): Element {
  return section(name, { className: ["points", variant], inner: ["grid"] }, [
    h("div", { className: ["lead"] }, [heading(name, content.heading), markdown(md, content.intro, "intro")]),
    content.points.length === 0
      ? undefined
      : h(
          "ol",
          { className: ["items", "plain-list"] },
          content.points.map((point) => h("li", [h("h3", point.title), markdown(md, point.text)])),
        ),
    markdown(md, content.summary ?? "", "summary"),
  ]);
}

/** When the Inner Circle meets: the weekly schedule, the next call in the reader's time, and the calendar file. */
function schedule(program: ProgramData, ctx: ProgramPageContext, md: Md): Element {
  const { schedule, price } = program;
  const fact = (term: string, value: string, data?: Properties) => h("div", [h("dt", { className: ["small"] }, term), h("dd", data ?? {}, value)]);
  return section("schedule", {}, [
    h("div", { className: ["narrow"] }, [
      heading("schedule", schedule.heading),
      h("div", { className: ["card"] }, [
        nextSessionCard(schedule, ctx.now),
        h("dl", { className: ["facts"] }, [
          fact("Every week", describeSchedule(schedule), { dataScheduleText: true }),
          fact("Length", describeDuration(schedule.durationMinutes)),
          fact("Where", "Live video call, from wherever you are"),
          price && fact("Price", price, { dataPrice: true }),
        ]),
        schedule.example
          ? h(
              "p",
              { className: ["example"], dataExampleMark: true },
              "Example: the day and time above are placeholders until the first calls are announced.",
            )
          : h("p", { className: ["calendar"] }, [
              h(
                "a",
                { className: ["button", "button-secondary"], href: ctx.calendarHref, download: "inner-circle.ics", dataCalendarLink: true },
                schedule.calendarLabel,
              ),
              h("span", { className: ["small"] }, "Works with Google Calendar, Apple Calendar and Outlook."),
            ]),
        markdown(md, schedule.note, "note"),
      ]),
    ]),
  ]);
}

/** Members' own words; nothing while the list is empty: no invented praise. */
function testimonials(testimonials: ProgramData["testimonials"], md: Md): Element | undefined {
  if (testimonials.items.length === 0) return undefined;
  return section("testimonials", {}, [
    heading("testimonials", testimonials.heading),
    h(
      "div",
      { className: ["quotes"] },
      testimonials.items.map((item) =>
        h("figure", { className: ["panel"] }, [
          h("blockquote", [markdown(md, item.quote)]),
          h("figcaption", [h("strong", item.name), item.practice && h("span", { className: ["muted"] }, item.practice)]),
        ]),
      ),
    ),
  ]);
}

/** Questions and answers, as disclosure widgets that work without JavaScript. */
function faq(faq: ProgramData["faq"], md: Md): Element | undefined {
  if (faq.items.length === 0) return undefined;
  return section("faq", { id: "questions" }, [
    h("div", { className: ["narrow"] }, [
      heading("faq", faq.heading),
      ...faq.items.map((item) => h("details", [h("summary", item.question), markdown(md, item.answer, "answer")])),
    ]),
  ]);
}

/** The last screen: the one call to action, again, and a human way to ask first. */
function closing(closing: ProgramData["closing"], ctx: ProgramPageContext, md: Md): Element {
  return section("closing", { id: "join", inner: ["inner"] }, [
    heading("closing", closing.heading),
    markdown(md, closing.text, "text"),
    h("p", { className: ["actions"] }, h("a", { className: ["button", "button-large"], href: ctx.ctaHref, dataCta: "closing" }, closing.ctaLabel)),
    h("p", { className: ["ask", "small"] }, ["Questions first? Write to ", h("a", { href: `mailto:${ctx.email}` }, ctx.email), "."]),
  ]);
}

/** Every section of the program page, in order. */
export function programSections(program: ProgramData, ctx: ProgramPageContext, md: Md): Element[] {
  const sections = [
    hero(program, ctx, md),
    points("problem", "list", program.problem, md),
    points("benefits", "cards", { ...program.benefits, points: program.benefits.items }, md),
    points("how-it-works", "steps", { ...program.howItWorks, intro: program.howItWorks.body, points: program.howItWorks.steps }, md),
    schedule(program, ctx, md),
    testimonials(program.testimonials, md),
    faq(program.faq, md),
    closing(program.closing, ctx, md),
  ];
  return sections.filter((section) => section !== undefined);
}

/**
 * A friendly note pointing to the program, from its "callout" fields. Shown at
 * the end of posts (front matter `cta: false` hides it) and inside MDX posts.
 */
export function programCallout(
  callout: ProgramData["callout"],
  options: { level?: 2 | 3; placement?: "end" | "inline" },
  href: Href,
  md: Md,
): Element {
  const { level = 2, placement = "inline" } = options;
  const id = `program-callout-${placement}`;
  return h("aside", { className: ["callout", "panel", "no-print"], ariaLabelledBy: id, dataProgramCallout: placement, dataPagefindIgnore: true }, [
    h(level === 2 ? "h2" : "h3", { id }, callout.heading),
    markdown(md, callout.text),
    h("p", { className: ["more"] }, h("a", { href: href(PROGRAM_PATH) }, [callout.linkLabel, h("span", { ariaHidden: "true" }, " →")])),
  ]);
}

/** The program teaser on the home page: the program's name, its callout text, and when the group meets. */
export function programTeaser(program: ProgramData, href: Href, md: Md): Element {
  return h("section", { className: ["teaser"], ariaLabelledBy: "teaser-heading", dataProgramTeaser: true }, [
    h("div", { className: ["inner"] }, [
      h("p", { className: ["eyebrow"] }, program.hero.eyebrow || program.title),
      h("h2", { id: "teaser-heading" }, program.callout.heading),
      markdown(md, program.callout.text),
      h(
        "p",
        { className: ["when", "small"], dataExample: program.schedule.example ? "true" : undefined },
        `${describeSchedule(program.schedule)}, live by video${program.schedule.example ? " (example day and time)" : ""}.`,
      ),
      h("a", { className: ["button"], href: href(PROGRAM_PATH) }, program.callout.linkLabel),
    ]),
  ]);
}
