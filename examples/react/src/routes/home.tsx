import { useTitle } from '../use-title.js';

export function Home() {
  useTitle('Acme Storefront');
  return <h1>Welcome to Acme</h1>;
}
