/**
 * The search page in the browser: keeps the query box, sort choice, filters, results and the URL in
 * step, so what a reader sees can be shared as a link and revisited with back and forward. Filter
 * values and counts are loaded only once the reader opens the filter panel, or a link opens the page
 * with a filter chosen.
 *
 * `startSearchPage` finds the page's elements, and a `SearchPage` holds what the page shows: each of
 * its methods does one thing (draw the state, run a search, show an answer, count the filters), and
 * `listen` wires the reader's input to them.
 */
import { groupDigits } from '../lib/core/group-digits';
import type { SearchFilterName } from '../lib/search/search-filter-names';
import { shownLanguageChoice } from '../lib/search/search-languages';
import {
  chooseSearchFilter,
  countSearchFilters,
  effectiveSort,
  formatSearchState,
  hasSearchFilters,
  isSearchActive,
  parseSearchState,
  type SearchSort,
  type SearchState,
} from '../lib/search/search-state';
import type { ResultData } from './pagefind-instance';
import { openSearchEngine, type FilterCountsByName, type SearchEngine, type SearchOutcome } from './search-engine';
import { format, renderFilters, renderResult, type Strings } from './search-render';

/** Results shown at first, and added by each press of "show more". */
const PAGE_SIZE = 10;

/** Typing waits this long after the last key before searching. */
const TYPING_DELAY_MS = 250;

/** The elements of the search page's markup (src/pages/search/index.astro) that the script drives. */
interface SearchPageElements {
  root: HTMLElement;
  form: HTMLFormElement;
  input: HTMLInputElement;
  status: HTMLElement;
  layout: HTMLElement;
  sortControls: HTMLFieldSetElement;
  resultList: HTMLOListElement;
  moreButton: HTMLButtonElement;
  panel: HTMLDetailsElement;
  activeCount: HTMLElement;
  filterBox: HTMLElement;
  /** The search box in the site header, kept showing the same query. */
  headerInput: HTMLInputElement | null;
}

/** What the page says, in the page's language. */
interface SearchPageText {
  strings: Strings;
  lang: string;
  plurals: Intl.PluralRules;
  formatCount: (count: number) => string;
}

function required<T extends Element>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`search page markup lacks ${selector}`);
  return found;
}

function findElements(root: HTMLElement): SearchPageElements {
  const panel = required<HTMLDetailsElement>(root, '[data-search-filter-panel]');
  return {
    root,
    form: required(root, '[data-search-form]'),
    input: required(root, '[data-search-input]'),
    status: required(root, '[data-search-status]'),
    layout: required(root, '[data-search-ui]'),
    sortControls: required(root, '[data-search-sort]'),
    resultList: required(root, '[data-search-results]'),
    moreButton: required(root, '[data-search-more]'),
    panel,
    activeCount: required(panel, '[data-search-filters-active]'),
    filterBox: required(root, '[data-search-filters]'),
    headerInput: document.querySelector<HTMLInputElement>('#site-search'),
  };
}

function readText(root: HTMLElement): SearchPageText {
  const lang = root.dataset['lang'] ?? document.documentElement.lang;
  const groupSeparator = root.dataset['groupSeparator'] ?? ',';
  return {
    strings: JSON.parse(root.dataset['strings'] ?? '{}') as Strings,
    lang,
    plurals: new Intl.PluralRules(lang),
    formatCount: (count) => groupDigits(count, groupSeparator),
  };
}

/** Runs `task` once the browser is idle, so it does not hold up the first paint or a reader's input. */
function whenIdle(task: () => void): void {
  if ('requestIdleCallback' in window) requestIdleCallback(task, { timeout: 2000 });
  else setTimeout(task, 200);
}

/** A selector that finds the filter control that has focus again after the controls are redrawn. */
function focusedFilterSelector(filterBox: HTMLElement): string | undefined {
  const active = document.activeElement;
  if (active instanceof HTMLInputElement && filterBox.contains(active)) {
    return `input[name="${active.name}"][value="${CSS.escape(active.value)}"]`;
  }
  if (active instanceof HTMLButtonElement && filterBox.contains(active)) {
    return `button[data-toggle="${active.dataset['toggle'] ?? ''}"]`;
  }
  return undefined;
}

