import { Body, Controller, Param, Res, UploadedFiles } from '@nestjs/common';
import { Api, type AttendanceRequest, type LiveEventChanges, type LiveEventDraft, type ReminderGrantRequest, type SurveyAnswerRequest } from '@leadloop/shared';
import type { z } from 'zod';
import type { Response } from 'express';
import { Call, Direct, type DirectCall } from '../../core/direct-routes';
import { Auth, type AuthContext, MaybeAuth, Route, type UploadedParts, ValidQuery } from '../../core/route';
import { streamFile } from '../storage/served-file';
import { AttendanceService } from './attendance.service';
import { ChannelsWatch } from './channels-watch';
import { LiveCovers } from './live-covers';
import { LiveReportService } from './live-report.service';
import { LiveService } from './live.service';
import { RemindersService } from './reminders.service';
import { SignupService } from './signup.service';
import { SurveyService } from './survey.service';

type ListQuery = z.infer<typeof Api.liveEvents.query>;

@Controller()
export class LiveController {
  constructor(
    private readonly live: LiveService,
    private readonly signups: SignupService,
    private readonly reminders: RemindersService,
    private readonly attendance: AttendanceService,
    private readonly surveys: SurveyService,
    private readonly reports: LiveReportService,
    private readonly covers: LiveCovers,
    private readonly channelsWatch: ChannelsWatch,
  ) {}

  @Route(Api.createLiveEvent)
  create(@Auth() auth: AuthContext, @Body() body: LiveEventDraft) {
    return this.live.create(auth, body);
  }

  @Route(Api.updateLiveEvent)
  update(@Param('id') id: string, @Body() body: LiveEventChanges) {
    return this.live.update(id, body);
  }

  @Route(Api.publishLiveEvent)
  publish(@Param('id') id: string) {
    return this.live.publish(id);
  }

  @Route(Api.uploadLiveCover)
  uploadCover(@Param('id') id: string, @UploadedFiles() parts: UploadedParts) {
    return this.covers.upload(id, parts);
  }

  @Route(Api.liveCover)
  async cover(@Param('id') id: string, @Res({ passthrough: true }) res: Response) {
    return streamFile(res, await this.covers.open(id));
  }

  @Route(Api.consoleLiveEvents)
  consoleList(@ValidQuery() query: ListQuery) {
    return this.live.consoleList(query);
  }

  @Route(Api.consoleLiveEvent)
  consoleEvent(@Param('id') id: string) {
    return this.live.consoleEvent(id);
  }

  @Route(Api.liveReport)
  report(@Param('id') id: string) {
    return this.reports.report(id);
  }

  @Route(Api.liveEvents)
  list(@MaybeAuth() auth: AuthContext | null, @ValidQuery() query: ListQuery) {
    return this.live.list(auth, query);
  }

  @Route(Api.liveEvent)
  view(@MaybeAuth() auth: AuthContext | null, @Param('id') id: string) {
    return this.live.view(auth, id);
  }

  @Route(Api.liveGate)
  gate(@Auth() auth: AuthContext, @Param('id') id: string) {
    return this.signups.gateStatus(auth, id);
  }

  /** A hot path: also served ahead of Nest by `startApp` (core/direct-routes). */
  @Direct()
  @Route(Api.signUp)
  signUp(@Call() { auth, params, body }: DirectCall<typeof Api.signUp>) {
    return this.signups.signUp(auth, params.id, body);
  }

  @Route(Api.cancelSignup)
  cancel(@Auth() auth: AuthContext, @Param('id') id: string) {
    return this.signups.cancel(auth, id);
  }

  @Route(Api.grantReminders)
  grant(@Auth() auth: AuthContext, @Param('id') id: string, @Body() body: ReminderGrantRequest) {
    return this.reminders.grant(auth, id, body.results);
  }

  @Route(Api.liveRoom)
  room(@Auth() auth: AuthContext, @Param('id') id: string) {
    return this.attendance.room(auth, id);
  }

  @Route(Api.reportAttendance)
  attend(@Auth() auth: AuthContext, @Param('id') id: string, @Body() body: AttendanceRequest) {
    return this.channelsWatch.report(auth, id, body.kind);
  }

  @Route(Api.mySignups)
  mine(@Auth() auth: AuthContext, @ValidQuery() query: ListQuery) {
    return this.live.mySignups(auth, query);
  }

  @Route(Api.answerSurvey)
  answer(@Auth() auth: AuthContext, @Param('id') id: string, @Body() body: SurveyAnswerRequest) {
    return this.surveys.answer(auth, id, body.answers);
  }
}
