export default definePageConfig({
  navigationBarTitleText: '销售动态',
  enablePullDownRefresh: false,
});
