import { type FormEvent, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { productsSearched } from '../analytics/index.js';
import { searchCatalog } from '../catalog.js';
import { useTitle } from '../use-title.js';

export function Search() {
  useTitle('Search · Acme');
  const [params] = useSearchParams();
  const query = params.get('q') ?? '';
  const [draft, setDraft] = useState(query);
  const navigate = useNavigate();
  const results = searchCatalog(query);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void productsSearched({ query: draft, results_count: searchCatalog(draft).length });
    void navigate(`/search?q=${encodeURIComponent(draft)}`);
  };
  return (
    <>
      <h1>Search</h1>
      <form onSubmit={submit}>
        <input
          data-testid="search-input"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit" data-testid="search-submit">
          Search
        </button>
      </form>
      <ul>
        {results.map((product) => (
          <li key={product.id}>{product.name}</li>
        ))}
      </ul>
    </>
  );
}
