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
  /** User + system CPU seconds. */
  cpu: number;
  rssBytes: number;
}

function readStat(pid: number): ProcStat | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command may hold spaces and parentheses: the fields follow the last ')'.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const rssPages = Number(f[21]);
    return { pid, ppid: Number(f[1]), cpu: (Number(f[11]) + Number(f[12])) / TICKS, rssBytes: rssPages * 4096 };
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

/** The processes `roots` and all their descendants, as they are now. */
export function processTree(roots: number[]): ProcStat[] {
  const all = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map((d) => readStat(Number(d)))
    .filter((s): s is ProcStat => s !== null);
  const byPid = new Map(all.map((s) => [s.pid, s]));
  const children = new Map<number, ProcStat[]>();
  for (const s of all) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  const out: ProcStat[] = [];
  const visit = (pid: number) => {
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
export function sampleProcesses(roots: () => number[]) {
  const firstCpu = new Map<number, number>();
  const lastCpu = new Map<number, number>();
  let rssTotalMax = 0;
  let rssOneMax = 0;
  const sample = () => {
    const tree = processTree(roots());
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
