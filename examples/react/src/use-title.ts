import { useEffect } from 'react';

/** Each route sets its own title once rendered, as real apps do. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = title;
  }, [title]);
}
