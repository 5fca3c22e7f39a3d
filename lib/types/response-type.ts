import type * as ts from 'typescript';
import { clientModels, type ClientModel } from '../clients/index.js';
import { typescript } from './typescript.js';

/** A tracked response type: which client made it and which view it is. */
export interface ResponseKind {
  readonly client: ClientModel;
  readonly view: string;
  /** Whether the value is a promise of the response rather than the response. */
  readonly promise: boolean;
  /** The type also allows `null` or `undefined` (`Promise<Response | null>`): a drain must use `?.`. */
  readonly nullable?: boolean;
}

/** `'none'`: certainly not a response. `'unknown'`: `any`, `unknown` or unresolved; rules stay silent. */
export type ResponseVerdict = ResponseKind | 'none' | 'unknown';

const cache = new WeakMap<ts.TypeChecker, Map<ts.Type, ResponseVerdict>>();

/** Classifies a type, looking through promises and nullish union arms; cached per checker. */
export function responseKindOfType(checker: ts.TypeChecker, type: ts.Type): ResponseVerdict {
  let perChecker = cache.get(checker);
  if (!perChecker) cache.set(checker, (perChecker = new Map()));
  const hit = perChecker.get(type);
  if (hit !== undefined) return hit;
  const verdict = classify(checker, type);
  perChecker.set(type, verdict);
  return verdict;
}

/**
 * Whether a call may return a response, judged from its callee's declared signatures. Resolving a
 * call (overloads, inference, contextual types of every argument) is the most expensive question
 * the checker answers, and asking it of every call in a file cost more than the rest of a lint; the
 * declared return types rule out nearly every call for a fraction of that. A generic signature whose
 * return type instantiation could still make a response, and a callee with no call signature, are
 * left to full resolution. `false` is final; `true` means "resolve the call".
 */
export function callMayReturnResponse(
  checker: ts.TypeChecker,
  call: ts.CallExpression,
  mayDeclareProducer: (file: ts.SourceFile) => boolean,
): boolean {
  const { SignatureKind, TypeFlags } = typescript();
  const callee = checker.getTypeAtLocation(call.expression);
  // Calling `any` gives `any`, on which the rules stay silent anyway.
  if (callee.flags & TypeFlags.Any) return false;
  const signatures = checker.getSignaturesOfType(callee, SignatureKind.Call);
  if (signatures.length === 0) return true;
  return signatures.some((signature) => {
    // Resolving a call whose every declaration is in a file that never declares a producer (lib.es5's
    // `then` and `reduce`, a validation library) would only have its result dropped.
    const declaration = signature.getDeclaration() as ts.Node | undefined;
    if (declaration && !mayDeclareProducer(declaration.getSourceFile())) return false;
    const returned = checker.getReturnTypeOfSignature(signature);
    // `this` is the receiver again (`emitter.on()`, `res.setEncoding()`), never a new response.
    if (returned.flags & TypeFlags.TypeParameter && (returned as ts.TypeParameter & { isThisType?: boolean }).isThisType) return false;
    const verdict = responseKindOfType(checker, returned);
    if (typeof verdict !== 'string') return true;
    // Without type parameters the call's type is the declared one, so 'unknown' stays 'unknown'.
    return signature.typeParameters !== undefined && (verdict === 'unknown' || dependsOnInstantiation(checker, returned, 0));
  });
}

/** Whether instantiating type parameters could change what `classify` says of `type`. */
function dependsOnInstantiation(checker: ts.TypeChecker, type: ts.Type, depth: number): boolean {
  const { TypeFlags } = typescript();
  if (type.flags & (TypeFlags.TypeParameter | TypeFlags.Conditional | TypeFlags.IndexedAccess | TypeFlags.Substitution)) {
    return true;
  }
  if (type.isUnionOrIntersection()) return type.types.some((part) => dependsOnInstantiation(checker, part, depth));
  const awaited = depth < 2 ? checker.getAwaitedType(type) : undefined;
  return awaited !== undefined && awaited !== type && dependsOnInstantiation(checker, awaited, depth + 1);
}

function classify(checker: ts.TypeChecker, type: ts.Type): ResponseVerdict {
  const awaited = checker.getAwaitedType(type);
  const promise = awaited !== undefined && awaited !== type && isThenable(checker, type);
  const value = promise ? awaited! : type;
  const verdict = classifyValue(checker, value);
  if (typeof verdict === 'string' || !promise) return verdict;
  return { ...verdict, promise: true };
}

function isThenable(checker: ts.TypeChecker, type: ts.Type): boolean {
  const then = checker.getPropertyOfType(checker.getApparentType(type), 'then');
  return then !== undefined;
}

function classifyValue(checker: ts.TypeChecker, type: ts.Type): ResponseVerdict {
  const { TypeFlags } = typescript();
  if (type.flags & (TypeFlags.Any | TypeFlags.Unknown | TypeFlags.TypeParameter)) {
    const constraint = type.flags & TypeFlags.TypeParameter ? checker.getBaseConstraintOfType(type) : undefined;
    return constraint ? classifyValue(checker, constraint) : 'unknown';
  }
  if (type.isUnion()) {
    let found: ResponseKind | undefined;
    let nullable = false;
    for (const part of type.types) {
      if (part.flags & (TypeFlags.Undefined | TypeFlags.Null | TypeFlags.Void)) {
        nullable = true;
        continue;
      }
      const verdict = classifyValue(checker, part);
      if (verdict === 'unknown') return 'unknown';
      // A union of a response and something else (`Response | string`) cannot be followed safely.
      if (verdict === 'none') return found ? 'unknown' : 'none';
      if (found && found.client !== verdict.client) return 'unknown';
      found = verdict;
    }
    return found ? (nullable ? { ...found, nullable } : found) : 'none';
  }
  return matchSignature(checker, type, 0) ?? 'none';
}

function matchSignature(checker: ts.TypeChecker, type: ts.Type, depth: number): ResponseKind | undefined {
  const symbol = type.aliasSymbol ?? type.getSymbol();
  if (!symbol) return undefined;
  const name = symbol.getName();
  const files = (symbol.getDeclarations() ?? []).map((declaration) => declaration.getSourceFile().fileName);
  for (const client of clientModels) {
    for (const signature of client.types) {
      if (signature.symbol === name && files.some((file) => signature.files.test(file))) {
        return { client, view: signature.view, promise: false };
      }
    }
  }
  // Subtypes of a response (ky's `KyResponse`, a user `interface ApiResponse extends Response`).
  if (depth < 3 && type.isClassOrInterface()) {
    for (const base of checker.getBaseTypes(type)) {
      const match = matchSignature(checker, base, depth + 1);
      if (match) return match;
    }
  }
  return undefined;
}
