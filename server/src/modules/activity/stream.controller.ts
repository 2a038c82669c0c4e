import { Controller, Param } from '@nestjs/common';
import { Api, type PageQuery } from '@leadloop/shared';
import { Route, ValidQuery } from '../../core/route';
import { StreamAdminService } from './stream-admin.service';

@Controller()
export class StreamController {
  constructor(private readonly stream: StreamAdminService) {}

  @Route(Api.streamStatus)
  status() {
    return this.stream.status();
  }

  @Route(Api.deadLetters)
  deadLetters(@ValidQuery() query: PageQuery) {
    return this.stream.deadLetters(query);
  }

  @Route(Api.replayDeadLetter)
  replay(@Param('id') id: string) {
    return this.stream.replay(id);
  }
}
