export default defineAppConfig({
  // Main package: tab pages only. Everything else lives in a subpackage.
  pages: ['pages/index/index', 'pages/mine/index'],
  subPackages: [
    { root: 'packages/staff', name: 'staff', pages: ['pages/invite/index', 'pages/scan-confirm/index', 'pages/my-shares/index', 'pages/card/index', 'pages/visitors/index'] },
    { root: 'packages/console', name: 'console', pages: ['pages/login/index', 'pages/home/index', 'pages/star-map/index', 'pages/channels/index', 'pages/live/index', 'pages/live-edit/index', 'pages/live-report/index', 'pages/whitepapers/index', 'pages/brand/index', 'pages/home-page/index'] },
    { root: 'packages/live', name: 'live', pages: ['pages/detail/index', 'pages/room/index', 'pages/survey/index'] },
    { root: 'packages/whitepaper', name: 'whitepaper', pages: ['pages/detail/index'] },
    { root: 'packages/card', name: 'card', pages: ['pages/view/index'] },
    { root: 'packages/me', name: 'me', pages: ['pages/signups/index', 'pages/downloads/index', 'pages/privacy/index', 'pages/data/index', 'pages/profile/index', 'pages/policy/index'] },
  ],
  // Staff open 我的 before scanning a console code or accepting an invite.
  preloadRule: {
    'pages/mine/index': { network: 'all', packages: ['staff', 'me'] },
    // 首页 lists upcoming live events and whitepapers: their pages should open without a download.
    'pages/index/index': { network: 'all', packages: ['live', 'whitepaper'] },
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
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tab-home.png', selectedIconPath: 'assets/tab-home-active.png' },
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tab-mine.png', selectedIconPath: 'assets/tab-mine-active.png' },
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
