/** What the console's message tests share: flattened message keys, their %{placeholders}, and the keys the console uses. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every message as `a.b.c` → text. */
export function flatten(messages: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(messages as Record<string, unknown>)) {
    if (value && typeof value === 'object') flatten(value, `${prefix}${key}.`, out);
    else out.set(`${prefix}${key}`, String(value));
  }
  return out;
}

/** The distinct %{placeholders} of a text, sorted. */
export const placeholders = (text: string) => [...new Set([...text.matchAll(/%\{(\w+)\}/g)].map((m) => m[1]))].sort();

/** The keys whose placeholders differ between two languages' messages. */
export const placeholderMismatches = (a: Map<string, string>, b: Map<string, string>) =>
  [...a.keys()].filter((k) => b.has(k) && placeholders(a.get(k)!).join() !== placeholders(b.get(k)!).join());

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

/** The message keys under `prefix` (e.g. `capaian.phone`) that the console's source files name in quotes. */
export function keysUsedByConsole(prefix: string): Set<string> {
  const pattern = new RegExp(`'(${prefix.replace(/\./g, '\\.')}\\.[\\w.]+)'`, 'g');
  const used = new Set<string>();
  for (const f of files(join(__dirname, '..', '..', 'admin', 'src')))
    for (const m of readFileSync(f, 'utf8').matchAll(pattern)) used.add(m[1].replace(/\.$/, ''));
  return used;
}
