/**
 * What one HTTP client's response values are made of, as data: the engine reads these tables and
 * never hard-codes a client. A response is seen through "views" (the response object, its body
 * stream, a reader on that stream); each view says what its members do to the body.
 */

/** How a close throws the connection away, which decides when `no-undrained-close` reports it. */
export type CloseKind =
  /** Cancels a web stream: a small body already received survives, a large one resets the socket. */
  | 'cancel'
  /** Destroys the socket or stream: node:http's at any size, undici's `body.destroy()` from 64 KiB (the size sweep). */
  | 'destroy';

/** What touching a member (or calling it) does to the response body. */
export type MemberEffect =
  | { kind: 'consume' }
  /**
   * Reads one chunk. `repeatedReadsAll` when the call, repeated by a loop of its function, is how
   * the stream is read to its end (`reader.read()`): whether the loop stops early is a may.
   */
  | { kind: 'read'; repeatedReadsAll?: boolean }
  | { kind: 'release'; close: CloseKind }
  | { kind: 'inspect' }
  | { kind: 'escape' }
  /**
   * The result is another view of the same body; `settles` when obtaining it already counts as
   * consuming; `copies` when it is a copy of the body (`res.clone()`): the two are one obligation,
   * and a copy nobody reads is reported on its own, for what its `CopyKind` does.
   */
  | { kind: 'view'; view: string; settles?: boolean; copies?: CopyKind };

/**
 * What an unread copy of a body does while the other copy is read. `buffers`: a tee queues every
 * chunk the other copy reads, so the unread one holds the whole body in memory (web streams).
 * `stalls`: the source pauses once the unread copy's buffer is full, so the read of the other copy
 * never finishes on a body larger than that buffer (node-fetch's two `PassThrough` streams).
 */
export type CopyKind = 'buffers' | 'stalls';

/** A member's effect when it is read as a property and when it is called. */
export interface MemberSpec {
  readonly access?: MemberEffect;
  readonly call?: MemberEffect;
}

/** What member `name` of a view does; `undefined` for a member the model does not list (nor `toString`). */
export function memberSpec(view: ViewModel | undefined, name: string | undefined): MemberSpec | undefined {
  return view && name !== undefined && Object.hasOwn(view.members, name) ? view.members[name] : undefined;
}

/** One view of a response: the response object itself, its stream, a reader. */
export interface ViewModel {
  readonly members: Readonly<Record<string, MemberSpec>>;
  /** `for await (… of view)`. */
  readonly iterate?: MemberEffect;
  /**
   * A view that locks the body while it is held (a web stream's reader): a drain of the body must
   * first call this member, which does nothing once the lock is gone. A partial read through such a
   * view that no variable holds leaves the body locked for good, beyond any drain.
   */
  readonly unlock?: string;
  /** Event names for `on`/`once`/`addListener(name, fn)` that read the stream. */
  readonly readingEvents?: readonly string[];
  /**
   * Events emitted once the headers arrive, before any of the body (got's `'response'`): a listener
   * that uses the stream it is registered on takes the stream over and must read or release it.
   */
  readonly headersEvents?: readonly string[];
}

/** Where a client's types are declared, to recognise its values by type. */
export interface TypeSignature {
  /** Name of the type's symbol, e.g. `Response` or `ResponseData`. */
  readonly symbol: string;
  /** Declaration file paths that identify this client's declaration of that symbol. */
  readonly files: RegExp;
  /** The view a value of this type is. */
  readonly view: string;
}

/** A call that produces a response without type information: an import, or a global. */
export interface NamedProducer {
  /** Module names the binding is imported from; `null` for a global. */
  readonly modules: readonly string[] | null;
  /** Exported name (`default` for a default import); for globals, the global name. */
  readonly name: string;
  /** Whether the call returns a promise of the response (fetch) or the response directly. */
  readonly returns: 'promise' | 'value';
}

/**
 * How a fix drains one view of a response: it reads the rest of the body and discards it, so the
 * connection goes back to the pool, and it stops at a limit, so that an endless or huge body can
 * neither hang the code nor download without end. In the templates `{{ref}}` is the expression that
 * holds the view, `{{ms}}` and `{{bytes}}` are the drain limits (options `drainTimeoutMs`,
 * `drainMaxBytes`).
 */
