export default definePageConfig({
  // replaced by the company's short name once the brand settings are read
  navigationBarTitleText: '首页',
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
