import { Body, Controller, Param } from '@nestjs/common';
import { Api, type PreviewRequest, type RuleSetDraft, type UpdateLeadSettings } from '@leadloop/shared';
import { Auth, type AuthContext, Route } from '../../core/route';
import { ScoringService } from './scoring.service';

@Controller()
export class ScoringController {
  constructor(private readonly scoring: ScoringService) {}

  @Route(Api.leadScore)
  breakdown(@Auth() auth: AuthContext, @Param('id') id: string) {
    return this.scoring.breakdown(auth, id);
  }

  @Route(Api.leadSettings)
  settings() {
    return this.scoring.settings();
  }

  @Route(Api.updateLeadSettings)
  updateSettings(@Auth() auth: AuthContext, @Body() body: UpdateLeadSettings) {
    return this.scoring.updateSettings(auth, body);
  }

  @Route(Api.scoringRules)
  rules() {
    return this.scoring.ruleSet();
  }

  @Route(Api.saveScoringRules)
  saveRules(@Auth() auth: AuthContext, @Body() body: RuleSetDraft) {
    return this.scoring.saveRuleSet(auth, body);
  }

  @Route(Api.previewScoringRules)
  preview(@Body() body: PreviewRequest) {
    return this.scoring.preview(body);
  }

  @Route(Api.rescoreProgress)
  progress() {
    return this.scoring.progress();
  }
}
