/**
 * How a note names a colleague: `@[Full Name](user:12)`. The desk's mention picker writes this
 * form; the server also turns a typed `@Full Name` of an active staff member into it, and always
 * writes the person's current name between the brackets.
 */
export function mentionToken({ id, name }: { id: number; name: string }): string {
  return `@[${name.replace(/[\]\n\r]/g, ' ').trim()}](user:${id})`;
}

/** A fresh pattern for the token each time (a shared global RegExp would carry `lastIndex` between callers). */
export function mentionTokenPattern(): RegExp {
  return /@\[([^\]\n\r]{1,200})\]\(user:(\d{1,9})\)/g;
}
