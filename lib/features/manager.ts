// A small feature manager in the Refined GitHub style: each feature registers pure URL predicates and
// an init(ctx) that receives an AbortSignal. On every navigation the previous run is aborted (its UI
// removed, its observers disconnected) before the features that apply to the new URL start.
import type { FeatureSwitches } from '../settings/settings';

export interface FeatureContext {
  url: URL;
  document: Document;
  /** Aborted when the page navigates away or the extension is reloaded. */
  signal: AbortSignal;
}

export interface Feature {
  id: string;
  /** The feature applies when any of these holds. */
  include: ReadonlyArray<(url: URL) => boolean>;
  /** Setting that switches the feature off (off = no work and no requests). */
  switch?: keyof FeatureSwitches;
  /**
   * The background enforces this feature's switch: it refuses the feature's requests while the switch is
   * off and says so, and the feature then shows nothing. The page reads no storage for it, and it starts
   * without waiting for a storage round trip (the slowest step before its first request).
   */
  switchedByBackground?: boolean;
  init(ctx: FeatureContext): void | Promise<void>;
}

function featureApplies(feature: Feature, url: URL): boolean {
  return feature.include.some((test) => test(url));
}

export interface FeatureRunnerDeps {
  readSwitches(): Promise<FeatureSwitches>;
  /** Errors are reported per feature and never reach the Hub's page. */
  report(featureId: string, error: unknown): void;
}

export interface FeatureRunner {
  /** Starts the features that apply to `href`, after aborting the previous run. */
  run(href: string, document: Document): Promise<string[]>;
  stop(): void;
}

export function createFeatureRunner(features: readonly Feature[], deps: FeatureRunnerDeps): FeatureRunner {
  let current: AbortController | null = null;

  const stop = () => {
    current?.abort();
    current = null;
  };

  return {
    stop,
    async run(href, document) {
      stop();
      const controller = new AbortController();
      current = controller;
      let url: URL;
      try {
        url = new URL(href);
      } catch {
        return [];
      }
      const applicable = features.filter((f) => featureApplies(f, url));
      const start = (feature: Feature) => {
        try {
          // Not awaited in sequence: one slow or failing feature must not hold back the others.
          Promise.resolve(feature.init({ url, document, signal: controller.signal })).catch((error) => deps.report(feature.id, error));
        } catch (error) {
          deps.report(feature.id, error);
        }
      };
      const started: string[] = [];
      for (const feature of applicable) {
        if (!feature.switchedByBackground) continue;
        started.push(feature.id);
        start(feature);
      }
      const gated = applicable.filter((f) => !f.switchedByBackground);
      // The switches are read only for features that need them read here: where nothing applies, nothing
      // at all happens (no storage read, no message, no DOM work).
      if (!gated.length) return started;
      const switches = await deps.readSwitches();
      if (controller.signal.aborted) return started;
      for (const feature of gated) {
        if (feature.switch && !switches[feature.switch]) continue;
        started.push(feature.id);
        start(feature);
      }
      return started;
    },
  };
}
