// The optional Hub access token: saved in extension storage, shown masked, tested through the
// background (which alone sends it, and only to huggingface.co). The token is never logged.
import { useEffect, useState } from 'preact/hooks';
import type { HubError } from '../../lib/hub/types';
import { ask } from '../../lib/messages';
import { maskToken, readToken, writeToken } from '../../lib/settings/settings';
import { errorSentence } from '../shared/format';
import { settingsChanged } from './settings-changed';
import { NO_BACKGROUND, Status, useStatus } from './Status';

const TOKEN_SETTINGS_URL = 'https://huggingface.co/settings/tokens';

function tokenErrorSentence(error: HubError): string {
  // Connection problems say nothing about the token itself.
  if (error.kind === 'rate-limited' || error.kind === 'offline' || error.kind === 'timeout' || error.kind === 'server') {
    return errorSentence(error);
  }
  return error.message || 'The Hub did not accept this token.';
}

export function TokenSection() {
  const [saved, setSaved] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const { status, info, ok, error } = useStatus();

  useEffect(() => {
    void readToken().then((token) => setSaved(token ? maskToken(token) : null));
  }, []);

  const save = async (event: Event) => {
    event.preventDefault();
    const token = draft.trim();
    if (!token) {
      error('Paste a token into the field first.');
      return;
    }
    await writeToken(token);
    setSaved(maskToken(token));
    setDraft('');
    await settingsChanged();
    ok('Token saved. HF Drift sends it only to huggingface.co.');
  };

  const test = async () => {
    const token = draft.trim() || undefined;
    if (!token && !saved) {
      error('There is no token to test: paste one or save one first.');
      return;
    }
    setBusy(true);
    info(token ? 'Testing the token in the field…' : 'Testing the saved token…');
    try {
      const answer = await ask('test-token', { token });
      if (answer.ok) ok(`The token works: signed in as ${answer.name}.`);
      else error(`The token test failed: ${tokenErrorSentence(answer.error)}`);
    } catch {
      error(NO_BACKGROUND);
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    await writeToken(undefined);
    setSaved(null);
    setDraft('');
    await settingsChanged();
    ok('Token removed. HF Drift now reads the Hub anonymously.');
  };

  return (
    <section class="card" aria-labelledby="token-title">
      <h2 id="token-title">Hub access token</h2>
      <p class="help" id="token-help">
        Optional. With a token HF Drift can read gated or private models you have access to, and the Hub allows more
        requests. A read-only token is enough (
        <a href={TOKEN_SETTINGS_URL} target="_blank" rel="noopener noreferrer">
          create one on huggingface.co
        </a>
        ). It is stored in this browser's extension storage and sent only to huggingface.co.
      </p>
      <p class="saved-token" data-token-state={saved ? 'saved' : 'none'}>
        {saved ? (
          <>
            Saved token: <code class="masked">{saved}</code>
          </>
        ) : (
          'No token saved: public models only, at the anonymous rate limit.'
        )}
      </p>
      <form onSubmit={save}>
        <label for="token-input">{saved ? 'Replace the token' : 'Token'}</label>
        <div class="row">
          <input
            id="token-input"
            type="password"
            autocomplete="off"
            spellcheck={false}
            placeholder="hf_…"
            aria-describedby="token-help"
            value={draft}
            onInput={(event) => setDraft((event.currentTarget as HTMLInputElement).value)}
          />
          <button type="submit">Save token</button>
        </div>
        <div class="row">
          <button type="button" onClick={test} disabled={busy} aria-busy={busy}>
            Test token
          </button>
          <button type="button" onClick={remove} disabled={!saved}>
            Remove token
          </button>
        </div>
      </form>
      <Status status={status} />
    </section>
  );
}
