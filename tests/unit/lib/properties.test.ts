/**
 * Property-based tests (fast-check): for any input, the archive's invariants hold. Slugs are safe
 * folder names, no two articles share a URL, every article is on exactly one year, month and day
 * page of the site's calendar, tags merge into one entry per tag, and pages partition a listing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupByPeriod } from '../../../src/lib/archive/archive-groups';
import { findCollisions, readArticle, type ArticleRecord } from '../../../src/lib/content/article-file';
import { getCalendarParts, type DatePrecision } from '../../../src/lib/core/dates';
import { paginate } from '../../../src/lib/archive/pagination';
import { termPath } from '../../../src/lib/core/routes';
import { buildPermalink } from '../../../src/lib/core/permalinks';
import { slugify, slugifyUnicode } from '../../../src/lib/core/slugs';
import { mergeTags, tagKey } from '../../../src/lib/core/tags';
import { buildTermIndex } from '../../../src/lib/core/taxonomy';

// Modest run counts keep the unit project fast; failures print a seed to replay.
const runs = { numRuns: Number(process.env['PROPERTY_RUNS'] ?? 150) };

/** Text of every kind editors and importers produce: any Unicode, and the characters of paths. */
const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc
    .array(
      fc.constantFrom(
        '..',
        '/',
        '\\',
        '%2e',
        '%2F',
        'https://',
        '<script>',
        ' ',
        '-',
        'É',
        'ё',
        '東',
        '🇮🇩',
        '👨‍👩‍👧',
        '\u202e',
      ),
      {
        maxLength: 12,
      },
    )
    .map((parts) => parts.join('')),
);

const zones = fc.constantFrom('Asia/Jakarta', 'UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Kathmandu');
const instants = fc.date({
  min: new Date('0001-01-02T00:00:00Z'),
  max: new Date('9999-12-30T00:00:00Z'),
  noInvalidDate: true,
});

describe('slugify', () => {
  it('gives a folder name of letters, digits, emoji and single inner hyphens, whatever the text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const slug = slugify(text);
        expect(slug).not.toMatch(/[/\\.%:?#<>"\s]/);
        expect(slug).not.toMatch(/^-|-$|--/);
        expect(slug).toMatch(
          /^[\p{L}\p{N}\p{M}\p{Extended_Pictographic}\p{Regional_Indicator}\p{Emoji_Component}\u200d-]*$/u,
        );
      }),
      runs,
    );
  });

  it('leaves a slug as it is', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const slug = slugify(text);
        expect(slugify(slug)).toBe(slug);
      }),
      runs,
    );
  });

  it('gives plain ASCII the slug the full Unicode path gives it (the shortcut changes nothing)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((code) => String.fromCharCode(code)) }),
        (text) => {
          expect(slugify(text)).toBe(slugifyUnicode(text));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('folds a capital the way it folds its small letter (found by the property above)', () => {
    expect(slugify('Ა')).toBe('a');
    expect(slugify('ᲐᲑᲒ')).toBe(slugify('აბგ'));
  });
});

describe('permalinks', () => {
  it('put every article in a dated folder of the site calendar, under its slug', () => {
    fc.assert(
      fc.property(
        instants,
        zones,
        fc.constantFrom<DatePrecision>('day', 'instant', 'month'),
        anyText,
        (date, zone, precision, title) => {
          const slug = slugify(title) || 'artikel';
          const { year, month, day } = getCalendarParts(date, zone);
          const expected = precision === 'month' ? `/${year}/${month}/${slug}/` : `/${year}/${month}/${day}/${slug}/`;
          expect(buildPermalink(date, precision, slug, zone)).toBe(expected);
          expect(year).toMatch(/^\d{4}$/);
        },
      ),
      runs,
    );
  });

  it('never give two published articles one URL: every clash is reported, naming the article', () => {
    const article = fc.record({
      name: fc.oneof(fc.constantFrom('sama', 'Sama', 'SAMA', 'beda'), anyText),
      day: fc.constantFrom('2024-01-01', '2024-01-02', '2024-01', '2024-01-01T23:30:00Z'),
    });
    fc.assert(
      fc.property(fc.array(article, { maxLength: 12 }), (specs) => {
        const records: ArticleRecord[] = [];
        specs.forEach((spec, index) => {
          const source = `---\ntitle: Judul\ndate: '${spec.day}'\nslug: ${JSON.stringify(spec.name)}\n---\nIsi.\n`;
          const { article } = readArticle(`artikel-${index}.md`, source, {
            defaultLang: 'id',
            timeZone: 'Asia/Jakarta',
          });
          if (article) records.push(article);
        });
        const reported = findCollisions(records)
          .map((problem) => problem.file)
          .sort();
        // Every file of a shared URL is named (the build then stops), and no other.
        const claims = new Map<string, number>();
        for (const record of records) claims.set(record.permalink, (claims.get(record.permalink) ?? 0) + 1);
        const sharing = records.filter((record) => claims.get(record.permalink)! > 1).map((record) => record.file);
        expect(reported).toEqual(sharing.sort());
      }),
      runs,
    );
  });
});

