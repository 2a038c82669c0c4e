import { Body, Controller, Param, Req } from '@nestjs/common';
import { Api, type CreateChannelRequest, type IngestEventsRequest, type MintShareRequest, type StarMapQuery } from '@leadloop/shared';
import { Auth, type AuthContext, type AuthedRequest, Route, ValidQuery } from '../../core/route';
import { EventsService } from './events.service';
import { ShareChainService } from './share-chain.service';
import { StarMapService } from './star-map.service';

@Controller()
export class ShareChainController {
  constructor(
    private readonly shares: ShareChainService,
    private readonly events: EventsService,
    private readonly starMap: StarMapService,
  ) {}

  @Route(Api.shareTokenContent)
  content(@Param('token') token: string) {
    return this.shares.contentOf(token);
  }

  @Route(Api.mintShare)
  mint(@Auth() auth: AuthContext, @Body() body: MintShareRequest) {
    return this.shares.mint(auth, body);
  }

  @Route(Api.ingestEvents)
  ingest(@Req() req: AuthedRequest, @Body() body: IngestEventsRequest) {
    return this.events.ingest(
      { personId: req.auth?.personId ?? null, userAgent: req.get('user-agent'), prefetch: /prefetch/i.test(`${req.get('purpose') ?? ''} ${req.get('sec-purpose') ?? ''}`) },
      body.events,
    );
  }

  @Route(Api.starMap)
  map(@ValidQuery() query: StarMapQuery) {
    return this.starMap.build(query);
  }

  @Route(Api.myShares)
  mine(@Auth() auth: AuthContext) {
    return this.shares.myShares(auth);
  }

  @Route(Api.createChannel)
  createChannel(@Auth() auth: AuthContext, @Body() body: CreateChannelRequest) {
    return this.shares.createChannel(auth, body);
  }

  @Route(Api.listChannels)
  listChannels() {
    return this.shares.listChannels();
  }
}
