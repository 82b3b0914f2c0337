import { describe, expect, it } from 'vitest';
import { slugFromFileName, slugify } from '../../../../src/lib/core/slugs';

describe('slugify', () => {
  it('lower-cases and joins words with dashes', () => {
    expect(slugify('Korea Utara')).toBe('korea-utara');
  });

  it('spells Cyrillic and accented Latin in ASCII', () => {
    expect(slugify('Ёлка')).toBe('yolka');
    expect(slugify('Café Straße')).toBe('cafe-strasse');
  });

  it('keeps scripts with no Latin spelling as they are', () => {
    expect(slugify('東京')).toBe('東京');
    expect(slugify('नमस्ते दुनिया')).toBe('नमस्ते-दुनिया');
  });

  it('keeps emoji, including joined sequences and variation selectors', () => {
    expect(slugify('I ❤️ Jakarta')).toBe('i-❤️-jakarta');
    expect(slugify('👨‍👩‍👧 Keluarga')).toBe('👨‍👩‍👧-keluarga');
  });

  it('keeps a flag emoji', () => {
    expect(slugify('🇮🇩')).toBe('🇮🇩');
  });

  it('never starts a slug with a stray variation selector or combining mark', () => {
    expect(slugify('#️⃣ tag')).not.toMatch(/^[\p{M}\u200d]/u);
  });

  it('collapses runs of punctuation and spaces into one dash, with none at the ends', () => {
    expect(slugify('  Hello, world!!! -- ok?  ')).toBe('hello-world-ok');
    expect(slugify('"Rupiah" (IDR) & Dolar')).toBe('rupiah-idr-dolar');
  });

  it('never lets a path escape through the slug', () => {
    const slug = slugify('../etc/passwd');
    expect(slug).not.toContain('/');
    expect(slug).not.toContain('..');
    expect(slug).toBe('etc-passwd');
    for (const nasty of ['..\\..\\windows', 'a/b?c#d%20e', '../', '.hidden', 'a. b']) {
      expect(slugify(nasty)).not.toMatch(/[/\\?#%.\s]/);
    }
  });

  it('gives an empty string when there is nothing to keep', () => {
    expect(slugify('!!!')).toBe('');
    expect(slugify('   ')).toBe('');
    expect(slugify('')).toBe('');
  });

  it('gives the same slug for composed and decomposed spellings', () => {
    // macOS file names arrive decomposed (NFD); the URL must not change with the editor's machine.
    expect(slugify('Cafe\u0301')).toBe(slugify('Caf\u00e9'));
    expect(slugify('ｆｕｌｌｗｉｄｔｈ')).toBe('fullwidth');
  });

  it('always gives the same output for the same input', () => {
    const inputs = ['Korea Utara', 'Ёлка', '東京', 'I ❤️ Jakarta', 'C++', '../etc/passwd'];
    const first = inputs.map(slugify);
    const second = inputs.map(slugify);
    expect(second).toEqual(first);
    expect(first).toEqual(['korea-utara', 'yolka', '東京', 'i-❤️-jakarta', 'c', 'etc-passwd']);
  });
});

describe('slugFromFileName', () => {
  it('drops the extension and a leading YYYY-MM-DD- date', () => {
    expect(slugFromFileName('2022-09-06-korea-utara.md')).toBe('korea-utara');
    expect(slugFromFileName('korea-utara.md')).toBe('korea-utara');
  });

  it('uses only the base name of a path, with either separator', () => {
    expect(slugFromFileName('2022/09/2022-09-06-korut.md')).toBe('korut');
    expect(slugFromFileName('2022\\09\\korut.md')).toBe('korut');
  });

  it('slugifies what is left', () => {
    expect(slugFromFileName('2022/09/Korea Utara Luncurkan Rudal.md')).toBe('korea-utara-luncurkan-rudal');
    expect(slugFromFileName('laporan.v2.md')).toBe('laporan-v2');
  });

  it('strips a date only when it is followed by a dash', () => {
    expect(slugFromFileName('2022-9-6-x.md')).toBe('2022-9-6-x');
    expect(slugFromFileName('2022-09-06.md')).toBe('2022-09-06');
  });

  it('gives the same slug for a file name in NFD as in NFC', () => {
    expect(slugFromFileName('2022-09-06-Cafe\u0301.md')).toBe(slugFromFileName('2022-09-06-Caf\u00e9.md'));
  });
});
