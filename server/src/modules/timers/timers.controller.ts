import { Body, Controller } from '@nestjs/common';
import { Api, type WorkingCalendarSettings } from '@leadloop/shared';
import { Auth, type AuthContext, Route } from '../../core/route';
import { WorkingCalendarSettingsService } from './working-calendar.settings';

@Controller()
export class TimersController {
  constructor(private readonly calendar: WorkingCalendarSettingsService) {}

  @Route(Api.workingCalendar)
  workingCalendar() {
    return this.calendar.view();
  }

  @Route(Api.saveWorkingCalendar)
  saveWorkingCalendar(@Auth() auth: AuthContext, @Body() body: WorkingCalendarSettings) {
    return this.calendar.save(auth, body);
  }
}
