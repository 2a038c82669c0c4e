import type { HomeBlock, HomeCardItem, HomeLinkType } from '@leadloop/shared';
import { UpcomingLive } from '@/modules/live/components/UpcomingLive';
import { WhitepaperShelf } from '@/modules/whitepaper/components/WhitepaperShelf';
import { BannerBlockView } from './BannerBlockView';
import { CardsBlockView } from './CardsBlockView';
import { ContactBlockView } from './ContactBlockView';
import { TextBlockView } from './TextBlockView';
import './HomeBlocks.scss';

interface HomeBlocksProps {
  blocks: readonly HomeBlock[];
  cards: readonly HomeCardItem[];
  /** Opens an item (with the sharer's token when there is one); the console's preview opens nothing. */
  onOpen(contentType: HomeLinkType, contentId: string): void;
  /** The console's phone preview: forms are shown but not sent. */
  preview?: boolean;
}

/** The home page as marketing built it: its blocks, in order. */
export function HomeBlocks({ blocks, cards, onOpen, preview = false }: HomeBlocksProps) {
  return (
    <>
      {blocks.map((block) => {
        switch (block.type) {
          case 'banner':
            return <BannerBlockView key={block.id} block={block} onOpen={onOpen} />;
          case 'live':
            return <UpcomingLive key={block.id} title={block.title} eventIds={block.eventIds} onOpen={(id) => onOpen('live', id)} />;
          case 'whitepapers':
            return <WhitepaperShelf key={block.id} title={block.title} whitepaperIds={block.whitepaperIds} onOpen={(id) => onOpen('whitepaper', id)} />;
          case 'cards':
            return <CardsBlockView key={block.id} block={block} cards={cards} onOpen={(id) => onOpen('card', id)} />;
          case 'text':
            return <TextBlockView key={block.id} block={block} />;
          case 'contact':
            return <ContactBlockView key={block.id} block={block} preview={preview} />;
          default:
            return null;
        }
      })}
    </>
  );
}
