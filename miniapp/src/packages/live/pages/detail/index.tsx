import { LiveDetail } from '@/modules/live/components/LiveDetail';
import { describeLiveError } from '@/modules/live/services/live-errors';
import { useRoutedContentId } from '@/modules/share-chain/hooks/useRoutedContentId';
import { isApiError } from '@/core/api/api-error';
import { PrivacyPopup } from '@/modules/privacy/components/PrivacyPopup';
import { Loading, Page, RetryCard } from '@/ui';

export default function LiveDetailPage() {
  // `?id=…`, or a poster's code carrying only the share token (`?scene=…`)
  const { id, error, retry } = useRoutedContentId('live');
  if (error && !isApiError(error, 'NOT_FOUND')) {
    return (
      <Page>
        <RetryCard message={describeLiveError(error)} onRetry={retry} />
      </Page>
    );
  }
  // the sign-up sheet binds a phone (getPhoneNumber) and the poster is saved to the album
  return (
    <Page>
      <PrivacyPopup />
      {id === '' ? <Loading /> : <LiveDetail id={id ?? ''} />}
    </Page>
  );
}
