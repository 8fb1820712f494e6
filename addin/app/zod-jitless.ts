/**
 * Every built page runs under a content security policy without 'unsafe-eval' (scripts/build-addin.mjs).
 * zod compiles its object parsers with `new Function` when it can, and to find out it tries once: the try is
 * caught, but the browser still reports it to the page as a violation of the policy. The pages parse without
 * compiling (zod's `jitless`); the command line keeps the compiled parsers. Injected into every page's script
 * by the build.
 */
import * as z from 'zod';

z.config({ jitless: true });
