/**
 * Which published folders of each corpus package the soak run lints. Versions are pinned in
 * `corpus/package.json` and `corpus/package-lock.json`; this file only picks sources. A package
 * that publishes its TypeScript (`src/*.ts`) is linted from there; the others from the readable
 * JavaScript they ship, never from minified bundles or `.d.ts` files (no function bodies to check).
 */
export interface SourceSpec {
  /** Folders or single files inside the package, relative to its root. */
  readonly include: readonly string[];
  /** Folders under `include` to skip: CommonJS copies of the same ESM build, bundles, typings. */
  readonly exclude?: readonly string[];
  /** File name endings to keep; all JavaScript and TypeScript source endings when omitted. */
  readonly extensions?: readonly string[];
  /**
   * Path aliases of the package's own (unpublished) tsconfig, relative to its root, so that its
   * internal imports resolve to the published files.
   */
  readonly paths?: Readonly<Record<string, readonly string[]>>;
  /** Published declaration files the package's own tsconfig includes: ambient modules, globals. */
  readonly declarations?: readonly string[];
  /** Type-check JavaScript from its JSDoc (`checkJs`), so the `tsc` comparison of fixed files sees it. */
  readonly checkJs?: boolean;
  /** Why this package is in the corpus: what HTTP client code it exercises. */
  readonly why: string;
}

