import { Identity1763800000000 } from './1763800000000-identity';
import { ShareChain1763900000000 } from './1763900000000-share-chain';
import { ProfileLeads1764000000000 } from './1764000000000-profile-leads';

/** Every migration, in order. Listed explicitly so the set is the same from ts-jest and from dist. */
export const migrations = [Identity1763800000000, ShareChain1763900000000, ProfileLeads1764000000000];
