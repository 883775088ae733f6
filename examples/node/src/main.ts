import { createAnalytics } from '@trackplan/core';
import { startReceiver } from '@trackplan/receiver';
import { trackingPlan } from './analytics/index.js';
import { runStorefrontSession } from './storefront-session.js';

// A Segment-compatible receiver on loopback stands in for api.segment.io.
const receiver = await startReceiver({ maxLifetimeMs: 60_000 });
const analytics = createAnalytics({
  writeKey: 'demo-write-key',
  endpoint: receiver.url,
  // Generated runtime checks (development only): calls that break the plan are refused.
  plan: trackingPlan,
  onViolation: 'drop',
});

console.log(`Sending a storefront session to the local receiver at ${receiver.url}\n`);
const results = await runStorefrontSession(analytics);
const { drained } = await analytics.close({ timeoutMs: 5000 });

console.log('Results returned to the app:');
for (const { label, result } of results) {
  const outcome = result.success
    ? 'ok'
    : `failed: ${result.error?.code} (${result.error?.message})`;
  console.log(`  ${label.padEnd(38)} ${outcome}`);
}

console.log(`\nWhat arrived at the receiver (queue drained: ${drained}):`);
for (const { message, writeKey, requestIndex } of receiver.messages()) {
  const name = message.event ?? message.name ?? message.groupId ?? message.previousId ?? '';
  const who = message.userId ?? message.anonymousId;
  console.log(
    `  #${requestIndex} ${String(message.type).padEnd(8)} ${String(name).padEnd(18)} user=${String(who).padEnd(10)} writeKey=${writeKey} messageId=${String(message.messageId).slice(0, 8)}…`,
  );
}
const arrived = receiver.messages().length;
await receiver.close();

const accepted = results.reduce(
  (sum, { result }) => sum + (!result.success ? 0 : 'count' in result ? result.count : 1),
  0,
);
const refused = results.filter(({ result }) => !result.success).length;
console.log(
  `\n${arrived} messages arrived for ${accepted} accepted calls; ${refused} calls were refused before sending.`,
);
// The demo doubles as a smoke check: what the app was told must match what arrived.
process.exitCode = arrived === accepted && refused === 2 ? 0 : 1;
