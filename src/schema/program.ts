/**
 * The program landing page: `content/pages/program.yaml`, every section edited in the CMS. `/program/`, its calendar
 * file, its social card and the program callout on posts all read from it.
 */
import { boolean, fields, list, markdown, number, object, select, string } from "./fields.ts";

/** Days of the week, as the author picks them and as readers see them. */
export const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

const point = fields(string("title", { hint: "A few words, e.g. Opportunities." }), markdown("text", { label: "Text" }));

/** Program page fields, in the order the page shows them. */
export const programFields = fields(
  string("title", { label: "Page title", hint: "Shown in the browser tab, search results and on the social card." }),
  string("description", { max: 200, hint: "One or two sentences, at most 200 characters." }),
  object(
    "hero",
    fields(
      string("eyebrow", { label: "Small line above the headline", default: "" }),
      string("headline"),
      markdown("subheading"),
      string("ctaLabel", {
        label: "Button label",
        default: "Join the Inner Circle",
        hint: "Say what happens. The button goes to the signup link in Site settings, or to an email when that is empty.",
      }),
    ),
    { label: "Hero (first screen)" },
  ),
  /** Why isolation hurts: the problem the program answers. */
  object(
    "problem",
    fields(
      string("heading"),
      markdown("intro", { label: "Introduction" }),
      list("points", point, { label: "Reasons", hint: "Why therapists end up isolated: one short point each." }),
      markdown("summary", { label: "Closing line", default: "" }),
    ),
    { label: "The problem" },
  ),
  object(
    "benefits",
    fields(string("heading"), markdown("intro", { label: "Introduction", default: "" }), list("items", point, { label: "Benefits" })),
    { label: "What members get" },
  ),
  object("howItWorks", fields(string("heading"), markdown("body", { label: "Text" }), list("steps", point, { label: "Highlights", default: [] })), {
    label: "How the Inner Circle works",
  }),
  /** The weekly call: the page, the next-session line and the calendar file are computed from these fields. */
  object(
    "schedule",
    fields(
      boolean("example", {
        label: "Example schedule (not real yet)",
        default: false,
        hint: "On while the day and time below are only examples: the page marks them as an example and offers no calendar file. Switch off once the real schedule is set.",
      }),
      string("heading"),
      select("weekday", WEEKDAYS, { label: "Day of the week" }),
      string("startTime", {
        label: "Start time (24-hour)",
        hint: "Local time in the time zone below, e.g. 18:00 for 6 pm.",
        pattern: [/^([01]\d|2[0-3]):[0-5]\d$/, "must be a 24-hour time like 18:00"],
      }),
      number("durationMinutes", { label: "Length in minutes", min: 15, max: 480 }),
      string("timeZone", {
        label: "Time zone",
        hint: "Written as region/city, e.g. America/Los_Angeles. Calendars keep the call at this local time across daylight-saving changes.",
        pattern: [/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/, "must be an IANA time zone such as America/Los_Angeles"],
      }),
      string("timeZoneName", { label: "Time zone as readers say it", hint: "e.g. Pacific" }),
      string("eventTitle", { label: "Calendar event title", hint: "What the call is called in people's calendars." }),
      markdown("note", { label: "Note under the schedule", default: "" }),
      string("calendarLabel", { label: "Calendar button label", default: "Add the weekly call to your calendar" }),
    ),
    { label: "Schedule" },
  ),
  string("price", { label: "Price", default: "", hint: "e.g. $40 a month. Leave empty to leave the price off the page." }),
  /** Words from members; the section is hidden while the list is empty. */
  object(
    "testimonials",
    fields(
      string("heading", { default: "From members" }),
      list(
        "items",
        fields(
          markdown("quote"),
          string("name", { hint: "As the member agreed to be named." }),
          string("practice", { default: "", hint: "Their practice or town (optional)." }),
        ),
        { label: "Testimonials", default: [], hint: "Only real words from real members, with their permission. Hidden while empty." },
      ),
    ),
    { label: "Testimonials", default: { heading: "From members", items: [] } },
  ),
  /** Questions readers ask; also published as FAQPage structured data. */
  object(
    "faq",
    fields(
      string("heading", { default: "Questions" }),
      list("items", fields(string("question"), markdown("answer")), { label: "Questions and answers", default: [] }),
    ),
    { label: "FAQ" },
  ),
  object("closing", fields(string("heading"), markdown("text"), string("ctaLabel", { label: "Button label", default: "Join the Inner Circle" })), {
    label: "Closing call to action",
  }),
  /** The note at the end of posts and the home page teaser. */
  object(
    "callout",
    fields(
      string("heading", { hint: "Shown at the end of posts." }),
      markdown("text"),
      string("linkLabel", { label: "Link label", default: "See how the Inner Circle works" }),
    ),
    { label: "Callout on posts and the home page" },
  ),
);
