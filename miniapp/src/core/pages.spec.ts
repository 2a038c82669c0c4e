import { describe, expect, it } from '@jest/globals';
import { resolve } from 'node:path';
import { readConfig } from '@tarojs/helper';
import { PageLinks, pagePath, Pages, pageUrl } from '@leadloop/shared';
import { Routes } from './routes';

interface AppConfig {
  pages: string[];
  subPackages: { root: string; pages: string[] }[];
  preloadRule: Record<string, unknown>;
  tabBar: { list: { pagePath: string }[] };
}

// read the way the Taro build reads it, so this is what WeChat and the H5 router get
const config = readConfig(resolve(__dirname, '../app.config.ts')) as AppConfig;
const registered = [...config.pages, ...config.subPackages.flatMap((sub) => sub.pages.map((page) => `${sub.root}/${page}`))];

describe('the page contract', () => {
  it('names only pages the mini-program registers, and every page it registers', () => {
    const contract = Object.values(Pages);
    expect(contract.filter((page) => !registered.includes(page))).toEqual([]);
    expect(registered.filter((page) => !(contract as string[]).includes(page))).toEqual([]);
    expect(new Set(contract).size).toBe(contract.length);
  });

  it('keeps the tab pages in the main package and every other page in a subpackage', () => {
    expect(config.pages).toEqual([Pages.home, Pages.mine]);
    expect(config.tabBar.list.map((tab) => tab.pagePath)).toEqual([Pages.home, Pages.mine]);
    expect(Object.keys(config.preloadRule).every((page) => config.pages.includes(page))).toBe(true);
  });

  it('gives the app the same pages with a leading slash', () => {
    for (const url of Object.values(Routes)) expect(registered).toContain(url.slice(1));
    expect(Routes.cardView).toBe(`/${Pages.card}`);
  });

  it('builds the queries the server puts in codes, links and subscribe messages', () => {
    expect(PageLinks.liveDetail('01JLIVE')).toBe('packages/live/pages/detail/index?id=01JLIVE');
    expect(PageLinks.whitepaperDetail('01JWP', 'Tok_en-1')).toBe('packages/whitepaper/pages/detail/index?id=01JWP&s=Tok_en-1');
    expect(PageLinks.card('01JCARD', null)).toBe('packages/card/pages/view/index?id=01JCARD');
    expect(PageLinks.staffInvite('s3cr3t')).toBe('packages/staff/pages/invite/index?scene=s3cr3t');
    expect(PageLinks.consoleConfirm('t1ck3t')).toBe('packages/staff/pages/scan-confirm/index?scene=t1ck3t');
    expect(PageLinks.channelLanding('expo2026')).toBe('pages/index/index?c=expo2026');
  });

  it('encodes query values and leaves out empty ones', () => {
    expect(pagePath(Pages.home, { s: 'a b&c', c: '', x: undefined, y: null })).toBe('pages/index/index?s=a%20b%26c');
    expect(pageUrl(Pages.mine)).toBe('/pages/mine/index');
  });
});
