import { describe, expect, it } from 'vitest';
import {
  headlineFromText,
  leadingClauses,
  shortenAtWord,
  splitSentences,
  TITLE_MAX_LENGTH,
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

describe('leadingClauses', () => {
  it('ends a clause before punctuation or a word that opens a new clause, longest first', () => {
    expect(leadingClauses('Harga beras naik di pasar tradisional, karena panen gagal di Jawa Tengah', 'id')).toEqual([
      'Harga beras naik di pasar tradisional',
    ]);
    expect(leadingClauses('Rice prices rose in Jakarta markets after the harvest failed, traders said', 'en')).toEqual([
      'Rice prices rose in Jakarta markets after the harvest failed',
      'Rice prices rose in Jakarta markets',
    ]);
  });

  it('never cuts inside a name joined by "atau" or "dan", nor leaves a dangling word or an open quote', () => {
    expect(leadingClauses('Korea Utara atau Korut menjual peluru dan roket kepada Rusia', 'id')).toEqual([]);
    expect(leadingClauses('Pemerintah menyiapkan bantuan untuk, misalnya warga', 'id')).toEqual([]);
    expect(leadingClauses('"Kami siap, kata menteri itu," ujarnya', 'id')).toEqual([]);
  });

  it('offers nothing when the sentence opens with a subordinate clause', () => {
    expect(leadingClauses('Setelah hujan semalaman, banjir merendam lima kecamatan', 'id')).toEqual([]);
    expect(leadingClauses('After a night of rain, floods covered five districts', 'en')).toEqual([]);
  });

  it('needs at least three words to make a headline', () => {
    expect(leadingClauses('Menurut polisi, banjir merendam lima kecamatan', 'id')).toEqual([]);
  });
});

describe('headlineFromText', () => {
  it('takes the first sentence without its full stop when it fits', () => {
    expect(headlineFromText('Harga beras naik lagi. Pedagang mengeluh.', 'id')).toEqual({
      title: 'Harga beras naik lagi',
      source: 'sentence',
    });
  });

  it('takes the longest leading clause that fits a long first sentence, never cutting with "…"', () => {
    const text =
      'Korea Utara atau Korut menjadi pemasok senjata dengan menjual jutaan peluru artileri dan roket kepada Rusia. Hal ini terjadi.';
    expect(headlineFromText(text, 'id')).toEqual({
      title: 'Korea Utara atau Korut menjadi pemasok senjata',
      source: 'clause',
    });
  });

  it('keeps a long first sentence whole, marked for review, when no clause of it can stand alone', () => {
    const sentence =
      'Setelah hujan semalaman mengguyur ibu kota dan sekitarnya sejak Senin malam, banjir merendam lima kecamatan di Jakarta Timur';
    const headline = headlineFromText(`${sentence}.`, 'id');
    expect(headline).toEqual({ title: sentence, source: 'long-sentence' });
    expect(headline.title.length).toBeGreaterThan(TITLE_MAX_LENGTH);
    expect(headline.title).not.toContain('…');
  });
});
