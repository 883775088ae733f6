import { parseArgs } from 'node:util';
import { startReceiver } from './server.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    'max-lifetime-seconds': { type: 'string', default: '900' },
    quiet: { type: 'boolean', default: false },
  },
});

const receiver = await startReceiver({
  port: Number(values.port),
  maxLifetimeMs: Number(values['max-lifetime-seconds']) * 1000,
  onMessage: ({ message, writeKey }) => {
    if (values.quiet) return;
    const name = message.event ?? message.name ?? message.groupId ?? message.userId ?? '';
    console.log(`${String(message.type).padEnd(8)} ${String(name)}  writeKey=${writeKey ?? '-'}`);
  },
});
console.log(
  `Segment-compatible receiver listening on ${receiver.url} (stops by itself after ${values['max-lifetime-seconds']} s)`,
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void receiver.close().then(() => process.exit(0)));
}
