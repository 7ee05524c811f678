/** A value in a filter: quoted text stays text; bare words may read as numbers, booleans or null. */
export type NqlValue = string | number | boolean | null;

export type NqlOperator = 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte' | 'contains' | 'notContains' | 'startsWith' | 'endsWith';

export type NqlNode =
  | { type: 'and' | 'or'; children: NqlNode[] }
  | { type: 'compare'; field: string; op: NqlOperator; value: NqlValue }
  | { type: 'in'; field: string; isNegated: boolean; values: NqlValue[] };

/** A filter that cannot be read; the message says where and why, for the person who wrote it. */
export class NqlSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NqlSyntaxError';
  }
}

/**
 * Reads the subset of Ghost's filter language (NQL) the Content API accepts: `field:value`, `field:-value`,
 * `field:>value` (and `>=`, `<`, `<=`), `field:~'text'`, `field:[a,b]`, `field:-[a,b]`, `+` (and), `,` (or),
 * parentheses. `+` binds tighter than `,`, as in Ghost.
 */
export function parseNqlFilter(text: string): NqlNode {
  const reader = new FilterReader(text);
  reader.skipSpace();
  if (reader.isAtEnd()) throw new NqlSyntaxError('The filter is empty.');
  const node = reader.readOr();
  reader.skipSpace();
  if (!reader.isAtEnd()) throw new NqlSyntaxError(`Query Error: unexpected "${reader.peek()}" at character ${reader.position + 1}.`);
  return node;
}

const BARE_VALUE = /^[^\s+,()[\]'"]+/;
const FIELD = /^[A-Za-z_][A-Za-z0-9_.]*/;
const OPERATORS: [string, NqlOperator][] = [
  ['>=', 'gte'],
  ['<=', 'lte'],
  ['>', 'gt'],
  ['<', 'lt'],
  ['~^', 'startsWith'],
  ['~$', 'endsWith'],
  ['~', 'contains'],
];

class FilterReader {
  position = 0;

  constructor(private readonly text: string) {}

  isAtEnd(): boolean {
    return this.position >= this.text.length;
  }

  peek(): string {
    return this.text[this.position] ?? '';
  }

  skipSpace(): void {
    while (/\s/.test(this.peek()) && !this.isAtEnd()) this.position += 1;
  }

  readOr(): NqlNode {
    const children = [this.readAnd()];
    while (this.take(',')) children.push(this.readAnd());
    return children.length === 1 ? children[0]! : { type: 'or', children };
  }

  private readAnd(): NqlNode {
    const children = [this.readTerm()];
    while (this.take('+')) children.push(this.readTerm());
    return children.length === 1 ? children[0]! : { type: 'and', children };
  }

  private readTerm(): NqlNode {
    this.skipSpace();
    if (this.isAtEnd()) throw new NqlSyntaxError('Query Error: the filter stops where a condition was expected (at the end of the filter).');
    if (this.take('(')) {
      const inner = this.readOr();
      if (!this.take(')')) throw new NqlSyntaxError(`Query Error: expected ")" at character ${this.position + 1}.`);
      return inner;
    }
    const field = this.match(FIELD);
    if (!field) throw new NqlSyntaxError(`Query Error: unexpected "${this.peek()}" at character ${this.position + 1}; a condition starts with a field name.`);
    if (!this.take(':')) throw new NqlSyntaxError(`Query Error: expected ":" after "${field}".`);
    const isNegated = this.take('-');
    if (this.take('[')) return { type: 'in', field, isNegated, values: this.readList() };
    const operator = OPERATORS.find(([symbol]) => this.text.startsWith(symbol, this.position));
    if (operator) this.position += operator[0].length;
    const value = this.readValue();
    return { type: 'compare', field, op: operatorFor(operator?.[1], isNegated, field), value };
  }

  private readList(): NqlValue[] {
    const values = [this.readValue()];
    while (this.take(',')) values.push(this.readValue());
    if (!this.take(']')) throw new NqlSyntaxError(`Query Error: expected "]" to close the list at character ${this.position + 1}.`);
    return values;
  }

  private readValue(): NqlValue {
    this.skipSpace();
    const quote = this.peek();
    if (quote === "'" || quote === '"') return this.readQuoted(quote);
    const bare = this.match(BARE_VALUE);
    if (bare === null) {
      if (this.isAtEnd()) throw new NqlSyntaxError('Query Error: a value is missing at the end of the filter.');
      throw new NqlSyntaxError(`Query Error: expected a value at character ${this.position + 1}, found "${this.peek()}".`);
    }
    if (bare === 'true' || bare === 'false') return bare === 'true';
    if (bare === 'null') return null;
    return /^-?\d+(\.\d+)?$/.test(bare) ? Number(bare) : bare;
  }

  private readQuoted(quote: string): string {
    const start = this.position;
    this.position += 1;
    let value = '';
    while (!this.isAtEnd()) {
      const character = this.text[this.position]!;
      if (character === '\\' && this.position + 1 < this.text.length) {
        value += this.text[this.position + 1];
        this.position += 2;
        continue;
      }
      this.position += 1;
      if (character === quote) return value;
      value += character;
    }
    throw new NqlSyntaxError(`Query Error: the value starting at character ${start + 1} has no closing quote.`);
  }

  private take(symbol: string): boolean {
    this.skipSpace();
    if (!this.text.startsWith(symbol, this.position)) return false;
    this.position += symbol.length;
    return true;
  }

  private match(pattern: RegExp): string | null {
    this.skipSpace();
    const found = pattern.exec(this.text.slice(this.position));
    if (!found) return null;
    this.position += found[0].length;
    return found[0];
  }
}

function operatorFor(operator: NqlOperator | undefined, isNegated: boolean, field: string): NqlOperator {
  if (!operator) return isNegated ? 'ne' : 'eq';
  if (!isNegated) return operator;
  if (operator === 'contains') return 'notContains';
  throw new NqlSyntaxError(`Query Error: "-" cannot be combined with a comparison in "${field}".`);
}
