// A forked benchmark process does not inherit the tsx loader registered by bin/tidu.js: register it, then load the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./engine-worker.ts');
