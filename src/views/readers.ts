/**
 * "Get new posts by email": a plain HTML form posting straight to the settings' provider (no JavaScript; nothing
 * is sent before the reader submits). Without a provider, the feed and the contact email: never a form that goes
 * nowhere. Drawn by pages (src/components/readers/Signup.astro) and the site settings' CMS preview.
 */
import type { Element } from "hast";
import { signupForm } from "../lib/readers.ts";
import type { SiteSettings } from "../lib/settings.ts";
import { h } from "./html.ts";

/** Where the block stands; the settings say on which of these it shows. */
export type SignupPlacement = "posts" | "home" | "program";

/** The block for `placement`, or undefined where the settings do not show it. */
export function signupBlock(
  settings: Pick<SiteSettings, "newsletter" | "email">,
  placement: SignupPlacement,
  href: (path: string) => string,
): Element | undefined {
  const form = signupForm(settings);
  if (!(settings.newsletter?.[placement] ?? placement !== "program")) return undefined;
  const id = `signup-${placement}`;
  // No `type`: a text input by default (hastscript would read `type: "text"` as a text node).
  const trap = form && h("input", { name: form.honeypot, tabIndex: -1, autoComplete: "off" });
  const body = form
    ? h("form", { method: "post", action: form.action }, [
        h("p", { className: ["promise"], id: `${id}-promise` }, form.promise),
        h("div", { className: ["row"] }, [
          h("label", { htmlFor: `${id}-email` }, "Email address"),
          h("input", {
            id: `${id}-email`,
            type: "email",
            name: form.emailField,
            autoComplete: "email",
            required: true,
            ariaDescribedBy: `${id}-promise`,
          }),
          h("button", { className: ["button"], type: "submit" }, "Subscribe"),
        ]),
        // Bots fill every field; people never see or hear this one, and the provider drops entries that fill it.
        h("div", { className: ["sr-only"], ariaHidden: "true" }, [h("label", ["Leave this empty", trap])]),
        ...form.hidden.map((field: { name: string; value: string }) => h("input", { type: "hidden", name: field.name, value: field.value })),
      ])
    : h("p", [
        "New posts arrive in the ",
        h("a", { href: href("/rss.xml") }, "RSS feed"),
        ", or write to ",
        h("a", { href: `mailto:${settings.email}` }, settings.email),
        ".",
      ]);
  return h("aside", { className: ["signup", "no-print"], ariaLabelledBy: id, dataSignup: form ? "form" : "feed", dataPagefindIgnore: true }, [
    h("h2", { id }, form ? "Get new posts by email" : "Follow along"),
    body,
  ]);
}
