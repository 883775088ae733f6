import { ReactRouterPageTracking } from '@trackplan/react/react-router';
import { Link, Outlet } from 'react-router';
import { useSignedInUser } from './session.js';

export function Layout() {
  const userId = useSignedInUser();
  return (
    <>
      {/* React Router says when pages change; routes name them in handle.page. */}
      <ReactRouterPageTracking />
      <header>
        <nav>
          <Link data-testid="nav-home" to="/">
            Home
          </Link>{' '}
          <Link data-testid="nav-products" to="/products">
            Products
          </Link>{' '}
          <Link data-testid="nav-cart" to="/cart">
            Cart
          </Link>{' '}
          <Link data-testid="nav-search" to="/search">
            Search
          </Link>
        </nav>
        {userId && <p data-testid="signed-in-as">{userId}</p>}
      </header>
      <main>
        <Outlet />
      </main>
    </>
  );
}
