import { version } from 'react';
import { version as domVersion } from 'react-dom';

// This run means nothing unless React 18 is what the tests render with.
if (!version.startsWith('18.') || !domVersion.startsWith('18.')) {
  throw new Error(`Expected React 18, got react ${version} and react-dom ${domVersion}.`);
}