/** The status line for a complete answer of `total` results to `state`. */
function describeTotal(text: SearchPageText, state: SearchState, total: number): string {
  const { strings, plurals, formatCount } = text;
  const query = state.query;
  if (total === 0) {
    const none = query === '' ? format(strings, 'noResultsFiltered') : format(strings, 'noResultsForQuery', { query });
    return `${none} ${format(strings, 'noResultsHint')}`;
  }
  const n = formatCount(total);
  const key = query === '' ? 'resultsFiltered' : 'resultsForQuery';
  return format(strings, `${key}${plurals.select(total) === 'one' ? 'One' : 'Other'}`, { n, query });
}

/** One search page: its elements, what it shows, and the searches it runs. */
class SearchPage {
  private engine: SearchEngine | undefined;
  private state: SearchState = parseSearchState(location.search);
  private outcome: SearchOutcome | undefined;
  /** The counts last drawn, to redraw when the reader shows more or fewer values of a filter. */
  private drawn: { counts: FilterCountsByName; searched: readonly string[] } | undefined;
  private readonly expanded = new Set<SearchFilterName>();
  /** A run of typing makes one history entry: the first search of the run pushes, the rest replace it. */
  private typingEntry = false;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  /** Each search gets a number; an answer that arrives after a newer search started is dropped. */
  private latest = 0;
  /** The search whose results are on screen. */
  private shownTicket = 0;
  private readonly baseTitle = document.title;
  private readonly el: SearchPageElements;
  private readonly text: SearchPageText;

  constructor(el: SearchPageElements, text: SearchPageText) {
    this.el = el;
    this.text = text;
  }

  /** Opens the search index and runs the search the page's address asks for. */
  async open(bundleUrl: string, baseUrl: string): Promise<void> {
    this.showState();
    const engine = await openSearchEngine(bundleUrl, baseUrl, this.text.lang);
    this.engine = engine;
    // A page opened without a search readies the index for the first query, once it has painted.
    if (!isSearchActive(this.state)) whenIdle(() => engine.prepare());
    await this.run();
  }

  /** Draws the state into the query boxes, the sort choice, the title and the filter summary. */
  showState(): void {
    const { el, state, text } = this;
    el.input.value = state.query;
    if (el.headerInput) el.headerInput.value = state.query;
    const sort = effectiveSort(state);
    for (const radio of el.sortControls.querySelectorAll<HTMLInputElement>('input[type="radio"]')) {
      radio.checked = radio.value === sort;
      // Without a query there is no relevance to sort by.
      radio.disabled = state.query === '' && radio.value === 'relevance';
    }
    document.title = state.query === '' ? this.baseTitle : `${state.query} — ${this.baseTitle}`;
    const active = countSearchFilters(state);
    el.activeCount.textContent =
      active === 0 ? '' : format(text.strings, 'filtersActive', { n: text.formatCount(active) });
    // A link or a step back to a filtered search shows its filters, so the reader can see and change them.
    if (hasSearchFilters(state)) el.panel.open = true;
  }

  /** Moves to a new state: `typing` replaces the entry of the current run of typing, `step` adds one. */
  update(next: SearchState, kind: 'typing' | 'step'): void {
    const url = `${location.pathname}${formatSearchState(next)}${location.hash}`;
    const changed = formatSearchState(next) !== formatSearchState(this.state);
    this.state = next;
    this.showState();
    if (!changed) return;
    if (kind === 'typing' && this.typingEntry) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    this.typingEntry = kind === 'typing';
    void this.run();
  }

