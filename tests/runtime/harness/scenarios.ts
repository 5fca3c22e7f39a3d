import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** Folder of the scenario modules: `scenarios/<client>/<name>.ts`. */
export const scenariosDir = path.join(__dirname, '..', 'scenarios');

/** Folder of the size-sweep probes: `sweep/<client>.ts`, one export per way of leaving a body. */
export const sweepDir = path.join(__dirname, '..', 'sweep');

/** How each client folder is named in the evidence table, in table order. */
export const clientLabels: Readonly<Record<string, string>> = {
  fetch: 'fetch',
  'undici-fetch': 'undici.fetch',
  ky: 'ky',
  'undici-request': 'undici.request',
  'node-http': 'node:http',
  'node-fetch': 'node-fetch',
  axios: 'axios',
  got: 'got',
};

/** A runtime verdict the scenario's header accepts, with the reason it gives. */
export interface DeclaredClose {
  readonly reason: string;
}

/**
 * One line of a fix, relative to the scenario source: `=` replaces original line `line` and keeps
 * its indentation; `+` inserts a new line before it, indented like the deeper of its two
 * neighbours (a statement added before a closing `})` belongs to the block, not to the brace).
 */
export interface LineEdit {
  readonly line: number;
  readonly op: '=' | '+';
  readonly text: string;
}

/**
 * A suggestion a report offers, as `@rule-suggest <messageId> <line> <op> <text>` declares it;
 * `@rule-suggest-also <line> <op> <text>` adds another line to the suggestion above.
 */
export interface DeclaredSuggestion {
  readonly messageId: string;
  readonly edits: readonly LineEdit[];
}

/** One report, as `@rule-expect <rule> <messageId> <line>:<column>` declares it. */
export interface DeclaredReport {
  /** `drain/<rule>`, as ESLint names it. */
  readonly ruleId: string;
  readonly messageId: string;
  readonly line: number;
  readonly column: number;
  /** Its share of the `--fix` output (`@rule-fix` lines under it); empty when it has no autofix. */
  readonly fix: readonly LineEdit[];
  readonly suggestions: readonly DeclaredSuggestion[];
}

/** One scenario module and what its header comment says about it. */
export interface Scenario {
  /** `<client>/<name>`, as failures and the table name it. */
  readonly id: string;
  readonly client: string;
  readonly name: string;
  readonly file: string;
  readonly source: string;
  /** The header comment's prose: what the scenario shows. */
  readonly description: string;
  /**
   * The rule verdict, the one list that both the runtime suite and the RuleTester cases
   * (tests/rules/runtime-scenarios.test.ts) check: empty for `@rule-expect none`.
   */
  readonly expectedReports: readonly DeclaredReport[];
  /** `@runtime-expect close: <reason>`: closing the connection is the code's deliberate choice. */
  readonly expectClose: DeclaredClose | undefined;
  /** `@rule-options {…}`: the options every rule lints this scenario with (JSON). */
  readonly ruleOptions: Readonly<Record<string, unknown>>;
}

/** Every scenario on disk, in table order (client, then name). */
export function loadScenarios(): Scenario[] {
  const clients = Object.keys(clientLabels);
  const found: Scenario[] = [];
  for (const client of readdirSync(scenariosDir, { withFileTypes: true })) {
    if (!client.isDirectory()) continue;
    if (!clients.includes(client.name)) throw new Error(`scenarios/${client.name}: unknown client folder (add it to clientLabels)`);
    for (const entry of readdirSync(path.join(scenariosDir, client.name)).sort()) {
      if (!entry.endsWith('.ts')) continue;
      const file = path.join(scenariosDir, client.name, entry);
      found.push(parseScenario(client.name, entry.slice(0, -'.ts'.length), file, readFileSync(file, 'utf8')));
    }
  }
  return found.sort((a, b) => clients.indexOf(a.client) - clients.indexOf(b.client) || a.name.localeCompare(b.name));
}

