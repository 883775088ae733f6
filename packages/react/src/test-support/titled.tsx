import { useEffect } from 'react';

/** A route's content that sets the document title once rendered, as apps do. */
export function Titled({ title }: { title: string }) {
  useEffect(() => {
    document.title = title;
  }, [title]);
  return <h1>{title}</h1>;
}
