import { Pages, type PagePath } from '@leadloop/shared';

/** A subpackage of the pages under `packages/<name>/`, each named by the shared page contract. */
function subPackage(name: string, pages: PagePath[]) {
  const root = `packages/${name}`;
  return {
    root,
    name,
    pages: pages.map((page) => {
      if (!page.startsWith(`${root}/`)) throw new Error(`${page} is not in the ${name} subpackage`);
      return page.slice(root.length + 1);
    }),
  };
}

export default defineAppConfig({
  // Main package: tab pages only. Everything else lives in a subpackage.
  pages: [Pages.home, Pages.mine],
  subPackages: [
    subPackage('staff', [Pages.staffInvite, Pages.consoleConfirm, Pages.myShares, Pages.myCard, Pages.cardVisitors, Pages.myLeads, Pages.leadDetail, Pages.signalInbox]),
    subPackage('console', [
      Pages.consoleLogin,
      Pages.consoleHome,
      Pages.starMap,
      Pages.channels,
      Pages.consoleLive,
      Pages.consoleLiveEdit,
      Pages.consoleLiveReport,
      Pages.consoleWhitepapers,
      Pages.consoleBrand,
      Pages.consoleHomePage,
      Pages.consoleAccounts,
      Pages.consoleAccount,
      Pages.consoleLeads,
      Pages.consoleLead,
      Pages.consoleScoring,
      Pages.consoleMerges,
    ]),
    subPackage('live', [Pages.liveDetail, Pages.liveRoom, Pages.liveSurvey]),
    subPackage('whitepaper', [Pages.whitepaperDetail]),
    subPackage('card', [Pages.card]),
    subPackage('me', [Pages.mySignups, Pages.myDownloads, Pages.myPrivacy, Pages.myData, Pages.myProfile, Pages.policy]),
  ],
  // Staff open 我的 before scanning a console code or accepting an invite.
  preloadRule: {
    [Pages.mine]: { network: 'all', packages: ['staff', 'me'] },
    // 首页 lists upcoming live events and whitepapers: their pages should open without a download.
    [Pages.home]: { network: 'all', packages: ['live', 'whitepaper'] },
  },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '首页',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f4f6fa',
  },
  tabBar: {
    color: '#5f6a7a',
    selectedColor: '#1b57f5',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      { pagePath: Pages.home, text: '首页', iconPath: 'assets/tab-home.png', selectedIconPath: 'assets/tab-home-active.png' },
      { pagePath: Pages.mine, text: '我的', iconPath: 'assets/tab-mine.png', selectedIconPath: 'assets/tab-mine-active.png' },
    ],
  },
  // WeChat asks (onNeedPrivacyAuthorization, see modules/privacy) before every privacy API the app
  // uses: getPhoneNumber, saveImageToPhotosAlbum (posters), addPhoneContact (cards),
  // chooseMessageFile / chooseMedia (console uploads, card images), setClipboardData. They are
  // declared in the admin console's 用户隐私保护指引 (docs/WECHAT.md); requiredPrivateInfos only
  // lists location APIs, which the app does not use.
  __usePrivacyCheck__: true,
  lazyCodeLoading: 'requiredComponents',
});
