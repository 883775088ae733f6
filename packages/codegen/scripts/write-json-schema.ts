import { writeFileSync } from 'node:fs';
import { planJsonSchema } from '../src/plan/json-schema.js';

writeFileSync(new URL('../tracking-plan.schema.json', import.meta.url), planJsonSchema());
console.log('Wrote tracking-plan.schema.json');