  /** Runs the search of the current state and shows its results, then its filter counts. */
  async run(): Promise<void> {
    const { el, engine } = this;
    if (!engine) return;
    const ticket = ++this.latest;
    // Marked at once, so whoever waits for the page to settle waits for the counts too.
    if (el.panel.open) el.filterBox.setAttribute('aria-busy', 'true');
    if (!isSearchActive(this.state)) {
      this.showPrompt();
      await this.refreshFilters(ticket);
      return;
    }
    // Busy until every language has answered, though the first results show before that.
    el.resultList.setAttribute('aria-busy', 'true');
    try {
      const answer = await engine.search(this.state, (partial) => this.show(partial, ticket));
      if (ticket !== this.latest) return;
      await this.show(answer, ticket);
    } catch (error) {
      if (ticket !== this.latest) return;
      console.error(error);
      this.setStatus(format(this.text.strings, 'searchFailed'));
      el.layout.hidden = false;
      el.filterBox.removeAttribute('aria-busy');
      return;
    } finally {
      if (ticket === this.latest) el.resultList.removeAttribute('aria-busy');
    }
    await this.refreshFilters(ticket);
  }

  /** Empties the results and asks for a query, for a page with nothing searched. */
  private showPrompt(): void {
    this.outcome = undefined;
    this.el.resultList.replaceChildren();
    this.el.moreButton.hidden = true;
    this.setStatus(format(this.text.strings, 'searchPrompt'));
    this.el.layout.hidden = false;
  }

  /**
   * Shows the first page of `answer`'s results in place of what was shown, and says how many there
   * are, or, while other languages are still read, that these are the first.
   */
  private async show(answer: SearchOutcome, ticket: number): Promise<void> {
    const { el } = this;
    // The complete answer replaces the first one with as many results as the reader has open.
    const count = this.shownTicket === ticket ? Math.max(PAGE_SIZE, el.resultList.children.length) : PAGE_SIZE;
    const first = await answer.results.take(count);
    if (ticket !== this.latest) return;
    this.outcome = answer;
    this.shownTicket = ticket;
    el.resultList.replaceChildren();
    this.appendResults(first);
    el.moreButton.hidden = answer.results.remaining === 0;
    this.setStatus(
      answer.complete ? describeTotal(this.text, this.state, answer.total) : format(this.text.strings, 'searchPartial'),
    );
    // Shown with the first results, not before: the filter panel below them would move as they
    // arrive (a layout shift).
    el.layout.hidden = false;
    // For the benchmark (npm run bench): when the first and the complete results were on screen.
    performance.mark(answer.complete ? 'warta:search-complete' : 'warta:search-first');
  }

  /** Shows the next page of results; keyboard readers continue from the first new one. */
  async showMore(): Promise<void> {
    const current = this.outcome;
    if (!current) return;
    const items = await current.results.take(PAGE_SIZE);
    if (current !== this.outcome) return;
    this.appendResults(items)?.focus();
    this.el.moreButton.hidden = current.results.remaining === 0;
  }

  private appendResults(items: readonly ResultData[]): HTMLAnchorElement | null {
    const showExcerpt = this.state.query !== '';
    const nodes = items.map((data) => renderResult(data, showExcerpt));
    this.el.resultList.append(...nodes);
    return nodes[0]?.querySelector('a') ?? null;
  }

  private setStatus(text: string): void {
    this.el.status.textContent = text;
  }

  /** Says that search cannot run here (in development, before the first build wrote an index). */
  showUnavailable(): void {
    const key = this.el.root.dataset['dev'] === undefined ? 'searchUnavailable' : 'searchUnavailableDev';
    this.setStatus(format(this.text.strings, key));
  }

  /** Counts the filter values for the search `ticket` and draws them, if the panel is open. */
  async refreshFilters(ticket: number): Promise<void> {
    const { el, engine } = this;
    if (!engine || !el.panel.open) return;
    el.filterBox.setAttribute('aria-busy', 'true');
    if (!engine.values) el.filterBox.replaceChildren(format(this.text.strings, 'filtersLoading'));
    try {
      const searched = this.outcome?.languages ?? engine.languages.slice(0, 1);
      const counts = await engine.countFilters(this.state, searched);
      if (ticket !== this.latest) return;
      this.drawFilters(counts, searched);
    } catch (error) {
      if (ticket !== this.latest) return;
      console.error(error);
      el.filterBox.replaceChildren(format(this.text.strings, 'searchFailed'));
    } finally {
      if (ticket === this.latest) el.filterBox.removeAttribute('aria-busy');
    }
  }

