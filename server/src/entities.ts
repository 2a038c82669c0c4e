import { accountEntities } from './modules/accounts/accounts.entity';
import { activityEntities } from './modules/activity/activity.entity';
import { BrandSettingsEntity } from './modules/brand/brand.entity';
import { cardEntities } from './modules/card/card.entity';
import { signalEntities } from './modules/signals/signals.entity';
import { timerEntities } from './modules/timers/timers.entity';
import { homePageEntities } from './modules/home-page/home-page.entity';
import { IdentifierConflictEntity, PersonEntity, PersonIdentifierEntity, PersonMergeEntity } from './modules/identity/identity.entity';
import { leadEntities } from './modules/leads/leads.entity';
import { PhoneRevealEntity } from './modules/leads/phone-reveal.entity';
import { liveEntities } from './modules/live/live.entity';
import { paymentEntities } from './modules/payments/payments.entity';
import { scoringEntities } from './modules/scoring/scoring.entity';
import { MergeJournalEntity } from './modules/person-merge/merge-journal.entity';
import { PersonErasureEntity } from './modules/privacy/privacy.entity';
import { ConsentEntity, ProfileChangeEntity } from './modules/profile/profile.entity';
import { shareChainEntities } from './modules/share-chain/share-chain.entity';
import { ConsoleLoginTicketEntity, StaffEntity, StaffHandoverEntity, StaffInviteEntity } from './modules/staff/staff.entity';
import { AccessTokenEntity } from './modules/wechat/access-token.entity';
import { whitepaperEntities } from './modules/whitepaper/whitepaper.entity';

/**
 * Every feature's entities, collected where the app is assembled (AppModule, so the server, the
 * CLI and the tests share it): `database/` knows how to connect, never which features exist.
 */
export const entities = [
  PersonEntity,
  PersonIdentifierEntity,
  PersonMergeEntity,
  MergeJournalEntity,
  IdentifierConflictEntity,
  StaffEntity,
  StaffInviteEntity,
  ConsoleLoginTicketEntity,
  StaffHandoverEntity,
  AccessTokenEntity,
  ...activityEntities,
  ...shareChainEntities,
  ConsentEntity,
  ...leadEntities,
  ...accountEntities,
  PhoneRevealEntity,
  ...scoringEntities,
  ...cardEntities,
  ...liveEntities,
  ...paymentEntities,
  ...whitepaperEntities,
  PersonErasureEntity,
  ProfileChangeEntity,
  BrandSettingsEntity,
  ...homePageEntities,
  ...timerEntities,
  ...signalEntities,
];
