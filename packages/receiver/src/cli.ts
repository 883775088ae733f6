import { parseArgs } from 'node:util';
import { startReceiver } from './server.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    'max-lifetime-seconds': { type: 'string', default: '900' },
    quiet: { type: 'boolean', default: false },
  },
});

/**
 * Reads a numeric option or exits saying what to pass; `Number('15m')` is NaN,
 * which would otherwise stop the receiver at once.
 */
function numberOption(name: string, value: string, valid: (n: number) => boolean, want: string) {
  const parsed = Number(value);
  if (value.trim() === '' || !valid(parsed)) {
    console.error(`--${name} must be ${want}, got "${value}".`);
    process.exit(1);
  }
  return parsed;
}

const port = numberOption(
  'port',
  values.port,
  (n) => Number.isInteger(n) && n >= 0 && n <= 65535,
  'a whole number from 0 to 65535 (0 picks a free port)',
);
const maxLifetimeSeconds = numberOption(
  'max-lifetime-seconds',
  values['max-lifetime-seconds'],
  (n) => Number.isFinite(n) && n > 0,
  'a number of seconds above 0',
);

const receiver = await startReceiver({
  port,
  maxLifetimeMs: maxLifetimeSeconds * 1000,
  onMessage: ({ message, writeKey }) => {
    if (values.quiet) return;
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
