export default definePageConfig({
  navigationBarTitleText: '直播详情',
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
