import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ClientModel, DrainSpec } from '../clients/client-model.js';
import type { DrainLimits } from './drain-options.js';
import type { FileHelper } from './helper-import.js';

/** The statements of one drain, ready to insert, and what they ask of the code around them. */
export interface DrainText {
  /** Statements without trailing semicolons, e.g. `await res.body?.pipeTo(…).catch(() => {})`. */
  readonly statements: readonly string[];
  /** The statements use `await`, so the function must be async. */
  readonly awaits: boolean;
  /** A promise is left running (`void …`): the code after the drain no longer waits for it. */
  readonly background: boolean;
  /** The import of the user's helper, when the drain calls it and the file does not import it yet. */
  readonly importEdit: ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | undefined;
  /** What it drains and how far, for the suggestion's title (the statements stay in the fix). */
  readonly about: DrainAbout;
}

/** A drain in brief: the holder it reads (`res`, `error.response`) and its bounds, or the user's helper. */
export interface DrainAbout {
  readonly ref: string;
  /** The user's `drainWith` function, called instead of an inline drain. */
  readonly helper?: string;
  /** The time limit, in milliseconds, when the drain has one. */
  readonly ms?: number;
  /** The byte limit, when the drain has one. */
  readonly bytes?: number;
}

/** The bounds a client's drain template is written with. */
export function aboutDrain(spec: DrainSpec | string, ref: string, setting: DrainSetting): DrainAbout {
  const text = typeof spec === 'string' ? spec : `${spec.read} ${spec.closeLater ? '{{ms}}' : ''}`;
  return {
    ref,
    ...(text.includes('{{ms}}') ? { ms: setting.limits.ms } : {}),
    ...(text.includes('{{bytes}}') ? { bytes: setting.limits.bytes } : {}),
  };
}

/** What a drain is written with in one file: its limits, its helper, its language. */
export interface DrainSetting {
  readonly limits: DrainLimits;
  /** The user's `drainWith` helper, resolved for this file (lazily: resolving reads the whole file). */
  readonly helper: (client: ClientModel) => FileHelper | undefined;
  /** The file is TypeScript, where some closes need their type spelled out. */
  readonly typescript: boolean;
  /** Names the file shadows at `node` (`setTimeout` imported from `node:timers/promises`) get `globalThis.`. */
  readonly shadowed: (node: TSESTree.Node, name: string) => boolean;
}

/**
 * The drain for `ref`, a holder of `view`, inserted at `at`: the user's helper when it takes this
 * client's responses and `ref` is the response itself, else the client's own bounded drain.
 */
export function drainFor(
  client: ClientModel,
  view: string,
  ref: string,
  awaitAllowed: boolean,
  setting: DrainSetting,
  at: TSESTree.Node,
): DrainText | undefined {
  const spec: DrainSpec | undefined = client.drains[view];
  if (!spec) return rejectedDrain(client, view, ref, awaitAllowed, setting, at);
  const helper = view === client.rootView ? setting.helper(client) : undefined;
  if (helper) {
    // The helper's contract (docs): it takes the response and returns, or resolves, without throwing.
    // `(await fetch(url))` is a member's object elsewhere; as the argument it needs no parentheses.
    const call = `${helper.callee}(${ref.startsWith('(await ') && ref.endsWith(')') ? ref.slice(1, -1) : ref})`;
    return {
      statements: [awaitAllowed ? `await ${call}` : `void ${call}`],
      awaits: awaitAllowed,
      background: !awaitAllowed,
      importEdit: helper.importEdit,
      about: { ref, helper: helper.callee },
    };
  }
  const read = fill(spec.read, ref, setting, at);
  if (spec.async) {
    // `void` marks the promise as deliberately not awaited (no-floating-promises' ignoreVoid); the
    // drain's own `catch` keeps a connection that drops mid-body from becoming an unhandled rejection.
    return {
      statements: [awaitAllowed ? `await ${read}` : `void ${read}`],
      awaits: awaitAllowed,
      background: !awaitAllowed,
      importEdit: undefined,
      about: aboutDrain(spec, ref, setting),
    };
  }
  const statements = [read];
  const later = closeLater(spec, ref, setting, at);
  if (later) statements.push(later);
  return { statements, awaits: false, background: false, importEdit: undefined, about: aboutDrain(spec, ref, setting) };
}

