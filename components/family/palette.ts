// Colours of the explorer's tree and figures. Concrete values (not CSS variables) so an exported SVG or
// PNG looks the same outside the page; mid-tone colours that read on light and dark backgrounds.
import type { EdgeLicenseChange, LicenseClassOrNone } from '../../lib/drift/family-figures';

export const CLASS_COLOR: Record<LicenseClassOrNone, string> = {
  permissive: '#16a34a',
  'permissive-attribution': '#65a30d',
  'weak-copyleft': '#0891b2',
  'strong-copyleft': '#2563eb',
  'use-restricted': '#7c3aed',
  'custom-commercial': '#d97706',
  'non-commercial': '#dc2626',
  'no-derivatives': '#9f1239',
  'research-only': '#be185d',
  unknown: '#9ca3af',
  none: '#6b7280',
};

export const CHANGE_STYLE: Record<EdgeLicenseChange, { color: string; dash?: string; width: number; mark: string; label: string }> = {
  relaxed: { color: '#dc2626', dash: '6 3', width: 2, mark: '!', label: 'license relaxed' },
  tightened: { color: '#2563eb', width: 2, mark: '+', label: 'license tightened' },
  same: { color: '#9ca3af', width: 1, mark: '', label: 'same restriction' },
  unknown: { color: '#9ca3af', dash: '1 3', width: 1, mark: '?', label: 'unknown' },
};
