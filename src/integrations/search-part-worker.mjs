// The entry of a search-index worker (see search-part-pool.ts). Worker threads start as plain Node,
// so TypeScript is loaded through tsx, as the project's command-line tools are.
import { register } from 'tsx/esm/api';

register();
await import('./search-part-worker-main.ts');
