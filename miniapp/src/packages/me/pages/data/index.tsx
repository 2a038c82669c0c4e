import { DataRights } from '@/modules/privacy/components/DataRights';
import { Page } from '@/ui';

export default function MyDataPage() {
  return (
    <Page>
      <DataRights />
    </Page>
  );
}
