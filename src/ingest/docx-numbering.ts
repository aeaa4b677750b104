/**
 * Word's automatic numbering, rendered as the text Word shows. Reports often number their
 * headings (一、 （一） 1.) with list definitions rather than typed characters; that text is not
 * in the document body, and the parser needs it to find the outline, so it is rebuilt here from
 * numbering.xml, the paragraph styles and running counters.
 */
import type { DomNode } from './grid.js';
import { elements, findDescendant, WordNames } from './wordml.js';

/** Number formats of `w:numFmt` rendered as Word shows them. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'decimal':
    case 'decimalHalfWidth':
      return String(n);
    case 'decimalZero':
      return n < 10 && n >= 0 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'upperRoman':
      return toRoman(n);
    case 'lowerRoman':
      return toRoman(n).toLowerCase();
    case 'upperLetter':
      return toLetters(n);
    case 'lowerLetter':
      return toLetters(n).toLowerCase();
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return toChineseCounting(n, '〇一二三四五六七八九', ['', '十', '百', '千']);
    case 'chineseLegalSimplified':
    case 'ideographLegalTraditional':
    case 'japaneseLegal':
      return toChineseCounting(n, '零壹贰叁肆伍陆柒捌玖', ['', '拾', '佰', '仟']);
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return String(n).replace(/\d/g, (d) => '〇一二三四五六七八九'[Number(d)] ?? d);
    case 'ideographTraditional': // 甲乙丙丁… (the ten heavenly stems)
      return n >= 1 ? ('甲乙丙丁戊己庚辛壬癸'[(n - 1) % 10] ?? String(n)) : String(n);
    case 'ideographZodiac': // 子丑寅卯… (the twelve earthly branches)
    case 'ideographZodiacTraditional':
      return n >= 1 ? ('子丑寅卯辰巳午未申酉戌亥'[(n - 1) % 12] ?? String(n)) : String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
    case 'ideographEnclosedCircle':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`;
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`;
    case 'none':
    case 'bullet':
      return '';
    default:
      return String(n);
  }
}

function toRoman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: Array<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  let rest = n;
  for (const [value, glyph] of table) {
    while (rest >= value) {
      out += glyph;
      rest -= value;
    }
  }
  return out;
}

function toLetters(n: number): string {
  // Word repeats the letter: 27 → AA, 28 → BB.
  if (n <= 0) return String(n);
  const letter = String.fromCharCode(65 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五 (digits below 10 000). */
function toChineseCounting(n: number, digits: string, units: readonly string[]): string {
  if (!Number.isInteger(n) || n < 0 || n >= 10000) return String(n);
  if (n === 0) return digits[0] ?? '0';
  const ds = String(n).split('').map(Number);
  let out = '';
  let pendingZero = false;
  ds.forEach((d, i) => {
    const unit = units[ds.length - 1 - i] ?? '';
    if (d === 0) {
      pendingZero = out !== '';
      return;
    }
    if (pendingZero) out += digits[0] ?? '';
    pendingZero = false;
    // 10–19 read 十, 十一 … without the leading 一.
    if (!(d === 1 && unit === units[1] && out === '' && ds.length === 2)) out += digits[d] ?? '';
    out += unit;
  });
  return out;
}

/**
 * The numbering text of one paragraph (`一、`), and what Word puts between it and the text
 * (`w:suff`: a tab unless the level says otherwise).
 */
export interface NumberingPrefix {
  text: string;
  suffix: 'tab' | 'space' | 'nothing';
}

interface LevelDef {
  start: number;
  numFmt: string;
  lvlText: string;
  suffix: NumberingPrefix['suffix'];
  isLgl: boolean;
  restart?: number;
  pStyle?: string;
}

interface NumDef {
  abstractId: string;
  levels: Map<number, LevelDef>;
  /** Counter set this instance uses: the abstract list's, or its own when it restarts numbering. */
  counterKey: string;
}

/** Paragraph styles (styles.xml): the numbering a style carries, following `basedOn`. */
export class Styles {
  private readonly byId = new Map<string, { basedOn?: string; numId?: string; ilvl?: number }>();

