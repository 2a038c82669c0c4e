import { MyDownloadsList } from '@/modules/activity/components/ActivityLists';
import { SignInGate } from '@/modules/identity/components/SignInGate';
import { SubPage } from '@/ui';

export default function MyDownloadsPage() {
  return (
    <SubPage up='mine'>
      <SignInGate title='登录后查看' description='登录后即可查看和管理你的信息。'>
        <MyDownloadsList />
      </SignInGate>
    </SubPage>
  );
}
