/** The program page's content (`content/pages/program.yaml`), ready for pages and components. */
import { getEntry } from "astro:content";
import type { ProgramData } from "../schema/index.ts";

/** The validated program page (every post's callout asks for it); throws naming the file when it is missing. */
export async function getProgram(): Promise<ProgramData> {
  const entry = await getEntry("program", "program");
  if (!entry) throw new Error("content/pages/program.yaml is missing: the program page, its calendar file and the post callout need it");
  return entry.data;
}