const RUNTIME_TAG = /^@(runtime-expect)\s+(\w+):\s*(.+)$/;
const OPTIONS_TAG = /^@rule-options\s+(\{.*\})$/;
const REPORT_TAG = /^@rule-expect\s+(?:(none)|(drain\/[\w-]+)\s+(\w+)\s+(\d+):(\d+))$/;
const FIX_TAG = /^@rule-fix\s+(\d+)\s+([=+])\s(.*)$/;
const SUGGEST_TAG = /^@rule-suggest\s+(\w+)\s+(\d+)\s+([=+])\s(.*)$/;
const SUGGEST_ALSO_TAG = /^@rule-suggest-also\s+(\d+)\s+([=+])\s(.*)$/;

type RuntimeTag = 'runtime-expect';

interface MutableReport extends DeclaredReport {
  readonly fix: LineEdit[];
  readonly suggestions: { readonly messageId: string; readonly edits: LineEdit[] }[];
}

function parseScenario(client: string, name: string, file: string, source: string): Scenario {
  const id = `${client}/${name}`;
  const header = /^\/\*\*([\s\S]*?)\*\//.exec(source);
  if (!header?.[1]) throw new Error(`${id}: a scenario starts with a /** … */ comment saying what it shows`);
  const lines = header[1].split('\n').map((line) => line.replace(/^\s*\*?\s?/, '').trim());
  const prose: string[] = [];
  let expectClose: DeclaredClose | undefined;
  let ruleOptions: Record<string, unknown> = {};
  let declaredNone = false;
  const reports: MutableReport[] = [];
  const fail = (message: string): never => {
    throw new Error(`${id}: ${message}`);
  };
  const edit = (line: string, op: string, text: string): LineEdit => {
    const number = Number(line);
    if (number < 1 || number > source.split('\n').length) fail(`fix line ${number} is outside the file`);
    return { line: number, op: op as LineEdit['op'], text };
  };
  // The runtime tag whose reason the next untagged line continues; prose comes before any tag.
  let continuing: RuntimeTag | undefined;
  let tagged = false;
  for (const line of lines) {
    if (!line.startsWith('@')) {
      if (!tagged) prose.push(line);
      else if (continuing === 'runtime-expect' && expectClose) expectClose = { reason: `${expectClose.reason} ${line}`.trim() };
      else if (line) fail(`"${line}": the prose goes before the tags, and only a @runtime-expect reason continues on the next line`);
      continue;
    }
    tagged = true;
    continuing = undefined;
    const runtime = RUNTIME_TAG.exec(line);
    const options = OPTIONS_TAG.exec(line);
    const report = REPORT_TAG.exec(line);
    const fix = FIX_TAG.exec(line);
    const suggest = SUGGEST_TAG.exec(line);
    const suggestAlso = SUGGEST_ALSO_TAG.exec(line);
    const current = reports.at(-1);
    if (runtime) {
      const [, kind, verdict, reason = ''] = runtime;
      if (verdict !== 'close') fail(`@${kind} only declares "close", got "${verdict}"`);
      expectClose = { reason: reason.trim() };
      continuing = kind as RuntimeTag;
    } else if (options) {
      ruleOptions = JSON.parse(options[1] ?? '{}') as Record<string, unknown>;
    } else if (report) {
      const [, none, ruleId = '', messageId = '', reportLine, column] = report;
      if (none) declaredNone = true;
      else reports.push({ ruleId, messageId, line: Number(reportLine), column: Number(column), fix: [], suggestions: [] });
    } else if (fix) {
      if (!current) fail('@rule-fix belongs to the @rule-expect report above it');
      current?.fix.push(edit(fix[1] ?? '', fix[2] ?? '', fix[3] ?? ''));
    } else if (suggest) {
      if (!current) fail('@rule-suggest belongs to the @rule-expect report above it');
      current?.suggestions.push({ messageId: suggest[1] ?? '', edits: [edit(suggest[2] ?? '', suggest[3] ?? '', suggest[4] ?? '')] });
    } else if (suggestAlso) {
      const suggestion = current?.suggestions.at(-1);
      if (!suggestion) fail('@rule-suggest-also continues the @rule-suggest above it');
      suggestion?.edits.push(edit(suggestAlso[1] ?? '', suggestAlso[2] ?? '', suggestAlso[3] ?? ''));
    } else {
      fail(`unknown or malformed header tag "${line}"`);
    }
  }
  if (declaredNone === (reports.length > 0)) {
    fail('the header declares the rule verdict: `@rule-expect none`, or one `@rule-expect <rule> <messageId> <line>:<column>` per report');
  }
  const description = prose.join(' ').replace(/\s+/g, ' ').trim();
  if (!description) fail('the header comment must say what the scenario shows');
  return { id, client, name, file, source, description, expectedReports: reports, expectClose, ruleOptions };
}

