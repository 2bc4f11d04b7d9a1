import { describe, expect, it } from 'vitest';
import { asciiLetters, featureClassName, featureId, snakeCase } from './naming';

describe('identifiers from words in any language', () => {
  it.each([
    ['Hundespaziergänge', 'hundespaziergaenge'],
    ['Übungen', 'uebungen'],
    ['Fußballplätze', 'fussballplaetze'],
    ['Œuvres d’art', 'oeuvres_d_art'],
    ['Réservations', 'reservations'],
    ['Serviços', 'servicos'],
    ['Pingüinos', 'pinguinos'],
    ['Vergüenza', 'verguenza'],
    ['Vergütungen', 'verguetungen'],
    ['Niños', 'ninos'],
    ['Đặt lịch', 'dat_lich'],
    ['Pistas de pádel', 'pistas_de_padel'],
  ])('%s → %s', (label, id) => {
    expect(snakeCase(label)).toBe(id);
  });

  it('keeps a one-letter word of a class name a word of its own', () => {
    expect(snakeCase('RequestARide')).toBe('request_a_ride');
    expect(snakeCase('PlanA')).toBe('plan_a');
    expect(snakeCase('QRCode')).toBe('qr_code');
    expect(snakeCase('DogWalk')).toBe('dog_walk');
  });

  it('spells German umlauts out in class names, keeping their capitals', () => {
    expect(asciiLetters('Ärzte Öl Übung')).toBe('Aerzte Oel Uebung');
    expect(featureClassName(featureId('Spaziergänge', 0))).toBe('Spaziergaenge');
  });

  it('gives Chinese and Japanese labels a numbered ASCII id', () => {
    expect(featureId('会員', 2)).toBe('feature_3');
    expect(featureId('予約', 0)).toBe('feature_1');
  });
});
