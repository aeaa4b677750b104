/**
 * The canonical tables of each report format, as data: ids, the labels the format prints, and
 * accepted variants. The parser maps whatever layout a report uses onto these; rules refer to the
 * ids only. Sources: formats.md §2.4–2.6 (national formats, verified) and §3 (2008-regime tables;
 * the local variants are those seen in real reports).
 */
import type { Edition } from '../model/report.js';

/** A row of a canonical table. */
export interface RowDef {
  /** Row id, unique within the table, e.g. `r.deny.1`. */
  id: string;
  /** The label as the format prints it. */
  label: string;
  /** Other wordings and known misprints accepted for this row. */
  aliases?: readonly string[];
  /** A header row: it labels a group and holds no values. */
  header?: boolean;
  /** Rows that only some variants have; their absence is not a defect. */
  optional?: boolean;
  /** The unit the row counts in, when the format states one. */
  unit?: string;
  /**
   * A row some provinces added to the national form (5.电子邮件申请数, 7.微信申请数): read and
   * summed where it stands, but not part of the form's own list of parts (2008 统计表).
   */
  local?: boolean;
  /**
   * Not a printed row: the place of rows the form does not list inside a group of parts, never
   * matched by label (2008 统计表; see {@link TableDef.sumGroups}).
   */
  unlisted?: boolean;
}

/** A column of a canonical table. */
export interface ColDef {
  id: string;
  label: string;
  aliases?: readonly string[];
}

/** A canonical table: the unit of mapping and of rule cell ids (`<table>.<row>.<col>`). */
export interface TableDef {
  id: string;
  variant: string;
  /** Chinese name used in messages, e.g. `表三（收到和处理政府信息公开申请情况）`. */
  label: string;
  editions: readonly Edition[];
  rows: readonly RowDef[];
  cols: readonly ColDef[];
  /**
   * Rows whose parts (the rows `<id>.<part>`) add up to them (2008 统计表): a printed row inside
   * such a group that the definition does not know, or a list of parts that is not complete,
   * makes the group's sum "cannot check".
   */
  sumGroups?: readonly string[];
}

// ---------------------------------------------------------------- 表三 (2019 and 2021)

/** 申请人情况 columns of 表三, in the format's order (formats.md §2.5). */
export const T3_COLS: readonly ColDef[] = [
  { id: 'np', label: '自然人' },
  { id: 'biz', label: '商业企业' },
  { id: 'res', label: '科研机构' },
  { id: 'ngo', label: '社会公益组织' },
  { id: 'law', label: '法律服务机构' },
  { id: 'oth', label: '其他' },
  { id: 'total', label: '总计' },
];

