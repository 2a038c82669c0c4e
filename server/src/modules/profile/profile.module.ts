import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { ConsentLedger } from './consent.ledger';
import { ProfileGate } from './profile-gate';

@Module({
  imports: [IdentityModule],
  providers: [ConsentLedger, ProfileGate],
  exports: [ConsentLedger, ProfileGate],
})
export class ProfileModule {}
