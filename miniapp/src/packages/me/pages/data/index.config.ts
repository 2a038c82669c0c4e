export default definePageConfig({
  navigationBarTitleText: '导出与注销',
});
