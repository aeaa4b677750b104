/**
 * Who issues a report, which decides its deadline (条例第四十九条; 国办公开办函〔2021〕30号 二):
 * a department (县级以上人民政府部门, and a government's 办公厅（室） reporting on itself) publishes
 * by 1月31日; a people's government's consolidated report (本级政府年度报告) by 3月31日 at the latest.
 *
 * The kind is read from the whole agency name and the report's own words, never from the last
 * character alone: a 管理委员会 of a development zone is not a department, a consolidated report
 * compiled by a 人民政府办公室 is the government's, and a report with no agency is of unknown kind.
 * Only a kind that leaves no doubt is `certain`; the deadline check raises errors only then.
 */
import type { AgencyName, Issuer, ReportLine } from '../model/report.js';

/** A people's government (not its office): 淮安市人民政府, 洪泽区人民政府, 某某镇人民政府. */
const GOVERNMENT = /人民政府$/;
/** A government's own office: 上海市人民政府办公厅, 某县人民政府办公室, 某县政府办. */
const GOVERNMENT_OFFICE = /(?:人民)?政府办(?:公厅|公室)?$/;
/**
 * A development zone or a new area and its management committee: not a department of a government,
 * and in many places the zone reports for the whole zone (区直部门 and 乡镇 included).
 */
const ZONE = /(?:开发区|高新区|新区|园区|实验区|示范区|试验区|保税区|自贸区|合作区|综合区|工业区|产业区|度假区|风景区|景区|管委会|管理委员会|工委)/;
/** Suffixes of a department whose kind is not in doubt once the zone and office cases are set aside. */
const DEPARTMENT = /(?:局|厅|委员会|委|署|办公室|办公厅)$/;
/** Suffixes that may be a department or a public institution (事业单位) with its own practice. */
const MAYBE_DEPARTMENT = /(?:中心|院|所|站|队|处|办)$/;
/** A government's own voice: 我县 / 全市 / 本区 … (a department says 我局, 本委). */
const GOVERNMENT_VOICE = /(?:我|全|本)(?:省|市|县|区|旗|州|盟|镇|乡)(?![长委局])/g;
const DEPARTMENT_VOICE = /(?:我|本)(?:局|厅|委|办|中心|部门|单位)/g;
/** A bare place name in a title (北京市2024年…报告): the report of that place's government. */
const PLACE = /(?:省|自治区|市|县|区|旗|州|盟)$/;
/** A township or a sub-district office: reports like a department (by 1月31日), a government in kind. */
const TOWNSHIP = /(?:乡|镇|街道|街道办事处)(?:人民政府)?$/;
/** A consolidated report: compiled for the government (本级政府) from its departments and lower levels. */
const CONSOLIDATED = /本级政府|汇总|全(?:省|市|县|区|旗)(?:各级)?(?:行政机关|各部门|政府)|(?:各|所属)(?:乡镇|县区|县（市、区）|部门)/;

const level = (name: string): Issuer['level'] =>
  /^(?:[^市县区]{2,8}(?:省|自治区)|北京市|天津市|上海市|重庆市)(?:人民政府)?$/.test(name) ? 'province'
    : /(?:乡|镇|街道)(?:人民政府)?$/.test(name) ? 'township'
      : /(?:县|区|旗)(?:人民政府)?$/.test(name) && !ZONE.test(name) ? 'county'
        : 'unknown';

/** What the report's own words say of who speaks: counts of 我县/全市 … and of 我局/本委 …. */
export interface Voice {
  government: number;
  department: number;
  consolidated: boolean;
}

/** {@link GOVERNMENT_VOICE} (group 1) or {@link DEPARTMENT_VOICE}, in one pattern. */
const VOICE = new RegExp(`(${GOVERNMENT_VOICE.source})|${DEPARTMENT_VOICE.source}`, 'g');
/** What a line must hold for any voice pattern to match in it. */
const VOICE_START = /[我全本各]|汇总/;

/** Counts the report's voice over its lines (one pass, a few regexes per line). */
export function readVoice(lines: readonly ReportLine[]): Voice {
  const voice: Voice = { government: 0, department: 0, consolidated: false };
  for (const line of lines) {
    const text = line.norm;
    // One scan for the characters every pattern below starts with (我 全 本 各, or 汇总).
    if (!VOICE_START.test(text)) continue;
    // One scan for both: their matches never overlap (a government's second character is none
    // of a department's, and neither pattern's later characters can start the other), so the
    // matches of the two alternatives are those of each pattern on its own.
    VOICE.lastIndex = 0;
    for (let m = VOICE.exec(text); m !== null; m = VOICE.exec(text)) {
      if (m[1] !== undefined) voice.government++;
      else voice.department++;
    }
    if (!voice.consolidated && CONSOLIDATED.test(text)) voice.consolidated = true;
  }
  return voice;
}

const issuer = (kind: Issuer['kind'], lvl: Issuer['level'], certain: boolean, basis: string, basisEn: string): Issuer =>
  ({ kind, level: lvl, certain, basis, basisEn });

