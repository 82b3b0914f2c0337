import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import {
  countWords,
  remarkReadingTime,
  type RemarkReadingTimeOptions,
} from '../../../src/markdown/remark-reading-time';

/** Renders Markdown with remarkReadingTime as the only plugin of our own, returning the frontmatter. */
async function frontmatterOf(
  source: string,
  options?: RemarkReadingTimeOptions,
  frontmatter?: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const processor = await createMarkdownProcessor({
    remarkPlugins: [options ? [remarkReadingTime, options] : remarkReadingTime],
    syntaxHighlight: false,
  });
  return (await processor.render(source, frontmatter ? { frontmatter } : {})).metadata.frontmatter;
}

const words = (n: number) => Array(n).fill('berita').join(' ');

describe('countWords', () => {
  it('counts the words of Indonesian news prose', () => {
    expect(countWords('Presiden Joko Widodo meresmikan jalan tol Trans-Sumatra pada 6 September 2022.')).toBe(11);
  });

  it('counts reduplicated words and elisions as one word', () => {
    expect(countWords('Anak-anak bermain di hari-hari libur.')).toBe(5);
    expect(countWords("Salat Jum'at dan Jum’at")).toBe(4);
  });

  it('ignores punctuation and dashes standing alone', () => {
    expect(countWords('Jakarta — Hujan deras; banjir!')).toBe(4);
    expect(countWords(' … — !? ')).toBe(0);
    expect(countWords('')).toBe(0);
  });

  it('counts words in any script', () => {
    expect(countWords('Москва и Пекин')).toBe(3);
  });
});

describe('remarkReadingTime', () => {
  it('puts wordCount and readingTime in the frontmatter, at 200 words a minute', async () => {
    expect(await frontmatterOf(words(1000))).toMatchObject({ wordCount: 1000, readingTime: 5 });
    expect(await frontmatterOf(words(450))).toMatchObject({ wordCount: 450, readingTime: 2 });
  });

  it('gives at least one minute, even for an empty article', async () => {
    expect(await frontmatterOf('')).toMatchObject({ wordCount: 0, readingTime: 1 });
    expect(await frontmatterOf('Singkat.')).toMatchObject({ wordCount: 1, readingTime: 1 });
  });

  it('counts the words of links and emphasis', async () => {
    expect(await frontmatterOf('Satu *dua* [tiga](/x/) **empat**.')).toMatchObject({ wordCount: 4 });
  });

  it('counts the words of headings, list items and table cells separately', async () => {
    expect(await frontmatterOf('# Judul Utama\n\nIsi berita')).toMatchObject({ wordCount: 4 });
    expect(await frontmatterOf('- satu\n- dua\n- tiga')).toMatchObject({ wordCount: 3 });
  });

  it('takes another reading speed', async () => {
    expect(await frontmatterOf(words(1000), { wordsPerMinute: 100 })).toMatchObject({ readingTime: 10 });
  });

  it('keeps the frontmatter fields already there', async () => {
    expect(await frontmatterOf('Satu dua.', undefined, { title: 'Judul' })).toEqual({
      title: 'Judul',
      wordCount: 2,
      readingTime: 1,
    });
  });

  it('does not count raw HTML markup as words', async () => {
    const source = 'Satu dua tiga.\n\n<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Video"></iframe>';
    expect(await frontmatterOf(source)).toMatchObject({ wordCount: 3 });
  });
});
