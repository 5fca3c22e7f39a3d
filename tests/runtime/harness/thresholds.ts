/**
 * What the size sweep measures, declared: per client and per probe export (`sweep/<client>.ts`),
 * the smallest swept body size at which a few sequential calls stop reusing one connection (64 B:
 * at any size). The runtime suite fails when Node disagrees, so the numbers the docs quote (README,
 * docs/rules/*.md, lib/close-policy.ts) can only change here, after a measurement. `undefined`:
 * no swept size (up to 1 MiB) costs one.
 */
export const declaredThresholds: Readonly<Record<string, Readonly<Record<string, number | undefined>>>> = {
  fetch: { unread: 16 << 10, closed: 16 << 10 },
  'undici-fetch': { unread: 16 << 10, closed: 16 << 10 },
  ky: { unread: 16 << 10, closed: 16 << 10 },
  'undici-request': { unread: 64 << 10, closed: 64 << 10, dumped: 192 << 10 },
  'node-http': { unread: 64, closed: 64 },
  'node-fetch': { unread: 64 << 10, closed: 64 << 10 },
  axios: { unread: 64, closed: 64 },
  got: { unread: 64, closed: 64 },
};
