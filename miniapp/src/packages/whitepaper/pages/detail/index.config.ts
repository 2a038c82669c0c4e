export default definePageConfig({
  navigationBarTitleText: '白皮书',
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
