import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError } from '../../core/app-error';
import { Clock } from '../../core/clock';
import type { AuthContext } from '../../core/route';
import { insertNew } from '../../database/sql';
import { Activity } from '../activity/activity';
import { surveyActivity } from './live.activities';
import { LiveRepository } from './live.repository';
import { LiveService } from './live.service';

/** The post-event survey: one answer set per person, checked against the event's questions. */
@Injectable()
export class SurveyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly live: LiveRepository,
    private readonly events: LiveService,
    private readonly clock: Clock,
    private readonly activity: Activity,
  ) {}

  async answer(auth: AuthContext, eventId: string, answers: Record<string, string>): Promise<{ saved: boolean }> {
    const event = await this.events.mustFindPublic(eventId);
    const signup = await this.live.findSignup(eventId, auth.personId);
    if (signup?.status !== 'confirmed') throw new AppError('LIVE_NOT_SIGNED_UP', 'Only people who signed up can answer');
    const problems = Object.entries(answers).flatMap(([id, value]) => {
      const question = event.survey.find((q) => q.id === id);
      if (!question) return [{ path: `answers.${id}`, message: 'no such question' }];
      if (question.choices.length > 0 && !question.choices.includes(value)) return [{ path: `answers.${id}`, message: 'not one of the choices' }];
      return [];
    });
    if (problems.length > 0 || Object.keys(answers).length === 0) throw new AppError('VALIDATION_FAILED', 'Invalid survey answers', { fields: problems });
    // the first submission counts; a resend is harmless (its activity is keyed by the event, so stored once too)
    await this.dataSource.transaction(async (em) => {
      await insertNew(em, 'live_survey_answers', [{ event_id: eventId, person_id: auth.personId, answers: JSON.stringify(answers), created_at: this.clock.now() }]);
      await this.activity.record(em, surveyActivity(eventId, auth.personId));
    });
    return { saved: true };
  }
}
