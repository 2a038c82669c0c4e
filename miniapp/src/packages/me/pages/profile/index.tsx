import { SignInGate } from '@/modules/identity/components/SignInGate';
import { ProfileCorrection } from '@/modules/privacy/components/ProfileCorrection';
import { SubPage } from '@/ui';

export default function MyProfilePage() {
  return (
    <SubPage up='mine'>
      <SignInGate title='登录后查看' description='登录后即可查看和更正你的信息。'>
        <ProfileCorrection />
      </SignInGate>
    </SubPage>
  );
}
