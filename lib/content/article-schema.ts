import { getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { articleExtensions } from './extensions';

let schema: Schema | undefined;

/** The ProseMirror schema built from the shared extension list, made once per process. */
export function articleSchema(): Schema {
  schema ??= getSchema(articleExtensions());
  return schema;
}
