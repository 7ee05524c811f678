import type { MergeSide } from '@/lib/articles/merge-article-versions';

type Props = {
  id: string;
  number: number;
  total: number;
  mine: string;
  theirs: string;
  choice: MergeSide;
  isBlock?: boolean;
  onChoose: (side: MergeSide) => void;
};

/** One difference: my words struck through, theirs underlined, each labelled in words, and a choice between them. */
export function ConflictChange({ id, number, total, mine, theirs, choice, isBlock = false, onChoose }: Props) {
  const Wrapper = isBlock ? 'div' : 'span';
  return (
    <Wrapper role="group" aria-label={`Change ${number} of ${total}`} className={`conflict-change${isBlock ? ' conflict-change-block' : ''}`} data-choice={choice}>
      <Side label="yours" text={mine} Mark="del" />
      <Side label="theirs" text={theirs} Mark="ins" />
      {mine === theirs ? <span className="conflict-note">(formatting differs)</span> : null}
      <span className="conflict-choice">
        <label>
          <input type="radio" name={id} value="mine" checked={choice === 'mine'} onChange={() => onChoose('mine')} /> Mine
        </label>
        <label>
          <input type="radio" name={id} value="theirs" checked={choice === 'theirs'} onChange={() => onChoose('theirs')} /> Theirs
        </label>
      </span>
    </Wrapper>
  );
}

function Side({ label, text, Mark }: { label: string; text: string; Mark: 'del' | 'ins' }) {
  return (
    <span className={`conflict-side conflict-${label}`}>
      <span className="conflict-label">{label === 'yours' ? 'only in yours:' : 'only in theirs:'}</span>{' '}
      {text.trim() === '' ? <span className="conflict-nothing">(nothing)</span> : <Mark>{text}</Mark>}
    </span>
  );
}
