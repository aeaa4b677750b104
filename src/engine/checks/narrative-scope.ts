/**
 * What puts a sentence's figure out of the tables' scope, shared by the narrative checks that
 * compare prose with the tables: scope qualifiers (全市, 各单位, 累计 …), channel words, other years.
 */
import { forEachMatch } from '../regex.js';

/** Words that put a figure in another scope than the report's own table. */
export const SCOPE = /全市|全省|全州|各单位|各部门|各乡镇|各镇|各街道|区直|县直|市直|所属|下属|系统内|累计|历年|备案|同比|较上年|去年|余|多|近|约|超过|以上|以下/;

/**
 * Channel words: a figure published through one channel (网站, 微博 …) is not the total, unless the
 * figure the rule compares is itself a channel figure.
 */
export const CHANNEL = /网站|门户|微博|微信|公众号|新媒体|公报|平台|客户端|短视频/;

const YEAR = /((?:19|20)\d{2})\s*年/g;

/** Years named in a sentence other than the report year and the next one (plans). */
export function otherYear(sentence: string, year: number | null): boolean {
  if (year === null) return false;
  let other = false;
  forEachMatch(YEAR, sentence, (m) => {
    other = Number(m[1]) !== year && Number(m[1]) !== year + 1;
    return !other;
  });
  return other;
}

/** The sentence about the tables that the narrative kinds' docs end with. */
export const SCOPE_NOTE = '句子中有范围限定词（全市、各单位、累计、备案、其他年度、约数等）时不作比较。这类检查都是警告或提示。';
