// Jest reads `testTimeout` only from the root config, never from a project's: this is how the
// browser project gets its own default (whole flows in Chromium). Specs may ask for more.
jest.setTimeout(180_000);
