/** A list of cells as a message value, cut short with the kind's shared message `cells-more`. */
import { cellList } from '../format/labels.js';
import type { MessageValue } from './message.js';

/**
 * The cells named (at most `max`, each table's name once), or, when there are more, the shared
 * message `cells-more` with the named ones as `cells` and how many there are as `count` (等 N 格).
 * A kind that passes such a value declares `cells-more: [cells, count]` among its shared messages.
 */
export function cellListValue(ids: readonly string[], separator: string, max: number): MessageValue {
  const shown = cellList(ids.slice(0, max), separator);
  return ids.length > max ? { message: 'cells-more', vars: { cells: shown, count: ids.length } } : shown;
}
