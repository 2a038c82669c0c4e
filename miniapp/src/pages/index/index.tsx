import { useMe } from '@/modules/identity/hooks/useMe';
import { OfferingGrid } from '@/modules/home/components/OfferingGrid';
import { TrustStrip } from '@/modules/home/components/TrustStrip';
import { WelcomeHero } from '@/modules/home/components/WelcomeHero';
import { useSession } from '@/modules/identity/hooks/useSession';
import { Page } from '@/ui';

export default function HomePage() {
  const session = useSession();
  const { me } = useMe();
  return (
    <Page>
      <WelcomeHero signedIn={session !== null} nickname={me?.person.nickname ?? me?.staff?.name ?? null} />
      <OfferingGrid />
      <TrustStrip />
    </Page>
  );
}
