/**
 * Generated hostile articles and the check every one must pass: written as an editor would write the
 * file (YAML frontmatter, Markdown body) from an alphabet of quotes, angle brackets, `]]>`,
 * `</script>`, U+2028, NUL, lone surrogates, direction overrides and very long runs, the article is
 * either refused with problems that name its file and field, or turned into every output Warta makes
 * of it by the same pure functions the build calls (RSS, Atom, JSON Feed, JSON-LD, link-preview tags,
 * search facets, the JSON API's article file validated against its schema), each read back as its consumer reads it: parsed, with no payload alive and every
 * text field saying exactly what the editor wrote. Used by the property test in `npm test` and by
 * `npm run bench -- --fuzz N`, which runs more cases.
 */
import { parseFeed } from '@rowanmanning/feed-parser';
import fc from 'fast-check';
import { SyntaxValidator } from 'fast-xml-validator';
import { stringify } from 'yaml';
import { readArticle, toArticleData } from '../../src/lib/content/article-file';
import type { ArticleData } from '../../src/lib/content/article-schema';
import { buildSearchFacets } from '../../src/lib/search/search-facets';
import {
  prepareFeedHtml,
  renderAtomFeed,
  renderJsonFeed,
  renderRssFeed,
  toFeedEntry,
  type FeedDocument,
} from '../../src/lib/syndication/feeds';
import { buildApiArticle, serializeApiDocument } from '../../src/lib/syndication/api-documents';
import { buildPreviewMeta } from '../../src/lib/syndication/page-meta';
import {
  buildArticleCrumbs,
  buildBreadcrumbList,
  buildNewsArticle,
  serializeJsonLd,
} from '../../src/lib/syndication/structured-data';
import { createArticleRenderer } from '../../src/markdown';
import {
  elementNames,
  findLiveMarkup,
  htmlToText,
  readAtomFields,
  readJsonFeedFields,
  readJsonLd,
  readRssFields,
  type FeedField,
} from './output-safety';
import { createApiValidatorFor } from './api-schema';

/** Pieces hostile text is made of: markup, breakouts, encodings and characters that trip serializers. */
export const HOSTILE_PIECES = [
  '"',
  "'",
  '<',
  '>',
  '&',
  ']]>',
  '<![CDATA[',
  '</script>',
  '<script>alert(1)</script>',
  '<!--',
  '-->',
  '"><svg onload=alert(1)>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  'javascript:alert(1)',
  '&amp;',
  '&lt;',
  '&#x3C;',
  '&#60;',
  '\u2028',
  '\u2029',
  '\u202E',
  '\u200B',
  '\u200D',
  '\uFEFF',
  '\u0085',
  '\r',
  '\n',
  '\t',
  ' ',
  '\\',
  '${x}',
  '{{x}}',
  '%2e%2e/',
  'a',
  'Berita',
  'é',
  '😀',
  'عاجل',
] as const;

/** Characters no page or feed can carry, which the build must refuse with a named problem. */
export const UNSAFE_PIECES = ['\u0000', '\u0007', '\uD800', '\uDC00', '\uFFFE'] as const;

/**
 * Text from the hostile alphabet: mostly short mixtures, now and then one with a character the build
 * must refuse, or a very long run of one piece. (Refusals are kept rare, so that most generated
 * articles get through to the outputs, where there is more to check.)
 */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 80, arbitrary: fc.string({ unit: fc.constantFrom(...HOSTILE_PIECES), minLength: 1, maxLength: 12 }) },
  {
    weight: 1,
    arbitrary: fc.string({
      unit: fc.oneof(fc.constantFrom(...HOSTILE_PIECES), fc.constantFrom(...UNSAFE_PIECES)),
      minLength: 1,
      maxLength: 6,
    }),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...HOSTILE_PIECES), fc.integer({ min: 500, max: 3000 }))
      // A run of up to 3,000 characters: long enough to find anything quadratic or cut short.
      .map(([piece, length]) => piece.repeat(Math.ceil(length / piece.length))),
  },
);

