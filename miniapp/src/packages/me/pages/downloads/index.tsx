import { MyDownloadsList } from '@/modules/activity/components/ActivityLists';
import { SignInGate } from '@/modules/identity/components/SignInGate';
import { Page } from '@/ui';

export default function MyDownloadsPage() {
  return (
    <Page>
      <SignInGate title='登录后查看' description='登录后即可查看和管理你的信息。'>
        <MyDownloadsList />
      </SignInGate>
    </Page>
  );
}
