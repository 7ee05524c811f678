import 'server-only';

/** Where FTS5 `snippet`/`highlight` open and close a match; the index never stores these characters. */
export const MATCH_OPEN = '\u0002';
export const MATCH_CLOSE = '\u0003';

/** Escapes all of the text, then turns the match markers (and nothing else) into `<mark>` elements, always balanced. */
export function markedTextToHtml(text: string): string {
  let html = '';
  let isOpen = false;
  for (const piece of text.split(/([\u0002\u0003])/)) {
    if (piece === MATCH_OPEN) {
      if (!isOpen) html += '<mark>';
      isOpen = true;
    } else if (piece === MATCH_CLOSE) {
      if (isOpen) html += '</mark>';
      isOpen = false;
    } else {
      html += escapeHtml(piece);
    }
  }
  return isOpen ? `${html}</mark>` : html;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
