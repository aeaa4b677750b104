/** The editions of the format and the years they apply to. */
import type { Edition } from '../model/report.js';

/** The edition a year's report should use. */
export function editionForYear(year: number): Edition {
  return year >= 2021 ? '2021' : year >= 2019 ? '2019' : '2008';
}
