// The files every configuration lints: the TypeScript sources that three SDKs publish next to their
// build (installed from the registry at the versions pinned in bench/package.json), plus examples/.
// Each SDK's src/ is copied out of node_modules, because ESLint and the TypeScript project service
// both treat node_modules as someone else's code, and gets a generated tsconfig.json in place of
// the one it ships, which includes only index.ts (files not reachable from it would have no project).
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const benchDir = import.meta.dirname;
export const repoRoot = join(benchDir, '..');
export const corpusDir = join(benchDir, '.corpus');

/** The SDKs: each calls `fetch` in its HTTP core and wraps the response in its own classes. */
export const packages = [
  { name: 'openai', dir: 'openai' },
  { name: '@anthropic-ai/sdk', dir: 'anthropic' },
  { name: 'groq-sdk', dir: 'groq-sdk' },
];

// What these SDKs compile with (their own tsconfig: strict, bundler resolution, DOM lib for fetch),
// with the package name mapped to its own sources, as their repos do, for self-imports.
function tsconfigFor(name) {
  return {
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2022', 'DOM', 'DOM.Iterable'],
      module: 'esnext',
      moduleResolution: 'bundler',
      types: ['node'],
      strict: true,
      esModuleInterop: true,
      skipLibCheck: true,
      noEmit: true,
      paths: { [name]: ['./index.ts'], [`${name}/*`]: ['./*'] },
    },
    include: ['**/*.ts'],
  };
}

/** Copies the SDK sources into bench/.corpus and returns every file to lint, sorted. */
export function prepareCorpus() {
  rmSync(corpusDir, { recursive: true, force: true });
  const sources = [];
  for (const { name, dir } of packages) {
    const installed = join(benchDir, 'node_modules', name);
    if (!existsSync(join(installed, 'src'))) {
      throw new Error(`bench: ${name} is not installed in bench/node_modules; run \`npm ci --prefix bench\`.`);
    }
    const target = join(corpusDir, dir);
    cpSync(join(installed, 'src'), target, { recursive: true });
    writeFileSync(join(target, 'tsconfig.json'), `${JSON.stringify(tsconfigFor(name), null, 2)}\n`);
    const { version } = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    const files = typeScriptFiles(target);
    sources.push({ name, version, dir: relative(repoRoot, target), files: files.length });
  }
  const examples = typeScriptFiles(join(repoRoot, 'examples', 'src'));
  sources.push({ name: 'examples/src', version: '-', dir: 'examples/src', files: examples.length });
  const files = [...typeScriptFiles(corpusDir), ...examples].sort();
  return { sources, files };
}

function typeScriptFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.ts$/.test(entry.name) && !/\.d\.ts$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * The first `fraction` of the files in a fixed pseudo-random order, so that 25% ⊂ 50% ⊂ 100% and
 * each share mixes all packages the way the whole corpus does.
 */
export function sample(files, fraction) {
  const key = (file) => createHash('sha1').update(relative(repoRoot, file)).digest('hex');
  const shuffled = [...files].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return shuffled.slice(0, Math.round(files.length * fraction)).sort();
}
