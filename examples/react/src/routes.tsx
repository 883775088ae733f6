import type { RouteObject } from 'react-router';
import { Layout } from './layout.js';
import { Cart } from './routes/cart.js';
import { Checkout } from './routes/checkout.js';
import { Home } from './routes/home.js';
import { ProductDetail } from './routes/product-detail.js';
import { ProductList } from './routes/product-list.js';
import { Search } from './routes/search.js';

/** Each route names its page of the tracking plan in `handle.page`. */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <Home />, handle: { page: 'Home' } },
      { path: 'products', element: <ProductList />, handle: { page: 'Product List' } },
      {
        path: 'products/:productId',
        element: <ProductDetail />,
        handle: {
          page: (params: { productId?: string }) => ({
            name: 'Product Detail',
            properties: { product_id: params.productId ?? '' },
          }),
        },
      },
      { path: 'cart', element: <Cart />, handle: { page: 'Cart' } },
      {
        path: 'checkout',
        element: <Checkout />,
        handle: { page: { name: 'Checkout', properties: { step: 1 } } },
      },
      {
        path: 'search',
        element: <Search />,
        handle: {
          page: () => ({
            name: 'Search Results',
            properties: { query: new URLSearchParams(window.location.search).get('q') ?? '' },
          }),
        },
      },
    ],
  },
];
