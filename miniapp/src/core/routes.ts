import { Pages, type PagePath } from '@leadloop/shared';

const url = <P extends PagePath>(page: P) => `/${page}` as const;

/** Page URLs for Taro navigation: the shared page contract (`Pages`) with a leading slash. */
export const Routes = {
  home: url(Pages.home),
  mine: url(Pages.mine),
  invite: url(Pages.staffInvite),
  scanConfirm: url(Pages.consoleConfirm),
  myShares: url(Pages.myShares),
  consoleLogin: url(Pages.consoleLogin),
  consoleHome: url(Pages.consoleHome),
  starMap: url(Pages.starMap),
  channels: url(Pages.channels),
  consoleLive: url(Pages.consoleLive),
  consoleLiveEdit: url(Pages.consoleLiveEdit),
  consoleLiveReport: url(Pages.consoleLiveReport),
  liveDetail: url(Pages.liveDetail),
  liveRoom: url(Pages.liveRoom),
  liveSurvey: url(Pages.liveSurvey),
  whitepaperDetail: url(Pages.whitepaperDetail),
  consoleWhitepapers: url(Pages.consoleWhitepapers),
  consoleBrand: url(Pages.consoleBrand),
  consoleHomePage: url(Pages.consoleHomePage),
  cardView: url(Pages.card),
  myCard: url(Pages.myCard),
  cardVisitors: url(Pages.cardVisitors),
  myLeads: url(Pages.myLeads),
  leadDetail: url(Pages.leadDetail),
  consoleLeads: url(Pages.consoleLeads),
  consoleLead: url(Pages.consoleLead),
  mySignups: url(Pages.mySignups),
  myDownloads: url(Pages.myDownloads),
  myPrivacy: url(Pages.myPrivacy),
  myData: url(Pages.myData),
  myProfile: url(Pages.myProfile),
  policy: url(Pages.policy),
} as const;
