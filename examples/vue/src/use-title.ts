import { type MaybeRefOrGetter, toValue, watchPostEffect } from 'vue';

/**
 * Each page sets its own title once rendered, as real apps do; again when it
 * changes, e.g. from /products/p1 to /products/p2, which reuses the component.
 */
export function useTitle(title: MaybeRefOrGetter<string>): void {
  watchPostEffect(() => {
    document.title = toValue(title);
  });
}
