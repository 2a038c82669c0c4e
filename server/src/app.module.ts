import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from './config/config';
import { Clock, ControllableClock, SystemClock } from './core/clock';
import { RateLimits } from './core/rate-limits';
import { SafeFetcher } from './core/safe-fetch';
import { ServerUrl } from './core/server-url';
import { DatabaseModule } from './database/database.module';
import { entities } from './entities';
import { AccountsModule } from './modules/accounts/accounts.module';
import { ActivityModule } from './modules/activity/activity.module';
import { BrandModule } from './modules/brand/brand.module';
import { HomePageModule } from './modules/home-page/home-page.module';
import { CardModule } from './modules/card/card.module';
import { IdentityModule } from './modules/identity/identity.module';
import { LeadProfileModule } from './modules/lead-profile/lead-profile.module';
import { LeadPagesModule } from './modules/leads/lead-pages.module';
import { LeadsModule } from './modules/leads/leads.module';
import { LeadsPersonDataModule } from './modules/leads/leads.person-data';
import { LiveModule } from './modules/live/live.module';
import { PaymentsModule } from './modules/payments/payments.module';
import { PostersModule } from './modules/posters/posters.module';
import { PrivacyModule } from './modules/privacy/privacy.module';
import { ProfileModule } from './modules/profile/profile.module';
import { ScoringModule } from './modules/scoring/scoring.module';
import { SandboxModule } from './modules/sandbox/sandbox.module';
import { ShareChainModule } from './modules/share-chain/share-chain.module';
import { SignalsModule } from './modules/signals/signals.module';
import { StaffModule } from './modules/staff/staff.module';
import { StorageModule } from './modules/storage/storage.module';
import { TimersModule } from './modules/timers/timers.module';
import { OpenApiController, SystemController } from './modules/system/system.controller';
import { WhitepaperModule } from './modules/whitepaper/whitepaper.module';
import { WechatModule } from './modules/wechat/wechat.module';

@Global()
@Module({})
class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    // the sandbox's control routes move a controllable clock; production reads the system clock
    const clock = config.wechat.sandbox ? new ControllableClock() : new SystemClock();
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: Clock, useValue: clock },
        ServerUrl,
        SafeFetcher,
        RateLimits,
      ],
      exports: [APP_CONFIG, Clock, ServerUrl, SafeFetcher, RateLimits],
    };
  }
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(config.database, entities),
        StorageModule,
        ActivityModule,
        BrandModule,
        WechatModule,
        IdentityModule,
        StaffModule,
        ShareChainModule,
        ProfileModule,
        LeadsModule,
        LeadsPersonDataModule,
        AccountsModule,
        LeadProfileModule,
        LeadPagesModule,
        ScoringModule,
        PaymentsModule,
        LiveModule,
        CardModule,
        PrivacyModule,
        WhitepaperModule,
        PostersModule,
        HomePageModule,
        TimersModule,
        SignalsModule,
        // WeChat's stand-in exists only when the sandbox is on; production refuses it at config time.
        ...(config.wechat.sandbox ? [SandboxModule] : []),
      ],
      controllers: [SystemController, OpenApiController],
    };
  }
}