/** Every package of the corpus, by npm name. */
export const corpusSources: Readonly<Record<string, SourceSpec>> = {
  // TypeScript sources: typed linting sees their real declarations.
  openai: { include: ['src'], why: 'fetch wrapper with retries, streaming bodies, error bodies' },
  '@anthropic-ai/sdk': { include: ['src'], why: 'fetch wrapper, SSE streams' },
  'groq-sdk': { include: ['src'], why: 'fetch wrapper (older Stainless generator)' },
  cloudflare: { include: ['src'], why: 'very large generated fetch client' },
  msw: {
    include: ['src'],
    // `#core/*` in msw's package.json names files without their extension, which only msw's
    // bundler resolves; the alias lets TypeScript find them.
    paths: { '#core': ['./src/core'], '#core/*': ['./src/core/*'] },
    why: 'Response objects built and inspected, fetch and node:http interception',
  },
  '@mswjs/interceptors': { include: ['src'], why: 'ClientRequest and fetch interception, IncomingMessage handling' },
  ai: { include: ['src'], why: 'fetch and streamed responses across providers' },
  '@ai-sdk/provider-utils': { include: ['src'], why: 'postJsonToApi, response handlers that read or cancel bodies' },
  '@ai-sdk/openai': { include: ['src'], why: 'provider built on fetch responses' },
  '@ai-sdk/provider': { include: ['src'], why: 'TypeScript-heavy interfaces and errors carrying responses' },
  '@trpc/server': { include: ['src'], why: 'fetch and node:http adapters, Request/Response handling' },
  '@trpc/client': { include: ['src'], why: 'fetch links, streaming JSON bodies' },
  '@supabase/supabase-js': { include: ['src'], why: 'fetch wrapper' },
  '@supabase/postgrest-js': { include: ['src'], why: 'fetch, reads bodies on error' },
  '@supabase/storage-js': { include: ['src'], why: 'fetch, blob and stream downloads' },
  '@supabase/auth-js': { include: ['src'], why: 'fetch, error bodies' },
  '@supabase/functions-js': { include: ['src'], why: 'fetch, response type switch' },
  rxjs: { include: ['src'], why: 'TypeScript-heavy: generics, overloads; fromFetch' },
  zod: { include: ['src'], why: 'TypeScript-heavy: deep generics and conditional types' },
  effect: { include: ['src'], why: 'TypeScript-heavy with generators; HTTP client over fetch' },

  // Server frameworks whose TypeScript routes `Response` objects through middleware and renderers:
  // most of their responses are built in memory, and a few come from real fetches (OAuth token
  // endpoints, proxies). The triage corpus for telling the two apart (issue 14).
  '@tanstack/start-server-core': {
    include: ['src'],
    why: 'request handler and server-function middleware chains that pass `Response` objects along, redirects, rendered pages',
  },
  '@tanstack/router-core': { include: ['src'], why: 'router loaders and redirects: `Response` values thrown and returned, SSR streaming' },
  '@remix-run/fetch-router': { include: ['src'], why: 'fetch router with `next()` middleware: handlers return in-memory `Response`s' },
  '@remix-run/node-fetch-server': { include: ['src'], why: 'node:http to fetch `Request`/`Response` bridge: streams response bodies to the socket' },
  '@auth/core': {
    include: ['src'],
    why: 'OAuth and OIDC flows: real token, userinfo and discovery fetches next to in-memory redirect and error `Response`s',
  },

  // JavaScript sources.
  undici: { include: ['lib', 'index.js', 'index-fetch.js'], why: 'fetch and request implementation: bodies, dump, cancel' },
  'node-fetch': { include: ['src'], why: 'fetch over node:http' },
  axios: { include: ['lib', 'index.js'], why: 'node:http and fetch adapters' },
  got: { include: ['dist/source'], why: 'node:http client, streams' },
  ky: { include: ['distribution'], why: 'fetch wrapper with retries and hooks' },
  hono: { include: ['dist'], exclude: ['dist/cjs', 'dist/types'], why: 'fetch Request/Response server framework, proxy helper' },
  elysia: { include: ['dist'], exclude: ['dist/cjs', 'dist/bun'], extensions: ['.mjs'], why: 'Response handling' },
  fastify: { include: ['lib', 'fastify.js', 'test'], why: 'node:http server; tests call http.request and fetch' },
  express: { include: ['lib', 'index.js'], why: 'node:http server' },
  superagent: { include: ['lib'], why: 'node:http client' },
  ws: { include: ['lib'], why: 'node:http upgrade handling' },
  '@smithy/node-http-handler': { include: ['dist-es'], why: 'AWS SDK node:http handler' },
  '@smithy/fetch-http-handler': { include: ['dist-es'], why: 'AWS SDK fetch handler' },
  '@aws-sdk/client-s3': { include: ['dist-es'], why: 'generated client, streamed bodies' },
  stripe: { include: ['esm'], why: 'node:http and fetch HTTP clients' },
  '@slack/web-api': { include: ['dist'], exclude: ['dist/types'], why: 'axios-based client' },
  '@octokit/request': { include: ['dist-src'], why: 'fetch with error bodies' },
  '@octokit/core': { include: ['dist-src'], why: 'request plumbing' },
  '@octokit/rest': { include: ['dist-src'], why: 'request plumbing' },
  '@octokit/webhooks': { include: ['dist-src'], why: 'node:http middleware' },
  '@octokit/oauth-app': { include: ['dist-src'], why: 'node:http and fetch handlers' },
  '@modelcontextprotocol/sdk': { include: ['dist/esm'], why: 'fetch, SSE, node:http server transport' },
  gaxios: { include: ['build/esm/src'], why: 'fetch-based client' },
  '@hono/node-server': { include: ['dist'], extensions: ['.mjs'], why: 'node:http to fetch Response bridge' },
  'http-proxy-middleware': { include: ['dist'], why: 'node:http proxying' },
  '@azure/core-rest-pipeline': { include: ['dist/esm'], why: 'fetch and node:http pipelines' },
  ofetch: { include: ['dist'], extensions: ['.mjs'], why: 'fetch wrapper' },
  wretch: { include: ['dist'], exclude: ['dist/bundle', 'dist/cjs'], why: 'fetch wrapper' },

  // Added after issue 16, unseen by every rule change before them: a check of precision on code
  // the engine was not tuned on.
  ollama: { include: ['src'], why: 'fetch wrapper with streamed NDJSON bodies and error bodies' },
  '@mistralai/mistralai': {
    include: ['src/lib', 'src/funcs', 'src/hooks', 'src/extra'],
    why: 'generated (Speakeasy) fetch client: response matchers, retries, SSE streams',
  },
  telegraf: { include: ['src'], why: 'Telegram bot client over node-fetch, webhook server on node:http' },
  'posthog-node': { include: ['src'], why: 'analytics client: fetch with retries, feature-flag requests' },
  '@discordjs/rest': { include: ['dist'], extensions: ['.mjs'], why: 'REST client over `undici.request`, rate-limit handlers that read or drop bodies' },
  '@elastic/transport': { include: ['lib'], why: 'transport over `undici.request` and node:http connections' },
  '@notionhq/client': { include: ['build/src'], why: 'fetch client, error bodies' },
  'minipass-fetch': { include: ['lib'], why: 'fetch over node:http (npm’s client)' },
  'make-fetch-happen': { include: ['lib'], why: 'caching and retrying fetch on minipass-fetch' },
  h3: { include: ['dist'], extensions: ['.mjs'], why: 'server framework: in-memory `Response`s, proxy helper that fetches' },
  '@vercel/blob': { include: ['dist'], extensions: ['.js'], why: 'blob client over undici fetch, retries' },
  replicate: { include: ['lib', 'index.js'], why: 'fetch client with retries and streamed predictions' },
  'firebase-admin': { include: ['lib'], exclude: ['lib/esm'], why: 'node:http request layer with retries, token fetches' },
  // JavaScript with JSDoc types: the typed pass reads them through `allowJs` (and `checkJs` for the
  // tsc comparison of fixed files).
  '@sveltejs/kit': {
    include: ['src'],
    // Kit's repository tsconfig maps `types` to its internal declarations; `$app/*` are the
    // virtual modules an app imports, published as `src/runtime/app/*`.
    paths: { types: ['./src/types/internal.d.ts'], '$app/*': ['./src/runtime/app/*'] },
    declarations: ['src/types/ambient.d.ts', 'src/types/ambient-private.d.ts', 'src/types/global-private.d.ts'],
    checkJs: true,
    why: 'server framework in JSDoc-typed JavaScript: `handle`/`resolve` hooks, rendered pages, `fetch` during SSR, the Node adapter bridge',
  },
};
