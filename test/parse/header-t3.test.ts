/**
 * 表三 columns read from the header: certain only when every header word is a column name (or the
 * caption/note) and the levels fit together; anything else leaves the format's order to rows of
 * exactly seven values.
 */
import { describe, expect, it } from 'vitest';
import { planFromHeader } from '../../src/parse/header-t3.js';
import { readRows } from '../../src/parse/rows.js';
import type { SourceLine } from '../../src/model/source.js';

const rowsOf = (text: string) => readRows(text.split('\n').map((t, i) => ({ text: t, origin: { line: i + 1 } }) as SourceLine));
const plan = (text: string) => planFromHeader(rowsOf(text));

describe('表三 header plans', () => {
  it('reads the three levels of the format, 总计 first, a 小计 and a 备注', () => {
    expect(plan('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况\n\t总计\t自然人\t法人或其他组织\t备注\n\t小计\t商业企业\t科研机构\t社会公益 组织\t法律服务 机构\t其他'))
      .toEqual({ certain: true, columns: ['total', 'np', 'sub', 'biz', 'res', 'ngo', 'law', 'oth', 'skip'] });
  });

  it('reads a grid that repeats spanned names, and a merged 法人或其他组织 column', () => {
    expect(plan('| | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |')).toEqual({ certain: true, columns: ['np', 'biz', 'res', 'ngo', 'law', 'oth', 'total'] });
    expect(plan('\t自然人\t法人或其他组织\t法人或其他组织\t总计')).toEqual({ certain: true, columns: ['np', 'org', 'total'] });
  });

  it('is uncertain for cut or generic names and for levels that do not fit', () => {
    expect(plan('| 等于第三项加第四项之和） | 自然人 | 商业 | 科研 | 总计 |').certain).toBe(false);
    expect(plan('| 类别 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |').certain).toBe(false);
    // 自然人 and 总计 on one line, 法人或其他组织 alone on another: their order is unknown.
    expect(plan('法人或其他组织\n自然人    总计\n商业企业    科研机构    社会公益组织    法律服务机构    其他').certain).toBe(false);
    expect(plan('\t自然人\t商业企业\t科研机构\t总计').certain).toBe(false);
  });
});
