/**
 * Runs a build as a child process and measures it from the outside: wall time,
 * and peak memory of the whole process tree (Astro may start workers, Pagefind
 * runs a binary). Memory is sampled from /proc every 100 ms: the sum of VmRSS
 * over the tree, and each process's own high-water mark VmHWM, which catches a
 * single process's peak between samples.
 * https://man7.org/linux/man-pages/man5/proc_pid_status.5.html
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const GNU_TIME = "/usr/bin/time";

/** What one measured command gave. */
export interface RunResult {
  wallMs: number;
  /** Peak memory of the process tree in bytes (0 where /proc is missing). */
  peakBytes: number;
  /** User + system CPU time of the process and its waited-for children (null without /usr/bin/time): steadier than wall time on a shared machine. */
  cpuMs: number | null;
  /** stdout and stderr, interleaved. */
  log: string;
  code: number;
}

function statusKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** The pid and all its descendants (via /proc/<pid>/task/<tid>/children). */
export function processTree(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    let tasks: string[] = [];
    try {
      tasks = fs.readdirSync(`/proc/${out[i]}/task`);
    } catch {
      continue;
    }
    for (const tid of tasks) {
      try {
        const kids = fs.readFileSync(`/proc/${out[i]}/task/${tid}/children`, "utf8").trim();
        if (kids) out.push(...kids.split(/\s+/).map(Number));
      } catch {
        // the task ended between readdir and read
      }
    }
  }
  return out;
}

/** Runs `command args` with `env`, under `nice` when `niceness` > 0; rejects with the log when it fails. */
export function measure(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; niceness?: number }): Promise<RunResult> {
  // GNU time reports the CPU time of the whole waited-for tree: https://man7.org/linux/man-pages/man1/time.1.html
  const timeFile = fs.existsSync(GNU_TIME) ? path.join(os.tmpdir(), `p2p-bench-time-${process.pid}-${Date.now()}.txt`) : null;
  let argv = timeFile ? [GNU_TIME, "-f", "%U %S %M", "-o", timeFile, command, ...args] : [command, ...args];
  if (options.niceness) argv = ["nice", "-n", String(options.niceness), ...argv];
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(argv[0]!, argv.slice(1), { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => chunks.push(c));
    child.stderr.on("data", (c: Buffer) => chunks.push(c));
    let peak = 0;
    const hwm = new Map<number, number>();
    const sample = () => {
      if (!child.pid) return;
      let sum = 0;
      for (const pid of processTree(child.pid)) {
        sum += statusKb(pid, "VmRSS");
        hwm.set(pid, Math.max(hwm.get(pid) ?? 0, statusKb(pid, "VmHWM")));
      }
      peak = Math.max(peak, sum);
    };
    const timer = setInterval(sample, 100);
    child.on("error", (err) => {
      clearInterval(timer);
      reject(err);
    });
    child.on("close", (code) => {
      clearInterval(timer);
      const wallMs = performance.now() - start;
      const log = Buffer.concat(chunks).toString("utf8");
      let cpuMs: number | null = null;
      let timeKb = 0;
      if (timeFile && fs.existsSync(timeFile)) {
        const [user, sys, maxKb] = fs.readFileSync(timeFile, "utf8").trim().split("\n").pop()!.split(" ").map(Number);
        fs.rmSync(timeFile, { force: true });
        if (Number.isFinite(user) && Number.isFinite(sys)) cpuMs = (user! + sys!) * 1000;
        timeKb = maxKb ?? 0;
      }
      const peakKb = Math.max(peak, timeKb, ...hwm.values(), 0);
      if (code !== 0) {
        reject(new Error(`${command} ${args.join(" ")} failed (exit ${code}):\n${log.slice(-4000)}`));
        return;
      }
      resolve({ wallMs, peakBytes: peakKb * 1024, cpuMs, log, code: code ?? 0 });
    });
  });
}

/** Two commands run one after the other as one: times add up, memory is the higher peak (the first had exited). */
export function sequence(first: RunResult, second: RunResult): RunResult {
  return {
    wallMs: first.wallMs + second.wallMs,
    peakBytes: Math.max(first.peakBytes, second.peakBytes),
    cpuMs: first.cpuMs === null || second.cpuMs === null ? null : first.cpuMs + second.cpuMs,
    log: first.log + second.log,
    code: second.code,
  };
}

/** Total size and count of the files under `dir`, optionally only those whose relative path passes `filter`. */
export function folderStats(dir: string, filter: (rel: string) => boolean = () => true): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  if (!fs.existsSync(dir)) return { bytes, files };
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = `${entry.parentPath}/${entry.name}`;
    if (!filter(full.slice(dir.length + 1))) continue;
    bytes += fs.statSync(full).size;
    files++;
  }
  return { bytes, files };
}
