import { LoginHooks } from './login-hooks';

describe('LoginHooks', () => {
  it('refuses a second hook under the same name', () => {
    const hooks = new LoginHooks();
    hooks.register('first touch', async () => undefined);
    hooks.register('welcome', async () => undefined);
    expect(() => hooks.register('first touch', async () => undefined)).toThrow('Login hook first touch is registered twice');
  });

  it('runs every hook; a failing one does not stop the others or the login', async () => {
    const hooks = new LoginHooks();
    const ran: string[] = [];
    hooks.register('broken', async () => {
      throw new Error('down');
    });
    hooks.register('first touch', async (personId) => {
      ran.push(personId);
    });
    await expect(hooks.run('p1', undefined)).resolves.toBeUndefined();
    expect(ran).toEqual(['p1']);
  });
});
