export function bomValidator(): (document: unknown) => string[];
export const SPDX_SCHEMA_IDS: Set<string>;
