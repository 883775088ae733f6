// Type tests over the generated storefront module: each line after an
// expect-error directive must fail to compile, and everything else must compile.
// src/golden.typecheck.test.ts compiles this file with the module.
import { type CallOptions, createAnalytics } from '@trackplan/core';
import { createTestAnalytics } from '@trackplan/core/testing';
import { expectTypeOf } from 'vitest';
import {
  group,
  type HomePageProperties,
  identify,
  orderCompleted,
  page,
  type ProductDetailPageProperties,
  productViewed,
  signedOut,
  trackingPlan,
} from './index.js';

const analytics = createAnalytics({ writeKey: 'key', plan: trackingPlan });
const products = [{ product_id: 'p', name: 'Shoe', price: 10 }];

// Generated functions follow the plan.
orderCompleted({ order_id: 'o', total: 10, currency: 'EUR', products });
orderCompleted({ order_id: 'o', total: 10, currency: 'EUR', products, coupon: null }, { userId: 'u', client: analytics });
signedOut();
identify({ email: 'ada@example.com', plan: 'pro' }, { userId: 'u' });
group('g', { name: 'Acme' });
page('Product Detail', { product_id: 'p' });
page('Home');

// @ts-expect-error a required property is missing
orderCompleted({ order_id: 'o', total: 10, currency: 'EUR' });
// @ts-expect-error a property has the wrong type
orderCompleted({ order_id: 'o', total: '10', currency: 'EUR', products });
// @ts-expect-error an enum value outside the plan
orderCompleted({ order_id: 'o', total: 10, currency: 'JPY', products });
// @ts-expect-error nullable is not optional: undefined is not null
productViewed({ product_id: 'p', price: null });
// @ts-expect-error an excess property
orderCompleted({ order_id: 'o', total: 10, currency: 'EUR', products, totl: 10 });
// @ts-expect-error a misspelled nested property
orderCompleted({ order_id: 'o', total: 10, currency: 'EUR', products: [{ product_id: 'p', name: 'Shoe', prise: 10 }] });
// @ts-expect-error an event with no properties takes none
signedOut({ reason: 'x' });
// @ts-expect-error a trait outside the plan
identify({ favourite_colour: 'blue' });
// @ts-expect-error group traits require a name
group('g', {});
// @ts-expect-error an unknown page
page('Product Detial', { product_id: 'p' });
// @ts-expect-error a page's required properties
page('Product Detail');

// Each page name keeps its own arguments, exactly.
expectTypeOf(page<'Product Detail'>).parameters.toEqualTypeOf<
  [name: 'Product Detail', properties: ProductDetailPageProperties, options?: CallOptions]
>();
expectTypeOf(page<'Home'>).parameters.toEqualTypeOf<
  [name: 'Home', properties?: HomePageProperties, options?: CallOptions]
>();
// A name that may be either of two pages needs what each of them needs.
declare const homeOrProduct: 'Home' | 'Product Detail';
// @ts-expect-error 'Product Detail' requires product_id
page(homeOrProduct);
// @ts-expect-error 'Product Detail' requires product_id
page(homeOrProduct, {});
// @ts-expect-error 'Home' takes no properties
page(homeOrProduct, { product_id: 'p' });
declare const listOrDetail: 'Product List' | 'Product Detail';
page(listOrDetail, { product_id: 'p', category: 'shoes' });

// The Register augmentation types core's own calls everywhere in the app.
analytics.track({ event: 'Signed Up', properties: { method: 'email' } });
// @ts-expect-error an unknown event
analytics.track({ event: 'Signed Upp', properties: { method: 'email' } });
// @ts-expect-error a missing required property
analytics.track({ event: 'Signed Up', properties: {} });
// @ts-expect-error a wrong type
analytics.track({ event: 'Review Submitted', properties: { product_id: 'p', rating: '5' } });
// @ts-expect-error an excess property
analytics.track({ event: 'Signed In', properties: { method: 'email', extra: true } });
// @ts-expect-error an unknown page name
analytics.page({ name: 'Nowhere' });
// @ts-expect-error traits are checked
analytics.identify({ traits: { plan: 'gold' } });

// The testing client is typed by the plan as well.
const { analytics: recorded } = createTestAnalytics();
// @ts-expect-error an unknown event
recorded.track({ event: 'Nope' });
