import { reactive } from 'vue';
import type { Product } from './analytics/index.js';
import type { CatalogProduct } from './catalog.js';

/** A line of the cart, in the plan's Product shape so events can carry it as is. */
export type CartLine = Required<Pick<Product, 'product_id' | 'name' | 'price' | 'quantity'>>;

/** An in-memory cart: enough state for the demo's checkout events. */
export const cart = reactive<{ lines: CartLine[] }>({ lines: [] });

export function addToCart(product: CatalogProduct): void {
  const existing = cart.lines.find((line) => line.product_id === product.id);
  if (existing) existing.quantity++;
  else
    cart.lines.push({
      product_id: product.id,
      name: product.name,
      price: product.price,
      quantity: 1,
    });
}

/** The lines as plain objects, for an event's properties. */
export function cartProducts(): CartLine[] {
  return cart.lines.map((line) => ({ ...line }));
}
