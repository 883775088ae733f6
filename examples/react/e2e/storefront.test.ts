import { fileURLToPath } from 'node:url';
import { describeStorefront } from '@trackplan/e2e';

describeStorefront('React', fileURLToPath(new URL('../dist', import.meta.url)));
