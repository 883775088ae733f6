import { expectTypeOf, test } from 'vitest';
import {
  type Fault,
  type ParsedRequest,
  parseSegmentRequest,
  type ReceiverError,
  type ReceiverErrorCode,
  type ReceiverOptions,
} from './index.js';

test('parseSegmentRequest returns the ParsedRequest the package exports', () => {
  expectTypeOf(parseSegmentRequest).returns.toEqualTypeOf<ParsedRequest>();
  expectTypeOf<Extract<ParsedRequest, { ok: false }>['status']>().toEqualTypeOf<400>();
});

test('onError receives a ReceiverError with a known code', () => {
  expectTypeOf<NonNullable<ReceiverOptions['onError']>>()
    .parameter(0)
    .toEqualTypeOf<ReceiverError>();
  expectTypeOf<ReceiverError['code']>().toEqualTypeOf<ReceiverErrorCode>();
  expectTypeOf<ReceiverErrorCode>().toEqualTypeOf<'invalid_fault' | 'relisten_failed'>();
});

test('a fault is checked at the type level as well as when it is injected', () => {
  // @ts-expect-error status is a number
  const status: Fault = { status: '500' };
  // @ts-expect-error not a fault field
  const misspelt: Fault = { delay: 100 };
  expectTypeOf([status, misspelt]).toEqualTypeOf<Fault[]>();
});