const T3_COMMON_HEAD: readonly RowDef[] = [
  { id: 'new', label: '一、本年新收政府信息公开申请数量' },
  { id: 'carried_in', label: '二、上年结转政府信息公开申请数量' },
  { id: 'r.grant', label: '（一）予以公开' },
  { id: 'r.partial', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' },
  { id: 'r.deny.1', label: '1.属于国家秘密' },
  { id: 'r.deny.2', label: '2.其他法律行政法规禁止公开', aliases: ['2.其他法律行政止公开', '2.其他法律、行政法规禁止公开'] },
  { id: 'r.deny.3', label: '3.危及“三安全一稳定”' },
  { id: 'r.deny.4', label: '4.保护第三方合法权益' },
  { id: 'r.deny.5', label: '5.属于三类内部事务信息' },
  { id: 'r.deny.6', label: '6.属于四类过程性信息' },
  { id: 'r.deny.7', label: '7.属于行政执法案卷' },
  { id: 'r.deny.8', label: '8.属于行政查询事项' },
  { id: 'r.unable.1', label: '1.本机关不掌握相关政府信息' },
  { id: 'r.unable.2', label: '2.没有现成信息需要另行制作' },
  { id: 'r.unable.3', label: '3.补正后申请内容仍不明确' },
  { id: 'r.reject.1', label: '1.信访举报投诉类申请' },
  { id: 'r.reject.2', label: '2.重复申请' },
  { id: 'r.reject.3', label: '3.要求提供公开出版物' },
  { id: 'r.reject.4', label: '4.无正当理由大量反复申请' },
  { id: 'r.reject.5', label: '5.要求行政机关确认或重新出具已获取信息' },
];

const T3_TAIL: readonly RowDef[] = [
  { id: 'r.total', label: '（七）总计' },
  { id: 'carried_out', label: '四、结转下年度继续办理' },
];

/** （六）其他处理 as one data row (2019 format). */
export const T3_OTHER_SINGLE: readonly RowDef[] = [{ id: 'r.other', label: '（六）其他处理' }];

/** （六）其他处理 split into three rows (2021 format). */
export const T3_OTHER_SPLIT: readonly RowDef[] = [
  { id: 'r.other.1', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请' },
  { id: 'r.other.2', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请' },
  { id: 'r.other.3', label: '3.其他' },
];

/** Group labels of 表三 that span rows and hold no values. */
export const T3_GROUP_LABELS: readonly string[] = [
  '三、本年度办理结果', '（三）不予公开', '（四）无法提供', '（五）不予处理', '（六）其他处理', '申请人情况', '法人或其他组织',
];

/**
 * Subtotal rows some reports add under a group of 表三 (（三）不予公开 小计 …). They are read and
 * checked against their group's rows, never required; their ids stay outside the groups' globs
 * (`r.deny.*` does not match `r.deny_sub`).
 */
export const T3_SUBTOTAL_ROWS: readonly (RowDef & { group: 'deny' | 'unable' | 'reject' | 'other'; groupLabel: string })[] = [
  { id: 'r.deny_sub', label: '（三）不予公开 小计', group: 'deny', groupLabel: '不予公开' },
  { id: 'r.unable_sub', label: '（四）无法提供 小计', group: 'unable', groupLabel: '无法提供' },
  { id: 'r.reject_sub', label: '（五）不予处理 小计', group: 'reject', groupLabel: '不予处理' },
  { id: 'r.other_sub', label: '（六）其他处理 小计', group: 'other', groupLabel: '其他处理' },
];

/** 表三 with （六）其他处理 in the given layout. */
export function t3Def(other: 'single' | 'split'): TableDef {
  return {
    id: 't3',
    variant: other === 'single' ? 'other-single' : 'other-split',
    label: '表三（收到和处理政府信息公开申请情况）',
    editions: ['2019', '2021'],
    rows: [...T3_COMMON_HEAD, ...(other === 'single' ? T3_OTHER_SINGLE : T3_OTHER_SPLIT), ...T3_TAIL],
    cols: T3_COLS,
  };
}

// ---------------------------------------------------------------- 表四

/** 表四 groups (one row each) and their five columns, in the format's order (formats.md §2.6). */
export const T4_DEF: TableDef = {
  id: 't4',
  variant: 'standard',
  label: '表四（政府信息公开行政复议、行政诉讼情况）',
  editions: ['2019', '2021'],
  rows: [
    { id: 'rev', label: '行政复议', aliases: ['行政法复议'] },
    { id: 'lit_direct', label: '行政诉讼（未经复议直接起诉）' },
    { id: 'lit_after', label: '行政诉讼（复议后起诉）' },
  ],
  cols: [
    { id: 'keep', label: '结果维持' },
    { id: 'fix', label: '结果纠正' },
    { id: 'other', label: '其他结果' },
    { id: 'pending', label: '尚未审结' },
    { id: 'total', label: '总计' },
  ],
};

// ---------------------------------------------------------------- 表二

/** A sub-table of 表二 (one 第二十条 item). */
export interface T2ItemDef {
  item: 'a1' | 'a5' | 'a6' | 'a8' | 'a9';
  /** The caption, e.g. 第二十条第（一）项. */
  caption: string;
  rows: readonly RowDef[];
  cols: readonly ColDef[];
  /**
   * Rows whose parts (the rows `<id>.<part>`) add up to them (2008 统计表): a printed row inside
   * such a group that the definition does not know, or a list of parts that is not complete,
   * makes the group's sum "cannot check".
   */
  sumGroups?: readonly string[];
}

const DECISIONS_2021: readonly ColDef[] = [{ id: 'decisions', label: '本年处理决定数量' }];
const ITEMS_2019: readonly ColDef[] = [
  { id: 'prev_items', label: '上一年项目数量' },
  { id: 'delta', label: '本年增/减' },
  { id: 'decisions', label: '处理决定数量' },
];

/** 表二 sub-tables per edition (formats.md §2.4.1 and §2.4.2). */
export const T2_ITEMS: Readonly<Record<'2019' | '2021', readonly T2ItemDef[]>> = {
  '2021': [
    {
      item: 'a1', caption: '第二十条第（一）项',
      rows: [{ id: 'reg', label: '规章' }, { id: 'norm', label: '行政规范性文件', aliases: ['规范性文件'] }],
      cols: [
        { id: 'made', label: '本年制发件数' },
        { id: 'repealed', label: '本年废止件数' },
        { id: 'valid', label: '现行有效件数' },
      ],
    },
    { item: 'a5', caption: '第二十条第（五）项', rows: [{ id: 'permit', label: '行政许可' }], cols: DECISIONS_2021 },
    {
      item: 'a6', caption: '第二十条第（六）项',
      rows: [{ id: 'penalty', label: '行政处罚' }, { id: 'coercion', label: '行政强制' }],
      cols: DECISIONS_2021,
    },
    {
      item: 'a8', caption: '第二十条第（八）项',
      rows: [{ id: 'fee', label: '行政事业性收费' }],
      cols: [{ id: 'amount_wan', label: '本年收费金额（单位：万元）' }],
    },
  ],
  '2019': [
    {
      item: 'a1', caption: '第二十条第（一）项',
      rows: [{ id: 'reg', label: '规章' }, { id: 'norm', label: '规范性文件', aliases: ['行政规范性文件'] }],
      cols: [
        { id: 'new_made', label: '本年新制作数量' },
        { id: 'new_pub', label: '本年新公开数量' },
        { id: 'pub_total', label: '对外公开总数量' },
      ],
    },
    {
      item: 'a5', caption: '第二十条第（五）项',
      rows: [{ id: 'permit', label: '行政许可' }, { id: 'other_service', label: '其他对外管理服务事项' }],
      cols: ITEMS_2019,
    },
    {
      item: 'a6', caption: '第二十条第（六）项',
      rows: [{ id: 'penalty', label: '行政处罚' }, { id: 'coercion', label: '行政强制' }],
      cols: ITEMS_2019,
    },
    {
      item: 'a8', caption: '第二十条第（八）项',
      rows: [{ id: 'fee', label: '行政事业性收费' }],
      cols: [{ id: 'prev_items', label: '上一年项目数量' }, { id: 'delta', label: '本年增/减' }],
    },
    {
      item: 'a9', caption: '第二十条第（九）项',
      rows: [{ id: 'procure', label: '政府集中采购' }],
      cols: [{ id: 'items', label: '采购项目数量' }, { id: 'amount', label: '采购总金额' }],
    },
  ],
};

/** Column labels that only one edition's 表二 uses: evidence for the edition. */
export const T2_EDITION_MARKERS: Readonly<Record<'2019' | '2021', readonly string[]>> = {
  '2021': ['本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '本年收费金额'],
  '2019': ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增/减', '采购项目数量', '采购总金额'],
};

/** Label used in messages for the whole of 表二. */
export const T2_LABEL = '表二（主动公开政府信息情况）';

// ---------------------------------------------------------------- 2008-regime 统计表

const h = (id: string, label: string, extra: Partial<RowDef> = {}): RowDef => ({ id, label, header: true, optional: true, ...extra });
const r = (id: string, label: string, extra: Partial<RowDef> = {}): RowDef => ({ id, label, ...extra });
const o = (id: string, label: string, extra: Partial<RowDef> = {}): RowDef => ({ id, label, optional: true, ...extra });

/** Groups of the national form whose parts add up to the group's row (stat-sum-rows). */
const NATIONAL_SUM_GROUPS = ['a1', 'a2', 'a3', 'rv', 'lt', 'cp', 'lib', 'web', 'spot', 'visit', 'org.3'] as const;
/** Groups of the Fujian form whose parts add up to the group's row (stat-fujian-sums). */
const FUJIAN_SUM_GROUPS = ['a', 'r'] as const;

/**
 * `rows` followed by, for each group, the place of the printed rows the form does not list inside
 * it (`<group>.unlisted`), labelled after the group's row for messages.
 */
function withUnlistedSlots(rows: readonly RowDef[], groups: readonly string[]): RowDef[] {
  const slots = groups.map((group): RowDef => {
    const parent = rows.find((r) => r.id === group);
    return { id: `${group}.unlisted`, label: `「${parent?.label ?? group}」中表内未列明的分项`, optional: true, unlisted: true };
  });
  return [...rows, ...slots];
}

/**
 * The national 政府信息公开情况统计表 (国办发〔2014〕32号; formats.md §3.2) with the extra rows of
 * the provincial versions seen in real reports (Shandong: 举报投诉 detail, 查阅场所, 网站, 公报,
 * 查阅点 and 接待人数 blocks). Rows a report's version lacks are optional.
 */
export const STAT_NATIONAL: TableDef = {
  id: 'stat',
  variant: 'national',
  label: '政府信息公开情况统计表',
  editions: ['2008'],
  cols: [{ id: 'v', label: '统计数', aliases: ['合计', '数量', '本年度'] }],
  rows: withUnlistedSlots([
    h('h.p', '一、主动公开情况'),
    r('p1', '（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）', { unit: '条' }),
    o('p1a', '其中：主动公开规范性文件数', { unit: '条' }),
    o('p1b', '制发规范性文件总数', { unit: '件' }),
    h('h.p2', '（二）通过不同渠道和方式公开政府信息的情况'),
    o('p2.1', '1.政府公报公开政府信息数', { unit: '条' }),
    o('p2.2', '2.政府网站公开政府信息数', { unit: '条' }),
    o('p2.3', '3.政务微博公开政府信息数', { unit: '条' }),
    o('p2.4', '4.政务微信公开政府信息数', { unit: '条' }),
    o('p2.5', '5.其他方式公开政府信息数', { unit: '条' }),
    h('h.q', '二、回应解读情况'),
    o('q1', '（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）', { unit: '次' }),
    h('h.q2', '（二）通过不同渠道和方式回应解读的情况'),
    o('q2.1', '1.参加或举办新闻发布会总次数', { unit: '次' }),
    o('q2.1a', '其中：主要负责同志参加新闻发布会次数', { unit: '次' }),
    o('q2.2', '2.政府网站在线访谈次数', { unit: '次' }),
    o('q2.2a', '其中：主要负责同志参加政府网站在线访谈次数', { unit: '次' }),
    o('q2.3', '3.政策解读稿件发布数', { unit: '篇' }),
    o('q2.4', '4.微博微信回应事件数', { unit: '次' }),
    o('q2.5', '5.其他方式回应事件数', { unit: '次' }),
    h('h.a', '三、依申请公开情况'),
    r('a1', '（一）收到申请数', { unit: '件' }),
    o('a1.1', '1.当面申请数', { unit: '件' }),
    o('a1.2', '2.传真申请数', { unit: '件' }),
    o('a1.3', '3.网络申请数', { unit: '件' }),
    o('a1.4', '4.信函申请数', { unit: '件' }),
    o('a1.email', '电子邮件申请数', { unit: '件', local: true, aliases: ['电子邮箱申请数', '邮件申请数'] }),
    // The national form lists four channels; a 5th 其他 row exists in some variants.
    o('a1.5', '5.其他形式', { unit: '件', aliases: ['5.其他形式申请数', '其他方式申请数'], local: true }),
    o('a1.wechat', '微信申请数', { unit: '件', local: true, aliases: ['微信公众号申请数', '政务微信申请数'] }),
    o('a1.phone', '电话申请数', { unit: '件', local: true }),
    o('a2', '（二）申请办结数', { unit: '件' }),
    o('a2.1', '1.按时办结数', { unit: '件' }),
    o('a2.2', '2.延期办结数', { unit: '件' }),
    o('a3', '（三）申请答复数', { unit: '件' }),
    o('a3.1', '1.属于已主动公开范围数', { unit: '件' }),
    o('a3.2', '2.同意公开答复数', { unit: '件' }),
    o('a3.3', '3.同意部分公开答复数', { unit: '件' }),
    o('a3.4', '4.不同意公开答复数', { unit: '件' }),
    o('a3.4.1', '其中：涉及国家秘密', { unit: '件' }),
    o('a3.4.2', '涉及商业秘密', { unit: '件' }),
    o('a3.4.3', '涉及个人隐私', { unit: '件' }),
    o('a3.4.4', '危及国家安全、公共安全、经济安全和社会稳定', { unit: '件' }),
    o('a3.4.5', '不是《条例》所指政府信息', { unit: '件' }),
    o('a3.4.6', '法律法规规定的其他情形', { unit: '件' }),
    o('a3.5', '5.不属于本行政机关公开数', { unit: '件' }),
    o('a3.6', '6.申请信息不存在数', { unit: '件' }),
    o('a3.7', '7.告知作出更改补充数', { unit: '件' }),
    o('a3.8', '8.告知通过其他途径办理数', { unit: '件' }),
    o('rv', '四、行政复议数量', { unit: '件' }),
    o('rv.1', '（一）维持具体行政行为数', { unit: '件' }),
    o('rv.2', '（二）被依法纠错数', { unit: '件' }),
    o('rv.3', '（三）其他情形数', { unit: '件' }),
    o('lt', '五、行政诉讼数量', { unit: '件' }),
    o('lt.1', '（一）维持具体行政行为或者驳回原告诉讼请求数', { unit: '件' }),
    o('lt.2', '（二）被依法纠错数', { unit: '件' }),
    o('lt.3', '（三）其他情形数', { unit: '件' }),
    o('cp', '六、举报投诉数量', { unit: '件', aliases: ['六、被举报投诉数量'] }),
    o('cp.1', '（一）维持具体行政行为数', { unit: '件' }),
    o('cp.2', '（二）被纠错数', { unit: '件' }),
    o('cp.3', '（三）其他情形数', { unit: '件' }),
    o('lib', '七、向图书馆、档案馆等查阅场所报送信息数', { unit: '条' }),
    o('lib.1', '（一）纸质文件数', { unit: '条' }),
    o('lib.2', '（二）电子文件数', { unit: '条' }),
    o('web', '八、开通政府信息公开网站（或设立门户网站信息公开专栏）数', { unit: '个' }),
    o('web.1', '（一）区县政府及其部门门户网站', { unit: '个' }),
    o('web.2', '（二）乡镇政府（街道办事处）门户网站', { unit: '个' }),
    h('h.gaz', '九、政府公报发行量'),
    o('gaz.1', '（一）公报发行期数', { unit: '期' }),
    o('gaz.2', '（二）公报发行总份数', { unit: '份' }),
    o('spot', '十、设置政府信息公开查阅点数', { unit: '个' }),
    o('spot.1', '（一）区县政府及其部门', { unit: '个' }),
    o('spot.2', '（二）乡镇政府（街道办事处）', { unit: '个' }),
    o('visit', '十一、查阅点接待人数', { unit: '次' }),
    o('visit.1', '（一）区县政府及其部门', { unit: '次' }),
    o('visit.2', '（二）乡镇政府（街道办事处）', { unit: '次' }),
    o('fee', '七、依申请公开信息收取的费用', { unit: '万元' }),
    o('fee.waived', '依申请公开信息减免的费用', { unit: '万元', local: true, aliases: ['减免收费金额', '减免费用'] }),
    o('consult', '接受政府信息公开咨询数', { unit: '人次', local: true, aliases: ['政府信息公开咨询数', '接受咨询数', '受理咨询数'] }),
    h('h.org', '八、机构建设和保障经费情况'),
    o('org.1', '（一）政府信息公开工作专门机构数', { unit: '个' }),
    o('org.2', '（二）设置政府信息公开查阅点数', { unit: '个' }),
    o('org.3', '（三）从事政府信息公开工作人员数', { unit: '人' }),
    o('org.3.1', '1.专职人员数（不包括政府公报及政府网站工作人员数）', { unit: '人' }),
    o('org.3.2', '2.兼职人员数', { unit: '人' }),
    o('org.4', '（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）', { unit: '万元' }),
    h('h.tr', '九、政府信息公开会议和培训情况'),
    o('tr.1', '（一）召开政府信息公开工作会议或专题会议数', { unit: '次' }),
    o('tr.2', '（二）举办各类培训班数', { unit: '次' }),
    o('tr.3', '（三）接受培训人员数', { unit: '人次' }),
  ], NATIONAL_SUM_GROUPS),
  sumGroups: NATIONAL_SUM_GROUPS,
};

/**
 * The Fujian variant (Pingtan reports; formats.md §3.3 A): 指标名称 / 计量单位 / 本年度 / 历年累计.
 * Channel rows differ between years (3 or 6 channels), so all are optional.
 */
export const STAT_FUJIAN: TableDef = {
  id: 'stat',
  variant: 'fujian',
  label: '政府信息公开情况统计表',
  editions: ['2008'],
  cols: [
    { id: 'v', label: '本年度' },
    { id: 'cum', label: '历年累计' },
  ],
  rows: withUnlistedSlots([
    r('p', '主动公开信息数', { aliases: ['主动公开文件数'], unit: '条' }),
    o('p.web', '其中：1.网站公开', { aliases: ['政府网站公开数', '网站公开数'], unit: '条' }),
    o('p.gaz', '2.政府公报公开', { aliases: ['政府公报公开数'], unit: '条' }),
    r('a', '受理依申请公开信息总数', { aliases: ['受理政府信息依申请公开信息总数', '受理政府信息依申请公开总数'], unit: '条' }),
    o('a.1', '其中：1.当面申请数', { unit: '条' }),
    o('a.2', '2.传真申请数', { unit: '条' }),
    o('a.3', '3.电子邮件申请数', { unit: '条' }),
    o('a.4', '4.网上申请数', { unit: '条' }),
    o('a.5', '5.信函申请数', { aliases: ['信函、传真申请数'], unit: '条' }),
    // Some years' forms have no 其它 row (2012 lists five channels): not part of every official list.
    o('a.6', '6.其它形式申请数', { aliases: ['其他形式申请数'], unit: '条', local: true }),
    o('r', '对申请的答复总数', { aliases: ['对申请的答复数'], unit: '条' }),
    o('r.1', '其中：1.同意公开答复数', { unit: '条' }),
    o('r.2', '2.同意部分公开答复数', { unit: '条' }),
    o('r.3', '3.否决公开答复数', { aliases: ['不予公开答复数'], unit: '条' }),
    // Some years' forms list three kinds of answer (同意, 部分同意, 否决), others add 其他类型.
    o('r.4', '4.其他类型答复数', { unit: '条', local: true }),
    o('fee', '政府信息公开收费减免金额', { unit: '元' }),
    o('cp0', '接受行政诉讼、举报数', { unit: '件' }),
    o('rv', '行政复议数', { unit: '件' }),
    o('lt', '行政诉讼数', { unit: '件' }),
    o('cp', '行政申诉数', { aliases: ['行政申诉、举报数'], unit: '件' }),
  ], FUJIAN_SUM_GROUPS),
  sumGroups: FUJIAN_SUM_GROUPS,
};

/**
 * The Sichuan 分项统计表 (附表2 of seed 000): 主动公开政府信息数 broken down into eight categories,
 * each item counted in exactly one ("同一条信息只能在以下8项中选择1项，不重复计算").
 */
export const STAT_ITEMS_SICHUAN: TableDef = {
  id: 'stat-items',
  variant: 'sichuan',
  label: '政府信息公开分项统计表',
  editions: ['2008'],
  cols: [{ id: 'v', label: '统计数' }],
  rows: [
    r('total', '主动公开政府信息数', { unit: '条' }),
    r('c1', '（一）概况信息数', { unit: '条' }),
    r('c2', '（二）计划总结信息数', { unit: '条' }),
    r('c3', '（三）规范性文件信息数', { unit: '条' }),
    r('c4', '（四）工作动态信息数', { unit: '条' }),
    r('c5', '（五）人事信息数', { unit: '条' }),
    r('c6', '（六）财政信息数', { unit: '条' }),
    r('c7', '（七）行政执法信息数', { unit: '条' }),
    r('c8', '（八）其他信息数', { unit: '条' }),
  ],
};

/** Every 2008-regime table definition the parser tries, in order of preference. */
export const STAT_DEFS: readonly TableDef[] = [STAT_NATIONAL, STAT_FUJIAN, STAT_ITEMS_SICHUAN];
