import { useRouter } from '@tarojs/taro';
import { SignInGate } from '@/modules/identity/components/SignInGate';
import { PrivacyPopup } from '@/modules/privacy/components/PrivacyPopup';
import { InviteAcceptance } from '@/modules/staff/components/InviteAcceptance';
import { secretFromParams } from '@/modules/staff/services/staff-links';
import { Card, ResultPanel, SubPage } from '@/ui';

export default function InvitePage() {
  const { params } = useRouter();
  const token = secretFromParams(params);
  return (
    <SubPage up='mine'>
      <PrivacyPopup />
      {token ? (
        <SignInGate title='登录后接受邀请' description='登录后即可查看邀请详情，并将你的微信绑定到团队账号。'>
          <InviteAcceptance token={token} />
        </SignInGate>
      ) : (
        <Card>
          <ResultPanel tone='error' title='邀请链接无效' description='请确认链接完整，或联系管理员重新邀请。' />
        </Card>
      )}
    </SubPage>
  );
}
