export default definePageConfig({
  navigationBarTitleText: '名片访客',
  enablePullDownRefresh: false,
});