/** The frontmatter fields a generated article sets, all of them text an editor typed. */
export interface HostileArticle {
  title: string;
  summary?: string;
  tags: string[];
  authors: string[];
  source?: { name: string };
  image?: { src: string; alt: string; caption: string };
  corrections: { date: string; text: string }[];
  body: string;
  /** What the article's feeds carry. */
  feedContent: 'full' | 'summary';
}

/** Generated articles with hostile text in every text field and in the body. */
export const hostileArticle: fc.Arbitrary<HostileArticle> = fc.record(
  {
    title: hostileText,
    summary: hostileText,
    tags: fc.array(hostileText, { maxLength: 3 }),
    authors: fc.array(hostileText, { maxLength: 2 }),
    source: fc.record({ name: hostileText }),
    image: fc.record({
      src: fc.constant('https://cdn.example.org/foto.jpg'),
      alt: hostileText,
      caption: hostileText,
    }),
    corrections: fc.array(fc.record({ date: fc.constant('2024-01-11'), text: hostileText }), { maxLength: 2 }),
    body: hostileText,
    feedContent: fc.constantFrom('full', 'summary'),
  },
  { requiredKeys: ['title', 'tags', 'authors', 'corrections', 'body', 'feedContent'] },
);

/** The article file an editor would have written: YAML frontmatter (quoted and escaped by `yaml`) and the body. */
export function toArticleSource(article: HostileArticle): string {
  const { body, feedContent: _feedContent, ...fields } = article;
  const frontmatter = stringify({ ...fields, date: '2024-01-10T09:00:00+07:00' }, { lineWidth: 0 });
  return `---\n${frontmatter}---\n\n${body}\n`;
}

/** The file every generated article is read from. */
export const HOSTILE_FILE = '2024/01/uji-acak.md';

// Problems may name only the fields the generator wrote (or the slug the title gives).
const NAMED_FIELD =
  /^(title|summary|slug|body|tags(\.\d+)?|authors(\.\d+)?|source(\.name)?|image(\.(alt|caption))?|corrections(\.\d+(\.text)?)?)$/;

const SITE = 'https://warta.example.org/';
const renderer = createArticleRenderer();

// XML parsers turn "\r\n" and a lone "\r" into "\n" (XML 1.0 §2.11); attributes also turn tabs and
// newlines into spaces (§3.3.3). Neither changes what a reader is shown.
function asXmlReadsIt(text: string, attribute = false): string {
  const lines = text.replace(/\r\n?/g, '\n');
  return attribute ? lines.replace(/[\n\t]/g, ' ') : lines;
}

/** What went wrong with one generated article; empty when every output held. */
export type Findings = string[];

function checkEscapedText(field: FeedField | undefined, expected: string, findings: Findings): void {
  if (!field) {
    findings.push(`missing field for ${JSON.stringify(expected.slice(0, 40))}`);
    return;
  }
  if (field.readAs === 'html') {
    const elements = elementNames(field.value);
    if (elements.length > 0) findings.push(`${field.where}: plain text became elements ${elements.join(', ')}`);
    const text = htmlToText(field.value);
    if (text !== asXmlReadsIt(expected)) findings.push(`${field.where}: reads ${JSON.stringify(text.slice(0, 80))}`);
  } else if (field.value !== expected) {
    findings.push(`${field.where}: reads ${JSON.stringify(field.value.slice(0, 80))}`);
  }
}

function checkFeedFields(fields: FeedField[], format: string, findings: Findings): void {
  for (const field of fields) {
    if (field.readAs !== 'html') continue;
    const live = findLiveMarkup(field.value);
    if (live.length > 0) findings.push(`${format} ${field.where}: live ${live.join(', ')}`);
  }
}

function feedOf(data: ArticleData, html: string, content: 'full' | 'summary'): FeedDocument {
  const url = `${SITE}2024/01/10/${data.slug}/`;
  const tag = data.tags[0] ?? 'Umum';
  const entry = toFeedEntry(data, {
    url,
    html,
    content,
    ...(data.image ? { image: { url: data.image.src, alt: data.image.alt } } : {}),
  });
  return {
    // As a tag's feed is titled: the tag, hostile or not, is in the feed's own title and description.
    title: `Warta — Topik: ${tag}`,
    description: `Artikel bertopik ${tag} di Warta.`,
    homeUrl: SITE,
    lang: 'id',
    links: { rss: `${SITE}rss.xml`, atom: `${SITE}atom.xml`, json: `${SITE}feed.json` },
    iconUrl: `${SITE}logo.png`,
    publisher: 'Warta',
    updated: new Date('2024-01-11T00:00:00Z'),
    timeZone: 'Asia/Jakarta',
    entries: [entry],
  };
}

