// `node --import ./trace-loads.mjs …`: appends every module URL the program resolves to $THIDUA_TRACE_FILE,
// so a test can show which packages a command line loads (resolve hooks run off the main thread).
import { register } from 'node:module';

const hook = `
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  appendFileSync(process.env.THIDUA_TRACE_FILE, r.url + '\\n');
  return r;
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
