import { Module, type OnModuleInit } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { PosterSources } from '../posters/poster-sources';
import { PersonDataRegistry } from '../privacy/person-data';
import { PrivacyModule } from '../privacy/privacy.module';
import { ProfileModule } from '../profile/profile.module';
import { ContentTitles } from '../share-chain/content-titles';
import { ShareChainModule } from '../share-chain/share-chain.module';
import { DownloadLinks } from './download-link';
import { DownloadsPersonData } from './downloads.person-data';
import { DownloadsService } from './downloads.service';
import { COVER_MAX_BYTES } from './upload-checks';
import { WhitepaperConsoleController } from './whitepaper-console.controller';
import { WhitepaperController } from './whitepaper.controller';
import { WhitepaperPoster } from './whitepaper.poster';
import { WhitepaperRepository } from './whitepaper.repository';
import { WhitepaperService } from './whitepaper.service';
import { PersonMergeRegistry } from '../person-merge/person-merge';
import { whitepaperMerge } from './whitepaper.merge';

/**
 * Uploads are read into memory (no storage engine given to multer) up to the larger of the two
 * limits; each part is then checked against its own. A part over the limit is a 413.
 * `preservePath` keeps the name as sent, so a name carrying a path is seen and refused.
 */
const uploads = (config: AppConfig) => ({
  preservePath: true,
  defParamCharset: 'utf8',
  limits: { fileSize: Math.max(config.whitepaper.maxBytes, COVER_MAX_BYTES), files: 2, fields: 8, fieldSize: 16 * 1024, parts: 10 },
});

@Module({
  imports: [ProfileModule, ShareChainModule, PrivacyModule, MulterModule.registerAsync({ inject: [APP_CONFIG], useFactory: uploads })],
  controllers: [WhitepaperConsoleController, WhitepaperController],
  providers: [
    WhitepaperRepository,
    WhitepaperService,
    DownloadsService,
    DownloadLinks,
    DownloadsPersonData,
    WhitepaperPoster,
  ],
})
export class WhitepaperModule implements OnModuleInit {
  constructor(
    private readonly merges: PersonMergeRegistry,
    private readonly personData: PersonDataRegistry,
    private readonly downloads: DownloadsPersonData,
    private readonly posterSources: PosterSources,
    private readonly poster: WhitepaperPoster,
    private readonly contentTitles: ContentTitles,
    private readonly whitepapers: WhitepaperRepository,
  ) {}

  onModuleInit(): void {
    this.merges.register(whitepaperMerge);
    this.personData.register(this.downloads);
    this.posterSources.register('whitepaper', (id) => this.poster.content(id));
    this.contentTitles.register('whitepaper', (ids) => this.whitepapers.titlesOf(ids));
  }
}
