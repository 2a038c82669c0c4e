import { PersonDataRegistry } from './person-data';

describe('PersonDataRegistry', () => {
  const contributor = (section: string) => ({ section, export: async () => null, erase: async () => undefined });

  it('refuses a section registered twice', () => {
    const registry = new PersonDataRegistry();
    registry.register(contributor('liveEvents'));
    expect(() => registry.register(contributor('liveEvents'))).toThrow('Person data section liveEvents is registered twice');
  });

  it('refuses a second resolver of erasure records and a guard registered twice', () => {
    const registry = new PersonDataRegistry();
    registry.registerRecords('identity', async (_em, id) => [id]);
    expect(() => registry.registerRecords('accounts', async (_em, id) => [id])).toThrow('Erasure records accounts cannot register: identity already resolves them');
    registry.registerGuard('staff account', async () => undefined);
    expect(() => registry.registerGuard('staff account', async () => undefined)).toThrow('Erasure guard staff account is registered twice');
  });
});
