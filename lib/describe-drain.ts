import type { DrainAbout } from './fixes/drain-text.js';

/**
 * A drain in words for a suggestion's title, which a quick-fix menu shows on one line: what it
 * drains and how far, not its code (the fix has the code). `fallback` names the response when the
 * drained text is not a plain name (`(await fetch(u))`).
 */
export function describeDrain(about: DrainAbout, fallback: string): { target: string; how: string } {
  // `how` starts with its space: a drain without limits has none to show.
  const target = /^[\w$]+(\??\.[\w$]+)*$/.test(about.ref) ? `\`${about.ref}\`` : fallback;
  if (about.helper) return { target, how: ` with \`${about.helper}\`` };
  const time = about.ms === undefined ? undefined : `for up to ${duration(about.ms)}`;
  const bytes = about.bytes === undefined ? undefined : `up to ${size(about.bytes)}`;
  const limits = [bytes, time].filter((part) => part !== undefined);
  return { target, how: limits.length === 0 ? '' : ` (reads ${limits.join(', ')})` };
}

function duration(ms: number): string {
  return ms % 1000 === 0 || ms > 10_000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}

function size(bytes: number): string {
  const round = (value: number) => Math.round(value * 10) / 10;
  if (bytes >= 1024 * 1024) return `${round(bytes / (1024 * 1024))} MiB`;
  if (bytes >= 1024) return `${round(bytes / 1024)} KiB`;
  return `${bytes} bytes`;
}
