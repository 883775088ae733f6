import { Link } from 'react-router';
import { catalog } from '../catalog.js';
import { useTitle } from '../use-title.js';

export function ProductList() {
  useTitle('Products · Acme');
  return (
    <>
      <h1>Products</h1>
      <ul>
        {catalog.map((product) => (
          <li key={product.id}>
            <Link data-testid={`product-link-${product.id}`} to={`/products/${product.id}`}>
              {product.name}
            </Link>{' '}
            ${product.price}
          </li>
        ))}
      </ul>
    </>
  );
}
