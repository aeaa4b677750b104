/** Finding Debian's Chromium for the browser tests (playwright-core drives it; nothing is downloaded). */
import { execSync } from 'node:child_process';

/** The Chromium to drive: `CHROMIUM_PATH`, else `chromium` or `chromium-browser` on PATH, else null. */
export function findChromium(): string | null {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execSync('command -v chromium || command -v chromium-browser', { shell: '/bin/sh', encoding: 'utf8' }).trim().split('\n')[0] || null;
  } catch {
    return null;
  }
}

/** Headless flags for a root sandbox without a GPU, and no background traffic of Chromium's own. */
export const CHROMIUM_ARGS: readonly string[] = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
