/**
 * What a fresh install says before an admin fills in 品牌设置: nothing that names a company (and
 * never this product), so a prospect who arrives early sees a neutral page.
 */
export const DEFAULT_PRIVACY_POLICY = [
  '本隐私政策说明我们在你使用本小程序时如何收集、使用和保护你的个人信息。',
  '一、我们收集的信息：你主动填写的姓名、公司、职务、邮箱，经你授权获取的手机号，以及你浏览、报名、下载等使用记录。',
  '二、我们如何使用：仅用于你申请的服务（如直播报名、资料下载），以及在你另行同意后由顾问与你联系。每项用途单独征得你的同意。',
  '三、你的权利：你可以在「我的」中查看、更正、导出和删除你的个人信息，并随时撤回同意。',
  '四、信息保护：手机号加密存储，对外脱敏展示；我们不会出售你的个人信息。',
].join('\n');

export const DEFAULT_USER_AGREEMENT = [
  '欢迎使用本小程序。使用前请阅读本协议。',
  '一、你可以浏览内容、报名直播、下载资料，并与我们的顾问联系。',
  '二、请提供真实、准确的信息，不得利用本小程序从事违法活动。',
  '三、小程序中的资料仅供学习交流使用，未经许可不得用于商业用途。',
].join('\n');
