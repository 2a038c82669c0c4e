import { Body, Controller, Param, Res, UploadedFiles } from '@nestjs/common';
import {
  Api,
  CARD_IMAGE_FIELD,
  type CardViewQuery,
  type PageQuery,
  type ContactRequest,
  type UpdateCardRequest,
} from '@leadloop/shared';
import type { Response } from 'express';
import { Auth, type AuthContext, Route, type UploadedParts, ValidQuery } from '../../core/route';
import { streamFile } from '../storage/served-file';
import { CardService } from './card.service';
import { CardVisitsService } from './card-visits.service';
import { ContactRequestsService } from './contact-requests.service';

@Controller()
export class CardController {
  constructor(
    private readonly cards: CardService,
    private readonly visits: CardVisitsService,
    private readonly contacts: ContactRequestsService,
  ) {}

  // /cards/mine… first: Express matches in declaration order, and /cards/{cardId} would take `mine`
  @Route(Api.myCard)
  mine(@Auth() auth: AuthContext) {
    return this.cards.mine(auth);
  }

  @Route(Api.updateMyCard)
  update(@Auth() auth: AuthContext, @Body() body: UpdateCardRequest) {
    return this.cards.update(auth, body);
  }

  @Route(Api.uploadCardImage)
  upload(@Auth() auth: AuthContext, @Param('kind') kind: string, @UploadedFiles() parts: UploadedParts) {
    return this.cards.uploadImage(auth, kind, parts?.[CARD_IMAGE_FIELD]?.[0]);
  }

  @Route(Api.myCardVisitors)
  myVisitors(@Auth() auth: AuthContext, @ValidQuery() query: PageQuery) {
    return this.visits.visitors(auth, query);
  }

  @Route(Api.cardImage)
  async image(@Param('imageId') id: string, @Res({ passthrough: true }) res: Response) {
    return streamFile(res, await this.cards.image(id));
  }

  @Route(Api.viewCard)
  view(@Auth() auth: AuthContext, @Param('cardId') cardId: string, @ValidQuery() query: CardViewQuery) {
    return this.visits.view(auth, cardId, query);
  }

  @Route(Api.requestContact)
  requestContact(@Auth() auth: AuthContext, @Param('cardId') cardId: string, @Body() body: ContactRequest) {
    return this.contacts.request(auth, cardId, body);
  }
}
