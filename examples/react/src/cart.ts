import { useSyncExternalStore } from 'react';
import type { CatalogProduct } from './catalog.js';

export interface CartLine {
  product_id: string;
  name: string;
  price: number;
  quantity: number;
}

let lines: CartLine[] = [];
const listeners = new Set<() => void>();

/** An in-memory cart: enough state for the demo's checkout events. */
export function addToCart(product: CatalogProduct): void {
  const existing = lines.find((line) => line.product_id === product.id);
  lines = existing
    ? lines.map((line) => (line === existing ? { ...line, quantity: line.quantity + 1 } : line))
    : [...lines, { product_id: product.id, name: product.name, price: product.price, quantity: 1 }];
  for (const listener of listeners) listener();
}

export function useCart(): CartLine[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => lines,
  );
}
