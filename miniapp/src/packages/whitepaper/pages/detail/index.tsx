import { PrivacyPopup } from '@/modules/privacy/components/PrivacyPopup';
import { useRoutedContentId } from '@/modules/share-chain/hooks/useRoutedContentId';
import { WhitepaperDetail } from '@/modules/whitepaper/components/WhitepaperDetail';
import { Loading, SubPage } from '@/ui';

export default function WhitepaperDetailPage() {
  // `?id=…`, or a poster's code carrying only the share token (`?scene=…`)
  const { id, error, retry } = useRoutedContentId('whitepaper');
  return (
    <SubPage>
      <PrivacyPopup />
      {id === '' ? <Loading /> : <WhitepaperDetail id={id} resolveError={error} onRetryResolve={retry} />}
    </SubPage>
  );
}