export interface DrainSpec {
  /** Reads the body to its end, or to the limit, and never rejects or throws. */
  readonly read: string;
  /** `read` returns a promise that settles when the drain is over: awaited where the function can. */
  readonly async: boolean;
  /**
   * For a drain that reads in the background (`resume()` returns at once): the close a timer runs
   * `{{ms}}` later, which does nothing once the body has ended (measured for every Node-stream
   * client: the socket already serves the next request and is left alone). `typed` replaces it in
   * TypeScript files whose types leave the close out (node-fetch's `NodeJS.ReadableStream`).
   */
  readonly closeLater?: { readonly call: string; readonly typed?: string };
  /** The member call that drains in place of a close on this view, after the view's own text (`res.body?.` + this). */
  readonly replaceClose?: string;
  /**
   * Lets a copy of the body (`res.clone()`, `{{ref}}`) go, not awaited, before the other copy is
   * drained: the tee then feeds only the drained copy, and the drain's end or limit ends the tee.
   */
  readonly releaseCopy?: string;
}

/**
 * Calls that hand their response to a callback instead of returning it (`http.get(url, (res) => …)`),
 * recognised by import when there are no types.
 */
export interface CallbackProducer {
  readonly modules: readonly string[];
  readonly names: readonly string[];
}

/** A literal option a call (or the instance it is made on) must carry for a producer to apply. */
export interface CallOption {
  readonly name: string;
  readonly value: string | boolean;
}

/**
 * Calls that produce a response this code must read only when a literal option says so (axios
 * `responseType: 'stream'`, got `isStream: true`); with any other value the client reads the body
 * itself. A config the analysis cannot see (a variable, a spread) counts as "not set".
 */
export interface OptionProducer {
  readonly modules: readonly string[];
  /** `default` for calling the module object (or an instance) itself; else its method names. */
  readonly names: readonly string[];
  readonly option: CallOption;
  readonly returns: 'promise' | 'value';
  /**
   * With types: the (awaited) result type that marks this client's calls, whatever the callee. Left
   * out when the client's types already tell a stream from a read response (got's overloads).
   */
  readonly resultType?: { readonly symbol: string; readonly files: RegExp };
}

/** A module whose default export is a callable client object that makes configured copies of itself. */
export interface ModuleObject {
  readonly modules: readonly string[];
  /** Named exports that are the same object as the default export (`import { got } from 'got'`). */
  readonly aliases?: readonly string[];
  /** Methods that return an instance whose calls behave like the module's own (`axios.create()`). */
  readonly factories: readonly string[];
}

/** Status guards: which members carry the status, the ok flag and the body. */
export interface StatusSpec {
  readonly statusMember: string;
  readonly okMember?: string;
  readonly bodyMember?: string;
  readonly headersMember?: string;
  /** Whether the body was touched (`bodyUsed`). */
  readonly usedMember?: string;
  /** The member that says what kind of response it is (`type`), with the kinds that have no body. */
  readonly typeMember?: string;
  readonly bodylessTypes?: readonly string[];
}

/**
 * The error a client rejects an error status with, when that error carries the response with its
 * body unread (ky 1's `HTTPError.response`, axios's `error.response.data` stream): the `catch` that
 * receives it owes the body.
 */
export interface RejectionModel {
  /** The view the caught error is; its members lead to the response. */
  readonly view: string;
  /** The error's member that holds the response, to name it in messages (`error.response`). */
  readonly responseMember: string;
  /**
   * The error classes (`error instanceof HTTPError`) and type guards (`isHTTPError(error)`) that
   * tell this error apart: where they fail, what was caught is another error, with no response.
   */
  readonly classes: readonly string[];
  readonly guards: readonly string[];
  /**
   * A config option that can run code on the error before it is thrown (ky `hooks`): when a call or
   * its instance may set it, the error may arrive read, so the `catch` owes nothing.
   */
  readonly unlessOption?: string;
  /** From this major version of the package on, the client reads the error's body itself. */
  readonly readsBodySince?: { readonly package: string; readonly major: number };
}

