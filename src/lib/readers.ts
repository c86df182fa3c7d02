/**
 * What the reader-facing third parties need, from the settings: the signup
 * form's provider and the visit counter. The security policy opens exactly
 * their origins and nothing else (src/deploy/policy.ts).
 */
import type { SiteSettings } from "./settings.ts";

type Newsletter = NonNullable<SiteSettings["newsletter"]>;
type Visits = NonNullable<SiteSettings["visits"]>;

/** Origins the public pages may reach beyond their own, per CSP directive. */
export type ReaderOrigins = Record<"form" | "script" | "connect" | "img", string[]>;

/** The signup form, when the settings give it somewhere to go. */
export function signupForm(settings: Pick<SiteSettings, "newsletter">): Newsletter | undefined {
  return settings.newsletter?.action ? settings.newsletter : undefined;
}

/** The visit counter, when one is switched on. */
export function visitCounter(settings: Pick<SiteSettings, "visits">): Visits | undefined {
  const visits = settings.visits;
  return visits && visits.provider !== "off" ? visits : undefined;
}

/** GoatCounter's no-JavaScript pixel for a page path (https://www.goatcounter.com/help/pixel); the others have none. */
export function countPixel(visits: Visits, path: string): string | undefined {
  return visits.provider === "goatcounter" ? `${visits.site}?p=${encodeURIComponent(path)}` : undefined;
}

/** The counter script's attributes, as each provider documents them. */
export function counterAttributes(visits: Visits): Record<string, string> {
  if (visits.provider === "goatcounter") return { "data-goatcounter": visits.site };
  if (visits.provider === "plausible") return { "data-domain": visits.site };
  return { "data-website-id": visits.site };
}

/** Settings the schema cannot check on its own; each message names the field. */
export function readerSettingsProblems(settings: Pick<SiteSettings, "newsletter" | "visits">): string[] {
  const problems: string[] = [];
  const visits = visitCounter(settings);
  if (visits) {
    if (!visits.script) problems.push(`visits.script: is required when the ${visits.provider} counter is on`);
    if (!visits.site) problems.push(`visits.site: is required when the ${visits.provider} counter is on`);
    else if (visits.provider === "goatcounter" && !/^https?:\/\/\S+$/.test(visits.site))
      problems.push(`visits.site: "${visits.site}" must be the GoatCounter count URL, e.g. https://NAME.goatcounter.com/count`);
  }
  const form = signupForm(settings);
  if (form && !form.emailField) problems.push("newsletter.emailField: is required when the form has an address");
  return problems;
}

/** The origins the settings add to the public pages' policy (none with everything off). */
export function readerOrigins(settings: Pick<SiteSettings, "newsletter" | "visits">): ReaderOrigins {
  const origins: ReaderOrigins = { form: [], script: [], connect: [], img: [] };
  const form = signupForm(settings);
  if (form) origins.form.push(new URL(form.action).origin);
  const visits = visitCounter(settings);
  if (visits?.script && visits.site) {
    // GoatCounter counts at the URL it is given (its no-JavaScript pixel too); Plausible and Umami at their script's server.
    const endpoint = new URL(visits.provider === "goatcounter" ? visits.site : visits.script).origin;
    origins.script.push(new URL(visits.script).origin);
    origins.connect.push(endpoint);
    if (countPixel(visits, "/")) origins.img.push(endpoint);
  }
  return origins;
}
