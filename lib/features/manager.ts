// A small feature manager in the Refined GitHub style: each feature registers pure URL predicates and
// an init(ctx) that receives an AbortSignal. On every navigation the previous run is aborted (its UI
// removed, its observers disconnected) before the features that apply to the new URL start.
import type { FeatureSwitches } from '../settings/settings';

export interface FeatureContext {
  url: URL;
  document: Document;
  /** Aborted when the page navigates away or the extension is reloaded. */
  signal: AbortSignal;
  switches: FeatureSwitches;
}

export interface Feature {
  id: string;
  /** The feature applies when any of these holds. */
  include: ReadonlyArray<(url: URL) => boolean>;
  /** Setting that switches the feature off (off = no work and no requests). */
  switch?: keyof FeatureSwitches;
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
      // Pages where nothing applies cost nothing: no storage read, no message, no DOM work.
      if (!applicable.length) return [];
      const switches = await deps.readSwitches();
      if (controller.signal.aborted) return [];
      const started: string[] = [];
      for (const feature of applicable) {
        if (feature.switch && !switches[feature.switch]) continue;
        started.push(feature.id);
        try {
          // Not awaited in sequence: one slow or failing feature must not hold back the others.
          Promise.resolve(feature.init({ url, document, signal: controller.signal, switches })).catch((error) =>
            deps.report(feature.id, error),
          );
        } catch (error) {
          deps.report(feature.id, error);
        }
      }
      return started;
    },
  };
}
