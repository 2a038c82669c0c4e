import { Global, Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { ShareChainModule } from '../share-chain/share-chain.module';
import { PosterSources } from './poster-sources';
import { PosterStore } from './poster-store';
import { PostersController } from './posters.controller';
import { PostersService } from './posters.service';

/**
 * Share posters. Global so that content modules (live, whitepaper, card) can inject
 * PosterSources and register their content in `onModuleInit` without importing this module
 * (which imports the share chain: no import cycles whatever the share chain comes to import).
 */
@Global()
@Module({
  imports: [IdentityModule, ShareChainModule],
  controllers: [PostersController],
  providers: [PosterSources, PosterStore, PostersService],
  exports: [PosterSources],
})
export class PostersModule {}
