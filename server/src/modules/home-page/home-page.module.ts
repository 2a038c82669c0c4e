import { Module, type OnModuleInit } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { HOME_IMAGE_MAX_BYTES } from '@leadloop/shared';
import { CardModule } from '../card/card.module';
import { PersonDataRegistry } from '../privacy/person-data';
import { PrivacyModule } from '../privacy/privacy.module';
import { ProfileModule } from '../profile/profile.module';
import { ShareChainModule } from '../share-chain/share-chain.module';
import { HomeContactService } from './home-contact.service';
import { HomePageController } from './home-page.controller';
import { HomePagePersonData } from './home-page.person-data';
import { HomePageRepository } from './home-page.repository';
import { HomePageService } from './home-page.service';
import { PersonMergeRegistry } from '../person-merge/person-merge';
import { homePageMerge } from './home-page.merge';

/** The prospect home page (微页面): blocks marketers edit and publish, and its 请联系我. */
@Module({
  imports: [
    CardModule,
    ProfileModule,
    PrivacyModule,
    ShareChainModule,
    MulterModule.register({ limits: { fileSize: HOME_IMAGE_MAX_BYTES, files: 1, fields: 2, parts: 3 } }),
  ],
  controllers: [HomePageController],
  providers: [HomePageRepository, HomePageService, HomeContactService, HomePagePersonData],
})
export class HomePageModule implements OnModuleInit {
  constructor(
    private readonly merges: PersonMergeRegistry,
    private readonly personData: PersonDataRegistry,
    private readonly contributor: HomePagePersonData,
  ) {}

  onModuleInit(): void {
    this.merges.register(homePageMerge);
    this.personData.register(this.contributor);
  }
}
