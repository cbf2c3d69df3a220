/**
 * CPU and memory of a set of processes and their descendants (an API primary and its cluster workers, worker
 * processes), read from Linux's /proc: what a benchmark that runs the system as separate processes reports.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ: 100 on Linux). */
const TICKS = 100;

interface ProcStat {
  pid: number;
  ppid: number;
  /** User + system CPU seconds, its ended children's included. */
  cpu: number;
  rssBytes: number;
}

function readStat(pid: number): ProcStat | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command may hold spaces and parentheses: the fields follow the last ')'.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const rssPages = Number(f[21]);
    // utime + stime, and cutime + cstime: the CPU of its children that ended (PostgreSQL's backends come and go).
    const cpu = (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / TICKS;
    return { pid, ppid: Number(f[1]), cpu, rssBytes: rssPages * 4096 };
  } catch {
    return null; // gone meanwhile
  }
}

/** CPU time (user + system, ms) of each process. */
export function cpuTimes(pids: number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const pid of pids) {
    const s = readStat(pid);
    if (s) out.set(pid, s.cpu * 1000);
  }
  return out;
}

/** CPU ms spent between two readings (a process that appeared in between counts from zero). */
export function cpuSpent(before: Map<number, number>, after: Map<number, number>): number {
  let ms = 0;
  for (const [pid, t] of after) ms += t - (before.get(pid) ?? 0);
  return ms;
}

/** Processes whose command line contains `fragment` (a data directory, a binary's path): services started by others. */
export function pidsByCommandLine(fragment: string): number[] {
  const out: number[] = [];
  for (const d of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      if (readFileSync(`/proc/${d}/cmdline`, 'utf8').replaceAll('\0', ' ').includes(fragment)) out.push(Number(d));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** The processes `roots` and all their descendants, as they are now, less the subtrees of `exclude`. */
export function processTree(roots: number[], exclude: number[] = []): ProcStat[] {
  const all = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map((d) => readStat(Number(d)))
    .filter((s): s is ProcStat => s !== null);
  const byPid = new Map(all.map((s) => [s.pid, s]));
  const children = new Map<number, ProcStat[]>();
  for (const s of all) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  const out: ProcStat[] = [];
  const seen = new Set<number>(exclude);
  const visit = (pid: number) => {
    if (seen.has(pid)) return; // a root that descends from another root counts once
    seen.add(pid);
    const self = byPid.get(pid);
    if (self) out.push(self);
    for (const c of children.get(pid) ?? []) visit(c.pid);
  };
  for (const r of roots) visit(r);
  return out;
}

/**
 * Samples a group of process trees each second: CPU seconds used from the first sample on, and the largest total and
 * single-process RSS seen. Processes restarted meanwhile count from their own start.
 */
export function sampleProcesses(roots: () => number[], exclude: () => number[] = () => []) {
  const firstCpu = new Map<number, number>();
  const lastCpu = new Map<number, number>();
  let rssTotalMax = 0;
  let rssOneMax = 0;
  const sample = () => {
    const tree = processTree(roots(), exclude());
    for (const p of tree) {
      if (!firstCpu.has(p.pid)) firstCpu.set(p.pid, p.cpu);
      lastCpu.set(p.pid, p.cpu);
    }
    rssTotalMax = Math.max(
      rssTotalMax,
      tree.reduce((s, p) => s + p.rssBytes, 0),
    );
    rssOneMax = Math.max(rssOneMax, ...tree.map((p) => p.rssBytes), 0);
  };
  sample();
  const timer = setInterval(sample, 1000);
  return {
    stop() {
      sample();
      clearInterval(timer);
      let cpu = 0;
      for (const [pid, last] of lastCpu) cpu += last - (firstCpu.get(pid) ?? last);
      return { cpuSeconds: cpu, rssTotalMax, rssOneMax };
    },
  };
}

/**
 * CPU seconds of several named process groups over the same span (the system, Temporal's server, PostgreSQL), each
 * without the others' subtrees: the bench process is the parent of the servers it started.
 */
export function sampleGroups<K extends string>(groups: Record<K, () => number[]>) {
  const entries = Object.entries<() => number[]>(groups);
  const samplers = entries.map(([name, roots]) => {
    const others = () => entries.filter(([n]) => n !== name).flatMap(([, r]) => r());
    return [name, sampleProcesses(roots, others)] as const;
  });
  return {
    stop(): Record<K, number> {
      return Object.fromEntries(samplers.map(([name, s]) => [name, s.stop().cpuSeconds])) as Record<K, number>;
    },
  };
}

/** `name 12 s (3.4 ms), …`: each group's CPU and its cost per unit of work (a completion, an employee's period). */
export function cpuSplit(cpu: Record<string, number>, units: number, unit: string): string {
  return Object.entries(cpu)
    .map(([name, s]) => `${name} ${s.toFixed(0)} s (${((s * 1000) / Math.max(1, units)).toFixed(1)} ms/${unit})`)
    .join(', ');
}
