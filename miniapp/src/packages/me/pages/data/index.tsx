import { DataRights } from '@/modules/privacy/components/DataRights';
import { PrivacyPopup } from '@/modules/privacy/components/PrivacyPopup';
import { Page } from '@/ui';

export default function MyDataPage() {
  return (
    <Page>
      {/* the export is copied (setClipboardData) or sent as a file */}
      <PrivacyPopup />
      <DataRights />
    </Page>
  );
}
