import type { UndrainedClose } from './tracking/findings.js';

/** Which closes of an unread body a rule's options want reported. */
export interface ClosePolicy {
  /** Closes in a branch that tested the body's size or type (`strict`). */
  readonly reportDeliberate: boolean;
  /** Cancels on a path that established an error status (`strict`). */
  readonly reportErrorPaths: boolean;
}

/**
 * Which closes of an unread body are worth a report. A `destroy` resets the connection on every path
 * (node:http, axios, got at any size; `undici.request` from 64 KiB, and it errors the stream).
 * A `cancel` loses it only when the body has not arrived whole: for fetch, from 16 KiB on; below,
 * the body is in the client's buffers and the connection survives (measured by the size sweep in
 * docs/runtime-evidence.md). On a path that established an error status the body is an error
 * document, mostly a short JSON message under that size, and cancelling it is how undici's own
 * documentation releases it, so `recommended` accepts it; `strict` reports it, for the HTML error
 * pages and proxy pages that are larger.
 */
export function shouldReportClose(close: UndrainedClose, policy: ClosePolicy): boolean {
  if (close.deliberate && !policy.reportDeliberate) return false;
  // A connection no pool would get back (`agent: false`, an upgrade) loses nothing by closing.
  if (close.unpooled) return false;
  return close.close === 'destroy' || !close.errorStatus || policy.reportErrorPaths;
}
