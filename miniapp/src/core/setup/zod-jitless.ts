import { z } from 'zod';

// The mini-program runtime forbids eval/new Function. zod reads this flag when a schema is built,
// so this module must be evaluated before any schema exists: it is the first import of app.ts.
z.config({ jitless: true });
