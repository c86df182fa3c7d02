/**
 * What every command-line tool shares: argument parsing with friendly errors and the exit codes (0 ok, 1 problems
 * found, 2 bad usage). The content folder is found in content-folder.ts, so a tool that never reads content (the
 * search index step of every build) does not load the settings schema.
 */
import path from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";

/** Exit codes shared by all tools. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

/** A mistake in how the command was called: printed with the usage, exit code 2. */
export class UsageError extends Error {}

/** A problem with the input (content, feed, settings): printed as is, exit code 1. */
export class InputError extends Error {}

type Options = NonNullable<ParseArgsConfig["options"]>;

/** Parses the command line with node:util parseArgs, turning its developer-speak errors into plain sentences. */
function parseCommandLine<O extends Options>(options: O) {
  try {
    return parseArgs({ options: { ...options, help: { type: "boolean", short: "h" } }, allowPositionals: true, strict: true });
  } catch (err) {
    const message = (err as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(message);
    if (unknown) throw new UsageError(`"${unknown[1]}" is not an option of this command.`);
    const missing = /Option '([^']+)' argument missing/.exec(message);
    if (missing) throw new UsageError(`${missing[1]!.replace(/^-., /, "")} needs a value after it.`);
    throw new UsageError(message);
  }
}

/**
 * Runs a tool: parses its command line (`-h`/`--help` prints the usage), runs
 * `main` (no exit code returned means success), and prints errors the way a
 * non-developer can act on them.
 */
export async function runTool<O extends Options>(
  usage: string,
  options: O,
  main: (args: ReturnType<typeof parseCommandLine<O>>) => number | void | Promise<number | void>,
): Promise<void> {
  try {
    const args = parseCommandLine(options);
    if ((args.values as { help?: boolean }).help) process.stdout.write(usage);
    else process.exitCode = (await main(args)) ?? EXIT.ok;
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`${err.message}\n\n${usage}`);
      process.exitCode = EXIT.usage;
    } else {
      process.stderr.write(err instanceof InputError ? `${err.message}\n` : `Unexpected failure: ${(err as Error).stack ?? String(err)}\n`);
      process.exitCode = EXIT.problems;
    }
  }
}

/** "1 post", "3 posts". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** A path as the user should see it: relative to where they ran the command. */
export function shown(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith("..") ? rel : file;
}
