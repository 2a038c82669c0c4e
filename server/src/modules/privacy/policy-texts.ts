import { Inject, Injectable } from '@nestjs/common';
import type { PolicyKind, PolicyText } from '@leadloop/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config';

/**
 * The policy texts the app opens from every consent line. Today they come from the deployment's
 * configuration (the privacy policy's version is `PRIVACY_POLICY_VERSION`); when the company's
 * own texts are kept in the console's brand settings, this is the one place that reads them.
 */
@Injectable()
export class PolicyTexts {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  current(kind: PolicyKind): PolicyText {
    const version = this.config.privacyPolicyVersion;
    return kind === 'privacy'
      ? { kind, title: '隐私政策', version, text: PRIVACY_TEXT }
      : { kind, title: '用户协议', version, text: TERMS_TEXT };
  }
}

const PRIVACY_TEXT = `本政策说明我们在小程序中如何收集、使用和保护你的个人信息。请在使用前仔细阅读。

一、我们收集的信息
你报名直播、下载资料或请顾问联系你时，我们按页面提示收集你主动填写的姓名、公司、职位、邮箱，以及你通过微信授权的手机号。我们还会记录你浏览、报名、观看、下载等使用情况。

二、我们如何使用
每项信息只用于你同意的用途：直播报名与开播提醒、向你提供所下载的资料。由顾问与你联系、了解你的需求是单独的用途，只有你另行勾选同意后才会发生，不勾选不影响报名和下载。

三、你的权利
你可以在「我的 · 个人信息」中查看并更正你的信息，在「我的 · 隐私与授权」中随时撤回任一用途的同意（撤回一项不影响其他各项），在「我的 · 导出与注销」中导出或删除你的全部数据。

四、保存与保护
手机号加密保存，对内部人员默认隐藏中间四位。我们不会出售你的个人信息。

五、联系我们
如对本政策有疑问，可通过顾问名片上的联系方式与我们联系。`;

const TERMS_TEXT = `欢迎使用本小程序。使用即表示你同意遵守本协议。

一、服务内容
本小程序提供直播报名与观看、资料下载、顾问名片与联系等服务。

二、使用规范
请提供真实、准确的信息，不得冒用他人身份，不得以任何方式干扰服务正常运行。

三、知识产权
小程序中的直播、资料等内容的权利归其权利人所有，仅供你个人学习参考，未经许可不得转载或用于商业用途。

四、个人信息
我们按《隐私政策》处理你的个人信息。

五、协议变更
协议内容更新时，我们会在小程序中提示，更新后继续使用即视为接受。`;