/** The issuer from one agency name, where it was read, and the report's voice. */
function fromName(agency: AgencyName, voice: Voice): Issuer {
  const name = agency.name.replace(/\s+/g, '');
  const where = agency.source === 'title' ? '标题' : agency.source === 'signature' ? '落款' : agency.source === 'filler' ? '填报单位' : '页面发布机构';
  const whereEn = agency.source === 'page' ? 'the page publisher' : `the ${agency.source}`;
  // The page's 发布机构 is often the office that posted the report, not its author.
  const trusted = agency.source !== 'page';
  if (ZONE.test(name)) {
    return issuer('unknown', 'unknown', false, `${where}中的“${name}”是开发区、新区等的管理机构，既非人民政府也非其部门，报告主体类别不确定`, `"${name}" in ${whereEn} is the administration of a zone, neither a government nor one of its departments: kind uncertain`);
  }
  if (TOWNSHIP.test(name)) {
    return issuer('government', 'township', trusted && GOVERNMENT.test(name), `${where}中的机关为“${name}”（乡镇、街道）`, `${whereEn} names "${name}", a township or sub-district`);
  }
  if (GOVERNMENT.test(name)) {
    return issuer('government', level(name), trusted, `${where}中的机关为“${name}”（人民政府）`, `${whereEn} names "${name}", a people's government`);
  }
  if (GOVERNMENT_OFFICE.test(name)) {
    // The office's own report names the office in the title; a report only signed by the office
    // is often the government's consolidated report that the office compiled.
    if (agency.source === 'title' || agency.source === 'filler') {
      return issuer('department', 'unknown', true, `${where}中的机关为“${name}”（政府办公厅（室）本机关的报告，按部门期限）`, `${whereEn} names "${name}", a government office reporting on itself`);
    }
    if (voice.consolidated || voice.government > voice.department) {
      return issuer('government', 'unknown', false, `${where}为“${name}”，正文以本级政府口吻汇总，可能是其代本级政府编制的年度报告，报告主体类别不确定`, `${whereEn} is "${name}" and the text speaks for the government: possibly the government's report compiled by its office, kind uncertain`);
    }
    return issuer('department', 'unknown', false, `${where}为“${name}”，可能是其本机关的报告，报告主体类别不确定`, `${whereEn} is "${name}", possibly the office's own report, kind uncertain`);
  }
  if (DEPARTMENT.test(name)) {
    return issuer('department', 'unknown', trusted, `${where}中的机关为“${name}”（政府部门）`, `${whereEn} names "${name}", a government department`);
  }
  if (agency.source === 'title' && PLACE.test(name)) {
    return issuer('government', level(name), true, `标题以地名“${name}”称报告主体，即${name}人民政府的年度报告`, `the title names the place "${name}": its government's report`);
  }
  if (MAYBE_DEPARTMENT.test(name)) {
    return issuer('department', 'unknown', false, `${where}中的机关为“${name}”，可能是部门或事业单位，报告主体类别不确定`, `${whereEn} names "${name}", a department or a public institution: kind uncertain`);
  }
  return fromVoice(voice);
}

/** Mentions of 我局 / 本单位 … before the report's words alone suggest a department. */
const DEPARTMENT_VOICE_MIN = 3;

/** The issuer from the report's words alone, never certain. */
function fromVoice(voice: Voice): Issuer {
  if (voice.consolidated) {
    return issuer('government', 'unknown', false, '未找到机关名称，正文汇总本级政府及其部门的情况，可能是本级政府的年度报告，报告主体类别不确定', 'no agency name; the text consolidates a government and its departments: kind uncertain');
  }
  if (voice.department >= DEPARTMENT_VOICE_MIN && voice.department > 2 * voice.government) {
    return issuer('department', 'unknown', false, '未找到机关名称，正文以“我局”“本单位”等口吻行文，可能是部门的报告，报告主体类别不确定', 'no agency name; the text speaks as a department: kind uncertain');
  }
  return issuer('unknown', 'unknown', false, '未找到机关名称，报告主体类别不确定', 'no agency name: kind unknown');
}

/**
 * Classifies the issuer from the agency names read (title first, then 填报单位, the signature, the
 * page's publisher) and the report's voice. A name in the title decides; a signature that names a
 * people's government or a department with a clear suffix is nearly as good.
 */
export function classifyIssuer(agencies: readonly AgencyName[], voice: Voice): Issuer {
  const order: AgencyName['source'][] = ['title', 'filler', 'signature', 'page'];
  for (const source of order) {
    const agency = agencies.find((a) => a.source === source && a.name.replace(/\s+/g, '').length >= 2);
    if (!agency) continue;
    // The first name that says something decides (a zone's name says: neither kind).
    const found = fromName(agency, voice);
    if (found.kind !== 'unknown' || ZONE.test(agency.name)) return found;
  }
  return fromVoice(voice);
}
