/**
 * Settings a newsroom gets wrong, in astro.config.mjs or in the environment of a deploy: every
 * command stops before doing anything, with one line per problem naming the setting, the value and
 * the fix, and a non-zero exit.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildArchive, fixturesDir, run } from '../helpers/build';

const CONTENT = path.join(fixturesDir, 'newsroom', 'content');
const TSX = path.join('node_modules', 'tsx', 'dist', 'cli.mjs');

describe('a build with wrong settings in astro.config.mjs', () => {
  it('fails, naming every problem at once', async () => {
    const build = await buildArchive(CONTENT, {}, ['--config', 'tests/fixtures/bad-settings/astro.config.mjs']);
    await build.cleanup();
    expect(build.exitCode).not.toBe(0);
    expect(build.output).toContain("Warta's settings have 6 problems");
    for (const line of [
      `warta({ url }): "arsip.kroniktimur.id" must be an http(s) address with no path, e.g. 'https://arsip.koran.id'`,
      `warta({ timeZone }): "Asia/Makasar" is not an IANA time zone: use a name such as 'Asia/Jakarta', 'Asia/Makassar' or 'Europe/Amsterdam'`,
      'warta({ pageSize }): must be a whole number, e.g. 10, not "10"',
      'warta({ sections[0].slug }): "Business" must be lower-case letters, digits and single hyphens, e.g. "ekonomi"',
      "warta({ name }): has no Indonesian text, and the site is in en, id; add id: 'Eastern Chronicle'",
      `warta({ tagMappings[0] }): {"en":"Economy"} names one tag; a mapping joins a tag in one language to its name in another, e.g. { id: 'Ekonomi', en: 'Economy' }`,
    ]) {
      expect(build.output).toContain(line);
    }
  });
});

describe('a deploy whose environment overrides a setting wrongly', () => {
  it('fails the build, naming each variable and the setting it overrides', async () => {
    const build = await buildArchive(CONTENT, { WARTA_TIME_ZONE: 'WITA', WARTA_PAGE_SIZE: '0' });
    await build.cleanup();
    expect(build.exitCode).not.toBe(0);
    expect(build.output).toContain("Warta's settings have 2 problems");
    expect(build.output).toContain(
      `WARTA_TIME_ZONE (overrides warta({ timeZone })): "WITA" is not an IANA time zone: use a name such as 'Asia/Jakarta'`,
    );
    expect(build.output).toContain('WARTA_PAGE_SIZE (overrides warta({ pageSize })): 0 must be at least 1');
  });

  it('stops npm run check the same way', async () => {
    const check = await run([TSX, path.join('src', 'cli', 'check.ts'), '--dir', CONTENT], { WARTA_PAGE_SIZE: 'ten' });
    expect(check.exitCode).not.toBe(0);
    expect(check.output).toContain(
      'WARTA_PAGE_SIZE (overrides warta({ pageSize })): must be a whole number, e.g. 10, not "ten"',
    );
    expect(check.output).not.toContain('files checked');
    // The problems are the whole message: no stack trace.
    expect(check.output).not.toMatch(/^\s+at /m);
  });
});