async function checkFeeds(data: ArticleData, html: string, content: 'full' | 'summary', findings: Findings) {
  const feed = feedOf(data, html, content);
  const rss = await renderRssFeed(feed);
  const atom = renderAtomFeed(feed);
  for (const [format, xml] of [
    ['rss', rss],
    ['atom', atom],
  ] as const) {
    try {
      SyntaxValidator.validate(xml);
    } catch (error) {
      findings.push(`${format}: not well-formed XML: ${String(error).slice(0, 200)}`);
      return;
    }
    try {
      if (parseFeed(xml).items.length !== 1) findings.push(`${format}: the feed parser does not find the one item`);
    } catch (error) {
      findings.push(`${format}: the feed parser refuses it: ${String(error).slice(0, 200)}`);
    }
  }
  const rssFields = readRssFields(rss);
  const atomFields = readAtomFields(atom);
  const jsonFields = readJsonFeedFields(renderJsonFeed(feed));
  checkFeedFields(rssFields, 'rss', findings);
  checkFeedFields(atomFields, 'atom', findings);
  checkFeedFields(jsonFields, 'json', findings);
  const find = (fields: FeedField[], where: string) => fields.find((field) => field.where === where);
  for (const [fields, title, channelTitle, channelDescription] of [
    [rssFields, 'item 0 title', 'channel title', 'channel description'],
    [atomFields, 'entry 0 title', 'feed title', 'feed subtitle'],
    [jsonFields, 'item 0 title', 'feed title', 'feed description'],
  ] as const) {
    checkEscapedText(find(fields, title), data.title, findings);
    checkEscapedText(find(fields, channelTitle), feed.title, findings);
    checkEscapedText(find(fields, channelDescription), feed.description, findings);
  }
  if (data.summary) {
    checkEscapedText(find(rssFields, 'item 0 description'), data.summary, findings);
    checkEscapedText(find(atomFields, 'entry 0 summary'), data.summary, findings);
    checkEscapedText(find(jsonFields, 'item 0 summary'), data.summary, findings);
  }
  const listed = (fields: FeedField[], where: string, attribute = false) =>
    fields.filter((field) => field.where === where).map((field) => asXmlReadsIt(field.value, attribute));
  const expectList = (actual: string[], expected: readonly string[], what: string) => {
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      findings.push(`${what}: ${JSON.stringify(actual).slice(0, 120)} for ${JSON.stringify(expected).slice(0, 120)}`);
    }
  };
  expectList(
    listed(rssFields, 'item 0 dc:creator'),
    data.authors.map((a) => asXmlReadsIt(a)),
    'rss creators',
  );
  expectList(
    listed(rssFields, 'item 0 category'),
    data.tags.map((t) => asXmlReadsIt(t)),
    'rss categories',
  );
  expectList(
    listed(atomFields, 'entry 0 author'),
    data.authors.map((a) => asXmlReadsIt(a)),
    'atom authors',
  );
  // Atom leaves a tag with "<" out (its library cannot write one in an attribute); the rest must read back.
  expectList(
    listed(atomFields, 'entry 0 category', true),
    data.tags.filter((tag) => !tag.includes('<')).map((tag) => asXmlReadsIt(tag, true)),
    'atom categories',
  );
  expectList(listed(jsonFields, 'item 0 tag'), data.tags, 'json tags');
  expectList(listed(jsonFields, 'item 0 author'), data.authors, 'json authors');
}

