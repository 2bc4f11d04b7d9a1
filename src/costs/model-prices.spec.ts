import { describe, expect, it } from 'vitest';
import { costOf, MODEL_PRICES, priceOf, UNPRICED_MODEL } from './model-prices';

const GPT_4O = { ...MODEL_PRICES['gpt-4o'], known: true };
const FREE = { input: 0, output: 0, known: true };
const UNKNOWN = { ...UNPRICED_MODEL, known: false };

describe('priceOf: prices by model id', () => {
  it('matches with or without a vendor prefix, a :variant or a date', () => {
    for (const id of [
      'gpt-4o',
      'openai/gpt-4o',
      'GPT-4o',
      'openai/gpt-4o:nitro',
      'gpt-4o-2024-08-06',
      'openai/gpt-4o-2024-11-20',
    ])
      expect(priceOf(id), id).toEqual(GPT_4O);
    expect(priceOf('claude-3-5-sonnet-20241022')).toEqual({ ...MODEL_PRICES['claude-3-5-sonnet'], known: true });
  });

  it('keeps a listed snapshot its own price, and never takes a longer id for a shorter one', () => {
    expect(priceOf('gpt-4o-2024-05-13')).toEqual({ input: 5, output: 15, known: true });
    expect(priceOf('gpt-4o-mini')).toEqual({ ...MODEL_PRICES['gpt-4o-mini'], known: true });
    expect(priceOf('gpt-4o-mini-2024-07-18')).toEqual({ ...MODEL_PRICES['gpt-4o-mini'], known: true });
    expect(priceOf('gpt-4o-audio-preview')).toEqual(UNKNOWN);
  });

  it('local model tags are free; the same weights hosted elsewhere are not', () => {
    for (const id of ['llama3.1', 'llama3.1:8b', 'qwen2.5-coder:7b', 'mistral', 'deepseek-r1:14b', 'gemma3'])
      expect(priceOf(id), id).toEqual(FREE);
    for (const id of [
      'meta-llama/Llama-3.3-70B-Instruct-Turbo',
      'llama-3.3-70b-versatile',
      'deepseek/deepseek-r1',
      'mistralai/mistral',
      'mistral-large-latest',
    ])
      expect(priceOf(id).input, id).toBeGreaterThan(0);
  });

  it('charges an unknown model the conservative default, flagged as unknown', () => {
    for (const id of ['mystery-model', 'constructor', 'toString', '__proto__', 'hf.co/someone/llama3.1'])
      expect(priceOf(id), id).toEqual(UNKNOWN);
  });

  it('costOf is USD per 1M tokens', () => {
    expect(costOf(GPT_4O, 1_000_000, 0)).toBe(2.5);
    expect(costOf(GPT_4O, 2000, 1000)).toBeCloseTo(0.015, 12);
    expect(costOf(FREE, 1_000_000, 1_000_000)).toBe(0);
  });
});
