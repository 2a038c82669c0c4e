import { corporateDomainOf, seniorityOfTitle } from '@leadloop/shared';
import { normalizeCompanyName } from './company-name';

describe('normalizeCompanyName', () => {
  const cases: [string, string | null][] = [
    // legal forms, Chinese
    ['华为技术有限公司', '华为技术'],
    ['华为技术（深圳）有限公司', '华为技术'],
    ['华为技术(深圳)有限公司', '华为技术'],
    ['  华为技术 有限公司 ', '华为技术'],
    ['阿里巴巴（中国）有限公司', '阿里巴巴'],
    ['阿里巴巴集团', '阿里巴巴'],
    ['中国平安保险（集团）股份有限公司', '中国平安保险'],
    ['万科企业股份有限公司', '万科企业'],
    ['比亚迪股份有限公司', '比亚迪'],
    ['北京字节跳动科技有限公司', '北京字节跳动科技'],
    ['中国石油天然气集团公司', '中国石油天然气'],
    ['海尔集团公司', '海尔'],
    ['上海汽车集团股份有限公司', '上海汽车'],
    ['招商局集团有限公司', '招商局'],
    ['京东有限责任公司', '京东'],
    // full width, case, punctuation
    ['ＨＵＡＷＥＩ技术有限公司', 'huawei技术'],
    ['ＩＢＭ（中国）有限公司', 'ibm'],
    ['IBM (China) Co., Ltd.', 'ibm'],
    // branches fold into their company
    ['平安银行股份有限公司深圳分行', '平安银行'],
    ['腾讯科技（深圳）有限公司北京分公司', '腾讯科技'],
    ['中国银行上海分行', '中国银行'],
    ['招商银行北京分行', '招商银行'],
    // English legal forms
    ['Apple Inc.', 'apple'],
    ['Microsoft Corporation', 'microsoft'],
    ['Siemens Ltd., China', 'siemensltdchina'],
    ['SAP (Beijing) Software System Co., Ltd.', 'sapsoftwaresystem'],
    ['The Boeing Company', 'boeing'],
    ['Acme Holdings Group Limited', 'acme'],
    ['Stripe, LLC', 'stripe'],
    ['A.O. Smith Corp', 'aosmith'],
    ['Costco', 'costco'],
    ['AT&T Inc.', 'att'],
    // traps: a suffix is never stripped down to a generic word
    ['中国银行', '中国银行'],
    ['中国银行股份有限公司', '中国银行'],
    ['中国集团', '中国集团'],
    ['银行', null],
    ['集团', null],
    ['有限公司', null],
    ['Group', null],
    ['Bank Limited', 'banklimited'],
    ['个人', null],
    ['无', null],
    ['N/A', null],
    ['  ', null],
    ['12345', null],
    ['(中国)有限公司', null],
  ];

  it.each(cases)('%s → %s', (input, expected) => {
    expect(normalizeCompanyName(input)).toBe(expected);
  });

  it('has at least 30 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it('folds one company written four ways into one key', () => {
    const ways = ['深圳市腾讯计算机系统有限公司', '深圳市腾讯计算机系统有限公司北京分公司', '深圳市腾讯计算机系统（中国）有限公司', ' 深圳市腾讯计算机系统　有限公司。'];
    expect([...new Set(ways.map(normalizeCompanyName))]).toEqual(['深圳市腾讯计算机系统']);
  });
});

describe('corporateDomainOf', () => {
  it.each([
    ['li.lei@huawei.com', 'huawei.com'],
    ['Li.Lei@HUAWEI.COM', 'huawei.com'],
    ['a@sub.acme.com.cn', 'sub.acme.com.cn'],
    ['someone@qq.com', null],
    ['someone@163.com', null],
    ['someone@126.com', null],
    ['x@gmail.com', null],
    ['x@foxmail.com', null],
    ['x@outlook.com', null],
    ['x@139.com', null],
    ['not-an-email', null],
    ['x@localhost', null],
  ])('%s → %s', (email, domain) => {
    expect(corporateDomainOf(email)).toBe(domain);
  });
});

describe('seniorityOfTitle', () => {
  it.each([
    ['董事长', 'executive'],
    ['副总裁', 'executive'],
    ['CEO', 'executive'],
    ['Chief Technology Officer', 'executive'],
    ['VP of Sales', 'executive'],
    ['销售总经理', 'executive'],
    ['IT总监', 'director'],
    ['Head of Marketing', 'director'],
    ['Director, Procurement', 'director'],
    ['采购经理', 'manager'],
    ['运营主管', 'manager'],
    ['Team Lead', 'manager'],
    ['Product Manager', 'manager'],
    ['市场专员', 'staff'],
    ['高级工程师', 'staff'],
    ['Software Engineer', 'staff'],
    ['售前顾问', 'staff'],
    ['Leader of nothing', 'other'],
    ['老师', 'other'],
    ['', null],
  ])('%s → %s', (title, seniority) => {
    expect(seniorityOfTitle(title)).toBe(seniority);
  });
});
