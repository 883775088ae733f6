import type { App } from 'vue';

/**
 * Runs `prepare` as the app starts to mount, before any component's
 * `onMounted`; then `start` with what it prepared once the app has mounted;
 * and the cleanup `start` returns when the app unmounts. Server rendering
 * never mounts an app, so nothing here ever runs on a server.
 */
export function whileMounted<Prepared>(
  app: App,
  prepare: () => Prepared,
  start: (prepared: Prepared) => () => void,
): void {
  const { mount, unmount } = app;
  let stop: (() => void) | undefined;
  // Called without `this`, as vue-router calls the unmount it wraps: Vue's own
  // methods close over the app.
  app.mount = (...args: Parameters<App['mount']>) => {
    const prepared = prepare();
    const root = mount(...args);
    stop ??= start(prepared);
    return root;
  };
  // Wrapped rather than app.onUnmount(), which only Vue 3.5 and later have.
  // An unmounted app never mounts again, so `stop` needs no reset.
  app.unmount = () => {
    stop?.();
    unmount();
  };
}
