import { LiveDetail } from '@/modules/live/components/LiveDetail';
import { describeLiveError } from '@/modules/live/services/live-errors';
import { useRoutedContentId } from '@/modules/share-chain/hooks/useRoutedContentId';
import { isApiError } from '@/core/api/api-error';
import { PrivacyPopup } from '@/modules/privacy/components/PrivacyPopup';
import { Loading, RetryCard, SubPage } from '@/ui';

export default function LiveDetailPage() {
  // `?id=…`, or a poster's code carrying only the share token (`?scene=…`)
  const { id, error, retry } = useRoutedContentId('live');
  if (error && !isApiError(error, 'NOT_FOUND')) {
    return (
      <SubPage>
        <RetryCard message={describeLiveError(error)} onRetry={retry} />
      </SubPage>
    );
  }
  // the sign-up sheet binds a phone (getPhoneNumber) and the poster is saved to the album
  return (
    <SubPage>
      <PrivacyPopup />
      {id === '' ? <Loading /> : <LiveDetail id={id ?? ''} />}
    </SubPage>
  );
}
