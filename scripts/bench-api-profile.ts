/**
 * For `bench:api` and `bench:surge`: a summary of V8 CPU profiles (`node --cpu-prof`) — where the processes' time went,
 * by package or project file (self time, and time with it anywhere on the stack) and by function.
 * `npx tsx scripts/bench-api-profile.ts <dir>` summarises the .cpuprofile files of a folder.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..');
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** What a frame belongs to: an npm package, a project file, Node's internals, or V8's own pseudo-frames. */
function categoryOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = url.slice(nm + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (url.startsWith('node:')) return 'node internals';
  const path = url.replace(/^file:\/\//, '');
  return path.startsWith(ROOT) ? relative(ROOT, path) : path;
}

function top(map: Map<string, number>, total: number, n: number): string[] {
  return [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `  ${((100 * v) / total).toFixed(1).padStart(5)}%  ${(v / 1000).toFixed(0).padStart(7)} ms  ${k}`);
}

/** Prints the summary of every .cpuprofile in `dir` (one per process or thread of `what`) together. */
export function summariseProfiles(dir: string, what = 'proses API / API processes'): void {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const file of files) {
    const p = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile;
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const cat = new Map(p.nodes.map((n) => [n.id, categoryOf(n.callFrame.url, n.callFrame.functionName)]));
    // The categories on each node's stack, computed once per node.
    const stackCats = new Map<number, Set<string>>();
    const catsOf = (id: number): Set<string> => {
      let s = stackCats.get(id);
      if (s) return s;
      const up = parent.get(id);
      s = new Set(up === undefined ? [] : catsOf(up));
      s.add(cat.get(id)!);
      stackCats.set(id, s);
      return s;
    };
    p.samples.forEach((id, i) => {
      const dt = p.timeDeltas[i] ?? 0;
      const node = byId.get(id)!;
      total += dt;
      if (node.callFrame.functionName === '(idle)') {
        idle += dt;
        return;
      }
      const c = cat.get(id)!;
      self.set(c, (self.get(c) ?? 0) + dt);
      for (const s of catsOf(id)) inclusive.set(s, (inclusive.get(s) ?? 0) + dt);
      const fn = `${node.callFrame.functionName || '(anonymous)'} ${c}:${node.callFrame.lineNumber + 1}`;
      functions.set(fn, (functions.get(fn) ?? 0) + dt);
    });
  }
  const busy = total - idle;
  console.log(
    `\nProfil CPU / CPU profile: ${files.length} × ${what} (${dir}): ${(total / 1e6).toFixed(1)} s direkam, ` +
      `${(busy / 1e6).toFixed(1)} s sibuk (${((100 * busy) / total).toFixed(0)}%), persentase dari waktu sibuk`,
  );
  console.log('Waktu sendiri (self) per paket / berkas:');
  console.log(top(self, busy, 25).join('\n'));
  console.log('Waktu dengan paket / berkas di tumpukan (inclusive):');
  console.log(
    top(inclusive, busy, 40)
      .filter((l) => !/\(root\)|node internals/.test(l))
      .join('\n'),
  );
  console.log('Fungsi teratas (self):');
  console.log(top(functions, busy, 30).join('\n'));
}

if (require.main === module) summariseProfiles(process.argv[2]);
