// Jest reads `testTimeout` only from the root config, never from a project's: this is how the
// server project gets its own default (a spec with a real database and HTTP on a loaded machine).
jest.setTimeout(30_000);
