/**
 * zod, with its validation messages in Chinese: rule packs, config, waiver, baseline and manifest
 * files are written by the same people who read the findings. Every module that validates with
 * zod imports it from here. The CLI loads those modules only when it has such a file to read
 * (issue #9), so the locale cannot be left to whichever module happened to be loaded first.
 */
import * as z from 'zod';

z.config(z.locales.zhCN());

export { z };
