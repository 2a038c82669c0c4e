export default definePageConfig({
  navigationBarTitleText: '渠道管理',
});
