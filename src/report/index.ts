/** The formatter registry. */
import { formatJson } from './json.js';
import { formatStylish } from './stylish.js';
import type { Formatter } from './types.js';

/** Formatters by name. */
export const FORMATTERS = { stylish: formatStylish, json: formatJson } as const satisfies Record<string, Formatter>;

/** A formatter name. */
export type FormatterName = keyof typeof FORMATTERS;

export { summarize, type FormatOptions, type ResultEntry, type Summary } from './types.js';
