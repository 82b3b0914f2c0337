import { describe, expect, it } from 'vitest';
import { createTopicResolver, mergeTags, tagKey } from '../../../../src/lib/core/tags';
import { buildTermIndex } from '../../../../src/lib/core/taxonomy';

describe('tagKey', () => {
  it('is the same for spellings that differ only in case, spacing or width', () => {
    expect(tagKey('Korea Utara')).toBe(tagKey('  korea   UTARA '));
    expect(tagKey('Ｐｏｌｉｔｉｋ')).toBe(tagKey('politik'));
    expect(tagKey('Korea Utara')).not.toBe(tagKey('Korea Selatan'));
  });
});

describe('mergeTags', () => {
  it('trims tags and collapses inner spaces', () => {
    expect(mergeTags(['  Politik ', 'Ekonomi   Makro'])).toEqual(['Politik', 'Ekonomi Makro']);
  });

  it('keeps the first spelling of a tag and drops later ones that differ only in case or spacing', () => {
    expect(mergeTags(['Korea Utara', 'korea  utara', 'KOREA UTARA', 'Asia'])).toEqual(['Korea Utara', 'Asia']);
  });

  it('drops empty tags', () => {
    expect(mergeTags(['', '   ', 'Asia'])).toEqual(['Asia']);
  });

  it('keeps the order tags were written in', () => {
    expect(mergeTags(['Zeta', 'alfa', 'Beta'])).toEqual(['Zeta', 'alfa', 'Beta']);
  });
});

describe('createTopicResolver', () => {
  const topicOf = createTopicResolver([
    ['Ekonomi', 'Economy'],
    ['Iklim', 'Climate'],
  ]);

  it('makes every spelling of a mapped tag one topic, named in each language, the interface’s first', () => {
    expect(topicOf('Ekonomi')).toBe('Ekonomi / Economy');
    expect(topicOf('economy')).toBe('Ekonomi / Economy');
    expect(topicOf(' Climate ')).toBe('Iklim / Climate');
  });

  it('leaves other tags alone, and a topic’s own name as it is', () => {
    expect(topicOf('Jakarta')).toBe('Jakarta');
    expect(topicOf('Ekonomi / Economy')).toBe('Ekonomi / Economy');
    expect(createTopicResolver([])('Economy')).toBe('Economy');
  });

  it('gives the topic a slug of its own, which the search page derives from its name alone', () => {
    expect(
      buildTermIndex(['Ekonomi', 'Economy'], (tag) => [topicOf(tag)]).get(tagKey('Ekonomi / Economy')),
    ).toMatchObject({
      name: 'Ekonomi / Economy',
      slug: 'ekonomi-economy',
      items: ['Ekonomi', 'Economy'],
    });
  });
});
