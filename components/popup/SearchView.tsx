// The popup's model search: an ARIA 1.2 combobox (the input) controlling a listbox of results. Empty,
// the list holds the recently viewed models from the cache. Hub text is rendered as text only.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ask } from '../../lib/messages';
import type { SearchResponse, SearchResult } from '../../lib/report/types';
import { DriftBadge } from '../badge/DriftBadge';
import { NO_BACKGROUND, recentOutcome, searchOutcome, type SearchOutcome } from './messages';

/** Wait this long after the last keystroke before asking the Hub (its search API is rate limited). */
export const SEARCH_DEBOUNCE_MS = 250;

const LISTBOX_ID = 'hfd-results';
const optionId = (index: number) => `hfd-result-${index}`;

export interface SearchViewProps {
  /** The model view is on top; the search keeps its state underneath. */
  hidden: boolean;
  onChoose: (id: string) => void;
}

interface Answer {
  /** The query this answer is for ('' for the recent list). */
  query: string;
  response: SearchResponse;
}

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

export function SearchView({ hidden, onChoose }: SearchViewProps) {
  const [query, setQuery] = useState('');
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [recent, setRecent] = useState<SearchResponse | null>(null);
  const [pending, setPending] = useState(false);
  const [unreachable, setUnreachable] = useState(false);
  const [active, setActive] = useState(-1);
  const input = useRef<HTMLInputElement>(null);
  // Only the answer to the latest request may be shown (answers can arrive out of order).
  const latest = useRef(0);

  const trimmed = query.trim();

  // The recent list is refreshed each time the search comes back into view (the popup may just have
  // shown a model, which is now the most recent).
  useEffect(() => {
    if (hidden) return;
    let current = true;
    ask('recent', {})
      .then((response) => current && setRecent(response))
      .catch(() => current && setUnreachable(true));
    input.current?.focus();
    return () => {
      current = false;
    };
  }, [hidden]);

  useEffect(() => {
    setActive(-1);
    if (!trimmed) {
      latest.current++;
      setPending(false);
      return;
    }
    setPending(true);
    const timer = setTimeout(() => {
      const request = ++latest.current;
      ask('search', { query: trimmed })
        .then((response) => {
          if (request !== latest.current) return;
          setUnreachable(false);
          setAnswer({ query: trimmed, response });
        })
        .catch(() => request === latest.current && setUnreachable(true))
        .finally(() => request === latest.current && setPending(false));
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [trimmed]);

  const showingRecent = !trimmed;
  // While a new search runs, the previous results stay (no flicker); the status says "Searching…".
  const results: SearchResult[] = showingRecent ? (recent?.results ?? []) : (answer?.response.results ?? []);
  const expanded = results.length > 0;

  useEffect(() => {
    if (active < 0) return;
    input.current?.ownerDocument.getElementById(optionId(active))?.scrollIntoView?.({ block: 'nearest' });
  }, [active]);

  let outcome: SearchOutcome = { text: '', warning: false };
  if (unreachable) outcome = { text: NO_BACKGROUND, warning: true };
  else if (showingRecent) outcome = recent ? recentOutcome(recent) : { text: '', warning: false };
  else if (pending) outcome = { text: 'Searching…', warning: false };
  else if (answer) outcome = searchOutcome(answer.query, answer.response);

  const onKeyDown = (event: KeyboardEvent) => {
    const n = results.length;
    switch (event.key) {
      case 'ArrowDown':
        if (!n) return;
        event.preventDefault();
        setActive((active + 1) % n);
        break;
      case 'ArrowUp':
        if (!n) return;
        event.preventDefault();
        setActive(active <= 0 ? n - 1 : active - 1);
        break;
      case 'Enter':
        if (!n) return;
        event.preventDefault();
        onChoose(results[active >= 0 ? active : 0].id);
        break;
      case 'Escape':
        // An empty box lets Escape through, so the browser closes the popup as usual.
        if (!query) return;
        event.preventDefault();
        setQuery('');
        break;
    }
  };

  return (
    <section class="search" hidden={hidden} aria-label="Search models">
      <label class="search-label" for="hfd-search">
        Search Hugging Face models
      </label>
      <input
        id="hfd-search"
        ref={input}
        type="text"
        role="combobox"
        enterKeyHint="search"
        autocomplete="off"
        spellcheck={false}
        placeholder="e.g. llama 3.1 8b instruct"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={LISTBOX_ID}
        aria-activedescendant={active >= 0 && active < results.length ? optionId(active) : undefined}
        value={query}
        onInput={(event) => setQuery((event.currentTarget as HTMLInputElement).value)}
        onKeyDown={onKeyDown}
      />
      <p class={`status ${outcome.warning ? 'warning' : ''}`} role="status" data-status={outcome.warning ? 'warning' : 'info'}>
        {outcome.text}
      </p>
      {showingRecent && results.length > 0 && (
        <h2 class="list-title">
          Recently viewed
        </h2>
      )}
      <ul
        id={LISTBOX_ID}
        class="results"
        role="listbox"
        aria-label={showingRecent ? 'Recently viewed models' : 'Search results'}
        hidden={!expanded}
      >
        {results.map((result, index) => (
          <ResultOption
            key={result.id}
            result={result}
            id={optionId(index)}
            selected={index === active}
            onPoint={() => setActive(index)}
            onChoose={() => onChoose(result.id)}
          />
        ))}
      </ul>
    </section>
  );
}

function ResultOption({
  result,
  id,
  selected,
  onPoint,
  onChoose,
}: {
  result: SearchResult;
  id: string;
  selected: boolean;
  onPoint: () => void;
  onChoose: () => void;
}) {
  const slash = result.id.indexOf('/');
  const owner = slash > 0 ? result.id.slice(0, slash + 1) : '';
  const name = slash > 0 ? result.id.slice(slash + 1) : result.id;
  const meta = [
    result.pipelineTag,
    typeof result.downloads === 'number' ? `${compact.format(result.downloads)} downloads` : undefined,
  ].filter(Boolean);
  return (
    <li
      id={id}
      role="option"
      class="result"
      aria-selected={selected}
      data-model={result.id}
      // Keep focus in the input (the combobox owns it) when an option is clicked.
      onMouseDown={(event) => event.preventDefault()}
      onMouseMove={selected ? undefined : onPoint}
      onClick={onChoose}
    >
      <span class="result-main">
        <span class="result-id">
          {owner && <span class="owner">{owner}</span>}
          <span class="name">{name}</span>
        </span>
        {meta.length > 0 && <span class="result-meta">{meta.join(' · ')}</span>}
      </span>
      {result.badge && <DriftBadge badge={result.badge} interactive={false} />}
    </li>
  );
}
