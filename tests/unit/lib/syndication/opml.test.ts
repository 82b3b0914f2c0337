import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderOpml } from '../../../../src/lib/syndication/opml';

const head = {
  title: 'Warta — semua feed',
  homeUrl: 'https://arsip.example.org/',
  modified: new Date('2025-07-15T00:00:00Z'),
};
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => name === 'outline',
});

describe('renderOpml', () => {
  it('lists each group with its feeds, as a reader imports them', () => {
    const xml = renderOpml(head, [
      {
        title: 'Arsip',
        feeds: [{ title: 'Warta', xmlUrl: 'https://arsip.example.org/rss.xml', htmlUrl: 'https://arsip.example.org/' }],
      },
      { title: 'Topik', feeds: [] },
    ]);
    const { opml } = parser.parse(xml) as {
      opml: {
        version: string;
        head: Record<string, string>;
        body: { outline: { text: string; outline: Record<string, string>[] }[] };
      };
    };
    expect(opml.version).toBe('2.0');
    expect(opml.head['dateModified']).toBe('Tue, 15 Jul 2025 00:00:00 GMT');
    // A group without feeds is left out.
    expect(opml.body.outline.map((group) => group.text)).toEqual(['Arsip']);
    expect(opml.body.outline[0]?.outline[0]).toEqual({
      type: 'rss',
      text: 'Warta',
      title: 'Warta',
      xmlUrl: 'https://arsip.example.org/rss.xml',
      htmlUrl: 'https://arsip.example.org/',
    });
  });

  it('writes a hostile topic name as text, not markup', () => {
    const title = 'Topik: "><script>alert(1)</script> & co';
    const xml = renderOpml(head, [
      { title: 'Topik', feeds: [{ title, xmlUrl: 'https://a.example/x', htmlUrl: 'https://a.example/' }] },
    ]);
    expect(xml).not.toContain('<script>');
    const { opml } = parser.parse(xml) as { opml: { body: { outline: { outline: { text: string }[] }[] } } };
    expect(opml.body.outline[0]?.outline[0]?.text).toBe(title);
  });
});
