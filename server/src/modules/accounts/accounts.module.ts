import { Module, type OnModuleInit } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { ACCOUNT_IMPORT_MAX_BYTES } from '@leadloop/shared';
import { Pipeline } from '../activity/pipeline';
import { ProfileModule } from '../profile/profile.module';
import { AccountDirectory } from './account-directory';
import { AccountImport } from './account-import';
import { AccountJoin } from './account-join';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';

/** Accounts (ABM): people joined to their company as their profile changes, target lists imported, accounts merged. */
@Module({
  imports: [ProfileModule, MulterModule.register({ limits: { fileSize: ACCOUNT_IMPORT_MAX_BYTES, files: 1, fields: 1, parts: 2 } })],
  controllers: [AccountsController],
  providers: [AccountDirectory, AccountJoin, AccountsService, AccountImport],
})
export class AccountsModule implements OnModuleInit {
  constructor(
    private readonly pipeline: Pipeline,
    private readonly join: AccountJoin,
  ) {}

  onModuleInit(): void {
    this.pipeline.register(this.join);
  }
}
