import { Body, Controller, Param } from '@nestjs/common';
import { Api, type ApplyCalibrationRequest, type CalibrationQuery, type FeedbackRequest } from '@leadloop/shared';
import { Auth, type AuthContext, Route, ValidQuery } from '../../core/route';
import { CalibrationService } from './calibration.service';
import { FeedbackService } from './feedback.service';
import { HandoffPackageService } from './handoff-package.service';

@Controller()
export class HandoffController {
  constructor(
    private readonly feedback: FeedbackService,
    private readonly packages: HandoffPackageService,
    private readonly calibrations: CalibrationService,
  ) {}

  @Route(Api.giveFeedback)
  give(@Auth() auth: AuthContext, @Param('id') id: string, @Body() body: FeedbackRequest) {
    return this.feedback.give(auth, id, body);
  }

  @Route(Api.leadHandoff)
  handoff(@Auth() auth: AuthContext, @Param('id') id: string) {
    return this.packages.package(auth, id);
  }

  @Route(Api.calibration)
  calibration(@ValidQuery() query: CalibrationQuery) {
    return this.calibrations.report(query);
  }

  @Route(Api.applyCalibration)
  apply(@Auth() auth: AuthContext, @Body() body: ApplyCalibrationRequest) {
    return this.calibrations.apply(auth, body);
  }
}
