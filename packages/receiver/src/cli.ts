import { parseArgs } from 'node:util';
import { startReceiver } from './server.js';

const OPTIONS = {
  port: { type: 'string', default: '8787' },
  'max-lifetime-seconds': { type: 'string', default: '900' },
  quiet: { type: 'boolean', default: false },
} as const;
const FLAGS = '--port <n>, --max-lifetime-seconds <s> and --quiet';
/** The longest lifetime the receiver can keep, in seconds: 2^31-1 ms, Node's longest timer. */
const MAX_LIFETIME_SECONDS = (2 ** 31 - 1) / 1000;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

// Not strict, so a wrong flag gets one line naming it rather than Node's stack trace.
const { values, tokens } = parseArgs({
  options: OPTIONS,
  strict: false,
  allowPositionals: true,
  tokens: true,
});
for (const token of tokens) {
  if (token.kind === 'positional') {
    fail(`Unexpected argument "${token.value}". The flags are ${FLAGS}.`);
  }
  if (token.kind !== 'option') continue;
  const option = Object.hasOwn(OPTIONS, token.name)
    ? OPTIONS[token.name as keyof typeof OPTIONS]
    : undefined;
  if (option === undefined) fail(`Unknown flag ${token.rawName}. The flags are ${FLAGS}.`);
  if (option.type === 'string' && token.value === undefined) {
    fail(`${token.rawName} needs a value. The flags are ${FLAGS}.`);
  }
  if (option.type === 'boolean' && token.value !== undefined) {
    fail(`${token.rawName} takes no value, got "${token.value}".`);
  }
}

/**
 * Reads a numeric option or exits saying what to pass; `Number('15m')` is NaN,
 * which would otherwise stop the receiver at once.
 */
function numberOption(name: keyof typeof OPTIONS, valid: (n: number) => boolean, want: string) {
  const value = String(values[name] ?? OPTIONS[name].default);
  const parsed = Number(value);
  if (value.trim() === '' || !valid(parsed)) fail(`--${name} must be ${want}, got "${value}".`);
  return parsed;
}

const port = numberOption(
  'port',
  (n) => Number.isInteger(n) && n >= 0 && n <= 65535,
  'a whole number from 0 to 65535 (0 picks a free port)',
);
const maxLifetimeSeconds = numberOption(
  'max-lifetime-seconds',
  (n) => Number.isFinite(n) && n > 0,
  'a number of seconds above 0',
);
if (maxLifetimeSeconds > MAX_LIFETIME_SECONDS) {
  // The receiver would cap it, so the announced lifetime would be wrong.
  fail(
    `--max-lifetime-seconds can be at most ${MAX_LIFETIME_SECONDS} (about 24.8 days, the longest timer Node can set), got "${values['max-lifetime-seconds']}".`,
  );
}
const quiet = values.quiet === true;

const receiver = await startReceiver({
  port,
  maxLifetimeMs: maxLifetimeSeconds * 1000,
  onMessage: ({ message, writeKey }) => {
    if (quiet) return;
    const name = message.event ?? message.name ?? message.groupId ?? message.userId ?? '';
    console.log(`${String(message.type).padEnd(8)} ${String(name)}  writeKey=${writeKey ?? '-'}`);
  },
  // The receiver has closed (it could not come back after going down): say why and fail.
  onError: (error) => {
    console.error(error.message);
    process.exit(1);
  },
});
// Handle signals before announcing the URL: whoever waits for that line may stop us at once.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void receiver.close().then(() => process.exit(0)));
}
console.log(
  `Segment-compatible receiver listening on ${receiver.url} (stops by itself after ${maxLifetimeSeconds} s)`,
);
