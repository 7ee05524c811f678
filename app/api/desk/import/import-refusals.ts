/** What a person who may not import is told, on every import route and action. */
export const IMPORT_REFUSALS = {
  signedOut: 'Sign in to import.',
  forbidden: 'Only administrators can import into the archive.',
};
