/**
 * One key per company however people write its name: 「华为技术有限公司」, 「华为技术（深圳）有限公司」
 * and 「ＨＵＡＷＥＩ技术 有限公司」 are one account. Width and case are folded (NFKC, lower case),
 * bracketed qualifiers such as (中国) dropped, a branch (…北京分公司, …上海分行) folded into its
 * company, legal forms stripped from the end (有限公司 / 股份有限公司 / 集团 / Co., Ltd. / Inc. …),
 * then spaces and punctuation removed. A suffix is only stripped while what remains still names
 * a company: 中国银行 stays 中国银行 (never 银行), and a name that is only a generic word
 * (集团, 银行, 个人, n/a) is no company at all (null).
 */

const MAX_KEY_LENGTH = 80;

/** Words that never name a company by themselves. */
const GENERIC = new Set([
  '银行', '集团', '公司', '有限公司', '总公司', '分公司', '股份', '控股', '中国', '科技', '技术', '保险', '证券', '基金', '实业', '贸易',
  '投资', '医院', '大学', '学校', '政府', '中心', '研究院', '工厂', '个人', '个体', '个体户', '自由职业', '学生', '无', '暂无', '未知',
  '其他', '待业', '测试', '企业', '单位', '本人',
  'bank', 'group', 'company', 'corp', 'corporation', 'inc', 'ltd', 'limited', 'llc', 'holdings', 'holding', 'technology', 'tech', 'china',
  'insurance', 'university', 'hospital', 'government', 'freelance', 'freelancer', 'selfemployed', 'student', 'unknown', 'none', 'null',
  'na', 'n/a', 'test', 'other', 'personal', 'company name',
]);

/** Legal forms at the end of a Chinese name, longest first. */
const CHINESE_SUFFIX = /(股份有限公司|有限责任公司|有限公司|股份公司|集团公司|总公司|公司|集团)$/u;
/** Legal forms at the end of an English name, after a separator (so "Costco" keeps its "co"). */
const ENGLISH_SUFFIX = /[\s,.&]+(co\.?,?\s*ltd|company\s+limited|co\.?\s*limited|limited|ltd|inc|incorporated|corp|corporation|llc|l\.l\.c|plc|gmbh|group|holdings?|company|co)\.?$/u;
/** A branch office after its company's legal form: everything after the form goes. */
const BRANCH_AFTER_FORM = /(股份有限公司|有限责任公司|有限公司)[^()]{1,20}?(分公司|分行|支行|办事处|分部|分厂|营业部)$/u;
/** A branch without a legal form before it: the unit, then the place it is in. */
const BRANCH = /(分公司|分行|支行|办事处|营业部)$/u;
const PLACES = [
  '北京', '天津', '上海', '重庆', '河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建', '江西', '山东', '河南', '湖北',
  '湖南', '广东', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海', '内蒙古', '广西', '西藏', '宁夏', '新疆', '香港', '澳门',
  '深圳', '广州', '杭州', '南京', '苏州', '成都', '武汉', '西安', '长沙', '郑州', '青岛', '厦门', '宁波', '大连', '沈阳', '合肥', '济南',
  '福州', '东莞', '佛山', '无锡', '昆明', '南宁', '贵阳', '哈尔滨', '长春', '石家庄', '太原', '南昌', '兰州', '珠海', '华东', '华南',
  '华北', '华中', '西南', '西北', '东北',
];
const TRAILING_PLACE = new RegExp(`(${PLACES.join('|')})(省|市|区)?$`, 'u');

export function normalizeCompanyName(input: string | null | undefined): string | null {
  if (!input) return null;
  let name = input.normalize('NFKC').toLowerCase().trim();
  // bracketed qualifiers: (中国), (深圳), [beijing], 【官方】
  name = name.replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】|〔[^〕]*〕/gu, ' ').replace(/\s+/g, ' ').trim();
  name = name.replace(/^the\s+/u, '').replace(/[\s\p{P}]+$/u, '');
  name = foldBranch(name);
  name = stripLegalForms(name);
  const key = squash(name);
  if (!key || isGeneric(key)) return null;
  return key.slice(0, MAX_KEY_LENGTH);
}

/** 「平安银行股份有限公司深圳分行」→「平安银行股份有限公司」; 「中国银行上海分行」→「中国银行」. */
function foldBranch(name: string): string {
  const afterForm = BRANCH_AFTER_FORM.exec(name);
  if (afterForm) return name.slice(0, afterForm.index + afterForm[1].length);
  if (!BRANCH.test(name)) return name;
  const withoutUnit = name.replace(BRANCH, '').trim();
  const withoutPlace = withoutUnit.replace(TRAILING_PLACE, '').trim();
  return keepsAName(withoutPlace) ? withoutPlace : keepsAName(withoutUnit) ? withoutUnit : name;
}

/** Strips legal forms from the end while what remains still names a company. */
function stripLegalForms(name: string): string {
  for (;;) {
    const match = CHINESE_SUFFIX.exec(name) ?? ENGLISH_SUFFIX.exec(name);
    if (!match) return name;
    const rest = name.slice(0, match.index).replace(/[\s,.&-]+$/u, '');
    if (!keepsAName(rest)) return name;
    name = rest;
  }
}

function keepsAName(rest: string): boolean {
  const key = squash(rest);
  return key.length >= 2 && !isGeneric(key);
}

/** Spaces and punctuation go (「A.O. Smith」 and 「AO Smith」 are one key). */
function squash(name: string): string {
  return name.replace(/[\s\p{P}\p{S}]/gu, '');
}

function isGeneric(key: string): boolean {
  return GENERIC.has(key) || /^\d+$/.test(key);
}
