export { CHROMIUM_FLAGS, CHROMIUM_PATH, type ChromiumSession, launchChromium } from './chromium.js';
export { type StaticServer, serveStatic } from './static-server.js';
