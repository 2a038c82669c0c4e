import { Module, type OnModuleInit } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { CARD_IMAGE_MAX_BYTES } from '@leadloop/shared';
import { PosterSources } from '../posters/poster-sources';
import { PersonDataRegistry } from '../privacy/person-data';
import { PrivacyModule } from '../privacy/privacy.module';
import { ProfileModule } from '../profile/profile.module';
import { ContentTitles } from '../share-chain/content-titles';
import { ShareChainModule } from '../share-chain/share-chain.module';
import { StaffHandovers } from '../staff/handover';
import { StaffModule } from '../staff/staff.module';
import { CardController } from './card.controller';
import { CardDirectory } from './card-directory';
import { CardHandover } from './card.handover';
import { CardPoster } from './card.poster';
import { CardRepository } from './card.repository';
import { CardService } from './card.service';
import { CardImages } from './card-images';
import { CardPersonData } from './card.person-data';
import { CardVisitsRepository } from './card-visits.repository';
import { CardVisitsService } from './card-visits.service';
import { ContactRequestsService } from './contact-requests.service';
import { IntroModeration } from './intro-moderation';
import { IntroModerationJob } from './jobs/intro-moderation.job';
import { PersonMergeRegistry } from '../person-merge/person-merge';
import { cardMerge } from './card.merge';

/** Salespeople's business cards (SPEC §2.5): the card, its moderated introduction, visitors and contact requests. */
@Module({
  imports: [
    ShareChainModule,
    ProfileModule,
    PrivacyModule,
    StaffModule,
    // images are read into memory (no storage engine); a part over the limit is a 413 (PAYLOAD_TOO_LARGE)
    MulterModule.register({ limits: { fileSize: CARD_IMAGE_MAX_BYTES, files: 1, fields: 4, parts: 5 } }),
  ],
  controllers: [CardController],
  providers: [
    CardRepository,
    CardDirectory,
    CardVisitsRepository,
    CardService,
    CardVisitsService,
    ContactRequestsService,
    IntroModeration,
    IntroModerationJob,
    CardImages,
    CardPersonData,
    CardPoster,
    CardHandover,
  ],
  exports: [CardDirectory],
})
export class CardModule implements OnModuleInit {
  constructor(
    private readonly merges: PersonMergeRegistry,
    private readonly personData: PersonDataRegistry,
    private readonly cardData: CardPersonData,
    private readonly posterSources: PosterSources,
    private readonly poster: CardPoster,
    private readonly handovers: StaffHandovers,
    private readonly handover: CardHandover,
    private readonly contentTitles: ContentTitles,
    private readonly cards: CardRepository,
  ) {}

  onModuleInit(): void {
    this.merges.register(cardMerge);
    this.personData.register(this.cardData);
    this.handovers.register(this.handover);
    this.posterSources.register('card', (id) => this.poster.content(id));
    this.contentTitles.register('card', (ids) => this.cards.titlesOf(ids));
    this.posterSources.registerAvatarOf('card', (personId) => this.poster.avatarOf(personId));
  }
}
