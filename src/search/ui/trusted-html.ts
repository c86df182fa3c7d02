/**
 * The public pages' one Trusted Types policy (`trusted-types search-ui` in
 * src/deploy/policy.ts): browsers that enforce Trusted Types refuse a plain
 * string at any HTML sink, so only code holding this module-private policy can
 * write HTML. Every caller builds its markup from constants and values escaped
 * with `esc`; Pagefind's excerpts are reduced to text and <mark> first (results.ts).
 */
import { SEARCH_UI_POLICY } from "../../deploy/policy.ts";

interface TrustedTypesLike {
  createPolicy(name: string, rules: { createHTML: (s: string) => string }): { createHTML(s: string): unknown };
}
const policy = (globalThis as { trustedTypes?: TrustedTypesLike }).trustedTypes?.createPolicy(SEARCH_UI_POLICY, { createHTML: (s) => s });

/** Markup built by the search UI, as the sinks accept it under Trusted Types (typed as a string for the DOM's signatures). */
export const trusted = (markup: string): string => (policy ? (policy.createHTML(markup) as string) : markup);

/** Text escaped for HTML content and attribute values. */
export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
