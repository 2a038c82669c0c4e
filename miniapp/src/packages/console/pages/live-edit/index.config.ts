export default definePageConfig({
  navigationBarTitleText: '编辑直播',
});
