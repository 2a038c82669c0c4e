import { ConsentList } from '@/modules/privacy/components/ConsentList';
import { SignInGate } from '@/modules/identity/components/SignInGate';
import { SubPage } from '@/ui';

export default function MyPrivacyPage() {
  return (
    <SubPage up='mine'>
      <SignInGate title='登录后查看' description='登录后即可查看和管理你的信息。'>
        <ConsentList />
      </SignInGate>
    </SubPage>
  );
}
