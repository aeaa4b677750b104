/**
 * The input and fetch limits of a config. Apart from config.ts (YAML and zod, to read config
 * files) because every check run needs them, with or without a config file.
 */
import type { Config } from './config.js';
import { DEFAULT_FETCH_LIMITS, type FetchLimits } from './fetch/limits.js';
import { DEFAULT_LIMITS, type IngestLimits } from './ingest/limits.js';

/** The defaults with the config's values for the keys they have. */
function over<T extends object>(defaults: Readonly<T>, config: Config): T {
  const limits = { ...defaults };
  const given = (config.limits ?? {}) as Record<string, number | undefined>;
  for (const key of Object.keys(defaults) as (keyof T & string)[]) {
    const value = given[key];
    if (value !== undefined) (limits as Record<string, unknown>)[key] = value;
  }
  return limits;
}

/** The input limits of a config: its `limits` section over {@link DEFAULT_LIMITS}. */
export function limitsOf(config: Config): IngestLimits {
  return over(DEFAULT_LIMITS, config);
}

/** The fetch limits of a config: its `limits` section over {@link DEFAULT_FETCH_LIMITS}. */
export function fetchLimitsOf(config: Config): FetchLimits {
  return over(DEFAULT_FETCH_LIMITS, config);
}
