import { ask } from '../../lib/messages';

/**
 * Tells the background to re-read the settings. The settings are already stored, so when the
 * background is not running it reads them on its next start: a failure here changes nothing.
 */
export async function settingsChanged(): Promise<void> {
  try {
    await ask('settings-changed', {});
  } catch {
    // Nothing to do (see above).
  }
}
