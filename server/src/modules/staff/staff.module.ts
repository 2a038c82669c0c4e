import { Global, Module, type OnModuleInit } from '@nestjs/common';
import { AppError } from '../../core/app-error';
import { IdentityModule } from '../identity/identity.module';
import { STAFF_DIRECTORY } from '../identity/staff-directory';
import { PersonDataModule, PersonDataRegistry } from '../privacy/person-data';
import { ConsoleLoginService } from './console-login.service';
import { StaffAccounts } from './staff-directory.provider';
import { StaffHandovers } from './handover';
import { StaffController } from './staff.controller';
import { StaffRepository } from './staff.repository';
import { StaffService } from './staff.service';

/**
 * Staff accounts as identity's `STAFF_DIRECTORY` (global, so identity's guard and sessions find
 * it without identity importing staff). Only the narrow lookup is exported here.
 */
@Global()
@Module({
  providers: [StaffRepository, StaffAccounts, { provide: STAFF_DIRECTORY, useExisting: StaffAccounts }],
  exports: [STAFF_DIRECTORY],
})
export class StaffDirectoryModule {}

@Module({
  imports: [IdentityModule, StaffDirectoryModule, PersonDataModule],
  controllers: [StaffController],
  providers: [StaffRepository, StaffService, ConsoleLoginService, StaffHandovers],
  exports: [StaffService, StaffRepository, StaffHandovers],
})
export class StaffModule implements OnModuleInit {
  constructor(
    private readonly registry: PersonDataRegistry,
    private readonly staff: StaffRepository,
  ) {}

  onModuleInit(): void {
    // a staff member's WeChat is the company's working account: an admin disables it first
    this.registry.registerGuard('staff account', async (em, personId) => {
      if (await this.staff.findActiveByPerson(personId, em)) {
        throw new AppError('CONFLICT', 'A staff member’s WeChat cannot erase itself; an admin disables the staff account first', { reason: 'staff_account' });
      }
    });
  }
}