/** `source` with `edits` applied; every edit names a line of the original source. */
export function applyLineEdits(source: string, edits: readonly LineEdit[]): string {
  const eol = source.includes('\r\n') ? '\r\n' : '\n';
  const original = source.split(eol);
  const out: string[] = [];
  const indentOf = (text: string | undefined): string => /^\s*/.exec(text ?? '')?.[0] ?? '';
  for (const [index, text] of original.entries()) {
    const indent = indentOf(text);
    const above = indentOf(original.slice(0, index).findLast((line) => line.trim() !== ''));
    const here = edits.filter((edit) => edit.line === index + 1);
    for (const edit of here) if (edit.op === '+') out.push((above.length > indent.length ? above : indent) + edit.text);
    const replaced = here.filter((edit) => edit.op === '=');
    if (replaced.length > 1) throw new Error(`two @rule-fix edits replace line ${index + 1}`);
    out.push(replaced[0] ? indent + replaced[0].text : text);
  }
  return out.join(eol);
}

/** What `eslint --fix` should write: the original with every report's `@rule-fix` lines applied, or none. */
export function declaredAutofix(scenario: Scenario, ruleId?: string): string | undefined {
  const edits = scenario.expectedReports.filter((report) => !ruleId || report.ruleId === ruleId).flatMap((report) => report.fix);
  return edits.length > 0 ? applyLineEdits(scenario.source, edits) : undefined;
}

/**
 * The whole-line edits that turn `before` into `after`, as `@rule-fix` and `@rule-suggest` spell
 * them; undefined when the change is not a run of replaced lines followed by inserted ones.
 */
export function lineEditsBetween(before: string, after: string): LineEdit[] | undefined {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head += 1;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail += 1;
  const removed = a.slice(head, a.length - tail);
  const added = b.slice(head, b.length - tail);
  if (added.length < removed.length) return undefined;
  const edits: LineEdit[] = [
    ...removed.map((_, i): LineEdit => ({ line: head + i + 1, op: '=', text: (added[i] ?? '').trim() })),
    ...added.slice(removed.length).map((text): LineEdit => {
      // `+` lines take the deeper indentation of their neighbours; anything deeper is written out.
      const at = head + removed.length;
      const indentOf = (line: string | undefined): string => /^\s*/.exec(line ?? '')?.[0] ?? '';
      const above = indentOf(a.slice(0, at).findLast((line) => line.trim() !== ''));
      const here = indentOf(a[at]);
      const implied = above.length > here.length ? above : here;
      const own = indentOf(text);
      const extra = own.startsWith(implied) ? own.slice(implied.length) : '';
      return { line: at + 1, op: '+', text: extra + text.trim() };
    }),
  ];
  // Indentation is implied, so the edits must reproduce `after` exactly to stand for it.
  return applyLineEdits(before, edits) === after ? edits : undefined;
}

/** `12 = text`: an edit as the header writes it. */
export function formatLineEdit(edit: LineEdit): string {
  return `${edit.line} ${edit.op} ${edit.text}`;
}
