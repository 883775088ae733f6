import { useAnalytics } from '@trackplan/vue';
import { type ComputedRef, computed, ref } from 'vue';

// The client keeps the user in cookies and localStorage, which Vue cannot
// watch; bumping this tells the computed below to read it again.
const identityVersion = ref(0);

/** Tells components that the identified user changed. */
export function userChanged(): void {
  identityVersion.value++;
}

/** The userId the client remembers (across reloads), or null before sign-in. */
export function useSignedInUser(): ComputedRef<string | null> {
  const analytics = useAnalytics();
  return computed(() => {
    void identityVersion.value;
    return analytics.user().userId;
  });
}
