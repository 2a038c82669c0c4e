import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { ConsoleLoginService } from './console-login.service';
import { StaffHandovers } from './handover';
import { StaffController } from './staff.controller';
import { StaffService } from './staff.service';

@Module({
  imports: [IdentityModule],
  controllers: [StaffController],
  providers: [StaffService, ConsoleLoginService, StaffHandovers],
  exports: [StaffService, StaffHandovers],
})
export class StaffModule {}
