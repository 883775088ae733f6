// Hostile names still produce usable, typed functions with the exact wire names.
import type { PlanTypes } from './index.js';
import { _3dSecurePassed, constructor, delete_, itsQuotedEvil, klass, lineBreakEvent, Map, page, process, toString, ünïcødéÉvent } from './index.js';

itsQuotedEvil({ required_one: 'c', nested: { '${inner}': '*/' } });
constructor();
toString();
delete_();
klass();
_3dSecurePassed();
ünïcødéÉvent();
lineBreakEvent();
process();
Map();
page('Page */ ${x}', { 'q"': 'v' });

const wireName: keyof PlanTypes['events'] = "it's \"quoted\" */ `${evil}`";
void wireName;
// @ts-expect-error enum values are exact, quotes and all
itsQuotedEvil({ required_one: 'c', nested: { '${inner}': 'a"c' } });
