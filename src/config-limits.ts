/**
 * The input limits of a config. Apart from config.ts (YAML and zod, to read config files) because
 * every check run needs them, with or without a config file.
 */
import type { Config } from './config.js';
import { DEFAULT_LIMITS, type IngestLimits } from './ingest/limits.js';

/** The input limits of a config: its `limits` section over {@link DEFAULT_LIMITS}. */
export function limitsOf(config: Config): IngestLimits {
  const limits: IngestLimits = { ...DEFAULT_LIMITS };
  for (const [key, value] of Object.entries(config.limits ?? {}) as [keyof IngestLimits, number | undefined][]) {
    if (value !== undefined) limits[key] = value;
  }
  return limits;
}
