export default definePageConfig({
  navigationBarTitleText: '管理控制台',
});
