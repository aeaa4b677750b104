/**
 * The ruling lines of a PDF page (table borders), read from its drawing operators.
 *
 * PDF producers draw cell borders in two ways: as stroked lines (`m`/`l` + `S`, or stroked
 * rectangles) and as thin filled rectangles (`re` + `f`: Word, WPS and Chromium's Skia backend
 * draw every border piece this way). Both become axis-aligned segments in page coordinates (top-left
 * origin, y downwards, the space pdf.js text positions are mapped to through the viewport). Curves,
 * clipping paths and anything painted white (cell backgrounds, erasers) are not rulings.
 *
 * pdf.js 5 hands paths over as one `constructPath` operator per painted path, with arguments
 * `[paintOp, [Float32Array of DrawOPS], minMax]`: the path is a flat list of `moveTo x y`,
 * `lineTo x y`, `curveTo x1 y1 x2 y2 x y`, `quadraticCurveTo x1 y1 x y` and `closePath` codes in
 * user space (rectangles already expanded to moveTo/lineTo/closePath), so the current transform
 * matrix must be tracked through `save`/`restore`/`transform` and form XObjects.
 */
import { PDF_OPS as OPS, transformMatrix } from './pdf-ops.js';

/** An axis-aligned ruling segment in page coordinates: `pos` across, `from`–`to` along it. */
export interface Segment {
  /** y of a horizontal segment, x of a vertical one. */
  pos: number;
  from: number;
  to: number;
}

/** The horizontal and vertical rulings of a page. */
export interface Rulings {
  horizontal: Segment[];
  vertical: Segment[];
}

/** The parts of pdf.js's operator list read here. */
export interface OperatorList {
  fnArray: ArrayLike<number>;
  argsArray: ArrayLike<unknown>;
}

type Matrix = [number, number, number, number, number, number];

// pdf.js's DrawOPS codes inside a constructPath buffer.
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUAD_TO = 3;
const CLOSE = 4;

/** A border thicker than this (page units) is a shaded area, not a line. */
const MAX_THICKNESS = 3;
/** Pieces shorter than this are dots, glyph parts or dashes, not borders. */
const MIN_LENGTH = 1.5;
/** How far from axis-aligned a segment may be and still count. */
const SKEW = 0.5;

const FILL_OPS = new Set<number>([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
const STROKE_OPS = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);

function asMatrix(value: unknown): Matrix | null {
  if (!Array.isArray(value) && !ArrayBuffer.isView(value)) return null;
  const m = Array.from(value as ArrayLike<unknown>).map(Number);
  if (m.length < 6 || m.some((n) => !Number.isFinite(n))) return null;
  return [m[0] ?? 1, m[1] ?? 0, m[2] ?? 0, m[3] ?? 1, m[4] ?? 0, m[5] ?? 0];
}

/** Near-white paint (`#f0f0f0` and lighter; pdf.js gives colours as `#rrggbb`) shows nothing on paper. */
function isWhite(color: unknown): boolean {
  return typeof color === 'string' && /^#f[0-9a-f]f[0-9a-f]f[0-9a-f]$/i.test(color);
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5]];
}

/** The subpaths of a DrawOPS buffer as point lists (curves reduced to their end points, flagged). */
function subpaths(buffer: ArrayLike<number>): { points: [number, number][]; closed: boolean; curved: boolean }[] {
  const out: { points: [number, number][]; closed: boolean; curved: boolean }[] = [];
  let current: { points: [number, number][]; closed: boolean; curved: boolean } | null = null;
  const at = (i: number): number => Number(buffer[i] ?? 0);
  for (let i = 0; i < buffer.length;) {
    const op = at(i++);
    if (op === MOVE_TO) {
      current = { points: [[at(i), at(i + 1)]], closed: false, curved: false };
      out.push(current);
      i += 2;
    } else if (op === LINE_TO) {
      if (current === null) {
        current = { points: [], closed: false, curved: false };
        out.push(current);
      }
      current.points.push([at(i), at(i + 1)]);
      i += 2;
    } else if (op === CURVE_TO || op === QUAD_TO) {
      const n = op === CURVE_TO ? 6 : 4;
      if (current !== null) {
        current.curved = true;
        current.points.push([at(i + n - 2), at(i + n - 1)]);
      }
      i += n;
    } else if (op === CLOSE) {
      if (current !== null) current.closed = true;
    } else {
      break; // unknown code: the rest of the buffer cannot be decoded
    }
  }
  return out;
}

/**
 * Adds the segment from `a` to `b` (page coordinates) when it is horizontal or vertical and long
 * enough to be a border piece.
 */