function checkStructuredData(data: ArticleData, findings: Findings): void {
  const url = `${SITE}2024/01/10/${data.slug}/`;
  const newsArticle = buildNewsArticle({
    url,
    headline: data.title,
    description: data.summary,
    published: data.date,
    modified: data.updated,
    authors: data.authors,
    lang: data.lang,
    tags: data.tags,
    images: [data.image?.src ?? `${SITE}social-card.png`],
    corrections: data.corrections,
    basedOn: data.source?.url,
    publisher: { name: 'Warta', url: SITE, logo: { url: `${SITE}logo.png` } },
    timeZone: 'Asia/Jakarta',
  });
  const crumbs = buildBreadcrumbList(
    buildArticleCrumbs(data, { name: 'Beranda', path: '/' }, { lang: data.lang, timeZone: 'Asia/Jakarta' }),
    (path) => new URL(path, SITE).href,
  );
  // As JsonLd.astro writes them: serialized into script elements of a page, with content after them.
  const page =
    '<!doctype html><html><head>' +
    [newsArticle, crumbs]
      .map((item) => `<script type="application/ld+json">${serializeJsonLd(item)}</script>`)
      .join('') +
    '</head><body><p id="after">after</p></body></html>';
  const live = findLiveMarkup(page).filter((risk) => risk !== '<script>');
  if (live.length > 0) findings.push(`json-ld page: live ${live.join(', ')}`);
  if (elementNames(page).filter((name) => name === 'script').length !== 2) {
    findings.push('json-ld: the data broke out of its script elements');
  }
  let blocks: unknown[];
  try {
    blocks = readJsonLd(page);
  } catch (error) {
    findings.push(`json-ld: not JSON once read from the page: ${String(error).slice(0, 200)}`);
    return;
  }
  if (JSON.stringify(blocks) !== JSON.stringify([newsArticle, crumbs])) {
    findings.push('json-ld: read back differently from what was written');
  }
  // What a crawler reads is the headline as the editor wrote it, not an escaped form of it.
  const [read] = blocks as { headline?: unknown; keywords?: unknown }[];
  if (read?.headline !== data.title) findings.push('json-ld: the headline is not the title as written');
  if (data.tags.length > 0 && JSON.stringify(read?.keywords) !== JSON.stringify(data.tags)) {
    findings.push('json-ld: the keywords are not the tags as written');
  }
}

const validateApi = createApiValidatorFor(SITE);

// The article's file of the JSON API: valid JSON that validates against its schema, every text field
// saying what the editor wrote, and the body's HTML the sanitized body, with nothing alive in it.
function checkApi(data: ArticleData, html: string, findings: Findings): void {
  const url = `${SITE}2024/01/10/${data.slug}/`;
  const document = JSON.parse(
    serializeApiDocument(
      buildApiArticle(
        {
          ...data,
          series: undefined,
          url,
          api: `${SITE}api/articles/2024/01/10/${data.slug}.json`,
          aliases: [],
          image: data.image && { url: data.image.src, alt: data.image.alt, caption: data.image.caption },
          authors: data.authors.map((name, index) => ({ name, slug: `a${index}`, url: `${SITE}authors/a${index}/` })),
          tags: data.tags.map((name, index) => ({
            name,
            slug: `t${index}`,
            url: `${SITE}tags/t${index}/`,
            api: `${SITE}api/tags/t${index}.json`,
          })),
          translations: [],
        },
        html,
        { timeZone: 'Asia/Jakarta', schema: `${SITE}api/schema/article.json` },
      ),
    ),
  ) as { title: string; summary?: string; authors: { name: string }[]; body: { html: string } };
  for (const problem of validateApi('article', document)) findings.push(`api: ${problem}`);
  if (document.title !== data.title) findings.push('api: the title is not the title as written');
  if (document.summary !== data.summary) findings.push('api: the summary is not the summary as written');
  if (document.authors.some((author, index) => author.name !== data.authors[index]))
    findings.push('api: an author is not the name as written');
  const live = findLiveMarkup(document.body.html);
  if (live.length > 0) findings.push(`api body.html: live ${live.join(', ')}`);
}

