/** Site settings: `content/settings/site.yaml`, edited in the CMS, read by every page. */
import { list, number, string, url, fields } from "./fields.ts";

const link = (kind: string) =>
  fields(
    string("label", { label: "Text shown" }),
    url("href", { label: `${kind} address`, hint: "A page of this site, e.g. /program/, or a full address starting with https://" }),
  );

/** Settings fields. Everything brand-specific on the site comes from here. */
export const settingsFields = fields(
  /** Site name, used in titles and the header. */
  string("title", { label: "Site name", hint: "Shown at the top of every page and in browser tabs." }),
  /** Short line under the site name. */
  string("tagline", { hint: "The short line under the site name." }),
  /** Default meta description. */
  string("description", {
    label: "Site summary",
    max: 200,
    hint: "One or two sentences (at most 200 characters) for search results and shared links of pages without their own.",
  }),
  /** Public address of the site, for canonical URLs, feeds and the sitemap. */
  url("url", { label: "Site address", hint: "The full address, e.g. https://www.path2practice.com" }),
  /** Author shown on posts and in feeds. */
  string("author", { hint: "Your name, as shown on posts." }),
  /** Where the practice is based, shown in the footer. */
  string("location", { hint: "Where the practice is, shown at the bottom of every page, e.g. Portland, Oregon." }),
  /** Year the business was founded, shown in the footer. */
  number("foundingYear", { label: "Founding year", min: 1900, max: 2100, hint: "Shown at the bottom of every page." }),
  /** IANA time zone that dates and schedules are read in. */
  string("timeZone", {
    label: "Time zone",
    default: "America/Los_Angeles",
    hint: "Dates and publishing days follow it. Written as region/city, e.g. America/Los_Angeles or Europe/London.",
    pattern: [/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/, "must be a time zone written as region/city, such as America/Los_Angeles"],
  }),
  /** Contact address. */
  string("email", {
    label: "Contact email",
    pattern: [/^[^@\s]+@[^@\s]+\.[^@\s]+$/, "must be an email address"],
    hint: "Where readers write to you; shown on the site.",
  }),
  /** Where "Join" buttons go; empty means a mailto: to the contact email. */
  url("signupUrl", { label: "Program signup link", default: "", hint: "Leave empty to send people an email link instead." }),
  /** Header navigation. */
  list("nav", link("Link"), { label: "Menu", default: [], hint: "The links at the top of every page, in this order." }),
  /** Social profiles shown in the footer. */
  list("social", link("Profile"), {
    label: "Social links",
    default: [],
    hint: "Your profiles elsewhere (Instagram, LinkedIn...), shown at the bottom of every page.",
  }),
);