/**
 * Callbacks an instance registers to see every response it makes (axios
 * `instance.interceptors.response.use(onFulfilled, onRejected)`): reached from the module object or
 * an instance through `path`, then called as `method`.
 */
export interface ResponseHooks {
  readonly path: readonly string[];
  readonly method: string;
  /** The view of the first callback's parameter (a response) and of the second's (a rejection). */
  readonly fulfilledView: string;
  readonly rejectedView: string;
}

/** Everything the engine knows about one client. */
export interface ClientModel {
  readonly id: string;
  /** Name in messages and docs. */
  readonly label: string;
  /** The view a freshly produced response is. */
  readonly rootView: string;
  /**
   * Its views by name. Two names are handles rather than views of the body: `request`, the request
   * object a callback producer or `responseEvent` delivers the response from, and `abortController`,
   * the controller whose `signal` the request was given; their members say which calls close it.
   */
  readonly views: Readonly<Record<string, ViewModel>>;
  readonly types: readonly TypeSignature[];
  /**
   * Declaration files whose functions can make a call a producer when its type is a response. A
   * response typed by any other library may be built in memory (a framework's `app.request()`, a
   * test helper) and holds no connection, so such calls are left alone.
   */
  readonly declarationFiles: RegExp;
  /**
   * The functions and methods of `declarationFiles` that send a request, by name; every one of them
   * when left out. A response-typed function declared there under another name reads a response from
   * somewhere else (lib.dom's `Cache#match`), and is not followed.
   */
  readonly declaredProducers?: readonly string[];
  readonly producers: readonly NamedProducer[];
  readonly callbackProducers?: readonly CallbackProducer[];
  readonly status: StatusSpec;
  /**
   * The request takes `{ method }` in an options object after the URL, and a HEAD keeps the
   * connection, so HEAD can be suggested. Not undici: it sends `Connection: close` on every HEAD.
   */
  readonly methodOption?: boolean;
  /**
   * Even a response without a body (HEAD, 204, 304) keeps its socket until the message is read to
   * its end: node:http frees it only on `'end'`, which an unread message never emits.
   */
  readonly emptyBodyHoldsConnection?: boolean;
  /**
   * Request options that take the connection out of any pool (node:http's `agent: false`, a
   * `createConnection`, `Connection: upgrade`): closing such a response loses nothing a drain would keep.
   */
  readonly unpooled?: {
    /** Options that, set to `false`, mean no agent. */
    readonly disabledOptions: readonly string[];
    /** Options whose presence means the caller makes the socket itself. */
    readonly presentOptions: readonly string[];
    /** `Connection` header values that end the connection after this exchange. */
    readonly connectionHeaders: readonly string[];
  };
  /** Drain per view; a view without one gets no fix. */
  readonly drains: Readonly<Record<string, DrainSpec>>;
  readonly optionProducers?: readonly OptionProducer[];
  readonly moduleObject?: ModuleObject;
  /** Members of the promise a producer returns, before `await` (ky's `ky(url).json()`). */
  readonly promiseMembers?: Readonly<Record<string, MemberSpec>>;
  /**
   * The client rejects responses whose status is not 2xx unless the call or its instance sets this
   * option to something other than `true` (ky `throwHttpErrors`, axios `validateStatus`): code after
   * `await` never sees an error status, so a branch that tests for one is dead.
   */
  readonly rejectsErrorStatus?: { readonly option: string };
  /** What those rejections carry, when the response on them is still unread. */
  readonly rejection?: RejectionModel;
  readonly responseHooks?: ResponseHooks;
  /**
   * Classes its response values (and their views) are instances of: `value instanceof` one of them
   * tells nothing, while any other class (`value instanceof Error`) rules the response out there.
   */
  readonly instanceClasses?: readonly string[];
  /** Global classes whose static methods build a response in memory (`Response.json()`, `Response.error()`). */
  readonly memoryClasses?: readonly string[];
  /**
   * The event its request object emits with the response (node:http `'response'`), for
   * `req.on('response', (res) => …)` and `const [res] = await once(req, 'response')`.
   */
  readonly responseEvent?: string;
}
