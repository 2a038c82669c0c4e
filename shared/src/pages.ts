/**
 * Every page of the mini-program, in one place: the server points people at them (mini-program
 * codes, posters, invite and scan-login links, subscribe messages, channel codes) and the app
 * navigates to them. Paths carry no leading slash, as WeChat's `page` parameters take them;
 * `pageUrl` adds it for Taro navigation and share paths. `miniapp/src/app.config.ts` registers
 * exactly these pages (a unit spec holds the two together).
 */
export const Pages = {
  // main package: the tab pages
  home: 'pages/index/index',
  mine: 'pages/mine/index',
  // staff
  staffInvite: 'packages/staff/pages/invite/index',
  consoleConfirm: 'packages/staff/pages/scan-confirm/index',
  myShares: 'packages/staff/pages/my-shares/index',
  myCard: 'packages/staff/pages/card/index',
  cardVisitors: 'packages/staff/pages/visitors/index',
  myLeads: 'packages/staff/pages/leads/index',
  leadDetail: 'packages/staff/pages/lead/index',
  signalInbox: 'packages/staff/pages/signals/index',
  // console
  consoleLogin: 'packages/console/pages/login/index',
  consoleHome: 'packages/console/pages/home/index',
  starMap: 'packages/console/pages/star-map/index',
  channels: 'packages/console/pages/channels/index',
  consoleLive: 'packages/console/pages/live/index',
  consoleLiveEdit: 'packages/console/pages/live-edit/index',
  consoleLiveReport: 'packages/console/pages/live-report/index',
  consoleWhitepapers: 'packages/console/pages/whitepapers/index',
  consoleBrand: 'packages/console/pages/brand/index',
  consoleHomePage: 'packages/console/pages/home-page/index',
  consoleAccounts: 'packages/console/pages/accounts/index',
  consoleAccount: 'packages/console/pages/accounts/detail',
  consoleLeads: 'packages/console/pages/leads/index',
  consoleLead: 'packages/console/pages/lead/index',
  consoleScoring: 'packages/console/pages/scoring/index',
  consoleMerges: 'packages/console/pages/merges/index',
  // content prospects open
  liveDetail: 'packages/live/pages/detail/index',
  liveRoom: 'packages/live/pages/room/index',
  liveSurvey: 'packages/live/pages/survey/index',
  whitepaperDetail: 'packages/whitepaper/pages/detail/index',
  card: 'packages/card/pages/view/index',
  // 我的
  mySignups: 'packages/me/pages/signups/index',
  myDownloads: 'packages/me/pages/downloads/index',
  myPrivacy: 'packages/me/pages/privacy/index',
  myData: 'packages/me/pages/data/index',
  myProfile: 'packages/me/pages/profile/index',
  policy: 'packages/me/pages/policy/index',
} as const;

export type PageName = keyof typeof Pages;
export type PagePath = (typeof Pages)[PageName];

export type PageParams = Record<string, string | number | null | undefined>;

/** `packages/live/pages/detail/index?id=…&s=…`: values encoded, empty ones left out, keys in the order given. */
export function pagePath(page: PagePath, query: PageParams = {}): string {
  const pairs = Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return pairs.length > 0 ? `${page}?${pairs.join('&')}` : page;
}

/** The same with a leading slash, as `Taro.navigateTo` and share paths take it. */
export function pageUrl(page: PagePath, query: PageParams = {}): string {
  return `/${pagePath(page, query)}`;
}

/**
 * The queries the server's links carry. A mini-program code's `scene` holds one opaque value
 * (≤ 32 characters); a share or channel link carries `s` (share token) or `c` (channel code).
 */
export const PageLinks = {
  /** A live event, optionally through a share token. */
  liveDetail: (id: string, shareToken?: string | null) => pagePath(Pages.liveDetail, { id, s: shareToken }),
  /** A whitepaper, optionally through a share token. */
  whitepaperDetail: (id: string, shareToken?: string | null) => pagePath(Pages.whitepaperDetail, { id, s: shareToken }),
  /** A salesperson's card, optionally through a share token. */
  card: (cardId: string, shareToken?: string | null) => pagePath(Pages.card, { id: cardId, s: shareToken }),
  /** The invite a new staff member accepts (the code's scene is the invite secret). */
  staffInvite: (secret: string) => pagePath(Pages.staffInvite, { scene: secret }),
  /** Where a staff member confirms a desktop console login (the code's scene is the ticket). */
  consoleConfirm: (ticket: string) => pagePath(Pages.consoleConfirm, { scene: ticket }),
  /** The landing page of a channel code. */
  channelLanding: (channelCode: string) => pagePath(Pages.home, { c: channelCode }),
  /** A lead as its owner opens it in the mini-program. */
  leadDetail: (personId: string) => pagePath(Pages.leadDetail, { id: personId }),
  /** The console's lead pool narrowed to the people behind a content's number (signed up, watched ≥ N min, downloaded…). */
  consoleLeadsOf: (contentType: string, contentId: string, action?: string, minutes?: number) => pagePath(Pages.consoleLeads, { contentType, contentId, action, minutes }),
} as const;
