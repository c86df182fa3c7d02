/** Site settings: `content/settings/site.yaml`, edited in the CMS, read by every page. */
import { list, number, string, url, fields } from "./fields.ts";

const link = (kind: string) => fields(string("label"), url("href", { label: `${kind} URL` }));

/** Settings fields. Everything brand-specific on the site comes from here. */
export const settingsFields = fields(
  /** Site name, used in titles and the header. */
  string("title", { label: "Site title" }),
  /** Short line under the site name. */
  string("tagline"),
  /** Default meta description. */
  string("description", { max: 200 }),
  /** Public address of the site, for canonical URLs, feeds and the sitemap. */
  url("url", { label: "Site URL", hint: "Full address, e.g. https://www.path2practice.com" }),
  /** Author shown on posts and in feeds. */
  string("author"),
  /** Where the practice is based, shown in the footer. */
  string("location"),
  /** Year the business was founded, shown in the footer. */
  number("foundingYear", { label: "Founding year", min: 1900, max: 2100 }),
  /** IANA time zone that dates and schedules are read in. */
  string("timeZone", {
    label: "Time zone",
    default: "America/Los_Angeles",
    pattern: [/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/, "must be an IANA time zone such as America/Los_Angeles"],
  }),
  /** Contact address. */
  string("email", { label: "Contact email", pattern: [/^[^@\s]+@[^@\s]+\.[^@\s]+$/, "must be an email address"] }),
  /** Where "Join" buttons go; empty means a mailto: to the contact email. */
  url("signupUrl", { label: "Program signup link", default: "", hint: "Leave empty to send people an email link instead." }),
  /** Header navigation. */
  list("nav", link("Link"), { label: "Navigation", default: [] }),
  /** Social profiles shown in the footer. */
  list("social", link("Profile"), { label: "Social links", default: [] }),
);
