// The toolbar popup: starts on the model of the active Hub tab (when there is one), otherwise on the
// search with recently viewed models. Choosing a model shows its drift with the page panel's components.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ask } from '../../lib/messages';
import { readSwitches, type FeatureSwitches } from '../../lib/settings/settings';
import { OFFLINE_NOTICE } from './messages';
import { ModelView } from './ModelView';
import { SearchView } from './SearchView';
import '../badge/badge.css';
import './popup.css';
import { usePrefersDark } from '../shared/theme';

export function Popup() {
  const [modelId, setModelId] = useState<string | null>(null);
  // Null until the start-up reads (active model, switches) are done.
  const [switches, setSwitches] = useState<FeatureSwitches | null>(null);
  const online = useOnline();
  const dark = usePrefersDark();
  // Badges in the popup read the theme from the document (on Hub pages, from their shadow host).
  useEffect(() => {
    document.documentElement.classList.toggle('hfd-dark', dark);
  }, [dark]);

  useEffect(() => {
    let current = true;
    const activeModel = ask('active-model', {}).then(
      (answer) => answer?.id ?? null,
      () => null, // No answer: start on the search, which reports the failure itself.
    );
    void Promise.all([activeModel, readSwitches()]).then(([id, stored]) => {
      if (!current) return;
      setSwitches(stored);
      setModelId(id);
    });
    return () => {
      current = false;
    };
  }, []);

  return (
    <main class="popup">
      <header class="popup-bar">
        <span class="brand">HF Drift</span>
        <button type="button" class="link-button" onClick={() => void browser.runtime.openOptionsPage()}>
          Options
        </button>
      </header>
      {!online && (
        <p class="offline" role="status">
          {OFFLINE_NOTICE}
        </p>
      )}
      {switches === null ? (
        <p class="muted" role="status">
          Loading…
        </p>
      ) : (
        <>
          <SearchView hidden={modelId !== null} onChoose={setModelId} />
          {modelId !== null && (
            <ModelView
              id={modelId}
              familyStats={switches.familyStats}
              onBack={() => setModelId(null)}
              onOpenModel={setModelId}
            />
          )}
        </>
      )}
    </main>
  );
}

function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine !== false);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine !== false);
    addEventListener('online', update);
    addEventListener('offline', update);
    return () => {
      removeEventListener('online', update);
      removeEventListener('offline', update);
    };
  }, []);
  return online;
}
