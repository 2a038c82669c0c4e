import { Injectable, Logger } from '@nestjs/common';
import type { EntryContext } from '@leadloop/shared';

export type LoginHook = (personId: string, entry: EntryContext | undefined) => Promise<void>;

/**
 * What other features do when a person signs in (the share chain records their first touch),
 * without identity depending on them. A failing hook is logged and never fails the login.
 */
@Injectable()
export class LoginHooks {
  private readonly logger = new Logger(LoginHooks.name);
  private readonly hooks: { name: string; run: LoginHook }[] = [];

  /** One hook per name; a second registration under a name is a wiring mistake and throws. */
  register(name: string, run: LoginHook): void {
    if (this.hooks.some((h) => h.name === name)) throw new Error(`Login hook ${name} is registered twice`);
    this.hooks.push({ name, run });
  }

  async run(personId: string, entry: EntryContext | undefined): Promise<void> {
    for (const hook of this.hooks) {
      try {
        await hook.run(personId, entry);
      } catch (error) {
        this.logger.error(`Login hook ${hook.name} failed: ${(error as Error).message}`, (error as Error).stack);
      }
    }
  }
}
