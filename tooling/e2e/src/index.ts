export { CHROMIUM_FLAGS, CHROMIUM_PATH, type ChromiumSession, launchChromium } from './chromium.js';
export { BLANK_PATH, type StaticServer, serveStatic } from './static-server.js';
export { describeStorefront } from './storefront-spec.js';
