export default definePageConfig({
  navigationBarTitleText: '我的下载',
});