/**
 * `setTimeout(() => res.destroy(), 1000).unref()`: the bound of a drain that reads in the background.
 * `unref()` lets the process exit before it fires.
 */
export function closeLater(spec: DrainSpec, ref: string, setting: DrainSetting, at: TSESTree.Node): string | undefined {
  if (!spec.closeLater) return undefined;
  const close = fill((setting.typescript && spec.closeLater.typed) || spec.closeLater.call, ref, setting, at);
  return `${global('setTimeout', setting, at)}(() => ${close}, ${setting.limits.ms}).unref()`;
}

/** A template with its holder and limits filled in. */
export function fill(template: string, ref: string, setting: DrainSetting, at: TSESTree.Node): string {
  return template
    .replaceAll('{{ms}}', String(setting.limits.ms))
    .replaceAll('{{bytes}}', bytesText(setting.limits.bytes))
    .replace(/\b(AbortSignal|WritableStream)\b/g, (name) => global(name, setting, at))
    .replaceAll('{{ref}}', ref);
}

function global(name: string, setting: DrainSetting, at: TSESTree.Node): string {
  return setting.shadowed(at, name) ? `globalThis.${name}` : name;
}

/** `2 * 1024 * 1024` reads as 2 MiB where `2097152` does not. */
export function bytesText(bytes: number): string {
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} * 1024 * 1024`;
  if (bytes % 1024 === 0) return `${bytes / 1024} * 1024`;
  return String(bytes);
}

/** `place`, together with the import a drain that calls the user's helper needs (if any). */
export function withImport(
  importEdit: DrainText['importEdit'],
  place: TSESLint.ReportFixFunction,
): TSESLint.ReportFixFunction {
  if (!importEdit) return place;
  return (fixer) => {
    const placed = place(fixer);
    if (!placed) return null;
    return [importEdit(fixer), ...('range' in placed ? [placed as TSESLint.RuleFix] : placed)];
  };
}

/** A holder of `view` can be drained: it is a body, a response, or an error that carries one. */
export function drainable(client: ClientModel, view: string): boolean {
  return Boolean(client.drains[view]) || client.rejection?.view === view;
}

/**
 * A caught rejection (ky 1's `HTTPError`, an `AxiosError`): only an error status carries the
 * response, so `error.response?.…` drains it and passes over a timeout or a refused connection.
 * The user's helper is not called: its contract takes a response, which the error may not carry.
 */
function rejectedDrain(client: ClientModel, view: string, ref: string, awaitAllowed: boolean, setting: DrainSetting, at: TSESTree.Node): DrainText | undefined {
  const rejection = client.rejection;
  if (rejection?.view !== view) return undefined;
  const access = client.views[view]?.members[rejection.responseMember]?.access;
  if (access?.kind !== 'view' || !client.drains[access.view]) return undefined;
  const response = `${ref}.${rejection.responseMember}`;
  const drain = drainFor(client, access.view, response, awaitAllowed, { ...setting, helper: () => undefined }, at);
  return drain && { ...drain, statements: drain.statements.map((statement) => optionalRef(statement, response)) };
}

/** `await res.body?.cancel()` → `await res?.body?.cancel()`; a ref already followed by `?.` stays. */
export function optionalRef(expression: string, name: string): string {
  const escaped = name.replace(/[$.]/g, '\\$&');
  return expression.replace(new RegExp(`(?<![\\w$.])${escaped}\\.`), `${name}?.`);
}
