export default definePageConfig({
  navigationBarTitleText: '评分校准',
});
