import { describe, expect, it } from 'vitest';
import { checkSections, groupBySection } from '../../../../src/lib/archive/sections';

const articles = [
  { id: 'beras', tags: ['Harga Beras', 'Ekonomi'] },
  { id: 'pemilu', tags: ['Pemilu 2024'] },
  { id: 'rice', tags: ['economy', 'ASEAN'] },
  { id: 'budaya', tags: ['Budaya'] },
];
const sections = [
  { slug: 'ekonomi', tags: ['Ekonomi', 'Economy', 'Harga Beras'] },
  { slug: 'politik', tags: ['Pemilu 2024', 'ASEAN'] },
  { slug: 'sains', tags: ['Sains'] },
];

describe('groupBySection', () => {
  const groups = groupBySection(articles, (article) => article.tags, sections);
  const ids = (slug: string) => groups.get(slug)?.map((article) => article.id);

  it('gathers the articles carrying any tag of a section, in the order given, each once', () => {
    // "beras" has two of the section's tags and is listed once.
    expect(ids('ekonomi')).toEqual(['beras', 'rice']);
  });

  it('matches tags as the tag pages do, whatever their case', () => {
    expect(ids('ekonomi')).toContain('rice');
  });

  it('puts an article with tags of two sections in both, and keeps empty sections', () => {
    expect(ids('politik')).toEqual(['pemilu', 'rice']);
    expect(ids('sains')).toEqual([]);
    expect([...groups.keys()]).toEqual(['ekonomi', 'politik', 'sains']);
  });
});

describe('checkSections', () => {
  it('accepts lower-case slugs with hyphens, each used once', () => {
    expect(checkSections([{ slug: 'lingkungan-hidup', tags: ['Iklim'] }])).toEqual([]);
  });

  it('names a bad slug, a repeated slug and a section without tags', () => {
    expect(
      checkSections([
        { slug: 'Ekonomi Makro', tags: ['Ekonomi'] },
        { slug: 'politik', tags: ['Politik'] },
        { slug: 'politik', tags: [] },
      ]),
    ).toEqual([
      'section slug "Ekonomi Makro" must be lower-case letters, digits and hyphens',
      'section slug "politik" is used twice',
      'section "politik" has no tags',
    ]);
  });
});
