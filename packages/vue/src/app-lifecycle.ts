import type { App } from 'vue';

/**
 * Runs `start` once the app has mounted, and the cleanup it returns when the
 * app unmounts. Server rendering never mounts an app, so nothing started
 * here ever runs on a server.
 */
export function whileMounted(app: App, start: () => () => void): void {
  const { mount, unmount } = app;
  let stop: (() => void) | undefined;
  // Called without `this`, as vue-router calls the unmount it wraps: Vue's own
  // methods close over the app.
  app.mount = (...args: Parameters<App['mount']>) => {
    const root = mount(...args);
    stop ??= start();
    return root;
  };
  // Wrapped rather than app.onUnmount(), which only Vue 3.5 and later have.
  // An unmounted app never mounts again, so `stop` needs no reset.
  app.unmount = () => {
    stop?.();
    unmount();
  };
}
