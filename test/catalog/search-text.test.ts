import { describe, expect, it } from 'vitest';
import { processQueryTerm, processTerm, tokenize } from '../../src/catalog/search-text.js';
import { valueLabels } from '../../src/catalog/value-labels.js';

const terms = (text: string, process: (t: string) => string | string[] | null = processTerm) =>
  tokenize(text).flatMap((t) => process(t) ?? []);

describe('cutting catalog text into terms', () => {
  it('splits snake_case and camelCase names but keeps brand spellings whole', () => {
    expect(terms('cart_value')).toEqual(['cart', 'value']);
    expect(terms('firstName')).toEqual(['first', 'name']);
    expect(terms('iPhone iOS eBay')).toEqual(['iphone', 'ios', 'ebay']);
  });

  it('reduces plurals and past tenses to the same stem on both sides', () => {
    expect(terms('orders categories refunded viewed')).toEqual(['order', 'category', 'refund', 'view']);
    // Short words keep their ending: "spring" is not "spr", "status" not "statu".
    expect(terms('spring status')).toEqual(['spring', 'status']);
  });

  it('drops accents from Latin words only', () => {
    expect(terms('São Paulo')).toEqual(['sao', 'paulo']);
    expect(terms('ภาษาไทย')).toEqual(tokenize('ภาษาไทย'));
  });

  it('cuts unspaced scripts into character pairs so a word inside a phrase still matches', () => {
    expect(tokenize('德國客戶')).toEqual(['德國', '國客', '客戶']);
    expect(tokenize('德國')).toEqual(['德國']);
  });

  it('drops request words that name nothing in the catalog', () => {
    expect(terms('customers who bought in the last 30 days', processQueryTerm)).toEqual(['bought', '30']);
  });

  it('also looks for the country behind a people or language word', () => {
    expect(terms('Taiwanese Brazilian German', processQueryTerm)).toEqual(['taiwanese', 'taiwan', 'brazilian', 'brazil', 'german', 'germ']);
    expect(terms('woman Android', processQueryTerm)).toEqual(['woman', 'android']);
  });
});

describe('words for stored values', () => {
  it('names country codes in the languages prompts come in', () => {
    expect(valueLabels('DE', 'region')).toEqual(expect.arrayContaining(['Germany', '德國', 'ドイツ', 'เยอรมนี']));
    expect(valueLabels('GB', 'region')).toEqual(expect.arrayContaining(['United Kingdom', 'UK', 'Britain']));
  });

  it('names language tags, including their own name for themselves', () => {
    expect(valueLabels('ja', 'language')).toEqual(expect.arrayContaining(['Japanese', '日本語']));
    expect(valueLabels('zh-TW', 'language')).toEqual(expect.arrayContaining(['Chinese (Taiwan)', '中文（台灣）']));
  });

  it('adds device words whatever the field', () => {
    expect(valueLabels('iOS', undefined)).toEqual(expect.arrayContaining(['iphone', 'ipad']));
    expect(valueLabels('Web', undefined)).toContain('desktop');
    expect(valueLabels('Beauty', undefined)).toEqual([]);
  });
});
