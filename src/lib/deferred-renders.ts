/**
 * Article bodies whose rendering goes on while the pages render. On a large build the loader
 * stores every article at once and leaves the Markdown of those without pictures to worker threads
 * in the background (src/loaders/article-loader.ts), so the build renders listings, and Astro
 * bundles, while the workers render bodies; a page that needs a body not yet rendered has it
 * rendered at once on its own thread. The loader and the pages are separate module instances in
 * one process, so they meet through a global keyed by a registered symbol.
 */
import type { Problem } from './problems';

/** The bodies of one content sync still being rendered. */
export interface DeferredRenders {
  /**
   * Resolves once the body of `digest` is written to the rendered-body cache (rendering it now if
   * no worker has started it); rejects, once every body has been tried, if any failed.
   */
  demand(digest: string): Promise<void>;
  /** Renders every body not yet rendered, and resolves with the problems of those that failed. */
  finish(): Promise<readonly Problem[]>;
}

const KEY = Symbol.for('warta.deferred-renders');

function holder(): typeof globalThis & { [KEY]?: DeferredRenders } {
  return globalThis as typeof globalThis & { [KEY]?: DeferredRenders };
}

/** Sets the renders of the latest content sync (`undefined` when it rendered everything itself). */
export function registerDeferredRenders(renders: DeferredRenders | undefined): void {
  if (renders) holder()[KEY] = renders;
  else delete holder()[KEY];
}

/** Waits for the body of `digest` to be rendered, when it is one of the bodies still being rendered. */
export async function demandRenderedBody(digest: string): Promise<void> {
  await holder()[KEY]?.demand(digest);
}

/** Finishes every body still being rendered; resolves with the problems of those that failed. */
export async function finishDeferredRenders(): Promise<readonly Problem[]> {
  return (await holder()[KEY]?.finish()) ?? [];
}
