export default definePageConfig({
  navigationBarTitleText: '控制台登录',
});
