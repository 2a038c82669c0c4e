/** Page URLs for Taro navigation, in one place (paths match app.config.ts). */
export const Routes = {
  home: '/pages/index/index',
  mine: '/pages/mine/index',
  invite: '/packages/staff/pages/invite/index',
  scanConfirm: '/packages/staff/pages/scan-confirm/index',
  myShares: '/packages/staff/pages/my-shares/index',
  consoleLogin: '/packages/console/pages/login/index',
  consoleHome: '/packages/console/pages/home/index',
  starMap: '/packages/console/pages/star-map/index',
  channels: '/packages/console/pages/channels/index',
} as const;
