/**
 * `npm run fonts`: regenerates the core font files (src/styles/fonts/) and
 * src/styles/fonts.css from the installed @fontsource packages. Run it after
 * updating those packages or changing src/fonts/faces.ts.
 */
import fs from "node:fs";
import path from "node:path";
import { generateFonts } from "../fonts/generate.ts";

const STYLES = path.resolve(import.meta.dirname, "../styles");

const { css, files } = await generateFonts();
const dir = path.join(STYLES, "fonts");
fs.mkdirSync(dir, { recursive: true });
for (const old of fs.readdirSync(dir)) if (old.endsWith(".woff2") && !files.has(old)) fs.rmSync(path.join(dir, old));
for (const [name, bytes] of files) {
  fs.writeFileSync(path.join(dir, name), bytes);
  process.stdout.write(`${path.relative(process.cwd(), path.join(dir, name))}: ${(bytes.length / 1024).toFixed(1)} KB\n`);
}
fs.writeFileSync(path.join(STYLES, "fonts.css"), css);
process.stdout.write(`${path.relative(process.cwd(), path.join(STYLES, "fonts.css"))}: ${files.size * 2} faces\n`);
