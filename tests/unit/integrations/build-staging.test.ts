import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stagingDirFor } from '../../../src/integrations/build-staging';

const root = path.resolve('/work/project');

describe('the staging folder', () => {
  it('sits beside an output folder inside the project', () => {
    expect(stagingDirFor(path.join(root, 'dist'), root)).toBe(path.join(root, 'dist.building'));
  });

  it('sits inside the project for one outside it, under one name per output folder', () => {
    const staging = stagingDirFor('/tmp/site', root);
    expect(path.relative(root, staging)).toMatch(/^node_modules[\\/]\.cache[\\/]warta-staging[\\/]site-/);
    expect(stagingDirFor('/tmp/site/', root)).toBe(staging);
    expect(stagingDirFor('/srv/site', root)).not.toBe(staging);
    // A sibling whose name starts with the project's is outside it.
    expect(stagingDirFor(`${root.replace(/[\\/]$/, '')}-site`, root)).not.toMatch(/-site\.building$/);
  });
});
