import { useMe } from '@/modules/identity/hooks/useMe';
import { OfferingGrid } from '@/modules/home/components/OfferingGrid';
import { TrustStrip } from '@/modules/home/components/TrustStrip';
import { WelcomeHero } from '@/modules/home/components/WelcomeHero';
import { useSession } from '@/modules/identity/hooks/useSession';
import { UpcomingLive } from '@/modules/live/components/UpcomingLive';
import { SharePanel } from '@/modules/share-chain/components/SharePanel';
import { useShareable } from '@/modules/share-chain/hooks/useShareable';
import { useContentView } from '@/modules/tracking/hooks/useContentView';
import { WhitepaperShelf } from '@/modules/whitepaper/components/WhitepaperShelf';
import { PrivacyPopup } from '@/modules/privacy/components/PrivacyPopup';
import { Page } from '@/ui';

const HOME = { contentType: 'page', contentId: 'home' } as const;

export default function HomePage() {
  const session = useSession();
  const { me } = useMe();
  useContentView(HOME);
  const shareable = useShareable({ ...HOME, title: '线索闭环：让每一次分享，都带回一条好线索' });
  return (
    <Page>
      {/* the share panel copies a link (setClipboardData) */}
      <PrivacyPopup />
      <WelcomeHero signedIn={session !== null} nickname={me?.person.nickname ?? me?.staff?.name ?? null} />
      <UpcomingLive />
      <WhitepaperShelf />
      <OfferingGrid />
      <SharePanel shareable={shareable} />
      <TrustStrip />
    </Page>
  );
}
