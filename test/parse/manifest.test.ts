/**
 * The values fixtures/corpus/MANIFEST.md (copied from the shared corpus, with provenance) states
 * for each real report, asserted on the parser's model: edition, year, dates, and the table cells
 * the manifest lists.
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { parseFixture } from '../helpers/examples.js';

const T3 = ['np', 'biz', 'res', 'ngo', 'law', 'oth', 'total'];
const T4 = ['keep', 'fix', 'other', 'pending', 'total'];

function row(report: Report, table: string, rowId: string, cols: string[]): (number | string | null)[] {
  return cols.map((c) => {
    const cell = report.tables[table]?.cells[`${table}.${rowId}.${c}`];
    if (!cell) return 'missing';
    return cell.state === 'number' ? cell.value : cell.state;
  });
}

interface Expectation {
  edition: string;
  year: number;
  publishedAt?: string | null;
  agency?: string;
  t3?: Record<string, (number | string)[]>;
  t4?: [(number | string)[], (number | string)[], (number | string)[]];
  cells?: Record<string, number | string>;
  unreadable?: string[];
  other?: 'single' | 'split';
}

const CORPUS: Record<string, Expectation> = {
  'corpus/text/001-huaian-city-2024.txt': {
    edition: '2021', year: 2024, publishedAt: null, agency: '淮安市人民政府', other: 'split',
    t3: { new: [3001, 53, 0, 0, 61, 4, 3119], carried_in: [34, 0, 0, 0, 0, 0, 34], 'r.total': [2932, 53, 0, 0, 61, 4, 3050], carried_out: [103, 0, 0, 0, 0, 0, 103] },
    t4: [[72, 64, 178, 37, 351], [13, 4, 8, 1, 26], [12, 1, 1, 6, 20]],
  },
  'corpus/text/002-hongze-district-2023.txt': {
    edition: '2021', year: 2023, publishedAt: null, other: 'single',
    t3: { new: [21, 0, 0, 0, 0, 0, 21], 'r.partial': [4, 0, 0, 0, 0, 0, 4], 'r.unable.1': [10, 0, 0, 0, 0, 0, 10], 'r.unable.2': [3, 0, 0, 0, 0, 0, 3], 'r.total': [21, 0, 0, 0, 0, 0, 21] },
    t4: [[10, 1, 0, 0, 0], [0, 0, 0, 0, 0], [5, 0, 0, 0, 0]],
  },
  'corpus/text/003-hongze-district-2024.txt': {
    edition: '2021', year: 2024, publishedAt: null, other: 'single',
    t4: [[1, 1, 0, 0, 2], [1, 0, 0, 0, 1], [2, 0, 1, 0, 3]],
  },
  'corpus/text/004-shuyang-county-2025.txt': {
    edition: '2021', year: 2025, publishedAt: '2026-01-23', other: 'split',
    t3: { new: [705, 3, 0, 0, 5, 0, 713], carried_in: [36, 0, 0, 0, 0, 0, 36], 'r.total': [710, 3, 0, 0, 5, 0, 718], carried_out: [31, 0, 0, 0, 0, 0, 31] },
    t4: [[27, 10, 9, 15, 61], [3, 0, 0, 0, 3], [8, 0, 1, 1, 10]],
  },
  'corpus/text/005-shanghai-stcsm-2024.txt': {
    edition: '2021', year: 2024, publishedAt: null, other: 'split',
    t3: {
      new: [32, 2, 0, 0, 0, 0, 34], carried_in: [2, 0, 0, 0, 0, 0, 2], 'r.grant': [9, 0, 0, 0, 0, 0, 9], 'r.deny.5': [1, 0, 0, 0, 0, 0, 1], 'r.deny.6': [1, 0, 0, 0, 0, 0, 1],
      'r.unable.1': [4, 0, 0, 0, 0, 0, 4], 'r.unable.2': [6, 0, 0, 0, 0, 0, 6], 'r.other.1': [8, 2, 0, 0, 0, 0, 10], 'r.other.3': [4, 0, 0, 0, 0, 0, 4],
      'r.total': [33, 2, 0, 0, 0, 0, 35], carried_out: [1, 0, 0, 0, 0, 0, 'blank'],
    },
    t4: [[1, 0, 0, 0, 1], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]],
  },
  'corpus/text/006-shanghai-gov-office-2025.txt': {
    edition: '2021', year: 2025, publishedAt: null, other: 'split', unreadable: ['t2.a1.reg', 't2.a1.norm'],
    t3: { new: [1259, 36, 0, 0, 0, 0, 1295], carried_in: [170, 15, 0, 0, 4, 0, 189], 'r.total': [1139, 48, 0, 0, 4, 0, 1191], carried_out: [290, 3, 0, 0, 0, 0, 293] },
    t4: [[40, 0, 10, 5, 55], [2, 0, 4, 6, 12], [6, 0, 9, 7, 22]],
  },
  'corpus/text/010-pingtan-2021.txt': {
    edition: '2021', year: 2021, publishedAt: '2022-02-08', other: 'split', unreadable: ['t2.a1.norm'],
    t3: { new: [64, 0, 0, 2, 0, 4, 70], 'r.grant': [27, 0, 0, 2, 0, 1, 30], 'r.unable.1': [22, 0, 0, 0, 0, 3, 25], 'r.total': [63, 0, 0, 2, 0, 4, 69] },
    t4: [[1, 0, 2, 0, 3], [12, 0, 0, 0, 12], [0, 0, 0, 0, 0]],
    cells: { 't2.a8.fee.amount_wan': 24252.311082, 't2.a1.reg.made': 0 },
  },
  'corpus/text/013-pingtan-2024.txt': {
    edition: '2021', year: 2024, publishedAt: '2025-03-10', other: 'split',
    t3: { new: [217, 1, 0, 0, 0, 0, 218], 'r.total': [217, 1, 0, 0, 0, 0, 218] },
    t4: [[2, 1, 3, 1, 7], [0, 0, 0, 0, 0], [13, 2, 4, 0, 19]],
    cells: { 't2.a1.norm.made': 62 },
  },
  'corpus/text/015-pingtan-county-2011.txt': {
    edition: '2008', year: 2011, publishedAt: '2012-04-18',
    cells: { 'stat.p.v': 425, 'stat.p.cum': 1516, 'stat.p.web.v': 418, 'stat.p.web.cum': 1509, 'stat.p.gaz.v': 7, 'stat.p.gaz.cum': 7, 'stat.a.v': 0, 'stat.r.v': 0 },
  },
  'corpus/text/018-pingtan-zone-2012.txt': {
    edition: '2008', year: 2012, publishedAt: '2013-02-25',
    cells: { 'stat.p.v': 739, 'stat.p.cum': 4359, 'stat.p.web.v': 739, 'stat.p.web.cum': 4359 },
  },
  'corpus/text/023-shuyang-county-fgj-2023.txt': {
    edition: '2021', year: 2023, publishedAt: '2024-01-17', agency: '沭阳县发展和改革局', other: 'split',
    t3: { new: [26, 'blank', 'blank', 'blank', 'blank', 'blank', 26], 'r.total': [26, 'blank', 'blank', 'blank', 'blank', 'blank', 26] },
    t4: [[0, 0, 0, 1, 1], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]],
  },
  'seeds/000-jiangyou-2017.txt': {
    edition: '2008', year: 2017, publishedAt: '2018-02-27',
    cells: { 'stat.p1.v': 137, 'stat-items.total.v': 137, 'stat-items.c1.v': 1, 'stat-items.c4.v': 106, 'stat-items.c8.v': 119 },
  },
  'seeds/001-linzi-2017.txt': { edition: '2008', year: 2017, publishedAt: '2018-03-15', cells: { 'stat.p1.v': 67, 'stat.p2.2.v': 67, 'stat.p1a.v': 'blank', 'stat.org.3.2.v': 1 } },
  'seeds/002-kejiju-2016.txt': { edition: '2008', year: 2016 },
  'seeds/003-ankang-2018.txt': {
    edition: '2008', year: 2018, publishedAt: null,
    cells: { 'stat.p1.v': 1267, 'stat.p1a.v': 36, 'stat.p1b.v': 0, 'stat.p2.2.v': 588, 'stat.p2.3.v': 264, 'stat.p2.5.v': 379, 'stat.org.3.v': 'blank', 'stat.org.3.2.v': 2 },
  },
  'seeds/004-wanyuan-2019.txt': {
    edition: '2019', year: 2019, publishedAt: null, other: 'single',
    cells: { 't2.a5.permit.prev_items': 3, 't2.a5.permit.decisions': 12, 't2.a6.penalty.prev_items': 14, 't2.a9.procure.items': 1, 't2.a9.procure.amount': 1950 },
    t4: [[0, 0, 0, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]],
  },
};

describe('parser against MANIFEST.md', () => {
  for (const [file, exp] of Object.entries(CORPUS)) {
    it(file, () => {
      const report = parseFixture(`fixtures/${file}`);
      expect(report.meta.edition).toBe(exp.edition);
      expect(report.meta.year).toBe(exp.year);
      if (exp.publishedAt !== undefined) expect(report.meta.publishedAt?.iso ?? null).toBe(exp.publishedAt);
      if (exp.agency) expect(report.meta.agency?.name).toBe(exp.agency);
      for (const [rowId, values] of Object.entries(exp.t3 ?? {})) expect(row(report, 't3', rowId, T3)).toEqual(values);
      if (exp.t4) expect(['rev', 'lit_direct', 'lit_after'].map((g) => row(report, 't4', g, T4))).toEqual(exp.t4);
      for (const [id, value] of Object.entries(exp.cells ?? {})) {
        const cell = report.tables[id.startsWith('stat-items') ? 'stat-items' : id.slice(0, id.indexOf('.'))]?.cells[id];
        expect(cell ? (cell.state === 'number' ? cell.value : cell.state) : 'missing', id).toBe(value);
      }
      for (const id of exp.unreadable ?? []) {
        const [table, ...rest] = id.split('.');
        expect(report.tables[table!]?.unreadable.map((u) => u.row)).toContain(rest.join('.'));
      }
      if (exp.other) expect(report.tables.t3?.variant).toBe(exp.other === 'single' ? 'other-single' : 'other-split');
      if (exp.t3) expect(report.tables.t3?.rows.length).toBe(exp.other === 'single' ? 23 : 25);
    });
  }
});
