import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  describeCycles,
  importGraph,
  layerViolations,
  PLUGIN_ROOTS,
  sourceFiles,
} from '../../scripts/check-import-cycles.js';

const repo = path.resolve(__dirname, '../..');
const base = mkdtempSync(path.join(tmpdir(), 'import-cycles-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** Writes `files` (path → text) under a fresh folder of `base` and returns the folder. */
function project(name: string, files: Record<string, string>): string {
  const root = path.join(base, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe('check-import-cycles', () => {
  it('lists every cycle, type-only imports and re-exports included', () => {
    const root = project('cycles', {
      'lib/a.ts': "import { b } from './b.js';\nexport const a = b;\n",
      'lib/b.ts': "import type { C } from './deeper/c.js';\nexport const b = 1;\nexport type B = C;\n",
      'lib/deeper/c.ts': "export { a } from '../a.js';\nimport { b } from '../b.js';\nexport type C = typeof b;\n",
      'lib/self.ts': "import './self.js';\n",
      'lib/leaf.ts': "import { a } from './a.js';\nimport ts from 'typescript';\nexport const leaf = [a, ts];\n",
    });
    const graph = importGraph(sourceFiles(root, ['lib']));
    expect(describeCycles(graph, root)).toEqual([
      'lib/a.ts → lib/b.ts → lib/deeper/c.ts → lib/a.ts',
      'lib/b.ts → lib/deeper/c.ts → lib/b.ts',
      'lib/self.ts → lib/self.ts',
    ]);
  });

  it('finds no cycle in a layered graph', () => {
    const root = project('layered', {
      'index.ts': "import { rule } from './rules/rule.js';\nexport default rule;\n",
      'rules/rule.ts': "import { low } from '../lib/low.js';\nexport const rule = low;\n",
      'lib/low.ts': 'export const low = 1;\n',
    });
    const graph = importGraph(sourceFiles(root, ['index.ts', 'rules', 'lib']));
    expect(describeCycles(graph, root)).toEqual([]);
  });

  it('reports a folder importing from a folder above it or past the clients\' entry, and lets a file override its folder', () => {
    const root = project('layers', {
      'lib/clients/model.ts': "import { walk } from '../code-paths/walk.js';\nexport const model = walk;\n",
      'lib/code-paths/walk.ts': 'export const walk = 1;\n',
      'lib/types/kind.ts': "import { clients } from '../clients/index.js';\nexport const kind = clients;\n",
      'lib/tracking/origins.ts': "import { summary } from '../summaries/summary.js';\nexport const origins = summary;\n",
      'lib/tracking/response-tracker.ts': "import { summary } from '../summaries/summary.js';\nexport const tracker = summary;\n",
      'lib/summaries/summary.ts': "import { kind } from '../types/kind.js';\nexport const summary = kind;\n",
      'lib/clients/index.ts': "import { model } from './model.js';\nexport const clients = [model];\n",
      'lib/fixes/plan.ts': "import { clients } from '../clients/index.js';\nimport { model } from '../clients/model.js';\nexport const plan = [clients, model];\n",
    });
    const graph = importGraph(sourceFiles(root, ['lib']));
    expect(layerViolations(graph, root)).toEqual([
      'lib/clients/model.ts → lib/code-paths/walk.ts',
      'lib/fixes/plan.ts → lib/clients/model.ts',
      'lib/tracking/origins.ts → lib/summaries/summary.ts',
    ]);
  });

  it('finds neither in the plugin itself', () => {
    const graph = importGraph(sourceFiles(repo, PLUGIN_ROOTS));
    expect(describeCycles(graph, repo)).toEqual([]);
    expect(layerViolations(graph, repo)).toEqual([]);
  });
});
