/** The products the demo store sells; prices in USD. */
export interface CatalogProduct {
  id: string;
  name: string;
  price: number;
}

export const catalog: readonly CatalogProduct[] = [
  { id: 'p1', name: 'Trail Shoe', price: 120 },
  { id: 'p2', name: 'Rain Jacket', price: 180 },
  { id: 'p3', name: 'Wool Socks', price: 18 },
];

export function findProduct(id: string | undefined): CatalogProduct | undefined {
  return catalog.find((product) => product.id === id);
}

/** Products whose name contains the term, ignoring case; none for an empty term. */
export function searchCatalog(query: string): CatalogProduct[] {
  const term = query.trim().toLowerCase();
  return term ? catalog.filter((product) => product.name.toLowerCase().includes(term)) : [];
}
