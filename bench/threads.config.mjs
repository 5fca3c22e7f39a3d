// The bench's configurations as a config file, for what needs one: ESLint's multithreaded linting
// (`--concurrency`) loads the config again in each worker thread, so it cannot take the plugin
// object that the other runs pass in. DRAIN_BENCH_CONFIG names the configuration (bench/configs.mjs).
// Not named eslint.config.*: ESLint 10 looks a config up from each file's folder, and would take
// this one for the bench's own scripts and the corpus when the repository is linted.
import { configurations, flatConfig, loadPlugin } from './configs.mjs';

const drain = loadPlugin();
const name = process.env.DRAIN_BENCH_CONFIG ?? 'drain recommended';
const configuration = configurations(drain)[name];
if (!configuration) throw new Error(`bench: no configuration named ${name}`);

export default flatConfig(drain, configuration);