describe('grouping by the site time zone', () => {
  it('puts every article on exactly one year and month page, and on one day page unless only its month is known', () => {
    const item = fc.record({
      date: instants,
      datePrecision: fc.constantFrom<DatePrecision>('day', 'instant', 'month'),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 40 }), zones, (items, zone) => {
        const groups = groupByPeriod(items, (x) => x, zone);
        const count = (periods: { items: unknown[] }[], x: unknown) =>
          periods.filter((period) => period.items.includes(x)).length;
        for (const x of items) {
          expect(count(groups.years, x)).toBe(1);
          expect(count(groups.months, x)).toBe(1);
          expect(count(groups.days, x)).toBe(x.datePrecision === 'month' ? 0 : 1);
          // The month page is the one its permalink names.
          const permalink = buildPermalink(x.date, x.datePrecision, 'a', zone);
          const month = groups.months.find((period) => period.items.includes(x))!;
          expect(permalink.startsWith(month.path)).toBe(true);
        }
        const sum = (periods: { items: unknown[] }[]) =>
          periods.reduce((total, period) => total + period.items.length, 0);
        expect(sum(groups.years)).toBe(items.length);
        expect(sum(groups.months)).toBe(items.length);
        expect(groups.months.every((period) => period.items.length > 0)).toBe(true);
      }),
      runs,
    );
  });
});

describe('tag merging', () => {
  it('keeps one spelling per tag, the first, and loses no tag', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(anyText, fc.constantFrom('Politik', 'politik', ' POLITIK ', 'Café', 'Cafe\u0301')), {
          maxLength: 20,
        }),
        (tags) => {
          const merged = mergeTags(tags);
          const keys = merged.map(tagKey);
          expect(new Set(keys).size).toBe(merged.length);
          expect(new Set(keys)).toEqual(new Set(tags.map(tagKey).filter((key) => key !== '')));
          expect(mergeTags(merged)).toEqual(merged);
        },
      ),
      runs,
    );
  });

  it('gives every tag of an archive one page with a slug of its own, listing exactly its articles', () => {
    const articles = fc.array(
      fc.array(fc.oneof(anyText, fc.constantFrom('Politik', 'politik', '東京', '🎉', '!!!')), { maxLength: 5 }),
      {
        maxLength: 15,
      },
    );
    fc.assert(
      fc.property(articles, (tagLists) => {
        const items = tagLists.map((tags, id) => ({ id, tags }));
        const index = buildTermIndex(items, (item) => item.tags);
        const slugs = [...index.values()].map((entry) => entry.slug);
        expect(new Set(slugs).size).toBe(slugs.length);
        for (const slug of slugs) expect(slug).toMatch(/^[^/\\.%?#\s]+$/u);
        for (const item of items) {
          for (const key of new Set(item.tags.map(tagKey).filter((key) => key !== ''))) {
            expect(index.get(key)!.items.filter((listed) => listed === item)).toHaveLength(1);
          }
        }
      }),
      runs,
    );
  });
});

describe('pagination', () => {
  it('splits any listing into full pages and one last page that together hold it once, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 60 }), fc.integer({ min: 1, max: 12 }), (items, size) => {
        const pages = paginate(items, size, (number) => termPath('tags', 'x', number));
        expect(pages.flatMap((page) => page.items)).toEqual(items);
        expect(pages.slice(0, -1).every((page) => page.items.length === size)).toBe(true);
        expect(pages.length).toBe(Math.max(1, Math.ceil(items.length / size)));
        if (items.length > 0) expect(pages.at(-1)!.items.length).toBeGreaterThan(0);
        expect(pages[0]!.url).toBe('/tags/x/');
        expect(new Set(pages.map((page) => page.url)).size).toBe(pages.length);
        expect(pages.some((page) => page.url.endsWith('/1/'))).toBe(false);
        pages.forEach((page, i) => {
          expect(page.prevUrl).toBe(pages[i - 1]?.url);
          expect(page.nextUrl).toBe(pages[i + 1]?.url);
        });
      }),
      runs,
    );
  });
});
