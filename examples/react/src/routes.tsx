import type { RouteHandle } from '@trackplan/react/react-router';
import type { RouteObject } from 'react-router';
import { Layout } from './layout.js';
import { Cart } from './routes/cart.js';
import { Checkout } from './routes/checkout.js';
import { Home } from './routes/home.js';
import { ProductDetail } from './routes/product-detail.js';
import { ProductList } from './routes/product-list.js';
import { Search } from './routes/search.js';

/**
 * Each route names its page of the tracking plan in `handle.page`; `satisfies
 * RouteHandle` has the compiler check it against the plan.
 */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <Home />, handle: { page: 'Home' } satisfies RouteHandle },
      {
        path: 'products',
        element: <ProductList />,
        handle: { page: 'Product List' } satisfies RouteHandle,
      },
      {
        path: 'products/:productId',
        element: <ProductDetail />,
        handle: {
          page: ({ productId }) => ({
            name: 'Product Detail',
            properties: { product_id: productId ?? '' },
          }),
        } satisfies RouteHandle,
      },
      { path: 'cart', element: <Cart />, handle: { page: 'Cart' } satisfies RouteHandle },
      {
        path: 'checkout',
        element: <Checkout />,
        handle: { page: { name: 'Checkout', properties: { step: 1 } } } satisfies RouteHandle,
      },
      {
        path: 'search',
        element: <Search />,
        handle: {
          page: () => ({
            name: 'Search Results',
            properties: { query: new URLSearchParams(window.location.search).get('q') ?? '' },
          }),
        } satisfies RouteHandle,
      },
    ],
  },
];
