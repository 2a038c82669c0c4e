export default defineAppConfig({
  // Main package: tab pages only. Everything else lives in a subpackage.
  pages: ['pages/index/index', 'pages/mine/index'],
  subPackages: [
    { root: 'packages/staff', name: 'staff', pages: ['pages/invite/index', 'pages/scan-confirm/index', 'pages/my-shares/index'] },
    { root: 'packages/console', name: 'console', pages: ['pages/login/index', 'pages/home/index', 'pages/star-map/index', 'pages/channels/index'] },
  ],
  // Staff open 我的 before scanning a console code or accepting an invite.
  preloadRule: {
    'pages/mine/index': { network: 'all', packages: ['staff'] },
  },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '线索闭环',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f4f6fa',
  },
  tabBar: {
    color: '#86909c',
    selectedColor: '#1f5eff',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tab-home.png', selectedIconPath: 'assets/tab-home-active.png' },
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tab-mine.png', selectedIconPath: 'assets/tab-mine-active.png' },
    ],
  },
  __usePrivacyCheck__: true,
  lazyCodeLoading: 'requiredComponents',
});
