import type { UndrainedClose } from './tracking/findings.js';

/**
 * Which closes of an unread body are worth a report. A `destroy` resets the connection at any size.
 * A `cancel` only loses it when the body is large; on a path that established an error status the
 * body is a small error document that has usually arrived whole, and cancelling it is how undici's
 * own documentation releases it.
 */
export function shouldReportClose(close: UndrainedClose, options: { reportDeliberate: boolean }): boolean {
  if (close.deliberate && !options.reportDeliberate) return false;
  // A connection no pool would get back (`agent: false`, an upgrade) loses nothing by closing.
  if (close.unpooled) return false;
  return close.close === 'destroy' || !close.errorStatus;
}
