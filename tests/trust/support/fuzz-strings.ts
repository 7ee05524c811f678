/** A small seeded generator, so a failing fuzz case can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 0x1_0000_0000;
  };
}

const PIECES = [
  '', ' ', 'a', 'Ω', 'é', 'ü', '中文', '🚀', '\u0000', '\u0007', '\u202e', '\uFEFF', '\uD800', '%', '%00', '%ZZ', '%2e%2e%2f', '../', '..\\',
  '"', "'", '`', '<', '>', '&', ';', '|', '(', ')', '*', '^', ':', '-', 'AND', 'OR', 'NOT', 'NEAR', '{', '}', '[', ']', '$', '\\', '/', '?', '#',
  'null', 'undefined', 'NaN', '-1', '0', '99999999999999999999', '1e309', 'true', '__proto__', 'constructor', '<script>', 'javascript:', 'SELECT * FROM users',
  "' OR '1'='1", '\r\n', '\n', '\t', 'ÅÄÖ', 'İ', 'ß', 'ﬁ',
];

/** A hostile or merely odd string: pieces glued together, sometimes very long. */
export function fuzzString(random: () => number): string {
  const roll = random();
  if (roll < 0.05) return 'x'.repeat(5_000 + Math.floor(random() * 20_000));
  if (roll < 0.1) return Array.from({ length: 2_000 }, () => PIECES[Math.floor(random() * PIECES.length)]).join('');
  const count = 1 + Math.floor(random() * 8);
  return Array.from({ length: count }, () => PIECES[Math.floor(random() * PIECES.length)]).join('');
}
