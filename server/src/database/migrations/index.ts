import { Identity1763800000000 } from './1763800000000-identity';

/** Every migration, in order. Listed explicitly so the set is the same from ts-jest and from dist. */
export const migrations = [Identity1763800000000];
