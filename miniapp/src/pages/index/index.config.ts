export default definePageConfig({
  navigationBarTitleText: '线索闭环',
});
