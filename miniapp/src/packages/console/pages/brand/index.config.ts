export default definePageConfig({
  navigationBarTitleText: '品牌设置',
});
