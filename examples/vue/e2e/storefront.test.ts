import { fileURLToPath } from 'node:url';
import { describeStorefront } from '@trackplan/e2e';

describeStorefront('Vue', fileURLToPath(new URL('../dist', import.meta.url)));
