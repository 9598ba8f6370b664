// The duties a derivative can owe an upstream license, and their short names. Kept free of imports: the
// panel and badges (content script) show these labels without loading the catalogue (obligations.ts).

export const OBLIGATION_KEYS = [
  'license-copy',
  'notice',
  'attribution',
  'name-prefix',
  'acceptable-use',
  'use-restrictions',
  'same-license',
  'non-commercial',
  'modification-notice',
] as const;
export type ObligationKey = (typeof OBLIGATION_KEYS)[number];

/** Short names of the duties, for lists and badges. */
export const OBLIGATION_LABELS: Readonly<Record<ObligationKey, string>> = {
  'license-copy': 'copy of the license',
  notice: 'required notice',
  attribution: 'attribution display',
  'name-prefix': 'name prefix',
  'acceptable-use': 'acceptable-use policy',
  'use-restrictions': 'use restrictions passed down',
  'same-license': 'same license',
  'non-commercial': 'non-commercial terms',
  'modification-notice': 'modification notice',
};
