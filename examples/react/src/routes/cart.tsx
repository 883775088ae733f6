import { useTrack } from '@trackplan/react';
import { useNavigate } from 'react-router';
import { useCart } from '../cart.js';
import { useTitle } from '../use-title.js';

export function Cart() {
  useTitle('Cart · Acme');
  const lines = useCart();
  const track = useTrack();
  const navigate = useNavigate();
  const checkout = () => {
    // The hook is typed by the plan that codegen registered.
    void track('Checkout Started', { currency: 'USD', products: lines });
    void navigate('/checkout');
  };
  return (
    <>
      <h1>Cart</h1>
      <ul>
        {lines.map((line) => (
          <li key={line.product_id}>
            {line.quantity} × {line.name}
          </li>
        ))}
      </ul>
      <button type="button" data-testid="checkout" onClick={checkout} disabled={lines.length === 0}>
        Checkout
      </button>
    </>
  );
}
