/**
 * Build plugin: rewrites named imports from side-effect-free barrels (react-admin, ra-core, ra-ui-materialui, MUI)
 * to the modules that define them, so that the console's chunks follow what each page really uses.
 *
 * Why: Rolldown assigns a module to the chunks of every entry that reaches it through static imports, including
 * through a barrel's re-exports that the entry never uses (rolldown/rolldown#8920; Rollup skips such barrels). The
 * console's entry imports `Admin` from 'react-admin', whose barrel re-exports every list, field, input and MUI
 * component; so the Datagrid, Autocomplete or Tabs used only by lazy pages landed in the first chunk. With the imports
 * pointing at the defining modules, the entry reaches only what the shell (login, layout, menu) needs. The packages
 * declare `"sideEffects": false`, so skipping their barrels changes no behaviour. Build only (`vite build`).
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseAst } from 'rolldown/parseAst';
import type { Plugin } from 'vite';

/** Packages whose barrels are bypassed: all declare `"sideEffects": false`. */
const PACKAGES = /[\\/]node_modules[\\/](react-admin|ra-core|ra-ui-materialui|@mui[\\/](material|system|utils))[\\/]/;

interface Definition {
  file: string;
  name: string;
}

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: any;
}

const nameOf = (n: { type: string; name?: string; value?: unknown }) =>
  n.type === 'Identifier' ? n.name! : String(n.value);

const isFile = (p: string) => existsSync(p) && statSync(p).isFile();

/** Resolves a re-export's specifier inside the barrel packages: relative files, or a package's ESM entry. */
function resolveSync(specifier: string, importer: string): string | null {
  if (specifier.startsWith('.')) {
    const base = path.resolve(path.dirname(importer), specifier);
    const found = [base, `${base}.js`, `${base}.mjs`, `${base}/index.js`, `${base}/index.mjs`].find(isFile);
    return found ? realpathSync(found) : null;
  }
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  if (name !== specifier) return null; // deep imports are resolved by the bundler, not here
  for (let dir = path.dirname(importer); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const pkgFile = path.join(dir, 'node_modules', name, 'package.json');
    if (!isFile(pkgFile)) continue;
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
    const dot = pkg.exports?.['.'];
    const entry = dot?.import?.default ?? dot?.import ?? dot?.default ?? pkg.module;
    return typeof entry === 'string' ? realpathSync(path.join(dir, 'node_modules', name, entry)) : null;
  }
  return null;
}

/** What each module of the barrel packages exports, and from which module each export really comes. */
function createExportIndex() {
  const cache = new Map<string, Map<string, Definition>>();
  const inProgress = new Set<string>();

  function build(file: string): Map<string, Definition> {
    const own = new Map<string, Definition>();
    const ast = parseAst(readFileSync(file, 'utf8'), { lang: 'js', sourceType: 'module' }, file);
    const stars: string[] = [];
    for (const node of ast.body as Node[]) {
      if (node.type === 'ExportDefaultDeclaration') own.set('default', { file, name: 'default' });
      else if (node.type === 'ExportAllDeclaration') {
        if (node.exported) own.set(nameOf(node.exported), { file, name: nameOf(node.exported) });
        else stars.push(node.source.value);
      } else if (node.type === 'ExportNamedDeclaration') {
        const d = node.declaration;
        if (d?.type === 'VariableDeclaration') {
          for (const v of d.declarations) if (v.id.type === 'Identifier') own.set(v.id.name, { file, name: v.id.name });
        } else if (d?.id) own.set(d.id.name, { file, name: d.id.name });
        const from = node.source ? resolveSync(node.source.value, file) : null;
        for (const s of node.specifiers ?? []) {
          const exported = nameOf(s.exported);
          const def = from && PACKAGES.test(from) ? exportsOf(from).get(nameOf(s.local)) : undefined;
          own.set(exported, def ?? { file, name: exported });
        }
      }
    }
    // `export *` never re-exports `default`; names declared here win over starred ones, as in ES modules.
    const all = new Map(own);
    for (const source of stars) {
      const from = resolveSync(source, file);
      if (!from || !PACKAGES.test(from)) continue; // a star from elsewhere: its names stay on this module
      for (const [name, def] of exportsOf(from)) if (name !== 'default' && !all.has(name)) all.set(name, def);
    }
    return all;
  }

  function exportsOf(file: string): Map<string, Definition> {
    const known = cache.get(file);
    if (known) return known;
    if (inProgress.has(file)) return new Map(); // a cycle of re-exports: those names stay on the barrel
    inProgress.add(file);
    try {
      const built = build(file);
      cache.set(file, built);
      return built;
    } finally {
      inProgress.delete(file);
    }
  }

  return { exportsOf };
}

/** The plugin; see the file comment. */
export function barrelImports(): Plugin {
  let index = createExportIndex();
  return {
    name: 'capaian:barrel-imports',
    apply: 'build',
    enforce: 'post',
    buildStart() {
      index = createExportIndex();
    },
    async transform(code, id) {
      const file = id.split('?')[0];
      if (!/\.(m?js|tsx?|jsx)$/.test(file)) return null;
      if (!PACKAGES.test(file) && !/react-admin|ra-core|ra-ui-materialui|@mui\//.test(code)) return null;
      const ast = parseAst(code, { sourceType: 'module', lang: 'js' }, file);
      const edits: { start: number; end: number; text: string }[] = [];
      for (const node of ast.body as Node[]) {
        if (node.type !== 'ImportDeclaration' || node.importKind === 'type' || !node.specifiers?.length) continue;
        if (node.specifiers.some((s: Node) => s.type !== 'ImportSpecifier')) continue; // default or namespace import
        const resolved = await this.resolve(node.source.value, id);
        if (!resolved || resolved.external || !path.isAbsolute(resolved.id)) continue;
        const from = realpathSync(resolved.id.split('?')[0]);
        if (!PACKAGES.test(from)) continue;
        const exports = index.exportsOf(from);
        const byFile = new Map<string, string[]>();
        const kept: string[] = [];
        for (const s of node.specifiers as Node[]) {
          const imported = nameOf(s.imported);
          const local = s.local.name as string;
          const def = exports.get(imported);
          if (!def || def.file === from) kept.push(imported === local ? local : `${imported} as ${local}`);
          else
            byFile.set(def.file, [
              ...(byFile.get(def.file) ?? []),
              def.name === local ? local : `${def.name} as ${local}`,
            ]);
        }
        if (!byFile.size) continue;
        const lines = [...byFile].map(([f, names]) => `import { ${names.join(', ')} } from ${JSON.stringify(f)};`);
        if (kept.length) lines.push(`import { ${kept.join(', ')} } from ${JSON.stringify(node.source.value)};`);
        edits.push({ start: node.start, end: node.end, text: lines.join(' ') });
      }
      if (!edits.length) return null;
      let out = code;
      for (const e of edits.reverse()) out = out.slice(0, e.start) + e.text + out.slice(e.end);
      return { code: out, map: null };
    },
  };
}
