import { posix } from 'node:path';
import type * as ts from 'typescript';
import { responseTypeNames, type ClientModel } from '../clients/index.js';
import { type Declared, type FileNames, namesOf, qualified } from './declared-names.js';
import { typescript } from './typescript.js';
import { replaceTypeParameters, typeSources, valueDeclarationSources } from './value-sources.js';

/**
 * The names under which a program may call something that returns a response.
 *
 * Asking the checker whether a call returns a response costs more than the rest of a lint, and
 * nearly every call in a file is not a producer. A call can only return a response if the
 * function it resolves to is declared in a client's declaration file or in a source file of the
 * program (`producerByType` drops every other declaration). So one syntactic pass over those files
 * lists what may produce: functions whose declared return type names a response type, or, without
 * one, whose returned values come from something that does; properties, methods and module-level
 * variables typed or initialised that way; types that alias, extend or return one. A call whose
 * callee name is not in the list is not a producer, and the checker is never asked about it. The
 * list errs on the side of names: a name that collides with a producer's costs one checker question.
 *
 * Parameters and local variables are left out of the list: their names are common (`res`, `value`)
 * and only mean something in their own function, so a call of one is judged there
 * (`mayHoldProducer`).
 *
 * Each file is read once per `ts.SourceFile`, and a program re-uses the `SourceFile` of every file
 * an edit did not touch, so re-linting one file re-reads one file.
 */
export interface ProducerNames {
  has(name: string): boolean;
}

const perProgram = new WeakMap<ts.Program, ProducerNames>();

/** The names of the program that may produce responses, computed once per program. */
export function producerNames(program: ts.Program): ProducerNames {
  let names = perProgram.get(program);
  if (!names) perProgram.set(program, (names = collect(program)));
  return names;
}

/**
 * Whether a parameter or local variable may hold a producer, judged by its type annotation, else by
 * where its value comes from. A parameter without an annotation gets its type from the call it is
 * passed to, which no declaration shows, so it may.
 */
export function mayHoldProducer(
  declaration: ts.ParameterDeclaration | ts.VariableDeclaration | ts.BindingElement,
  names: ProducerNames,
): boolean {
  if (typescript().isParameter(declaration) && !declaration.type) return true;
  return [...valueDeclarationSources(declaration, declaration.getSourceFile())].some((name) => names.has(name));
}

/** The last result per project, re-used when a new program's files contribute the same. */
const lastByProject = new Map<string, { readonly files: readonly FileNames[]; readonly names: ProducerNames }>();

/** Whether a type annotation may be a response type: a parameter typed `T` is read as `T`'s constraint. */
export function typeMayBeResponse(annotation: ts.TypeNode, names: ProducerNames): boolean {
  const sources = new Set<string>();
  typeSources(annotation, sources);
  replaceTypeParameters(annotation, sources);
  return [...sources].some((name) => names.has(name));
}

function collect(program: ts.Program): ProducerNames {
  // Binding sets the parent pointers that reading a declaration follows; rules have a checker anyway.
  program.getTypeChecker();
  const files: FileNames[] = [];
  for (const file of program.getSourceFiles()) {
    const names = namesOf(file);
    if (names) files.push(names);
  }
  // Each keystroke in an editor makes a new program, and nearly always the names stay the same.
  const project = String(program.getCompilerOptions().configFilePath ?? program.getRootFileNames()[0]);
  const last = lastByProject.get(project);
  if (last && last.files.length === files.length && last.files.every((file, i) => file === files[i] || file.fingerprint() === files[i]!.fingerprint())) {
    lastByProject.set(project, { files, names: last.names });
    return last.names;
  }
  const names = solve(files, program);
  lastByProject.set(project, { files, names });
  return names;
}

function solve(files: readonly FileNames[], program: ts.Program): ProducerNames {
  // The clients' response types: every program starts from these. A default export (got's `Request`)
  // is found by its file instead, since `default` names something in every module.
  const known = new Set<string>(responseTypeNames);
  /** Declarations waiting on a name: once it is known, so are the names they bind. */
  const waiting = new Map<string, Declared[]>();
  const pending: string[] = [...known];
  const learn = (name: string) => {
    if (known.has(name)) return;
    known.add(name);
    pending.push(name);
  };
  const present = new Set<ClientModel>();
  const aliases = new Map(files.filter((file) => file.aliases.length > 0).map((file) => [file.fileName, new Set(file.aliases)]));
  for (const file of files) {
    file.clients.forEach((client) => present.add(client));
    for (const declared of file.declarations) {
      if (declared.sources === undefined) {
        for (const name of declared.names) learn(name);
        continue;
      }
      const fromModule = declared.module === undefined ? undefined : relativeModuleFile(file.fileName, declared.module, program);
      const exported = fromModule === undefined ? undefined : aliases.get(fromModule);
      // Bundled declaration files rename their exports to one or two letters (`b`, `T`), which would
      // otherwise tie every chunk's `b` to every other's.
      const own = exported ? declared.sources.map((source) => (exported.has(source) ? qualified(fromModule!, source) : source)) : declared.sources;
      // Names bound together are one thing (`export default function apiFetch`): knowing one is
      // knowing all.
      const sources = declared.names.length > 1 ? [...own, ...declared.names] : own;
      for (const source of sources) {
        // Every module has a `default`: one module's says nothing of another's.
        if (source === 'default') continue;
        let list = waiting.get(source);
        if (!list) waiting.set(source, (list = []));
        list.push(declared);
      }
    }
  }
  // A client's API may be declared in ways no syntactic reading follows (got's methods are the keys
  // of `Record<HTTPAlias, GotRequestFunction>`), so the names the models know are taken as read.
  for (const client of present) {
    // A client recognised by options only (axios) never makes a call a producer by its type.
    if (client.types.length === 0) continue;
    // `default` (calling the module itself) is named by the importer, and known from the import.
    const named = [...client.producers.map((producer) => producer.name), ...(client.optionProducers ?? []).flatMap((producer) => producer.names)];
    named.filter((name) => name !== 'default').forEach(learn);
  }
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    for (const declared of waiting.get(name) ?? []) for (const bound of declared.names) learn(bound);
    waiting.delete(name);
  }
  return known;
}

/**
 * The program's file that a relative specifier names, found the way TypeScript maps a `.js`
 * specifier to its declarations; `undefined` when none is in the program (the import then follows
 * the name, as every other import does).
 */
function relativeModuleFile(from: string, specifier: string, program: ts.Program): string | undefined {
  const base = posix.join(posix.dirname(from), specifier);
  const stem = base.replace(/\.[cm]?[jt]sx?$/, '');
  const candidates = [base, `${stem}.d.ts`, `${stem}.d.mts`, `${stem}.d.cts`, `${stem}.ts`, `${stem}.tsx`, `${stem}.mts`, `${stem}.cts`, `${base}.d.ts`, `${base}.ts`, `${base}/index.d.ts`, `${base}/index.ts`];
  return candidates.find((candidate) => program.getSourceFile(candidate) !== undefined);
}
