import { describe, expect, it } from 'vitest';
import {
  shortenAtWord,
  splitSentences,
  SUMMARY_MAX_LENGTH,
  summaryFromParagraph,
  TITLE_MAX_LENGTH,
  titleFromText,
} from '../../../../src/lib/editorial/headline';

describe('splitSentences', () => {
  it('splits at sentence ends', () => {
    expect(splitSentences('Hujan turun. Banjir datang! Warga mengungsi?', 'id')).toEqual([
      'Hujan turun.',
      'Banjir datang!',
      'Warga mengungsi?',
    ]);
  });

  it('keeps titles, street names and initials inside their sentence', () => {
    expect(splitSentences('Dr. Budi tinggal di Jl. Merdeka. Ia lahir 1970.', 'id')).toEqual([
      'Dr. Budi tinggal di Jl. Merdeka.',
      'Ia lahir 1970.',
    ]);
    expect(splitSentences('Mr. J. Smith went home. He slept.', 'en')).toEqual(['Mr. J. Smith went home.', 'He slept.']);
  });

  it('does not mistake an ordinary short word for an abbreviation', () => {
    expect(splitSentences('Rusia membeli drone dari Iran. Harganya tinggi.', 'id')).toEqual([
      'Rusia membeli drone dari Iran.',
      'Harganya tinggi.',
    ]);
  });
});

describe('shortenAtWord', () => {
  it('returns text that fits unchanged, with spacing tidied', () => {
    expect(shortenAtWord('  Banjir   di Jakarta ', 40, 'id')).toBe('Banjir di Jakarta');
  });

  it('cuts at a word boundary and marks the cut', () => {
    expect(shortenAtWord('Pemerintah menaikkan harga bahan bakar minyak', 30, 'id')).toBe(
      'Pemerintah menaikkan harga…',
    );
  });

  it('never ends on a dangling conjunction, preposition or punctuation', () => {
    expect(shortenAtWord('Rusia membeli senjata dari Korea Utara dan Iran', 30, 'id')).toBe('Rusia membeli senjata…');
    expect(shortenAtWord('Prices of rice and of sugar rise again this week', 21, 'en')).toBe('Prices of rice…');
    expect(shortenAtWord('Banjir, longsor, gempa: semua terjadi', 16, 'id')).toBe('Banjir, longsor…');
  });

  it('cuts inside a single word longer than the limit instead of losing it', () => {
    expect(shortenAtWord('Supercalifragilistic', 10, 'en')).toBe('Supercali…');
  });
});

describe('titleFromText', () => {
  it('takes the first sentence without its full stop', () => {
    expect(titleFromText('Harga beras naik lagi. Pedagang mengeluh.', 'id')).toBe('Harga beras naik lagi');
  });

  it('shortens a long first sentence to the title limit at a word boundary', () => {
    const sentence =
      'Korea Utara atau Korut menjadi pemasok senjata dengan menjual jutaan peluru artileri dan roket kepada Rusia.';
    const title = titleFromText(sentence, 'id');
    expect(title.length).toBeLessThanOrEqual(TITLE_MAX_LENGTH);
    expect(title).toBe('Korea Utara atau Korut menjadi pemasok senjata dengan menjual jutaan peluru artileri…');
  });
});

describe('summaryFromParagraph', () => {
  it('keeps a short paragraph whole', () => {
    expect(summaryFromParagraph('Hujan turun.  Banjir datang.', 'id')).toBe('Hujan turun. Banjir datang.');
  });

  it('keeps as many whole sentences as fit', () => {
    const first = `${'Kalimat pertama cukup panjang '.repeat(4).trim()}.`;
    const second = `${'Kalimat kedua juga panjang '.repeat(4).trim()}.`;
    const third = `${'Kalimat ketiga tidak muat lagi '.repeat(6).trim()}.`;
    expect(summaryFromParagraph(`${first} ${second} ${third}`, 'id')).toBe(`${first} ${second}`);
  });

  it('shortens a first sentence that alone is too long', () => {
    const summary = summaryFromParagraph(`${'kata '.repeat(100).trim()}.`, 'id');
    expect(summary.length).toBeLessThanOrEqual(SUMMARY_MAX_LENGTH);
    expect(summary.endsWith('kata…')).toBe(true);
  });
});
