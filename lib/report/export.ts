// The family drift report of one model for the options page's export: one row per sampled child.
import { describeLicenses, diffTraits, modelTraits } from '../drift';
import type { HubRepository } from '../hub/repository';
import { RELATIONS, type HubError } from '../hub/types';
import type { FamilyExport, FamilyExportRow } from './types';

export async function familyExport(
  repo: HubRepository,
  id: string,
): Promise<{ ok: true; data: FamilyExport } | { ok: false; error: HubError }> {
  const parentResult = await repo.getModel(id);
  const parent = parentResult.ok ? parentResult.value : parentResult.cached?.value;
  if (!parent) return { ok: false, error: (parentResult as { error: HubError }).error };
  const parentTraits = modelTraits(parent);
  const rows: FamilyExportRow[] = [];
  const families: FamilyExport['families'] = [];
  let sampled = false;
  for (const relation of RELATIONS) {
    if (!(parent.childrenCount?.[relation] ?? 0)) continue;
    const children = await repo.getChildren(parent.id, relation);
    const sample = children.ok ? children.value : children.cached?.value;
    if (!sample) continue;
    sampled ||= sample.sampled;
    families.push({ relation, sampled: sample.models.length, total: sample.total });
    for (const child of sample.models) {
      const traits = modelTraits(child);
      const diff = diffTraits(parentTraits, traits);
      rows.push({
        child: child.id,
        relation,
        license: describeLicenses(traits.licenses),
        licenseClass: traits.licenses.map((l) => l.licenseClass).join(' ') || 'unknown',
        licenseDrift: diff.license.kind,
        languages: traits.languages.join(' '),
        languageDrift: diff.languages.kind + (diff.languages.toEnglishOnly ? ' (to English only)' : ''),
        task: traits.task ?? '',
        taskMove: diff.task.kind,
        library: traits.library ?? '',
        flags: diff.flags.join(' '),
        downloads: child.downloads ?? '',
      });
    }
  }
  return { ok: true, data: { parentId: parent.id, generatedAt: new Date().toISOString(), rows, sampled, families } };
}
