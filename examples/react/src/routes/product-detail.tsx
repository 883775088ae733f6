import { useParams } from 'react-router';
import { productAdded } from '../analytics/index.js';
import { addToCart } from '../cart.js';
import { findProduct } from '../catalog.js';
import { useTitle } from '../use-title.js';

export function ProductDetail() {
  const product = findProduct(useParams().productId);
  useTitle(`${product?.name ?? 'Not found'} · Acme`);
  if (!product) return <h1>Not found</h1>;
  const add = () => {
    addToCart(product);
    // A generated function: the plan's event name and properties, checked by the compiler.
    void productAdded({
      product_id: product.id,
      name: product.name,
      price: product.price,
      quantity: 1,
    });
  };
  return (
    <>
      <h1>{product.name}</h1>
      <p>${product.price}</p>
      <button type="button" data-testid="add-to-cart" onClick={add}>
        Add to cart
      </button>
    </>
  );
}
