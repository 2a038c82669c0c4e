export default definePageConfig({
  navigationBarTitleText: '首页装修',
});