function addLine(out: Rulings, a: [number, number], b: [number, number]): void {
  const [x1, y1] = a;
  const [x2, y2] = b;
  if (Math.abs(y1 - y2) <= SKEW && Math.abs(x1 - x2) >= MIN_LENGTH) {
    out.horizontal.push({ pos: (y1 + y2) / 2, from: Math.min(x1, x2), to: Math.max(x1, x2) });
  } else if (Math.abs(x1 - x2) <= SKEW && Math.abs(y1 - y2) >= MIN_LENGTH) {
    out.vertical.push({ pos: (x1 + x2) / 2, from: Math.min(y1, y2), to: Math.max(y1, y2) });
  }
}

/**
 * A filled subpath that is an axis-aligned rectangle thin in one direction is a border: its
 * centre line is the ruling. Larger filled rectangles (cell shading) are not.
 */
function addFilledBar(out: Rulings, points: readonly [number, number][]): void {
  if (points.length < 3 || points.length > 5) return;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  // Every corner must sit on the bounding box's corners, or the shape is not a rectangle.
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const onBox = points.every(([x, y]) => (Math.abs(x - x0) <= SKEW || Math.abs(x - x1) <= SKEW) && (Math.abs(y - y0) <= SKEW || Math.abs(y - y1) <= SKEW));
  if (!onBox) return;
  const w = x1 - x0;
  const h = y1 - y0;
  if (h <= MAX_THICKNESS && w >= MIN_LENGTH && w > h) out.horizontal.push({ pos: (y0 + y1) / 2, from: x0, to: x1 });
  else if (w <= MAX_THICKNESS && h >= MIN_LENGTH && h > w) out.vertical.push({ pos: (x0 + x1) / 2, from: y0, to: y1 });
}

/**
 * Reads the rulings of one page from its operator list. `base` maps PDF user space to page
 * coordinates (pdf.js's `viewport.transform`). Never throws on odd operator arguments: what cannot be
 * read is skipped.
 */
export function extractRulings(ops: OperatorList, base: readonly number[]): Rulings {
  const out: Rulings = { horizontal: [], vertical: [] };
  let ctm = asMatrix(base) ?? [1, 0, 0, 1, 0, 0];
  let fill: unknown = '#000000';
  let stroke: unknown = '#000000';
  let lineWidth = 1;
  const stack: { ctm: Matrix; fill: unknown; stroke: unknown; lineWidth: number }[] = [];
  const push = (): void => {
    stack.push({ ctm, fill, stroke, lineWidth });
  };
  const pop = (): void => {
    const state = stack.pop();
    if (state !== undefined) ({ ctm, fill, stroke, lineWidth } = state);
  };
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i];
    const list = Array.isArray(args) ? (args as unknown[]) : [];
    switch (fn) {
      case OPS.save:
        push();
        break;
      case OPS.restore:
        pop();
        break;
      case OPS.transform: {
        const m = asMatrix(list);
        if (m !== null) ctm = transformMatrix(ctm, m);
        break;
      }
      case OPS.paintFormXObjectBegin: {
        // A form XObject runs in its own graphics state, under its /Matrix.
        push();
        const m = asMatrix(list[0]);
        if (m !== null) ctm = transformMatrix(ctm, m);
        break;
      }
      case OPS.paintFormXObjectEnd:
        pop();
        break;
      case OPS.setFillRGBColor:
        fill = list[0];
        break;
      case OPS.setStrokeRGBColor:
        stroke = list[0];
        break;
      case OPS.setLineWidth:
        lineWidth = Number(list[0] ?? 1);
        break;
      case OPS.constructPath: {
        const paint = Number(list[0]);
        const filled = FILL_OPS.has(paint) && !isWhite(fill);
        // A stroked line is a border only when it is a line, not a heavy bar.
        const scale = Math.sqrt(Math.abs(ctm[0] * ctm[3] - ctm[1] * ctm[2])) || 1;
        const stroked = STROKE_OPS.has(paint) && !isWhite(stroke) && lineWidth * scale <= MAX_THICKNESS * 2;
        if (!filled && !stroked) break;
        const holder = list[1];
        const buffer = Array.isArray(holder) ? (holder[0] as unknown) : undefined;
        if (buffer === null || buffer === undefined || (!ArrayBuffer.isView(buffer) && !Array.isArray(buffer))) break;
        for (const sub of subpaths(buffer as ArrayLike<number>)) {
          if (sub.curved) continue;
          const points = sub.points.map(([x, y]) => apply(ctm, x, y));
          if (filled) addFilledBar(out, points);
          if (stroked) {
            for (let k = 1; k < points.length; k++) addLine(out, points[k - 1] as [number, number], points[k] as [number, number]);
            const first = points[0];
            const last = points.at(-1);
            if (sub.closed && first !== undefined && last !== undefined && points.length > 2) addLine(out, last, first);
          }
        }
        break;
      }
      default:
        break;
    }
  }
  return out;
}
