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
  /** A cookie-free visit counter; off unless a provider is chosen. */
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
  /** Header navigation. */
  list("nav", link("Link"), { label: "Navigation", default: [] }),
  /** Social profiles shown in the footer. */
  list("social", link("Profile"), { label: "Social links", default: [] }),
);