function checkPreviewAndSearch(data: ArticleData, findings: Findings): void {
  const meta = buildPreviewMeta({
    siteName: 'Warta',
    title: data.title,
    description: data.summary ?? '',
    url: `${SITE}2024/01/10/${data.slug}/`,
    lang: data.lang,
    image: { url: data.image?.src ?? `${SITE}social-card.png`, alt: data.image?.alt ?? 'Warta' },
    article: { published: data.date, modified: data.updated, tags: data.tags },
    timeZone: 'Asia/Jakarta',
  });
  const content = (key: string) =>
    meta.filter((tag) => ('property' in tag ? tag.property : tag.name) === key).map((tag) => tag.content);
  // The page template escapes attribute values itself, so the tags must carry the text unescaped.
  const expected: [string, string[]][] = [
    ['og:title', [data.title]],
    ['twitter:title', [data.title]],
    ['og:description', [data.summary ?? '']],
    ['article:tag', [...data.tags]],
  ];
  for (const [key, values] of expected) {
    if (JSON.stringify(content(key)) !== JSON.stringify(values))
      findings.push(`preview ${key}: not the text as written`);
  }
  const facets = buildSearchFacets(data, { timeZone: 'Asia/Jakarta', tagName: (tag) => tag, authorName: (a) => a });
  if (JSON.stringify(facets.filters.tag) !== JSON.stringify([...new Set(data.tags)])) {
    findings.push('search: the tag filter values are not the tags as written');
  }
  if (data.image && facets.meta['image_alt'] !== data.image.alt)
    findings.push('search: image_alt is not the alt as written');
}

/** The outcome of one generated article. */
export interface HostileOutcome {
  /** Whether the article was refused (with problems naming file and field) or published. */
  verdict: 'refused' | 'published';
  /** Everything that went wrong; empty when the article was handled safely. */
  findings: Findings;
}

/**
 * Reads one generated article as the build does and checks every output made of it: refused with
 * problems naming the file and a field it wrote, or published with every output parsed, no payload
 * alive and every text field saying what the editor wrote.
 */
export async function checkHostileArticle(article: HostileArticle): Promise<HostileOutcome> {
  const findings: Findings = [];
  const result = readArticle(HOSTILE_FILE, toArticleSource(article), { defaultLang: 'id', timeZone: 'Asia/Jakarta' });
  if (!result.article) {
    if (result.problems.length === 0) findings.push('refused without a problem');
    for (const problem of result.problems) {
      if (problem.file !== HOSTILE_FILE) findings.push(`a problem names ${problem.file}`);
      if (!NAMED_FIELD.test(problem.field ?? ''))
        findings.push(`a problem names the field ${String(problem.field)}: ${problem.message}`);
    }
    return { verdict: 'refused', findings };
  }
  const data = toArticleData(result.article);
  const pageHtml = (await renderer).render(result.article.body);
  const html = prepareFeedHtml((await pageHtml).code, `${SITE}2024/01/10/${data.slug}/`);
  const bodyLive = findLiveMarkup(html);
  if (bodyLive.length > 0) findings.push(`body: live ${bodyLive.join(', ')}`);
  await checkFeeds(data, html, article.feedContent, findings);
  checkStructuredData(data, findings);
  checkPreviewAndSearch(data, findings);
  checkApi(data, html, findings);
  return { verdict: 'published', findings };
}

/** Tallies of a fuzzing run. */
export interface FuzzTally {
  /** Articles generated and checked. */
  tried: number;
  /** Of those, refused by the build with named problems. */
  refused: number;
  /** Of those, published and checked in every output. */
  published: number;
}

/**
 * Runs the hostile-article property for `numRuns` generated articles and returns what it tried;
 * throws fast-check's report (seed, shrunk counterexample, findings) when one fails.
 */
export async function fuzzHostileArticles(numRuns: number, seed?: number): Promise<FuzzTally> {
  const tally: FuzzTally = { tried: 0, refused: 0, published: 0 };
  await fc.assert(
    fc.asyncProperty(hostileArticle, async (article) => {
      const outcome = await checkHostileArticle(article);
      tally.tried += 1;
      tally[outcome.verdict] += 1;
      if (outcome.findings.length > 0) throw new Error(outcome.findings.join('\n'));
    }),
    { numRuns, ...(seed === undefined ? {} : { seed }) },
  );
  return tally;
}
