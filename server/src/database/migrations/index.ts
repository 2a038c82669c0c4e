import { Identity1763800000000 } from './1763800000000-identity';
import { ShareChain1763900000000 } from './1763900000000-share-chain';
import { ProfileLeads1764000000000 } from './1764000000000-profile-leads';
import { LivePayments1764300000000 } from './1764300000000-live-payments';
import { Cards1764350000000 } from './1764350000000-cards';
import { LeadStatusWidth1764350000001 } from './1764350000001-lead-status-width';
import { Whitepapers1764500000000 } from './1764500000000-whitepapers';
import { Privacy1764510000000 } from './1764510000000-privacy';
import { ShareLineage1764600000000 } from './1764600000000-share-lineage';
import { ActivityStream1765000000000 } from './1765000000000-activity-stream';
import { BrandHome1765200000000 } from './1765200000000-brand-home';
import { DataRightsTeamLive1765300000000 } from './1765300000000-data-rights-team-live';
import { LeadWorkspace1765400000000 } from './1765400000000-lead-workspace';
import { LeadPages1765430000000 } from './1765430000000-lead-pages';
import { LeadScoring1765410000000 } from './1765410000000-lead-scoring';
import { AccountsProfile1765420000000 } from './1765420000000-accounts-profile';
import { PersonMerges1765440000000 } from './1765440000000-person-merges';
import { SharedContents1765450000000 } from './1765450000000-shared-contents';
import { BinaryTokens1765460000000 } from './1765460000000-binary-tokens';
import { LeadActivityIndex1765470000000 } from './1765470000000-lead-activity-index';
import { EventsSeqIndex1765480000000 } from './1765480000000-events-seq-index';
import { SalesOrgRouting1765500000000 } from './1765500000000-sales-org-routing';
import { TimersSignals1765510000000 } from './1765510000000-timers-signals';
import { SalesFeedback1765520000000 } from './1765520000000-sales-feedback';
import { LeadSourceCounts1765530000000 } from './1765530000000-lead-source-counts';

/** Every migration, in order. Listed explicitly so the set is the same from ts-jest and from dist. */
export const migrations = [
  Identity1763800000000,
  ShareChain1763900000000,
  ProfileLeads1764000000000,
  LivePayments1764300000000,
  Cards1764350000000,
  LeadStatusWidth1764350000001,
  Whitepapers1764500000000,
  Privacy1764510000000,
  ShareLineage1764600000000,
  ActivityStream1765000000000,
  BrandHome1765200000000,
  DataRightsTeamLive1765300000000,
  LeadWorkspace1765400000000,
  LeadScoring1765410000000,
  AccountsProfile1765420000000,
  LeadPages1765430000000,
  PersonMerges1765440000000,
  SharedContents1765450000000,
  BinaryTokens1765460000000,
  LeadActivityIndex1765470000000,
  EventsSeqIndex1765480000000,
  SalesOrgRouting1765500000000,
  TimersSignals1765510000000,
  SalesFeedback1765520000000,
  LeadSourceCounts1765530000000,
];
