export default definePageConfig({
  navigationBarTitleText: '线索闭环',
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
