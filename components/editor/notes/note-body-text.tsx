import type { NoteBodyPart } from '@/lib/articles/notes/split-note-body';

/** A note's words as plain text, mentions set apart; never HTML. */
export function NoteBodyText({ parts }: { parts: NoteBodyPart[] }) {
  return (
    <p className="note-body">
      {parts.map((part, index) =>
        part.kind === 'text' ? (
          <span key={index}>{part.text}</span>
        ) : (
          <strong key={index} className="note-mention">
            @{part.name}
          </strong>
        ),
      )}
    </p>
  );
}
