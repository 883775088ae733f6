import { runCli } from './cli/run-cli.js';

const stop = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stop.abort());

process.exitCode = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  signal: stop.signal,
  stdout: (text) => console.log(text),
  stderr: (text) => console.error(text),
});
