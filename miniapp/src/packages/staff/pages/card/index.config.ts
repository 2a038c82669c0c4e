export default definePageConfig({
  navigationBarTitleText: '我的名片',
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