  private drawFilters(counts: FilterCountsByName, searched: readonly string[]): void {
    const { el, engine, text } = this;
    if (!engine?.values) return;
    this.drawn = { counts, searched };
    // Redrawing replaces the controls; keep keyboard focus on the control the reader was using.
    const focus = focusedFilterSelector(el.filterBox);
    // Without a choice, the language filter shows the languages the results came from.
    const shown = { ...this.state, language: this.state.language ?? shownLanguageChoice(searched, engine.languages) };
    el.filterBox.replaceChildren(
      ...renderFilters({
        state: shown,
        counts,
        values: engine.values,
        expanded: this.expanded,
        strings: text.strings,
        formatCount: text.formatCount,
        lang: text.lang,
      }),
    );
    if (focus) el.filterBox.querySelector<HTMLElement>(focus)?.focus();
  }

  /** Shows more or fewer values of one filter. */
  private toggleExpanded(filter: SearchFilterName): void {
    if (this.expanded.has(filter)) this.expanded.delete(filter);
    else this.expanded.add(filter);
    if (this.drawn) this.drawFilters(this.drawn.counts, this.drawn.searched);
  }

  private readQuery(): string {
    return this.el.input.value.trim().replace(/\s+/g, ' ');
  }

  /** Wires the reader's typing, choices, clicks and history steps to the page. */
  listen(): void {
    const { el } = this;
    el.input.addEventListener('input', () => {
      clearTimeout(this.typingTimer);
      this.typingTimer = setTimeout(
        () => this.update({ ...this.state, query: this.readQuery() }, 'typing'),
        TYPING_DELAY_MS,
      );
    });
    el.form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(this.typingTimer);
      this.update({ ...this.state, query: this.readQuery() }, this.typingEntry ? 'typing' : 'step');
      // The next thing typed after pressing Enter is a new search with its own history entry.
      this.typingEntry = false;
    });
    el.sortControls.addEventListener('change', (event) => {
      const target = event.target;
      if (target instanceof HTMLInputElement && target.checked) {
        this.update({ ...this.state, sort: target.value as SearchSort }, 'step');
      }
    });
    el.panel.addEventListener('toggle', () => {
      if (el.panel.open) void this.refreshFilters(this.latest);
    });
    el.filterBox.addEventListener('change', (event) => {
      const target = event.target;
      if (!(target instanceof HTMLInputElement)) return;
      const filter = target.name.replace(/^filter-/, '') as SearchFilterName;
      const next = chooseSearchFilter(this.state, filter, target.value, target.checked);
      if (next !== this.state) this.update(next, 'step');
    });
    el.filterBox.addEventListener('click', (event) => {
      const toggle = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('[data-toggle]') : null;
      if (toggle) this.toggleExpanded(toggle.dataset['toggle'] as SearchFilterName);
    });
    el.moreButton.addEventListener('click', () => void this.showMore());
    window.addEventListener('popstate', () => {
      clearTimeout(this.typingTimer);
      this.state = parseSearchState(location.search);
      this.typingEntry = false;
      this.showState();
      void this.run();
    });
  }
}

/** Starts the search page whose markup is inside `root` (see src/pages/search/index.astro). */
export function startSearchPage(root: HTMLElement): void {
  const page = new SearchPage(findElements(root), readText(root));
  page.listen();
  page.open(root.dataset['bundleUrl'] ?? '/pagefind/', root.dataset['baseUrl'] ?? '/').catch((error: unknown) => {
    console.error(error);
    page.showUnavailable();
  });
}
