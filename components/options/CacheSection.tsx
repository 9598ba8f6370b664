// The cache: what it holds, a clear button, and how long its data counts as fresh.
import { useEffect, useState } from 'preact/hooks';
import { ask } from '../../lib/messages';
import type { CacheStatsView } from '../../lib/report/types';
import { MAX_TTL_HOURS, readCacheSettings, writeCacheSettings } from '../../lib/settings/settings';
import { ago, count } from '../shared/format';
import { settingsChanged } from './settings-changed';
import { NO_BACKGROUND, Status, useStatus } from './Status';

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 1024) return `${Math.max(0, Math.round(bytes || 0))} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 10 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

export function CacheSection() {
  const [stats, setStats] = useState<CacheStatsView | null>(null);
  const [ttl, setTtl] = useState('');
  const [busy, setBusy] = useState(false);
  const { status, ok, error } = useStatus();

  useEffect(() => {
    void readCacheSettings().then((settings) => setTtl(String(settings.ttlHours)));
    ask('cache-stats', {}).then(setStats, () => error(NO_BACKGROUND));
  }, []);

  const clear = async () => {
    setBusy(true);
    try {
      setStats(await ask('cache-clear', {}));
      ok('Cache cleared. Models will be read from the Hub again.');
    } catch {
      error(NO_BACKGROUND);
    } finally {
      setBusy(false);
    }
  };

  const saveTtl = async (event: Event) => {
    event.preventDefault();
    const hours = Number(ttl);
    if (!ttl.trim() || !Number.isFinite(hours) || hours < 1 || hours > MAX_TTL_HOURS) {
      error(`Enter a number of hours from 1 to ${MAX_TTL_HOURS}.`);
      return;
    }
    await writeCacheSettings({ ttlHours: hours });
    await settingsChanged();
    setStats((previous) => (previous ? { ...previous, ttlHours: hours } : previous));
    ok(`Saved: cached data counts as fresh for ${count(hours)} ${hours === 1 ? 'hour' : 'hours'}.`);
  };

  return (
    <section class="card" aria-labelledby="cache-title">
      <h2 id="cache-title">Cache</h2>
      <p class="help">
        HF Drift keeps what it reads from the Hub in this browser, so pages open fast and the Hub's rate limit is
        spared. Older data is refreshed in the background.
      </p>
      {!stats ? (
        <p class="muted">Reading the cache…</p>
      ) : !stats.available ? (
        <p class="warning" data-cache="unavailable">
          The cache is not available in this browser profile (for example in a private window): HF Drift asks the Hub
          every time.
        </p>
      ) : (
        <dl class="stats" data-cache="available">
          <div>
            <dt>Entries</dt>
            <dd data-stat="entries">{count(stats.entries)}</dd>
          </div>
          <div>
            <dt>Size</dt>
            <dd data-stat="bytes">{formatBytes(stats.bytes)}</dd>
          </div>
          <div>
            <dt>Oldest entry</dt>
            <dd data-stat="oldest">{stats.oldestFetchedAt ? ago(stats.oldestFetchedAt) : 'none'}</dd>
          </div>
        </dl>
      )}
      <div class="row">
        <button type="button" onClick={clear} disabled={busy || !stats?.available} aria-busy={busy}>
          Clear cache
        </button>
      </div>
      <form onSubmit={saveTtl} noValidate>
        <label for="ttl-input">Keep data fresh for (hours)</label>
        <div class="row">
          <input
            id="ttl-input"
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_TTL_HOURS}
            step={1}
            value={ttl}
            onInput={(event) => setTtl((event.currentTarget as HTMLInputElement).value)}
          />
          <button type="submit">Save</button>
        </div>
      </form>
      <Status status={status} />
    </section>
  );
}
