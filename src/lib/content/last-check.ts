/**
 * The content check's result, kept for the rest of the build: the content
 * guard reads and validates every file at config setup, and later build steps
 * (the social cards) reuse those entries instead of reading the folder twice,
 * which costs seconds at thousands of posts.
 */
import { validateContent, type Entry, type Problem } from "./validate.ts";

type CheckResult = { entries: Entry[]; problems: Problem[] };

let last: { root: string; timeZone: string; result: CheckResult } | undefined;

/** Stores a check's result for later steps of the same build; returns it unchanged. */
export function rememberCheck(root: string, timeZone: string, result: CheckResult): CheckResult {
  last = { root, timeZone, result };
  return result;
}

/** The remembered result for this content folder and time zone, or a fresh check when there is none. */
export function contentCheck(root: string, timeZone: string): CheckResult {
  if (last && last.root === root && last.timeZone === timeZone) return last.result;
  return rememberCheck(root, timeZone, validateContent(root, timeZone));
}
