/**
 * Which files a request to the local CMS server may touch: only those inside the content folder, judged on where each
 * path really lands (symlinks of the part that exists followed), since decap-server accepts any path of the repository.
 */
import fs from "node:fs/promises";
import path from "node:path";

/** A request the server will not carry out; `status` is the HTTP answer. */
export class Refusal extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/** Parameter names that hold a folder (the content folder itself is allowed there). */
const FOLDER_KEYS = new Set(["folder", "mediaFolder"]);
/** Parameter names that hold a file path, or (`paths`) a list of them. */
const FILE_KEYS = new Set(["path", "newPath", "paths"]);

/** A path named in a request, and whether it names a folder. */
type NamedPath = { value: string; folder: boolean };

/**
 * Every path named anywhere in an action's params, at any depth (`entry.path`, `dataFiles[].newPath`, `assets[].path`,
 * `paths[]`, …), so an action whose shape changes in a later decap-server is still covered. A path key holding
 * anything but a string is refused rather than skipped.
 */
export function namedPaths(params: unknown): NamedPath[] {
  const found: NamedPath[] = [];
  const visit = (value: unknown, where: string): void => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, `${where}[${i}]`));
      return;
    }
    if (value === null || typeof value !== "object") return;
    for (const [key, child] of Object.entries(value)) {
      const at = where ? `${where}.${key}` : key;
      if (!FOLDER_KEYS.has(key) && !FILE_KEYS.has(key)) {
        visit(child, at);
        continue;
      }
      if (key === "paths" && !Array.isArray(child)) throw new Refusal(422, `Refused: params.${at} must be a list of paths.`);
      for (const item of key === "paths" ? (child as unknown[]) : [child]) {
        if (typeof item !== "string") throw new Refusal(422, `Refused: params.${at} must be a path (a string).`);
        found.push({ value: item, folder: FOLDER_KEYS.has(key) });
      }
    }
  };
  visit(params, "");
  return found;
}

/** Where `absolute` really lands: the real path of its longest existing part with the missing rest appended (a dangling symlink throws). */
async function realTarget(absolute: string): Promise<string> {
  const exists = await fs.lstat(absolute).then(
    () => true,
    (err: NodeJS.ErrnoException) => {
      if (err.code === "ENOENT" || err.code === "ENOTDIR") return false;
      throw err;
    },
  );
  const parent = path.dirname(absolute);
  if (exists || parent === absolute) return fs.realpath(absolute);
  return path.join(await realTarget(parent), path.basename(absolute));
}

/** Whether `target` is `folder` or inside it (both real, absolute paths). */
function isInside(folder: string, target: string, allowSelf: boolean): boolean {
  const relative = path.relative(folder, target);
  if (relative === "") return allowSelf;
  return relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

/** Resolves the content folder; it must exist and lie inside the repository folder. */
export async function contentFolder(repoDir: string, contentDir: string) {
  const [repoReal, real] = await Promise.all([fs.realpath(repoDir), fs.realpath(contentDir)]);
  if (!isInside(repoReal, real, false)) {
    throw new Error(`The content folder ${contentDir} must be inside the repository folder ${repoDir} (GIT_REPO_DIRECTORY)`);
  }
  // decap-server resolves request paths against `repoDir` and lists files relative to its real path; `name` is how the CMS names the content folder.
  return { repoDir: path.resolve(repoDir), repoReal, real, name: path.relative(repoReal, real).split(path.sep).join("/") };
}

/** The content folder as requests see it: repository-relative for messages, real for checks. */
export type ContentFolder = Awaited<ReturnType<typeof contentFolder>>;

/** Throws a 403 Refusal unless `named` lands inside the content folder. */
export async function checkPath(content: ContentFolder, named: NamedPath): Promise<void> {
  const refuse = () => new Refusal(403, `Refused: ${JSON.stringify(named.value)} is outside the content folder (${content.name}/).`);
  // Percent-escapes and backslashes are never in a file name the CMS makes; refused so that
  // nothing later that decodes them (a host, a URL) can read them as "../".
  if (named.value === "" || /\0|\\|%[0-9a-f]{2}/i.test(named.value)) throw refuse();
  // Resolved exactly as decap-server resolves it: against the repository folder.
  const target = await realTarget(path.resolve(content.repoDir, named.value)).catch(() => {
    throw refuse();
  });
  if (!isInside(content.real, target, named.folder)) throw refuse();
}

/** Whether a repository-relative path of a listed file really lies inside the content folder. */
export async function listedInside(content: ContentFolder, relative: string): Promise<boolean> {
  try {
    return isInside(content.real, await fs.realpath(path.resolve(content.repoReal, relative)), false);
  } catch {
    return false;
  }
}
