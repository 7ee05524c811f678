const SPECIAL_LETTERS: Record<string, string> = {
  ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ı: 'i', þ: 'th', Þ: 'Th', ħ: 'h',
};

/** Latin letters without their accents: "Władysław Kosiniak-Kamysz" → "Wladyslaw Kosiniak-Kamysz". */
export function foldDiacritics(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[łŁøØđĐßæÆœŒıþÞħ]/g, (letter) => SPECIAL_LETTERS[letter] ?? letter);
}
