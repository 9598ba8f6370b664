// Feature switches: each one off means HF Drift makes no requests for that feature.
import { useEffect, useState } from 'preact/hooks';
import { readSwitches, writeSwitches, type FeatureSwitches } from '../../lib/settings/settings';
import { settingsChanged } from './settings-changed';
import { Status, useStatus } from './Status';

const SWITCHES: { key: keyof FeatureSwitches; label: string; help: string }[] = [
  {
    key: 'panel',
    label: 'Drift panel on model pages',
    help: "Shows the model's lineage and what changed versus its parent, next to the model card.",
  },
  {
    key: 'badges',
    label: 'Drift badges on model listings',
    help: 'Marks each model in Hub lists (search, children of a model) with its most important drift.',
  },
  {
    key: 'familyStats',
    label: 'Family statistics',
    help: "Samples a model's children to summarise how its family drifted. This makes the most requests.",
  },
];

export function SwitchesSection() {
  const [switches, setSwitches] = useState<FeatureSwitches | null>(null);
  const { status, ok } = useStatus();

  useEffect(() => {
    void readSwitches().then(setSwitches);
  }, []);

  const toggle = async (key: keyof FeatureSwitches, on: boolean) => {
    setSwitches(await writeSwitches({ [key]: on }));
    await settingsChanged();
    const label = SWITCHES.find((s) => s.key === key)!.label;
    ok(`${label}: ${on ? 'on' : 'off'}.`);
  };

  return (
    <section class="card" aria-labelledby="switches-title">
      <h2 id="switches-title">Features</h2>
      <fieldset disabled={!switches}>
        <legend>Turn a feature off to stop all of its requests to the Hub.</legend>
        {SWITCHES.map(({ key, label, help }) => (
          <div class="switch" key={key}>
            <input
              type="checkbox"
              id={`switch-${key}`}
              aria-describedby={`switch-${key}-help`}
              checked={switches?.[key] ?? false}
              onChange={(event) => void toggle(key, (event.currentTarget as HTMLInputElement).checked)}
            />
            <label for={`switch-${key}`}>{label}</label>
            <p class="help" id={`switch-${key}-help`}>
              {help}
            </p>
          </div>
        ))}
      </fieldset>
      <Status status={status} />
    </section>
  );
}
