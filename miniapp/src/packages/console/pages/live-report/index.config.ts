export default definePageConfig({
  navigationBarTitleText: '直播数据',
});
