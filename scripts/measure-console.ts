/**
 * Measures the console build (admin/dist): the gzip size of the initial JavaScript (the entry chunk and every chunk it
 * imports statically, i.e. what the browser must fetch before the first screen) and of the largest lazy chunks.
 * Reads the Vite manifest (admin/dist/.vite/manifest.json, written because vite.config.ts sets build.manifest).
 *
 *   npx tsx scripts/measure-console.ts [--json] [--budget=350]
 *
 * Exits with status 1 when the initial JavaScript exceeds the budget (kB gzip, default 350).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ManifestChunk {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

export type Manifest = Record<string, ManifestChunk>;

export interface ChunkSize {
  key: string;
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface ConsoleMeasure {
  initial: { chunks: ChunkSize[]; bytes: number; gzipBytes: number };
  lazy: ChunkSize[];
  totalJsGzipBytes: number;
}

/** Keys of the chunks loaded before the first screen: every entry and, transitively, what it imports statically. */
export function initialChunkKeys(manifest: Manifest): string[] {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    for (const dep of manifest[key].imports ?? []) visit(dep);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  return [...seen];
}

/** Sizes (raw and gzip level 9) of every JS chunk of a build directory, split into initial and lazy. */
export function measureConsole(distDir: string): ConsoleMeasure {
  const manifestPath = path.join(distDir, '.vite', 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(`${manifestPath} tidak ada / missing: run \`npm run admin:build\` first`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const size = (key: string): ChunkSize => {
    const buf = readFileSync(path.join(distDir, manifest[key].file));
    return { key, file: manifest[key].file, bytes: buf.length, gzipBytes: gzipSync(buf, { level: 9 }).length };
  };
  const isJs = (key: string) => manifest[key].file.endsWith('.js');
  const initialKeys = new Set(initialChunkKeys(manifest).filter(isJs));
  const initial = [...initialKeys].map(size);
  const lazy = Object.keys(manifest)
    .filter((k) => isJs(k) && !initialKeys.has(k))
    .map(size)
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  const sum = (list: ChunkSize[], f: 'bytes' | 'gzipBytes') => list.reduce((n, c) => n + c[f], 0);
  return {
    initial: { chunks: initial, bytes: sum(initial, 'bytes'), gzipBytes: sum(initial, 'gzipBytes') },
    lazy,
    totalJsGzipBytes: sum(initial, 'gzipBytes') + sum(lazy, 'gzipBytes'),
  };
}

const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;

function main() {
  const args = process.argv.slice(2);
  const budgetArg = args.find((a) => a.startsWith('--budget='));
  const budget = budgetArg ? Number(budgetArg.split('=')[1]) : 350;
  const distDir = path.resolve(__dirname, '..', 'admin', 'dist');
  const m = measureConsole(distDir);
  if (args.includes('--json')) {
    console.log(JSON.stringify({ budgetKb: budget, ...m }, null, 2));
  } else {
    console.log(`Initial JS (entry + static imports): ${kB(m.initial.gzipBytes)} gzip, ${kB(m.initial.bytes)} raw`);
    for (const c of m.initial.chunks) console.log(`  ${c.file.padEnd(48)} ${kB(c.gzipBytes).padStart(10)} gzip`);
    console.log(`Largest lazy chunks (${m.lazy.length} in all):`);
    for (const c of m.lazy.slice(0, 10)) console.log(`  ${c.file.padEnd(48)} ${kB(c.gzipBytes).padStart(10)} gzip`);
    console.log(`All JS: ${kB(m.totalJsGzipBytes)} gzip. Budget for the initial JS: ${budget} kB gzip.`);
  }
  if (m.initial.gzipBytes > budget * 1000) {
    console.error(`Initial JS ${kB(m.initial.gzipBytes)} exceeds the ${budget} kB budget`);
    process.exitCode = 1;
  }
}

if (require.main === module) main();
