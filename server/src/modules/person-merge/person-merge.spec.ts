import { PersonMergeRegistry } from './person-merge';

describe('PersonMergeRegistry', () => {
  it('refuses a module registered twice', () => {
    const registry = new PersonMergeRegistry();
    registry.register({ module: 'live', move: async () => undefined });
    registry.register({ module: 'card', move: async () => undefined });
    expect(() => registry.register({ module: 'live', move: async () => undefined })).toThrow('Merge contributor live is registered twice');
    expect(registry.modules()).toEqual(['live', 'card']);
  });
});
