export default definePageConfig({
  navigationBarTitleText: '销售团队',
});