  /** @param xml the parsed styles part, or undefined when the document has none */
  constructor(xml: DomNode | undefined) {
    if (xml === undefined) return;
    const w = WordNames.of(xml);
    const top = elements(xml)[0];
    for (const style of top === undefined ? [] : elements(top)) {
      if (w.local(style) !== 'style') continue;
      const id = w.attr(style, 'styleId');
      if (id === undefined) continue;
      const entry: { basedOn?: string; numId?: string; ilvl?: number } = {};
      const basedOn = w.childVal(style, 'basedOn');
      if (basedOn !== undefined) entry.basedOn = basedOn;
      const pPr = w.child(style, 'pPr');
      const numPr = pPr === undefined ? undefined : w.child(pPr, 'numPr');
      if (numPr !== undefined) {
        const numId = w.childVal(numPr, 'numId');
        const ilvl = w.childVal(numPr, 'ilvl');
        if (numId !== undefined) entry.numId = numId;
        if (ilvl !== undefined) entry.ilvl = Number(ilvl);
      }
      this.byId.set(id, entry);
    }
  }

  /** The list a style numbers its paragraphs with, looking through `basedOn` ancestors. */
  numbering(styleId: string): { numId: string; ilvl?: number } | undefined {
    const seen = new Set<string>(); // basedOn chains can loop in damaged files
    let id: string | undefined = styleId;
    while (id !== undefined && !seen.has(id)) {
      seen.add(id);
      const style = this.byId.get(id);
      if (style === undefined) return undefined;
      if (style.numId !== undefined) return style.ilvl === undefined ? { numId: style.numId } : { numId: style.numId, ilvl: style.ilvl };
      id = style.basedOn;
    }
    return undefined;
  }

  /** The list id a style numbers with, if any. */
  numIdOf(styleId: string): string | undefined {
    return this.numbering(styleId)?.numId;
  }
}

/**
 * Word's automatic numbering: definitions from numbering.xml and the running counters. Counters
 * advance as paragraphs are asked for, so paragraphs must be asked in document order, once each.
 */
export class Numbering {
  private readonly nums = new Map<string, NumDef>();
  private readonly counters = new Map<string, (number | undefined)[]>();

  /**
   * @param xml the parsed numbering part, or undefined when the document has no lists
   * @param styles the paragraph styles, which lists and paragraphs may name instead of a list id
   */
  constructor(xml: DomNode | undefined, private readonly styles: Styles) {
    if (xml === undefined) return;
    const w = WordNames.of(xml);
    const top = elements(xml)[0];
    if (top === undefined) return;
    const abstracts = new Map<string, DomNode>();
    for (const el of elements(top)) if (w.local(el) === 'abstractNum') abstracts.set(w.attr(el, 'abstractNumId') ?? '', el);
    const numEls = elements(top).filter((el) => w.local(el) === 'num');
    const numAbstract = new Map<string, string>();
    for (const el of numEls) numAbstract.set(w.attr(el, 'numId') ?? '', w.childVal(el, 'abstractNumId') ?? '');
    for (const el of numEls) {
      const numId = w.attr(el, 'numId') ?? '';
      let abstractId = numAbstract.get(numId) ?? '';
      let abstract = abstracts.get(abstractId);
      // A list-style link: the abstract list only names a numbering style, whose numId leads to
      // the abstract list that holds the levels.
      const link = abstract === undefined ? undefined : w.childVal(abstract, 'numStyleLink');
      if (link !== undefined) {
        const linkedNum = this.styles.numIdOf(link);
        const linkedAbstract = linkedNum === undefined ? undefined : numAbstract.get(linkedNum);
        if (linkedAbstract !== undefined && abstracts.has(linkedAbstract)) {
          abstractId = linkedAbstract;
          abstract = abstracts.get(linkedAbstract);
        }
      }
      const levels = new Map<number, LevelDef>();
      for (const lvl of abstract === undefined ? [] : elements(abstract)) {
        if (w.local(lvl) === 'lvl') levels.set(Number(w.attr(lvl, 'ilvl') ?? '0'), readLevel(w, lvl));
      }
      let overridden = false;
      for (const override of elements(el).filter((c) => w.local(c) === 'lvlOverride')) {
        const ilvl = Number(w.attr(override, 'ilvl') ?? '0');
        const lvl = w.child(override, 'lvl');
        if (lvl !== undefined) levels.set(ilvl, readLevel(w, lvl));
        const start = w.childVal(override, 'startOverride');
        const base = levels.get(ilvl);
        if (start !== undefined && base !== undefined) levels.set(ilvl, { ...base, start: Number(start) });
        overridden = true;
      }
      this.nums.set(numId, { abstractId, levels, counterKey: overridden ? `num:${numId}` : `abs:${abstractId}` });
    }
  }

