// `npm run lint` runs this: it fails when the plugin's own modules import each other in a cycle, or
// when a folder of lib/ imports from a folder above it (`LAYERS`). A cycle means two modules are each
// other's layer below: pieces of them belong at another depth (shared types in a module of their own,
// a callback from the layer above, a function moved to the module that owns it). Type-only imports
// count too: they carry the same layering.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** Every `.ts` file (declarations excepted) under `roots`, which are files or folders relative to `base`. */
export function sourceFiles(base: string, roots: readonly string[]): string[] {
  const files: string[] = [];
  const visit = (file: string): void => {
    if (statSync(file).isDirectory()) {
      for (const entry of readdirSync(file).sort()) visit(path.join(file, entry));
    } else if (file.endsWith('.ts') && !file.endsWith('.d.ts')) {
      files.push(path.resolve(file));
    }
  };
  for (const root of roots) visit(path.join(base, root));
  return files;
}

/** The files among `files` that each one imports or re-exports by a relative specifier. */
export function importGraph(files: readonly string[]): Map<string, string[]> {
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = new Set<string>();
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith('.')) continue;
      // NodeNext specifiers name the emitted `.js`; the source is the `.ts` beside it.
      const target = path.resolve(path.dirname(file), fileName).replace(/\.js$/, '.ts');
      if (known.has(target)) targets.add(target);
    }
    graph.set(file, [...targets].sort());
  }
  return graph;
}

/**
 * The import cycles of `graph`: every elementary cycle (no module twice), each starting at its
 * first module in path order, at most `limit` of them. Cycles are found within each strongly
 * connected component (Tarjan), so modules outside every cycle cost nothing.
 */
export function importCycles(graph: ReadonlyMap<string, readonly string[]>, limit = 100): string[][] {
  const cycles: string[][] = [];
  for (const component of stronglyConnected(graph)) {
    const members = [...component].sort();
    for (const [i, start] of members.entries()) {
      // Cycles through `start` and later members only, so each cycle is found once, from its first module.
      const allowed = new Set(members.slice(i));
      const trail = [start];
      const extend = (node: string): void => {
        for (const next of graph.get(node) ?? []) {
          if (cycles.length >= limit) return;
          if (next === start) cycles.push([...trail]);
          else if (allowed.has(next) && !trail.includes(next)) {
            trail.push(next);
            extend(next);
            trail.pop();
          }
        }
      };
      extend(start);
    }
  }
  return cycles.sort((a, b) => a.join('\0').localeCompare(b.join('\0')));
}

/** The strongly connected components of `graph` that hold a cycle (more than one module, or a self-import). */
function stronglyConnected(graph: ReadonlyMap<string, readonly string[]>): Set<string>[] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: Set<string>[] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component = new Set<string>();
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.add(member);
    } while (member !== node);
    if (component.size > 1 || (graph.get(node) ?? []).includes(node)) components.push(component);
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return components;
}

/** Each cycle as one line, `a.ts → b.ts → a.ts`, with paths relative to `base`. */
export function describeCycles(graph: ReadonlyMap<string, readonly string[]>, base: string): string[] {
  const relative = (file: string): string => path.relative(base, file).split(path.sep).join('/');
  return importCycles(graph).map((cycle) => [...cycle, cycle[0]!].map(relative).join(' → '));
}

/**
 * The folders of lib/ (and single files, which override their folder) with the only folders each
 * may import from besides its own, from the bottom up: the client models are data, the code-path
 * walker knows nothing about HTTP, the type layer knows only the models; tracking classifies and
 * follows responses, summaries say what a function does with one it is passed, and the tracker,
 * which runs it all for a file, is the one module of tracking that uses them. lib/ itself holds both
 * the options (below tracking) and the per-file composition (above it), so it has no entry.
 */
export const LAYERS: Readonly<Record<string, readonly string[]>> = {
  'lib/clients': [],
  'lib/code-paths': [],
  'lib/types': ['lib/clients'],
  'lib/tracking': ['lib', 'lib/clients', 'lib/code-paths', 'lib/types'],
  'lib/summaries': ['lib/clients', 'lib/tracking', 'lib/types'],
  'lib/tracking/response-tracker.ts': ['lib', 'lib/clients', 'lib/code-paths', 'lib/summaries', 'lib/types'],
  'lib/fixes': ['lib', 'lib/clients', 'lib/tracking'],
};

/**
 * The modules of lib/clients/ that the rest of the plugin may import: the model's types, the list
 * of clients and what it derives, and Node's own sinks. No module outside names one client's file,
 * so that adding a client is adding its file (and its entry in the list).
 */
export const CLIENT_ENTRIES: readonly string[] = ['lib/clients/client-model.ts', 'lib/clients/index.ts', 'lib/clients/inert-sinks.ts'];

/**
 * Each import that leaves a folder of `layers` for a folder it may not use, or reaches into
 * lib/clients/ past `CLIENT_ENTRIES`, as `from → to`.
 */
export function layerViolations(
  graph: ReadonlyMap<string, readonly string[]>,
  base: string,
  layers: Readonly<Record<string, readonly string[]>> = LAYERS,
): string[] {
  const relative = (file: string): string => path.relative(base, file).split(path.sep).join('/');
  const violations: string[] = [];
  for (const [file, targets] of graph) {
    const folder = path.posix.dirname(relative(file));
    const allowed = layers[relative(file)] ?? layers[folder];
    for (const target of targets) {
      const targetFolder = path.posix.dirname(relative(target));
      const intoClient = targetFolder === 'lib/clients' && folder !== targetFolder && !CLIENT_ENTRIES.includes(relative(target));
      if (intoClient || (allowed && targetFolder !== folder && !allowed.includes(targetFolder))) violations.push(`${relative(file)} → ${relative(target)}`);
    }
  }
  return violations.sort();
}

/** What the plugin is built from: the modules that `tsconfig.build.json` compiles. */
export const PLUGIN_ROOTS = ['index.ts', 'lib', 'rules'] as const;

function main(): void {
  const base = path.resolve(__dirname, '..');
  const roots = PLUGIN_ROOTS.filter((root) => existsSync(path.join(base, root)));
  const files = sourceFiles(base, roots);
  const graph = importGraph(files);
  const cycles = describeCycles(graph, base);
  const violations = layerViolations(graph, base);
  if (cycles.length === 0 && violations.length === 0) {
    console.log(`check-import-cycles: ${files.length} modules of ${roots.join(', ')}, no import cycle, layers kept.`);
    return;
  }
  if (cycles.length > 0) {
    console.error(`check-import-cycles: ${cycles.length} import cycle${cycles.length === 1 ? '' : 's'} among the modules of ${roots.join(', ')}:`);
    for (const cycle of cycles) console.error(`  ${cycle}`);
  }
  if (violations.length > 0) {
    console.error('check-import-cycles: imports from above the layer (see LAYERS in scripts/check-import-cycles.ts):');
    for (const violation of violations) console.error(`  ${violation}`);
  }
  process.exitCode = 1;
}

if (require.main === module) main();
