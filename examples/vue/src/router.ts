import { createRouter, createWebHistory } from 'vue-router';
import CartPage from './pages/CartPage.vue';
import CheckoutPage from './pages/CheckoutPage.vue';
import HomePage from './pages/HomePage.vue';
import ProductDetailPage from './pages/ProductDetailPage.vue';
import ProductListPage from './pages/ProductListPage.vue';
import SearchPage from './pages/SearchPage.vue';
import { searchQuery } from './search-query.js';

/**
 * Each route names its page of the tracking plan: by its `name` when the page
 * has no properties, else in `meta.page`, which the plan types.
 */
export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', name: 'Home', component: HomePage },
    { path: '/products', name: 'Product List', component: ProductListPage },
    {
      path: '/products/:productId',
      component: ProductDetailPage,
      meta: {
        page: (route) => ({
          name: 'Product Detail',
          properties: { product_id: String(route.params.productId) },
        }),
      },
    },
    { path: '/cart', name: 'Cart', component: CartPage },
    {
      path: '/checkout',
      component: CheckoutPage,
      meta: { page: { name: 'Checkout', properties: { step: 1 } } },
    },
    {
      path: '/search',
      component: SearchPage,
      meta: {
        page: (route) => ({ name: 'Search Results', properties: { query: searchQuery(route) } }),
      },
    },
  ],
});
