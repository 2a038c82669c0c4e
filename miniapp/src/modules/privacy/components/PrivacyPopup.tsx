import { useBrand } from '@/modules/brand/hooks/useBrand';
import { shortNameOf } from '@/modules/brand/services/brand.service';
import { Text, View } from '@tarojs/components';
import { platform } from '@/core/platform';
import { useStore } from '@/core/store';
import { ActionButton } from '@/ui';
import { answerPrivacyPrompt, privacyPromptStore } from '../services/privacy-prompt';
import './PrivacyPopup.scss';

const AGREE_BUTTON_ID = 'agree-privacy';

/**
 * WeChat's privacy authorisation sheet. Rendered on every page that uses a privacy API; it only
 * appears when WeChat asks (never in a browser).
 */
export function PrivacyPopup() {
  const request = useStore(privacyPromptStore);
  const brandShortName = shortNameOf(useBrand());
  if (!request) return null;
  return (
    <View className='privacy-popup'>
      <View className='privacy-popup__sheet'>
        <Text className='privacy-popup__title'>用户隐私保护提示</Text>
        <Text className='privacy-popup__body'>
          {`感谢使用${brandShortName || '本小程序'}。在绑定手机号、保存图片、复制链接或选择文件前，请阅读并同意`}
          <Text className='privacy-popup__link' onClick={() => platform.openPrivacyContract()}>
            {`《${brandShortName || '小程序'}隐私保护指引》`}
          </Text>
          。我们仅在你同意的范围内使用相关信息。
        </Text>
        <View className='privacy-popup__actions'>
          <ActionButton variant='ghost' onClick={() => answerPrivacyPrompt(false)}>
            拒绝
          </ActionButton>
          <ActionButton
            id={AGREE_BUTTON_ID}
            openType='agreePrivacyAuthorization'
            onAgreePrivacyAuthorization={() => answerPrivacyPrompt(true, AGREE_BUTTON_ID)}
          >
            同意并继续
          </ActionButton>
        </View>
      </View>
    </View>
  );
}
