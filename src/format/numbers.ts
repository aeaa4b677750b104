import type { CellState } from '../model/report.js';
import { fold } from './normalize.js';

/** What a table cell's text was read as. */
export interface CellReading {
  state: CellState;
  value: number | null;
  unit?: string;
  decimals?: number;
}

const DASHES = /^(?:[-—–－─━‐‑‒―−]+|\/|／|\\|×|x|X|\*)$/;
const NOT_APPLICABLE = /^(?:不适用|无|暂无|没有|—无—)$/;
const UNITS = '万元|亿元|元|件|条|个|次|人次|人|篇|期|份|项|家|场|%|‰';
/**
 * A signed number with an optional unit. The sign may be ASCII (`-`, and `－` once folded) or the
 * minus sign U+2212 `−` that word processors print: either makes the count negative.
 */
const NUMBER_WITH_UNIT = new RegExp(`^([+\\-−]?)((?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?)\\s*(${UNITS})?$`);

/**
 * Reads a table cell's text: a number (thousands separators, decimals, a sign, an optional unit
 * such as 万元 or 件), a blank, a dash, 不适用/无, or text. Never guesses: anything else is `text`.
 */
export function readCell(raw: string): CellReading {
  // A copy is returned, so a caller that changes its reading cannot change the next one.
  return { ...sharedReading(raw) };
}

/**
 * {@link readCell}'s reading, not copied: for the parser's own callers, which only read it.
 * Cell texts repeat a lot (0, 1, 空, —): each distinct text is read once.
 */
export function sharedReading(raw: string): Readonly<CellReading> {
  const memo = cellMemo.get(raw);
  if (memo !== undefined) return memo;
  const reading = readCellText(raw);
  if (raw.length <= 40) {
    // As many as the parser's caches of texts keep (TEXTS_KEPT in parse/memo.ts, which says why).
    if (cellMemo.size > 2_000) cellMemo.clear();
    cellMemo.set(raw, reading);
  }
  return reading;
}

const cellMemo = new Map<string, CellReading>();

function readCellText(raw: string): CellReading {
  const text = fold(raw).replace(/\s+/g, ' ').trim();
  if (text === '') return { state: 'blank', value: null };
  if (DASHES.test(text)) return { state: 'dash', value: null };
  if (NOT_APPLICABLE.test(text)) return { state: 'na', value: null };
  const compact = text.replace(/(\d)\s+(?=[万亿元件条个次人篇期份项家场%‰])/g, '$1');
  const m = NUMBER_WITH_UNIT.exec(compact);
  if (m) {
    const digits = m[2]!.replace(/,/g, '');
    const value = Number(digits) * (m[1] === '-' || m[1] === '−' ? -1 : 1);
    if (!Number.isFinite(value)) return { state: 'text', value: null };
    const reading: CellReading = { state: 'number', value };
    if (m[3]) reading.unit = m[3];
    const dot = digits.indexOf('.');
    if (dot >= 0) reading.decimals = digits.length - dot - 1;
    return reading;
  }
  return { state: 'text', value: null };
}

/** True when a cell's text is a value (number, blank, dash or 不适用), not a label. */
export function isValueText(raw: string): boolean {
  return sharedReading(raw).state !== 'text';
}

const CN_DIGIT: Record<string, number> = {
  零: 0, 〇: 0, '○': 0, O: 0, 一: 1, 壹: 1, 二: 2, 两: 2, 贰: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const CN_UNIT: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

/**
 * Reads a Chinese numeral: positional (十二, 一百二十, 三千零五, 两万) or digit by digit (二○一二).
 * Returns null for anything else.
 */
export function parseChineseNumber(text: string): number | null {
  const s = text.trim();
  if (s === '') return null;
  if ([...s].every((ch) => ch in CN_DIGIT) && s.length > 1) {
    return Number([...s].map((ch) => CN_DIGIT[ch]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of s) {
    if (ch in CN_DIGIT) digit = CN_DIGIT[ch]!;
    else if (ch in CN_UNIT) {
      section += (digit ?? 1) * CN_UNIT[ch]!;
      digit = null;
    } else if (ch === '万' || ch === '亿') {
      total += (section + (digit ?? 0)) * (ch === '万' ? 10_000 : 100_000_000);
      section = 0;
      digit = null;
    } else return null;
  }
  return total + section + (digit ?? 0);
}
