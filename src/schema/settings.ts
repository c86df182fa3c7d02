/** Site settings: `content/settings/site.yaml`, edited in the CMS, read by every page. */
import { boolean, list, number, object, select, string, url, fields } from "./fields.ts";

/** A third-party address: https, or plain http on this machine only (a self-hosted service being tried locally). */
const serviceUrl = <N extends string>(name: N, label: string, hint: string) =>
  string(name, {
    label,
    hint,
    default: "",
    pattern: [/^(https:\/\/[^\s/]+(\/\S*)?|http:\/\/(127\.0\.0\.1|localhost)(:\d+)?(\/\S*)?)?$/, "must be an https:// address"],
  });

/** Counters that count visits without cookies or personal data. */
export const COUNTERS = ["off", "goatcounter", "plausible", "umami"] as const;

const link = (kind: string) =>
  fields(
    string("label", { label: "Text shown" }),
    url("href", { label: `${kind} address`, hint: "A page of this site, e.g. /program/, or a full address starting with https://" }),
  );

/** Settings fields. Everything brand-specific on the site comes from here. */
export const settingsFields = fields(
  string("title", { label: "Site name", hint: "Shown at the top of every page and in browser tabs." }),
  string("tagline", { hint: "The short line under the site name." }),
  string("description", {
    label: "Site summary",
    max: 200,
    hint: "One or two sentences (at most 200 characters) for search results and shared links of pages without their own.",
  }),
  /** Public address of the site, for canonical URLs, feeds and the sitemap. */
  url("url", { label: "Site address", hint: "The full address, e.g. https://www.path2practice.com" }),
  string("author", { hint: "Your name, as shown on posts." }),
  string("location", { hint: "Where the practice is, shown at the bottom of every page, e.g. Portland, Oregon." }),
  number("foundingYear", { label: "Founding year", min: 1900, max: 2100, hint: "Shown at the bottom of every page." }),
  /** IANA time zone that dates and schedules are read in. */
  string("timeZone", {
    label: "Time zone",
    default: "America/Los_Angeles",
    hint: "Dates and publishing days follow it. Written as region/city, e.g. America/Los_Angeles or Europe/London.",
    pattern: [/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/, "must be a time zone written as region/city, such as America/Los_Angeles"],
  }),
  string("email", {
    label: "Contact email",
    pattern: [/^[^@\s]+@[^@\s]+\.[^@\s]+$/, "must be an email address"],
    hint: "Where readers write to you; shown on the site.",
  }),
  url("signupUrl", { label: "Program signup link", default: "", hint: "Leave empty to send people an email link instead." }),
  /** The email signup form: any provider that takes a plain HTML form POST. Without an address, readers get the feed and the contact email. */
  object(
    "newsletter",
    fields(
      serviceUrl("action", "Form address", "The provider's form action URL (Buttondown, Kit, MailerLite, Mailchimp, Listmonk). Empty: no form."),
      string("emailField", {
        label: "Email field name",
        default: "email",
        hint: "What the provider calls the email field, e.g. email, EMAIL, email_address.",
      }),
      string("honeypot", {
        label: "Anti-bot field name",
        default: "website",
        pattern: [/^[A-Za-z0-9_-]+$/, "must be a form field name (letters, digits, _ and -)"],
        hint: "A hidden field people leave empty and bots fill in; use the provider's own if it has one (Mailchimp's b_..., Listmonk's nonce).",
      }),
      list("hidden", fields(string("name"), string("value")), {
        label: "Hidden fields",
        default: [],
        hint: "Fields the provider's form code carries, e.g. a list id.",
      }),
      string("promise", { default: "One email a month. Unsubscribe any time.", max: 120 }),
      boolean("posts", { label: "Show at the end of posts", default: true }),
      boolean("home", { label: "Show on the home page", default: true }),
      boolean("program", { label: "Show on the program page", default: false }),
    ),
    { label: "Email signup", required: false },
  ),
  object(
    "visits",
    fields(
      select("provider", COUNTERS, { default: "off" }),
      serviceUrl("script", "Script URL", "e.g. https://gc.zgo.at/count.js, https://plausible.io/js/script.js, https://cloud.umami.is/script.js"),
      string("site", {
        label: "Site id",
        default: "",
        hint: "GoatCounter: your count URL (https://NAME.goatcounter.com/count). Plausible: your domain. Umami: the website id.",
      }),
    ),
    { label: "Visit counter", required: false },
  ),
  list("nav", link("Link"), { label: "Menu", default: [], hint: "The links at the top of every page, in this order." }),
  list("social", link("Profile"), {
    label: "Social links",
    default: [],
    hint: "Your profiles elsewhere (Instagram, LinkedIn...), shown at the bottom of every page.",
  }),
);
