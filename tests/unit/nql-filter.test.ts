import { describe, expect, it } from 'vitest';
import { NqlSyntaxError, parseNqlFilter } from '@/lib/api/content/nql-filter';

describe('reading a Content API filter', () => {
  it('reads a plain field and value', () => {
    expect(parseNqlFilter('tag:nuclear-policy')).toEqual({ type: 'compare', field: 'tag', op: 'eq', value: 'nuclear-policy' });
  });

  it('reads quoted dates with comparison operators', () => {
    expect(parseNqlFilter("published_at:>'2024-01-01 00:00:00'")).toEqual({ type: 'compare', field: 'published_at', op: 'gt', value: '2024-01-01 00:00:00' });
    expect(parseNqlFilter("published_at:>='2024-01-01'")).toMatchObject({ op: 'gte' });
    expect(parseNqlFilter('published_at:<"2024-01-01"')).toMatchObject({ op: 'lt' });
    expect(parseNqlFilter('published_at:<=2024-01-01')).toMatchObject({ op: 'lte', value: '2024-01-01' });
  });

  it('reads negation, lists and booleans', () => {
    expect(parseNqlFilter('tag:-news')).toEqual({ type: 'compare', field: 'tag', op: 'ne', value: 'news' });
    expect(parseNqlFilter('tags:[a,b, c]')).toEqual({ type: 'in', field: 'tags', isNegated: false, values: ['a', 'b', 'c'] });
    expect(parseNqlFilter('tags:-[a,b]')).toEqual({ type: 'in', field: 'tags', isNegated: true, values: ['a', 'b'] });
    expect(parseNqlFilter('featured:true')).toEqual({ type: 'compare', field: 'featured', op: 'eq', value: true });
    expect(parseNqlFilter('count:3')).toEqual({ type: 'compare', field: 'count', op: 'eq', value: 3 });
  });

  it('binds + tighter than , and honours parentheses', () => {
    expect(parseNqlFilter('a:1+b:2,c:3')).toEqual({
      type: 'or',
      children: [
        { type: 'and', children: [{ type: 'compare', field: 'a', op: 'eq', value: 1 }, { type: 'compare', field: 'b', op: 'eq', value: 2 }] },
        { type: 'compare', field: 'c', op: 'eq', value: 3 },
      ],
    });
    expect(parseNqlFilter('a:1+(b:2,c:3)')).toMatchObject({ type: 'and', children: [{ field: 'a' }, { type: 'or' }] });
  });

  it('keeps quotes and commas inside a quoted value', () => {
    expect(parseNqlFilter("title:'Arms, and \\'control\\''")).toEqual({ type: 'compare', field: 'title', op: 'eq', value: "Arms, and 'control'" });
  });

  it('reads dotted fields and contains', () => {
    expect(parseNqlFilter('authors.slug:jane-doe')).toMatchObject({ field: 'authors.slug' });
    expect(parseNqlFilter("title:~'treaty'")).toMatchObject({ op: 'contains', value: 'treaty' });
  });

  it('says what is wrong with a filter it cannot read', () => {
    expect(() => parseNqlFilter('tag')).toThrow(NqlSyntaxError);
    expect(() => parseNqlFilter('tag')).toThrow(/expected ":" after "tag"/);
    expect(() => parseNqlFilter("title:'open")).toThrow(/closing quote/);
    expect(() => parseNqlFilter('tag:a+')).toThrow(/end of the filter/);
    expect(() => parseNqlFilter('(tag:a')).toThrow(/"\)"/);
    expect(() => parseNqlFilter('tag:a)')).toThrow(/unexpected "\)"/);
    expect(() => parseNqlFilter('tags:[a')).toThrow(/"\]"/);
    expect(() => parseNqlFilter('')).toThrow(/empty/);
  });
});
