/**
 * The abstract state of one response on one path, packed in a small integer so that the set of
 * states a function can be in at a point is a short sorted array. Each response's set is kept
 * apart from the others' (independent attributes): responses do not constrain each other.
 */

/** The response exists on this path (it was produced and not yet dropped). */
export const EXISTS = 1;
/** Its owner has done its duty: the body was read, released or handed off. */
export const SETTLED = 2;
/** Some of the body was read (or someone else may read it): a later close is not "unread". */
export const READ = 4;
/** The path has established an error status. */
export const ERROR = 8;
/** The path has established there is no body (HEAD, 204, 304, `body === null`). */
export const BODYLESS = 16;
/** The client rejects error statuses before the code sees the response (ky, axios): a path that established one never runs. */
export const REJECTS_ERRORS = 32;

/** The path has established a success status (`res.ok`, 2xx). */
export const OK = 64;

const HOLDER_SHIFT = 8;
/** Holders (local variables) per response the state can follow; more are treated as an escape. */
export const MAX_HOLDERS = 20;

export function holderBit(index: number): number {
  return 1 << (HOLDER_SHIFT + index);
}

export function holdersOf(state: number): number {
  return state >>> HOLDER_SHIFT;
}

/** Still owed a read or a release. */
export function isOwed(state: number): boolean {
  return (state & EXISTS) !== 0 && (state & (SETTLED | BODYLESS)) === 0;
}

/** A set of states for one response: sorted, without duplicates. */
export type StateSet = readonly number[];

/** The state of every response a function tracks, by response index. */
export type FunctionState = readonly StateSet[];

export function joinStates(a: FunctionState, b: FunctionState): FunctionState {
  let changed = false;
  const joined = a.map((set, index) => {
    const union = unionSets(set, b[index]!);
    if (union !== set) changed = true;
    return union;
  });
  return changed ? joined : a;
}

export function equalStates(a: FunctionState, b: FunctionState): boolean {
  return a === b || a.every((set, index) => equalSets(set, b[index]!));
}

/** Applies `update` to every state of response `index`; keeps identity when nothing changes. */
export function mapResponse(state: FunctionState, index: number, update: (value: number) => number): FunctionState {
  const set = state[index]!;
  let changed = false;
  const next: number[] = [];
  for (const value of set) {
    const updated = update(value);
    if (updated !== value) changed = true;
    next.push(updated);
  }
  if (!changed) return state;
  const copy = state.slice();
  copy[index] = normalise(next);
  return copy;
}

function unionSets(a: StateSet, b: StateSet): StateSet {
  if (a === b || b.every((value) => a.includes(value))) return a;
  return normalise([...a, ...b]);
}

function equalSets(a: StateSet, b: StateSet): boolean {
  return a === b || (a.length === b.length && a.every((value, index) => value === b[index]));
}

function normalise(values: number[]): StateSet {
  return [...new Set(values)].sort((x, y) => x - y);
}
