// Reads a V8 CPU profile of a lint (node --cpu-prof bench/lint-once.mjs …) and charges every sample
// to the plugin's function that is innermost on its stack: the time under each of the rules'
// functions, split into the plugin's own code and the TypeScript checker work it asked for. Samples
// with none of the plugin's frames are the parser, ESLint and other rules.
//
//   node bench/profile-summary.mjs /tmp/prof/CPU.…cpuprofile [--top 25]
import { readFileSync } from 'node:fs';

const [file, ...rest] = process.argv.slice(2);
const top = rest.includes('--top') ? Number(rest[rest.indexOf('--top') + 1]) : 25;
const profile = JSON.parse(readFileSync(file, 'utf8'));

const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

const plugin = (url) => /\/dist\/(lib|rules)\//.test(url) || /\/dist\/index\.js/.test(url);
const where = (frame) => {
  const url = frame.callFrame.url;
  const name = frame.callFrame.functionName || '(anonymous)';
  return `${name} (${url.replace(/.*\/dist\//, '')}:${frame.callFrame.lineNumber + 1})`;
};

// Sample durations: timeDeltas[i] is the time before sample i.
const self = new Map();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));

const total = [...self.values()].reduce((a, b) => a + b, 0);
const byOwner = new Map(); // innermost plugin frame → { own, checker, other }
let pluginTotal = 0;
const memo = new Map();
/** The innermost plugin frame on the stack of node `id`, if any. */
function owner(id) {
  if (memo.has(id)) return memo.get(id);
  const node = nodes.get(id);
  const found = plugin(node.callFrame.url) ? id : parent.has(id) ? owner(parent.get(id)) : undefined;
  memo.set(id, found);
  return found;
}
for (const [id, ms] of self) {
  const at = owner(id);
  if (at === undefined) continue;
  pluginTotal += ms;
  const key = where(nodes.get(at));
  const entry = byOwner.get(key) ?? byOwner.set(key, { own: 0, typescript: 0, other: 0 }).get(key);
  const url = nodes.get(id).callFrame.url;
  if (id === at || plugin(url)) entry.own += ms;
  else if (/typescript\/lib\/typescript\.js/.test(url)) entry.typescript += ms;
  else entry.other += ms;
}

const ms = (x) => x.toFixed(0).padStart(7);
console.log(`profile: ${(total / 1000).toFixed(1)} s sampled; under the plugin's functions ${(pluginTotal / 1000).toFixed(2)} s (${((100 * pluginTotal) / total).toFixed(1)}%)`);
console.log(`${'total ms'.padStart(8)} ${'own'.padStart(7)} ${'checker'.padStart(7)} ${'other'.padStart(7)}  innermost plugin function`);
for (const [key, entry] of [...byOwner].sort((a, b) => b[1].own + b[1].typescript + b[1].other - (a[1].own + a[1].typescript + a[1].other)).slice(0, top)) {
  console.log(`${ms(entry.own + entry.typescript + entry.other)} ${ms(entry.own)} ${ms(entry.typescript)} ${ms(entry.other)}  ${key}`);
}
