import { DataRights } from '@/modules/privacy/components/DataRights';
import { PrivacyPopup } from '@/modules/privacy/components/PrivacyPopup';
import { SubPage } from '@/ui';

export default function MyDataPage() {
  return (
    <SubPage up='mine'>
      {/* the export is copied (setClipboardData) or sent as a file */}
      <PrivacyPopup />
      <DataRights />
    </SubPage>
  );
}
