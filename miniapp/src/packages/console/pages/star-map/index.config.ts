export default definePageConfig({
  navigationBarTitleText: '分享星空图',
});
