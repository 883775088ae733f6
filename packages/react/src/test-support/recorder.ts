import { createTestAnalytics } from '@trackplan/core/testing';

/**
 * A recording client plus a stand-in for "the browser painted": page
 * tracking waits for it before reading the title, and tests say when it
 * happens.
 */
export function createRecorder() {
  const recorder = createTestAnalytics({ window, storage: false });
  const waiting: (() => void)[] = [];
  return {
    ...recorder,
    afterRender: (callback: () => void) => {
      waiting.push(callback);
    },
    paint() {
      for (const callback of waiting.splice(0)) callback();
    },
    pages: () =>
      recorder.messages
        .filter((message) => message.type === 'page')
        .map((message) => ({
          name: message.name,
          path: message.properties.path,
          search: message.properties.search,
          title: message.properties.title,
          ...(message.properties.product_id === undefined
            ? {}
            : { product_id: message.properties.product_id }),
        })),
  };
}

export type Recorder = ReturnType<typeof createRecorder>;
