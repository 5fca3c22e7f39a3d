// The code bases every configuration lints: TypeScript sources that packages publish next to their
// build (installed from the registry at the versions pinned in bench/package.json), plus examples/.
// Each package's src/ is copied out of node_modules, because ESLint and the TypeScript project
// service both treat node_modules as someone else's code, and gets a generated tsconfig.json in
// place of the one it ships, which includes only index.ts (files not reachable from it would have
// no project). The targets hold per code base, so each one is linted in runs of its own.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const benchDir = import.meta.dirname;
export const repoRoot = join(benchDir, '..');
export const corpusDir = join(benchDir, '.corpus');

/**
 * The code bases. `projects` are copied to `bench/.corpus/<dir>`; the packages of one project are
 * one TypeScript program, with each package name mapped to its sources as its monorepo does.
 * `relint` names the files the editor test edits: the code base's HTTP core.
 */
export const codeBases = [
  {
    id: 'sdks',
    kind: 'three API SDKs (Stainless) and the examples: each calls fetch in its HTTP core and wraps the response',
    projects: [
      { dir: 'openai', packages: [{ name: 'openai', dir: '.' }] },
      { dir: 'anthropic', packages: [{ name: '@anthropic-ai/sdk', dir: '.' }] },
      { dir: 'groq-sdk', packages: [{ name: 'groq-sdk', dir: '.' }] },
    ],
    examples: true,
    relint: ['openai/client.ts', 'openai/resources/chat/completions/completions.ts'],
  },
  {
    id: 'tanstack-start',
    kind: 'server framework: TanStack Start\'s request handler, server functions and middleware over router-core; builds, passes and returns `Response` objects',
    projects: [
      {
        dir: 'tanstack-start',
        packages: [
          { name: '@tanstack/start-server-core', dir: 'start-server-core' },
          { name: '@tanstack/start-client-core', dir: 'start-client-core' },
          { name: '@tanstack/router-core', dir: 'router-core' },
        ],
      },
    ],
    relint: ['tanstack-start/start-server-core/createStartHandler.ts', 'tanstack-start/start-server-core/server-functions-handler.ts'],
  },
  {
    id: 'auth-core',
    kind: 'auth framework: Auth.js\'s `Request` → `Response` handler, OAuth flows over fetch (oauth4webapi), cookies and redirects',
    // Its pages are Preact components.
    projects: [{ dir: 'auth-core', packages: [{ name: '@auth/core', dir: '.' }], compilerOptions: { jsxImportSource: 'preact' } }],
    relint: ['auth-core/lib/index.ts', 'auth-core/lib/actions/callback/oauth/callback.ts'],
  },
  {
    id: 'cloudflare',
    kind: 'large generated API client: about 1,900 files, half a million lines, one fetch core',
    projects: [{ dir: 'cloudflare', packages: [{ name: 'cloudflare', dir: '.' }] }],
    relint: ['cloudflare/client.ts', 'cloudflare/resources/zones/zones.ts'],
    largest: true,
  },
];

// What these packages compile with (their own tsconfig: strict, bundler resolution, DOM lib for
// fetch), with each package name mapped to its own sources, as their repos do, for self-imports
// and imports of a sibling package.
function tsconfigFor({ packages, compilerOptions }) {
  const paths = {};
  for (const { name, dir } of packages) {
    // Without extensions: a substitution that names one makes the checker fail on some imports
    // (a `Debug Failure` in `resolveExternalModule`); bundler resolution finds index.ts(x) itself.
    paths[name] = [`./${dir}/index`];
    paths[`${name}/*`] = [`./${dir}/*`];
  }
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
      jsx: 'react-jsx',
      paths,
      ...compilerOptions,
    },
    include: ['**/*.ts', '**/*.tsx'],
  };
}

/**
 * Copies the sources into bench/.corpus and returns each code base with its files (sorted), and
 * all files together.
 */
export function prepareCorpus() {
  // Copied again only when a version or this file changed, so that a run never pulls the files
  // from under another process that lints them (a profile, a second build's bench).
  const stamp = join(corpusDir, '.stamp');
  const wanted = JSON.stringify({
    script: createHash('sha1').update(readFileSync(new URL(import.meta.url))).digest('hex'),
    versions: codeBases.flatMap((base) => base.projects.flatMap((project) => project.packages.map(({ name }) => `${name}@${installedVersion(name)}`))),
  });
  const fresh = !existsSync(stamp) || readFileSync(stamp, 'utf8') !== wanted;
  if (fresh) rmSync(corpusDir, { recursive: true, force: true });
  const bases = [];
  for (const base of codeBases) {
    const sources = [];
    for (const project of base.projects) {
      const root = join(corpusDir, project.dir);
      for (const { name, dir } of project.packages) {
        const installed = join(benchDir, 'node_modules', name);
        if (!existsSync(join(installed, 'src'))) throw new Error(`bench: ${name} ships no src/ in bench/node_modules.`);
        const target = join(root, dir);
        if (fresh) cpSync(join(installed, 'src'), target, { recursive: true });
        sources.push({ name, version: installedVersion(name), dir: relative(repoRoot, target), files: typeScriptFiles(target).length });
      }
      if (fresh) writeFileSync(join(root, 'tsconfig.json'), `${JSON.stringify(tsconfigFor(project), null, 2)}\n`);
    }
    const dirs = base.projects.map((project) => join(corpusDir, project.dir));
    if (base.examples) {
      const examples = join(repoRoot, 'examples', 'src');
      dirs.push(examples);
      sources.push({ name: 'examples/src', version: '-', dir: 'examples/src', files: typeScriptFiles(examples).length });
    }
    const files = dirs.flatMap(typeScriptFiles).sort();
    const lines = files.reduce((sum, file) => sum + readFileSync(file, 'utf8').split('\n').length, 0);
    bases.push({
      id: base.id,
      kind: base.kind,
      largest: Boolean(base.largest),
      sources,
      files,
      lines,
      relint: base.relint.map((file) => join(corpusDir, file)),
    });
  }
  if (fresh) writeFileSync(stamp, wanted);
  return { codeBases: bases, files: bases.flatMap((base) => base.files) };
}

function installedVersion(name) {
  const manifest = join(benchDir, 'node_modules', name, 'package.json');
  if (!existsSync(manifest)) throw new Error(`bench: ${name} is not installed in bench/node_modules; run \`npm ci --prefix bench\`.`);
  return JSON.parse(readFileSync(manifest, 'utf8')).version;
}

function typeScriptFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.d\.ts$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * The first `fraction` of the files in a fixed pseudo-random order, so that 25% ⊂ 50% ⊂ 100% and
 * each share mixes all packages the way the whole code base does.
 */
export function sample(files, fraction) {
  const key = (file) => createHash('sha1').update(relative(repoRoot, file)).digest('hex');
  const shuffled = [...files].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return shuffled.slice(0, Math.round(files.length * fraction)).sort();
}
