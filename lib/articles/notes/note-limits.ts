/** How long a note may be, in characters. */
export const MAX_NOTE_LENGTH = 5000;

/** How long a quoted passage may be, in characters. */
export const MAX_ANCHOR_TEXT_LENGTH = 2000;
