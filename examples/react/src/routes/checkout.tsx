import { useIdentify, useTrack } from '@trackplan/react';
import { type FormEvent, useState } from 'react';
import { userChanged } from '../session.js';
import { useTitle } from '../use-title.js';

export function Checkout() {
  useTitle('Checkout · Acme');
  const [email, setEmail] = useState('');
  const identify = useIdentify();
  const track = useTrack();
  const signIn = async (event: FormEvent) => {
    event.preventDefault();
    const userId = `user-${email.split('@')[0]}`;
    const identified = identify(userId, { email });
    userChanged();
    await Promise.all([identified, track('Signed In', { method: 'email' })]);
  };
  return (
    <>
      <h1>Checkout</h1>
      <form onSubmit={signIn}>
        <input
          data-testid="email"
          type="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          placeholder="you@example.com"
        />
        <button type="submit" data-testid="sign-in">
          Sign in
        </button>
      </form>
    </>
  );
}
