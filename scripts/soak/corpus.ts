import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { SourceSpec } from './corpus-sources.js';

/** Folder of the pinned corpus manifest (`package.json`, `package-lock.json`, `.npmrc`). */
export const manifestDir = path.join(__dirname, 'corpus');

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const DECLARATION = /\.d\.[cm]?ts$/;
// Bundles are one generated line per module; they test the minifier, not code people write.
const MINIFIED = /[.-]min\.[cm]?js$/;
const SKIPPED_WHEN_STAGING = new Set(['node_modules', 'tsconfig.json', 'jsconfig.json']);

/** One package copied into the stage folder, with the files the soak lints. */
export interface StagedPackage {
  readonly name: string;
  readonly version: string;
  /** The staged copy: the package's own files plus the generated `tsconfig.json`. */
  readonly root: string;
  /** Absolute paths, sorted. */
  readonly files: readonly string[];
}

/**
 * Installs the pinned corpus with `npm ci` into a cache folder under the OS temp dir, once per
 * lockfile: a second run reuses it. Returns the folder that holds `node_modules`.
 */
export function installCorpus(log: (line: string) => void = () => {}): string {
  const lock = fs.readFileSync(path.join(manifestDir, 'package-lock.json'));
  const key = createHash('sha256').update(lock).digest('hex').slice(0, 12);
  const dir = path.join(os.tmpdir(), 'eslint-plugin-drain-soak', `corpus-${key}`);
  const done = path.join(dir, '.installed');
  if (fs.existsSync(done)) {
    log(`corpus: reusing ${dir}`);
    return dir;
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const name of ['package.json', 'package-lock.json', '.npmrc']) {
    fs.copyFileSync(path.join(manifestDir, name), path.join(dir, name));
  }
  log(`corpus: npm ci into ${dir}`);
  // Lifecycle scripts stay off: the soak reads these packages, it never runs them.
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  fs.writeFileSync(done, new Date().toISOString());
  return dir;
}

/** A fresh, empty stage folder under the OS temp dir whose `node_modules` is `modulesDir`. */
export function createStage(prefix: string, modulesDir: string): string {
  const base = path.join(os.tmpdir(), 'eslint-plugin-drain-soak');
  fs.mkdirSync(base, { recursive: true });
  const stage = fs.mkdtempSync(path.join(base, `${prefix}-`));
  fs.symlinkSync(modulesDir, path.join(stage, 'node_modules'), 'junction');
  return stage;
}

/**
 * Copies each package out of `node_modules` into `stage/corpus/<name>`, where ESLint does not skip
 * it (flat config ignores `node_modules`) and where a generated `tsconfig.json` can sit without
 * touching the install. Imports still resolve: `stage/node_modules` points at the install, and a
 * package's own nested `node_modules` is linked next to its copy.
 */
export function stagePackages(
  stage: string,
  modulesDir: string,
  sources: Readonly<Record<string, SourceSpec>>,
): StagedPackage[] {
  const staged: StagedPackage[] = [];
  for (const [name, spec] of Object.entries(sources)) {
    const from = path.join(modulesDir, name);
    const root = path.join(stage, 'corpus', name);
    const version = (JSON.parse(fs.readFileSync(path.join(from, 'package.json'), 'utf8')) as { version: string }).version;
    fs.cpSync(from, root, {
      recursive: true,
      // A package's own tsconfig would extend files that were not published; ours replaces it.
      filter: (source) => !SKIPPED_WHEN_STAGING.has(path.basename(source)) && !source.endsWith('.map'),
    });
    const nested = path.join(from, 'node_modules');
    if (fs.existsSync(nested)) fs.symlinkSync(nested, path.join(root, 'node_modules'), 'junction');
    const files = listSources(root, spec);
    writeTsconfig(root, files, spec);
    staged.push({ name, version, root, files });
  }
  return staged;
}

/** The files of a staged package that `spec` selects. */
export function listSources(root: string, spec: SourceSpec): string[] {
  const extensions = spec.extensions ?? SOURCE_EXTENSIONS;
  const excluded = new Set((spec.exclude ?? []).map((dir) => path.join(root, dir)));
  const files: string[] = [];
  const visit = (entry: string): void => {
    if (excluded.has(entry)) return;
    const stat = fs.statSync(entry, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      if (path.basename(entry) === 'node_modules') return;
      for (const child of fs.readdirSync(entry)) visit(path.join(entry, child));
    } else if (
      extensions.some((extension) => entry.endsWith(extension)) &&
      !DECLARATION.test(entry) &&
      !MINIFIED.test(entry)
    ) {
      files.push(entry);
    }
  };
  for (const include of spec.include) visit(path.join(root, include));
  return files.sort();
}

/**
 * A tsconfig that gives every linted file type information: lenient module resolution (the
 * packages import with and without extensions), JavaScript allowed (its JSDoc types count either
 * way; checked only where the package asks, for the `tsc` comparison), DOM and Node
 * globals both present as most of these packages run in both. The files are listed one by one:
 * an `include` glob drops `x.mjs` when `x.d.mts` sits next to it, and the project service would
 * then not find the file.
 */
export function writeTsconfig(
  root: string,
  files: readonly string[],
  options: Pick<SourceSpec, 'checkJs' | 'paths' | 'declarations'> = {},
): void {
  const tsconfig = {
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2023', 'DOM', 'DOM.Iterable', 'ESNext.Disposable'],
      module: 'ESNext',
      moduleResolution: 'Bundler',
      allowJs: true,
      checkJs: options.checkJs ?? false,
      jsx: 'preserve',
      strict: true,
      skipLibCheck: true,
      noEmit: true,
      allowImportingTsExtensions: true,
      resolveJsonModule: true,
      esModuleInterop: true,
      types: ['node'],
      ...(options.paths ? { paths: options.paths } : {}),
    },
    files: [
      ...files.map((file) => path.relative(root, file).split(path.sep).join('/')),
      ...(options.declarations ?? []),
    ],
  };
  fs.writeFileSync(path.join(root, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
}