  /**
   * The numbering text of a paragraph, from its properties (`w:pPr`, read with `w`) and style:
   * the paragraph's own `w:numPr` wins, its style's list fills in what it leaves out. Advances
   * the counters. Undefined when the paragraph is not numbered or is a bullet.
   */
  forParagraph(w: WordNames, pPr: DomNode | undefined, styleId: string | undefined): NumberingPrefix | undefined {
    const numPr = pPr === undefined ? undefined : w.child(pPr, 'numPr');
    let numId = w.childVal(numPr, 'numId');
    const ilvlText = w.childVal(numPr, 'ilvl');
    let ilvl = ilvlText === undefined ? undefined : Number(ilvlText);
    const fromStyle = styleId === undefined ? undefined : this.styles.numbering(styleId);
    if (numId === undefined) {
      numId = fromStyle?.numId;
      ilvl ??= fromStyle?.ilvl;
    } else if (ilvl === undefined) {
      ilvl = fromStyle?.ilvl;
    }
    if (numId === undefined || numId === '0') return undefined; // numId 0 switches numbering off
    return this.next(numId, ilvl, styleId);
  }

  /**
   * The numbering text of a paragraph with list `numId` at level `ilvl` (e.g. `一、`), advancing
   * the counters as Word does. Undefined for no numbering or bullets.
   */
  private next(numId: string, ilvl: number | undefined, styleId: string | undefined): NumberingPrefix | undefined {
    const num = this.nums.get(numId);
    if (num === undefined) return undefined;
    let level = ilvl;
    if (level === undefined && styleId !== undefined) {
      // A style linked to a list level names the level in the list definition (w:lvl/w:pStyle).
      for (const [i, def] of num.levels) if (def.pStyle === styleId) level = i;
    }
    level ??= 0;
    const def = num.levels.get(level);
    if (def === undefined) return undefined;
    let counts = this.counters.get(num.counterKey);
    if (counts === undefined) {
      counts = [];
      this.counters.set(num.counterKey, counts);
    }
    const current = counts[level];
    counts[level] = current === undefined ? def.start : current + 1;
    for (let deeper = level + 1; deeper < 9; deeper++) {
      const restart = num.levels.get(deeper)?.restart;
      // lvlRestart 0 means never restart; n restarts after a level numbered below n.
      if (restart === 0) continue;
      if (restart !== undefined && level + 1 >= restart) continue;
      counts[deeper] = undefined;
    }
    if (def.numFmt === 'bullet') return undefined;
    const text = def.lvlText.replace(/%([1-9])/g, (_, k: string) => {
      const i = Number(k) - 1;
      const levelDef = num.levels.get(i);
      const value = counts?.[i] ?? levelDef?.start ?? 1;
      return formatNumber(value, def.isLgl && i !== level ? 'decimal' : (levelDef?.numFmt ?? 'decimal'));
    });
    return { text, suffix: def.suffix };
  }
}

function readLevel(w: WordNames, lvl: DomNode): LevelDef {
  const numFmtEl = w.child(lvl, 'numFmt');
  let numFmt = numFmtEl === undefined ? 'decimal' : (w.attr(numFmtEl, 'val') ?? 'decimal');
  // Word 2010+ writes some formats as mc:AlternateContent with a w:numFmt w:val="custom"
  // w:format="…" choice; the fallback element carries a plain format.
  if (numFmtEl === undefined) {
    const alt = findDescendant(lvl, (n) => w.local(n) === 'numFmt');
    if (alt !== undefined) numFmt = w.attr(alt, 'val') ?? 'decimal';
  }
  if (numFmt === 'custom') numFmt = 'decimal';
  const suff = w.childVal(lvl, 'suff');
  const restart = w.childVal(lvl, 'lvlRestart');
  const pStyle = w.childVal(lvl, 'pStyle');
  const isLglEl = w.child(lvl, 'isLgl');
  const def: LevelDef = {
    start: Number(w.childVal(lvl, 'start') ?? '1'),
    numFmt,
    lvlText: w.childVal(lvl, 'lvlText') ?? '',
    suffix: suff === 'space' || suff === 'nothing' ? suff : 'tab',
    isLgl: isLglEl !== undefined && w.attr(isLglEl, 'val') !== '0' && w.attr(isLglEl, 'val') !== 'false',
  };
  if (restart !== undefined) def.restart = Number(restart);
  if (pStyle !== undefined) def.pStyle = pStyle;
  if (Number.isNaN(def.start)) def.start = 1;
  return def;
}
