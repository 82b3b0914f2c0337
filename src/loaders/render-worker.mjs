// The entry of a Markdown render worker (see render-pool.ts). Worker threads start as plain Node,
// so TypeScript is loaded through tsx, as the project's command-line tools are.
import { register } from 'tsx/esm/api';

register();
await import('./render-worker-main.ts');
