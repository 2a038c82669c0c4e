import { MyCardEditor } from '@/modules/card/components/MyCardEditor';
import { SignInGate } from '@/modules/identity/components/SignInGate';
import { useSession } from '@/modules/identity/hooks/useSession';
import { PrivacyPopup } from '@/modules/privacy/components/PrivacyPopup';
import { Card, ResultPanel, SubPage } from '@/ui';

export default function MyCardPage() {
  const session = useSession();
  return (
    <SubPage up='mine'>
      <PrivacyPopup />
      <SignInGate title='登录后编辑名片' description='登录已绑定团队账号的微信，编辑并分享你的名片。'>
        {session?.staff ? (
          <MyCardEditor />
        ) : (
          <Card>
            <ResultPanel tone='warning' title='仅团队成员可使用名片' description='请先通过管理员发出的邀请绑定团队账号。' />
          </Card>
        )}
      </SignInGate>
    </SubPage>
  );
}
