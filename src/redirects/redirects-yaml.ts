/**
 * Adds the old site's addresses to content/settings/redirects.yaml (format:
 * src/schema/redirects.ts), keeping the file's existing entries, order and
 * comments, and never adding an address twice.
 * https://eemeli.org/yaml/#documents
 */
import YAML, { isMap, isSeq, type Document } from "yaml";
import type { Redirect } from "./rules.ts";

const HEADER = "# Old addresses that send readers to a new one. Used by every host's redirect rules.\n";

/**
 * Adds redirects to the file's text (empty string for a missing file): the new
 * entries, the old addresses already redirected elsewhere (left as they are),
 * and the new text (undefined when nothing changes). Throws on a file that is not a redirects list.
 */
export function addToRedirectsYaml(existingText: string, wanted: Redirect[]) {
  const doc: Document = existingText.trim() ? YAML.parseDocument(existingText) : YAML.parseDocument(`${HEADER}redirects: []\n`);
  if (doc.errors.length) throw new Error(`redirects.yaml is not valid YAML: ${doc.errors[0]!.message.split("\n")[0]}`);
  if (!isMap(doc.contents)) throw new Error("redirects.yaml must contain a redirects: list");
  if (doc.get("redirects") == null) doc.set("redirects", doc.createNode([]));
  const seq = doc.get("redirects");
  if (!isSeq(seq)) throw new Error("redirects.yaml: redirects must be a list");
  const existing = new Map(seq.items.filter(isMap).map((item): [string, string] => [String(item.get("from")), String(item.get("to"))]));
  const added: Redirect[] = [];
  const conflicts: Array<{ from: string; existing: string; wanted: string }> = [];
  for (const r of wanted) {
    const to = existing.get(r.from);
    if (to !== undefined) {
      if (to !== r.to) conflicts.push({ from: r.from, existing: to, wanted: r.to });
      continue;
    }
    existing.set(r.from, r.to);
    added.push(r);
    seq.add(doc.createNode({ from: r.from, to: r.to, status: String(r.status) }));
  }
  if (added.length === 0) return { added, conflicts, text: undefined as string | undefined };
  // An empty list written as [] would keep flow style; entries read better one per block.
  seq.flow = false;
  return { added, conflicts, text: doc.toString({ lineWidth: 0 }) };
}
