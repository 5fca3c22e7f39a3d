import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { latencyConfig, latencySetups, measureEditorLatency, pairedShare } from './harness/editor-latency.js';
import { EslintSession, serverScript } from './harness/eslint-session.js';
import { examplesDir, fixableExample } from './harness/example-files.js';
import { readTree, repoRoot, tempProject, type TempProject } from './harness/workspace.js';

/**
 * Squiggles and quick fixes through the language server editors run (vscode-eslint's, from
 * `vscode-langservers-extracted`), driven over stdio the way VS Code drives it: open an example with a
 * leak, see the diagnostic, apply the quick fix, edit, see the diagnostics follow. The server answers
 * pulled diagnostics (`textDocument/diagnostic`) only; it sends no `publishDiagnostics`.
 */
const example = fixableExample();
const docsUrl = 'https://github.com/eslint-plugin-drain/eslint-plugin-drain/blob/main/docs/rules/no-unconsumed-body.md';

describe('vscode-eslint-language-server', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
  });

  it('is installed', () => {
    expect(fs.existsSync(serverScript)).toBe(true);
  });

  it(`${path.relative(repoRoot, example.file)}: squiggle, quick fix, then diagnostics that follow edits`, async () => {
    // The workspace is the repository, as when it is opened in VS Code: the server finds
    // examples/eslint.config.mjs by walking up from the file, and ESLint 10 in node_modules.
    const session = await EslintSession.open({ workspace: repoRoot, file: example.file, text: example.leaking });
    cleanup.push(() => session.close());

    const first = await session.diagnostics();
    const leak = first.find((d) => d.code === 'drain/no-unconsumed-body');
    expect(leak, JSON.stringify(first)).toBeDefined();
    expect(leak).toMatchObject({
      source: 'eslint',
      severity: 1,
      range: { start: { line: example.reports[0]!.line - 1, character: example.reports[0]!.column - 1 } },
      codeDescription: { href: docsUrl },
    });
    expect(leak!.message).toMatch(/^The body of the `[^`]+` response \(`\w+`\) is left unread when /);
    expect(first.filter((d) => d.code !== 'drain/no-unconsumed-body')).toEqual([]);

    const actions = await session.codeActions(leak!);
    const fix = actions.find((action) => action.title === 'Fix this drain/no-unconsumed-body problem');
    expect(fix, JSON.stringify(actions.map((a) => a.title))).toMatchObject({ kind: 'quickfix', isPreferred: true });
    expect(actions.map((a) => a.title)).toContain('Show documentation for drain/no-unconsumed-body');

    // The server answers the command with `workspace/applyEdit`; the session applies it and sends the
    // `didChange` an editor would. One report, one fix: the result is the example's fixed twin.
    await session.run(fix!);
    expect(session.text).toBe(example.fixed);
    expect((await session.diagnostics()).filter((d) => d.code?.startsWith('drain/'))).toEqual([]);

    // Undo by typing the old text back: the squiggle returns.
    session.change(example.leaking);
    const again = await session.diagnostics();
    expect(again.map((d) => [d.code, d.range.start.line])).toEqual([['drain/no-unconsumed-body', example.reports[0]!.line - 1]]);
  }, 180_000);

  it('latency from didChange to diagnostics, type information warm', async () => {
    const workspace: TempProject = tempProject(
      {
        ...Object.fromEntries(Object.entries(readTree(path.join(examplesDir, 'src'))).map(([file, text]) => [`src/${file}`, text])),
        'tsconfig.json': fs.readFileSync(path.join(examplesDir, 'tsconfig.json'), 'utf8'),
        'eslint.config.mjs': latencyConfig(path.join(repoRoot, 'dist', 'index.js')),
      },
      repoRoot,
    );
    cleanup.push(() => workspace.remove());
    const results = await measureEditorLatency({
      workspace: workspace.dir,
      file: path.join(workspace.dir, 'src', path.basename(example.file)),
      leaking: example.leaking,
      fixed: example.fixed,
      setups: latencySetups,
      samples: 6,
    });
    const [parse, drain, nfp, both] = results as [(typeof results)[0], (typeof results)[0], (typeof results)[0], (typeof results)[0]];
    console.log(
      [
        `editor latency, ${path.basename(example.file)}, ${drain.roundTrip.length} edits (median wall ms / server validationTime / mean server CPU ms):`,
        ...results.map((r) => `  ${r.label}: ${r.medianRoundTrip.toFixed(1)} / ${r.medianValidation.toFixed(0)} / ${r.cpuPerEdit.toFixed(1)}`),
        `  drain's share, paired wall / CPU: alone ${pairedShare(drain, parse).toFixed(1)} / ${(drain.cpuPerEdit - parse.cpuPerEdit).toFixed(1)}; ` +
          `next to no-floating-promises ${pairedShare(both, nfp).toFixed(1)} / ${(both.cpuPerEdit - nfp.cpuPerEdit).toFixed(1)}`,
        '  (`npx tsx tests/integration/measure-editor-latency.ts` takes more samples; docs/editor.md has the numbers)',
      ].join('\n'),
    );
    // Not a benchmark (the machine may be busy with other suites): a bound that catches a hang or a
    // lint that rebuilds the program on every keystroke.
    for (const result of results) expect(result.medianRoundTrip, result.label).toBeLessThan(5_000);
  }, 240_000);
});
