// The "Upstream obligations" block of the panel (and the popup, which reuses the panel): one line per
// duty a model owes its ancestors' licenses, unmet first, each with a status mark that does not rely on
// colour (✗ / ? / ✓ plus a word), the evidence the check used, and a link to the clause's license text.
// Everything from the Hub is rendered as text.
import { OBLIGATION_LABELS } from '../../lib/drift/obligation-keys';
import type { ObligationStatus } from '../../lib/drift/obligation-checks';
import type { ObligationsReport } from '../../lib/report/obligations';

const MARK: Record<ObligationStatus, string> = { met: '✓', unmet: '✗', unknown: '?' };
const WORD: Record<ObligationStatus, string> = { met: 'met', unmet: 'unmet', unknown: 'not checkable' };

/** Only http(s) links are ever rendered. */
function safeLink(url: string): string | undefined {
  return /^https?:\/\//i.test(url) ? url : undefined;
}

export function ObligationsSummaryLine({ obligations }: { obligations?: ObligationsReport }) {
  if (!obligations || obligations.counts.total === 0) return null;
  const status = obligations.counts.unmet > 0 ? 'unmet' : obligations.counts.unknown > 0 ? 'unknown' : 'met';
  return (
    <p class={`obligations-line obligations-${status}`} data-obligations-summary={status} title={obligations.headline}>
      <span aria-hidden="true">{MARK[status]} </span>
      {obligations.headline}
    </p>
  );
}

export function Obligations({ obligations }: { obligations?: ObligationsReport }) {
  if (!obligations) return null;
  const { results, effective, notes } = obligations;
  return (
    <div class="section obligations" data-obligations={results.length}>
      <h3>Upstream obligations</h3>
      {effective.undeclared && effective.text && (
        <p class="effective-license" data-effective-license={effective.from?.key}>
          {effective.text}
          {effective.from && <span class="muted"> (from {effective.from.id})</span>}
        </p>
      )}
      {results.length === 0 ? (
        <p class="muted">No ancestor's license asks anything this catalogue checks.</p>
      ) : (
        <>
          <p class="muted">{obligations.headline}. Guidance from public data, not legal advice.</p>
          <ul class="obligation-list">
            {results.map((r) => {
              const link = safeLink(r.link);
              return (
                <li
                  key={`${r.license}:${r.from}:${r.key}`}
                  class={`obligation status-${r.status}`}
                  data-obligation={r.key}
                  data-status={r.status}
                  data-license={r.license}
                >
                  <span class="obligation-mark" aria-hidden="true">
                    {MARK[r.status]}
                  </span>
                  <span class="obligation-body">
                    <span class="obligation-head">
                      <strong>
                        {OBLIGATION_LABELS[r.key]}: <span class="obligation-status">{WORD[r.status]}</span>
                      </strong>
                      <span class="muted">
                        {' '}
                        · {r.licenseName} (from {r.from})
                      </span>
                    </span>
                    <span class="obligation-duty">{r.duty}</span>
                    <span class="obligation-evidence" data-evidence>
                      Evidence: {r.evidence}.
                    </span>
                    {r.caveat && <span class="obligation-caveat">Caveat: {r.caveat}.</span>}
                    {link ? (
                      <a class="obligation-clause" href={link} target="_blank" rel="noopener noreferrer">
                        {r.clause}
                      </a>
                    ) : (
                      <span class="obligation-clause">{r.clause}</span>
                    )}
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {notes.map((note) => (
        <p class="muted" key={note}>
          {note}
        </p>
      ))}
    </div>
  );
}
