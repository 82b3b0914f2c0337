// The entry of an HTML validation thread (see site-html.ts). Worker threads start as plain Node,
// so TypeScript is loaded through tsx, as the project's command-line tools are.
import { register } from 'tsx/esm/api';

register();
await import('./html-worker-main.ts');
