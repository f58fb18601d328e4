// The worker thread that parses a large import (import-parsing.ts): the TypeScript loader is
// registered here, as bin/keel.js does for the main thread, then the worker's body runs.
import { register } from 'tsx/esm/api';

register();
await import('./import-parsing-worker.ts');
