/**
 * Compiled table templates, once per Handlebars env and folder: the partial of each table
 * (`<folder>/<id>.hbs`) and its title template. Shared by the LKJIP and Renja table registries.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TemplateDelegate } from 'handlebars';
import type { HandlebarsEnv } from './handlebars-env.js';

type Template = TemplateDelegate<unknown>;

export interface TemplatTabel {
  partial(id: string): Template;
  judul(id: string, sumber: string): Template;
}

const cache = new WeakMap<HandlebarsEnv, Map<string, TemplatTabel>>();

/** `siapkan` runs once per env (register the helpers and partials the tables use). */
export function templatTabel(env: HandlebarsEnv, folder: string, siapkan?: (env: HandlebarsEnv) => void): TemplatTabel {
  let perFolder = cache.get(env);
  if (!perFolder) cache.set(env, (perFolder = new Map()));
  let t = perFolder.get(folder);
  if (!t) {
    siapkan?.(env);
    const partial = new Map<string, Template>();
    const judul = new Map<string, Template>();
    t = {
      partial(id) {
        let p = partial.get(id);
        if (!p) partial.set(id, (p = env.compile(readFileSync(join(folder, `${id}.hbs`), 'utf8'), { strict: true })));
        return p;
      },
      judul(id, sumber) {
        let j = judul.get(id);
        if (!j) judul.set(id, (j = env.compile(sumber, { strict: true })));
        return j;
      },
    };
    perFolder.set(folder, t);
  }
  return t;
}
