// The options page: Hub token, feature switches, cache, and the family report export.
import { CacheSection } from './CacheSection';
import { ExportSection } from './ExportSection';
import { SwitchesSection } from './SwitchesSection';
import { TokenSection } from './TokenSection';
import './options.css';

export function Options() {
  return (
    <main class="options">
      <h1>HF Drift options</h1>
      <TokenSection />
      <SwitchesSection />
      <CacheSection />
      <ExportSection />
    </main>
  );
}
