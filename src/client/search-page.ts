/**
 * The search page in the browser: keeps the query box, sort choice, filters, results and the URL in
 * step, so what a reader sees can be shared as a link and revisited with back and forward. Filter
 * values and counts are loaded only once the reader opens the filter panel, or a link opens the page
 * with a filter chosen.
 */
import { groupDigits } from '../lib/core/group-digits';
import type { SearchFilterName } from '../lib/search/search-filter-names';
import { shownLanguageChoice } from '../lib/search/search-languages';
import {
  ALL_LANGUAGES,
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

function required<T extends Element>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`search page markup lacks ${selector}`);
  return found;
}

/** Runs `task` once the browser is idle, so it does not hold up the first paint or a reader's input. */
function whenIdle(task: () => void): void {
  if ('requestIdleCallback' in window) requestIdleCallback(task, { timeout: 2000 });
  else setTimeout(task, 200);
}

/** Starts the search page whose markup is inside `root` (see src/pages/search/index.astro). */
export function startSearchPage(root: HTMLElement): void {
  const strings = JSON.parse(root.dataset['strings'] ?? '{}') as Strings;
  const lang = root.dataset['lang'] ?? document.documentElement.lang;
  const form = required<HTMLFormElement>(root, '[data-search-form]');
  const input = required<HTMLInputElement>(root, '[data-search-input]');
  const status = required<HTMLElement>(root, '[data-search-status]');
  const layout = required<HTMLElement>(root, '[data-search-ui]');
  const sortControls = required<HTMLFieldSetElement>(root, '[data-search-sort]');
  const resultList = required<HTMLOListElement>(root, '[data-search-results]');
  const moreButton = required<HTMLButtonElement>(root, '[data-search-more]');
  const panel = required<HTMLDetailsElement>(root, '[data-search-filter-panel]');
  const activeCount = required<HTMLElement>(panel, '[data-search-filters-active]');
  const filterBox = required<HTMLElement>(root, '[data-search-filters]');
  const headerInput = document.querySelector<HTMLInputElement>('#site-search');
  const baseTitle = document.title;
  const plurals = new Intl.PluralRules(lang);
  const groupSeparator = root.dataset['groupSeparator'] ?? ',';
  const formatCount = (count: number) => groupDigits(count, groupSeparator);

  let engine: SearchEngine | undefined;
  let state = parseSearchState(location.search);
  let outcome: SearchOutcome | undefined;
  // The counts last drawn, to redraw when the reader shows more or fewer values of a filter.
  let drawn: { counts: FilterCountsByName; searched: readonly string[] } | undefined;
  const expanded = new Set<SearchFilterName>();
  // A run of typing makes one history entry: the first search of the run pushes, the rest replace it.
  let typingEntry = false;
  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  // Each search gets a number; an answer that arrives after a newer search started is dropped.
  let latest = 0;
  // The search whose results are on screen.
  let shownTicket = 0;

  function activeFilterCount(): number {
    const { tag, author, year, language } = state;
    const oneLanguage = language !== undefined && language !== ALL_LANGUAGES;
    return tag.length + author.length + (year === undefined ? 0 : 1) + (oneLanguage ? 1 : 0);
  }

  function showState(): void {
    input.value = state.query;
    if (headerInput) headerInput.value = state.query;
    const sort = effectiveSort(state);
    for (const radio of sortControls.querySelectorAll<HTMLInputElement>('input[type="radio"]')) {
      radio.checked = radio.value === sort;
      // Without a query there is no relevance to sort by.
      radio.disabled = state.query === '' && radio.value === 'relevance';
    }
    document.title = state.query === '' ? baseTitle : `${state.query} — ${baseTitle}`;
    const active = activeFilterCount();
    activeCount.textContent = active === 0 ? '' : format(strings, 'filtersActive', { n: formatCount(active) });
    // A link or a step back to a filtered search shows its filters, so the reader can see and change them.
    if (hasSearchFilters(state)) panel.open = true;
  }

  function setStatus(text: string): void {
    status.textContent = text;
  }

  function plural(key: string, count: number, values: Record<string, string>): string {
    return format(strings, `${key}${plurals.select(count) === 'one' ? 'One' : 'Other'}`, values);
  }

  function describe(total: number): string {
    const query = state.query;
    if (total === 0) {
      const none =
        query === '' ? format(strings, 'noResultsFiltered') : format(strings, 'noResultsForQuery', { query });
      return `${none} ${format(strings, 'noResultsHint')}`;
    }
    const n = formatCount(total);
    return query === '' ? plural('resultsFiltered', total, { n }) : plural('resultsForQuery', total, { n, query });
  }

  function drawFilters(counts: FilterCountsByName, searched: readonly string[]): void {
    if (!engine?.values) return;
    drawn = { counts, searched };
    // Redrawing replaces the controls; keep keyboard focus on the control the reader was using.
    const active = document.activeElement;
    const focusKey =
      active instanceof HTMLInputElement && filterBox.contains(active)
        ? `input[name="${active.name}"][value="${CSS.escape(active.value)}"]`
        : active instanceof HTMLButtonElement && filterBox.contains(active)
          ? `button[data-toggle="${active.dataset['toggle'] ?? ''}"]`
          : undefined;
    // Without a choice, the language filter shows the languages the results came from.
    const shown = { ...state, language: state.language ?? shownLanguageChoice(searched, engine.languages) };
    filterBox.replaceChildren(
      ...renderFilters({ state: shown, counts, values: engine.values, expanded, strings, formatCount, lang }),
    );
    if (focusKey) filterBox.querySelector<HTMLElement>(focusKey)?.focus();
  }

  /** Counts the filter values for the search `ticket` and draws them, if the panel is open. */
  async function refreshFilters(ticket: number): Promise<void> {
    if (!engine || !panel.open) return;
    filterBox.setAttribute('aria-busy', 'true');
    if (!engine.values) filterBox.replaceChildren(format(strings, 'filtersLoading'));
    try {
      const searched = outcome?.languages ?? engine.languages.slice(0, 1);
      const counts = await engine.countFilters(state, searched);
      if (ticket !== latest) return;
      drawFilters(counts, searched);
    } catch (error) {
      if (ticket !== latest) return;
      console.error(error);
      filterBox.replaceChildren(format(strings, 'searchFailed'));
    } finally {
      if (ticket === latest) filterBox.removeAttribute('aria-busy');
    }
  }

  function appendResults(items: readonly ResultData[]): HTMLAnchorElement | null {
    const showExcerpt = state.query !== '';
    const nodes = items.map((data) => renderResult(data, showExcerpt));
    resultList.append(...nodes);
    return nodes[0]?.querySelector('a') ?? null;
  }

  /**
   * Shows the first page of `answer`'s results in place of what was shown, and says how many there
   * are, or, while other languages are still read, that these are the first.
   */
  async function show(answer: SearchOutcome, ticket: number): Promise<void> {
    // The complete answer replaces the first one with as many results as the reader has open.
    const count = shownTicket === ticket ? Math.max(PAGE_SIZE, resultList.children.length) : PAGE_SIZE;
    const first = await answer.results.take(count);
    if (ticket !== latest) return;
    outcome = answer;
    shownTicket = ticket;
    resultList.replaceChildren();
    appendResults(first);
    moreButton.hidden = answer.results.remaining === 0;
    setStatus(answer.complete ? describe(answer.total) : format(strings, 'searchPartial'));
    // Shown with the first results, not before: the filter panel below them would move as they
    // arrive (a layout shift).
    layout.hidden = false;
    // For the benchmark (npm run bench): when the first and the complete results were on screen.
    performance.mark(answer.complete ? 'warta:search-complete' : 'warta:search-first');
  }

  async function run(): Promise<void> {
    if (!engine) return;
    const ticket = ++latest;
    // Marked at once, so whoever waits for the page to settle waits for the counts too.
    if (panel.open) filterBox.setAttribute('aria-busy', 'true');
    if (!isSearchActive(state)) {
      outcome = undefined;
      resultList.replaceChildren();
      moreButton.hidden = true;
      setStatus(format(strings, 'searchPrompt'));
      layout.hidden = false;
      await refreshFilters(ticket);
      return;
    }
    // Busy until every language has answered, though the first results show before that.
    resultList.setAttribute('aria-busy', 'true');
    try {
      const answer = await engine.search(state, (partial) => show(partial, ticket));
      if (ticket !== latest) return;
      await show(answer, ticket);
    } catch (error) {
      if (ticket !== latest) return;
      console.error(error);
      setStatus(format(strings, 'searchFailed'));
      layout.hidden = false;
      filterBox.removeAttribute('aria-busy');
      return;
    } finally {
      if (ticket === latest) resultList.removeAttribute('aria-busy');
    }
    await refreshFilters(ticket);
  }

  /** Moves to a new state: `typing` replaces the entry of the current run of typing, `step` adds one. */
  function update(next: SearchState, kind: 'typing' | 'step'): void {
    const url = `${location.pathname}${formatSearchState(next)}${location.hash}`;
    const changed = formatSearchState(next) !== formatSearchState(state);
    state = next;
    showState();
    if (!changed) return;
    if (kind === 'typing' && typingEntry) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    typingEntry = kind === 'typing';
    void run();
  }

  function readQuery(): string {
    return input.value.trim().replace(/\s+/g, ' ');
  }

  input.addEventListener('input', () => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => {
      const query = readQuery();
      // A query typed after a filter-only search asks again for relevance, the reader's last choice.
      update({ ...state, query }, 'typing');
    }, TYPING_DELAY_MS);
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typingTimer);
    update({ ...state, query: readQuery() }, typingEntry ? 'typing' : 'step');
    // The next thing typed after pressing Enter is a new search with its own history entry.
    typingEntry = false;
  });

  sortControls.addEventListener('change', (event) => {
    const target = event.target;
    if (target instanceof HTMLInputElement && target.checked) {
      update({ ...state, sort: target.value as SearchSort }, 'step');
    }
  });

  panel.addEventListener('toggle', () => {
    if (panel.open) void refreshFilters(latest);
  });

  filterBox.addEventListener('change', (event) => {
    const target = event.target;
    if (!(target instanceof HTMLInputElement)) return;
    const filter = target.name.replace(/^filter-/, '') as SearchFilterName;
    if (filter === 'tag' || filter === 'author') {
      const others = state[filter].filter((value) => value !== target.value);
      update({ ...state, [filter]: target.checked ? [...others, target.value] : others }, 'step');
    } else if (target.checked) {
      update({ ...state, [filter]: target.value === '' ? undefined : target.value }, 'step');
    }
  });

  filterBox.addEventListener('click', (event) => {
    const toggle = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('[data-toggle]') : null;
    if (!toggle) return;
    const filter = toggle.dataset['toggle'] as SearchFilterName;
    if (expanded.has(filter)) expanded.delete(filter);
    else expanded.add(filter);
    if (drawn) drawFilters(drawn.counts, drawn.searched);
  });

  moreButton.addEventListener('click', async () => {
    const current = outcome;
    if (!current) return;
    const items = await current.results.take(PAGE_SIZE);
    if (current !== outcome) return;
    // Keyboard readers continue from the first new result rather than from the button.
    appendResults(items)?.focus();
    moreButton.hidden = current.results.remaining === 0;
  });

  window.addEventListener('popstate', () => {
    clearTimeout(typingTimer);
    state = parseSearchState(location.search);
    typingEntry = false;
    showState();
    void run();
  });

  showState();
  openSearchEngine(root.dataset['bundleUrl'] ?? '/pagefind/', root.dataset['baseUrl'] ?? '/', lang)
    .then((opened) => {
      engine = opened;
      // A page opened without a search readies the index for the first query, once it has painted.
      if (!isSearchActive(state)) whenIdle(() => opened.prepare());
      return run();
    })
    .catch((error: unknown) => {
      console.error(error);
      setStatus(format(strings, root.dataset['dev'] === undefined ? 'searchUnavailable' : 'searchUnavailableDev'));
    });
}
