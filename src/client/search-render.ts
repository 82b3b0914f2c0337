/**
 * Builds the search page's results and filter controls as DOM nodes. Text from the index is only
 * ever set as text; the one piece of HTML Pagefind returns, the excerpt, is rebuilt keeping nothing
 * but its text and `<mark>` highlights, without ever being parsed as HTML.
 */
import type { SearchFilterName } from '../lib/search/search-filter-names';
import { languageOfFilterValue, type FilterValueMap } from '../lib/search/search-filters';
import { ALL_LANGUAGES, type SearchState } from '../lib/search/search-state';
import type { ResultData } from './pagefind-instance';

/** The page's interface strings, by key, with `{name}` placeholders. */
export type Strings = Readonly<Record<string, string>>;

/** Fills `{name}` placeholders of the string `key`. */
export function format(strings: Strings, key: string, values: Record<string, string> = {}): string {
  return (strings[key] ?? key).replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

// Pagefind cuts excerpts from the page's text with "<" and ">" written as "&lt;" and "&gt;", but "&"
// left as it is, so exactly those two are undone: read as HTML, the excerpt would also turn an
// "&amp;" or "&#x3C;" the editor wrote into "&" or "<".
function unescapeExcerptText(text: string): string {
  return text.replaceAll('&lt;', '<').replaceAll('&gt;', '>');
}

/**
 * Appends Pagefind's excerpt to `parent` as text, keeping only its `<mark>` highlights (the one
 * piece of markup Pagefind adds); nothing in it is ever parsed as HTML.
 */
export function appendExcerpt(parent: HTMLElement, excerptHtml: string): void {
  for (const piece of excerptHtml.split(/(<mark>[\s\S]*?<\/mark>)/)) {
    const marked = /^<mark>([\s\S]*)<\/mark>$/.exec(piece);
    if (marked) parent.append(element('mark', {}, unescapeExcerptText(marked[1] ?? '')));
    else if (piece !== '') parent.append(unescapeExcerptText(piece));
  }
}

/** One result: dateline, linked headline, and the excerpt (or, with no query, the summary). */
export function renderResult(data: ResultData, showExcerpt: boolean): HTMLLIElement {
  const { meta } = data;
  const lang = languageOfFilterValue(data.filters['language']?.[0]);
  const card = element('article', { class: 'search-result' });
  if (lang) card.lang = lang;
  if (meta['image']) {
    card.append(
      element('img', {
        class: 'search-result__image',
        src: meta['image'],
        alt: meta['image_alt'] ?? '',
        loading: 'lazy',
        decoding: 'async',
      }),
    );
  }
  const time = element('time', meta['published'] ? { datetime: meta['published'] } : {}, meta['date'] ?? '');
  card.append(
    element('p', { class: 'dateline' }, time),
    element('h3', {}, element('a', { href: data.url }, meta['title'] ?? data.url)),
  );
  const text = element('p', { class: 'search-result__text' });
  if (showExcerpt) appendExcerpt(text, data.excerpt);
  else text.textContent = meta['summary'] ?? '';
  if (text.textContent !== '') card.append(text);
  return element('li', {}, card);
}

/** How the filters are drawn and what the reader has opened. */
export interface FilterView {
  /** The search state the controls show. */
  state: SearchState;
  /** For each filter, how many results each index value gives. */
  counts: Record<SearchFilterName, Record<string, number>>;
  /** Lookup between index values and URL values. */
  values: FilterValueMap;
  /** Filters whose full list of values the reader opened. */
  expanded: ReadonlySet<SearchFilterName>;
  /** Interface strings. */
  strings: Strings;
  /** Formats a count for readers. */
  formatCount: (count: number) => string;
  /** The interface language, for sorting names. */
  lang: string;
}

// Beyond this many values a group shows its most frequent ones and a button for the rest.
const VISIBLE_VALUES = 8;

// A single-choice filter starts with "any": for a year, no year (the empty value clears the choice);
// for a language, every language (`language=all`), since no choice means the interface language first.
const groups: readonly { filter: SearchFilterName; legend: string; multiple: boolean; anyValue?: string }[] = [
  { filter: 'tag', legend: 'filterTag', multiple: true },
  { filter: 'year', legend: 'filterYear', multiple: false, anyValue: '' },
  { filter: 'author', legend: 'filterAuthor', multiple: true },
  { filter: 'language', legend: 'filterLanguage', multiple: false, anyValue: ALL_LANGUAGES },
];

interface Option {
  urlValue: string;
  label: string;
  count: number;
  checked: boolean;
}

function optionsOf(filter: SearchFilterName, view: FilterView, anyValue: string | undefined): Option[] {
  const counts = view.counts[filter];
  const chosen = view.state[filter];
  const selected = new Set(
    Array.isArray(chosen) ? chosen : chosen === undefined || chosen === anyValue ? [] : [chosen],
  );
  const options = new Map<string, Option>();
  for (const [indexValue, count] of Object.entries(counts)) {
    const urlValue = view.values.toUrlValue(filter, indexValue);
    if (count > 0 || selected.has(urlValue)) {
      options.set(urlValue, { urlValue, label: indexValue, count, checked: selected.has(urlValue) });
    }
  }
  // A value from a shared link that the index does not know stays visible, so it can be cleared.
  for (const urlValue of selected) {
    if (!options.has(urlValue)) {
      options.set(urlValue, { urlValue, label: view.values.toIndexValue(filter, urlValue), count: 0, checked: true });
    }
  }
  const collator = new Intl.Collator(view.lang);
  return [...options.values()].sort((a, b) =>
    filter === 'year' ? b.label.localeCompare(a.label) : b.count - a.count || collator.compare(a.label, b.label),
  );
}

function renderOption(filter: SearchFilterName, type: 'checkbox' | 'radio', option: Option, view: FilterView) {
  const input = element('input', { type, name: `filter-${filter}`, value: option.urlValue });
  input.checked = option.checked;
  const label = element('label', {}, input, ' ', option.label, ' ');
  label.append(element('span', { class: 'search-filter__count' }, `(${view.formatCount(option.count)})`));
  return element('li', {}, label);
}

/** The filter groups (topic, year, author, language) with their values and counts. */
export function renderFilters(view: FilterView): HTMLFieldSetElement[] {
  const rendered: HTMLFieldSetElement[] = [];
  for (const { filter, legend, multiple, anyValue } of groups) {
    const options = optionsOf(filter, view, anyValue);
    if (options.length === 0) continue;
    const expanded = view.expanded.has(filter);
    const list = element('ul', { class: 'search-filter__values', id: `search-filter-${filter}` });
    if (anyValue !== undefined) {
      const total = options.reduce((sum, option) => sum + option.count, 0);
      const anyOption = { urlValue: anyValue, label: format(view.strings, 'filterAny'), count: total, checked: false };
      anyOption.checked = !options.some((option) => option.checked);
      list.append(renderOption(filter, 'radio', anyOption, view));
    }
    options.forEach((option, index) => {
      if (expanded || index < VISIBLE_VALUES || option.checked) {
        list.append(renderOption(filter, multiple ? 'checkbox' : 'radio', option, view));
      }
    });
    const fieldset = element(
      'fieldset',
      { class: 'search-filter', 'data-filter': filter },
      element('legend', {}, format(view.strings, legend)),
      list,
    );
    if (options.length > VISIBLE_VALUES) {
      const toggle = element(
        'button',
        {
          type: 'button',
          class: 'search-filter__toggle',
          'data-toggle': filter,
          'aria-controls': list.id,
          'aria-expanded': String(expanded),
        },
        expanded
          ? format(view.strings, 'showFewerValues')
          : format(view.strings, 'showAllValues', { n: view.formatCount(options.length) }),
      );
      fieldset.append(toggle);
    }
    rendered.push(fieldset);
  }
  return rendered;
}
