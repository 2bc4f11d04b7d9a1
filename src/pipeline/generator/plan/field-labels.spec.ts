import { describe, expect, it } from 'vitest';
import { planApp } from './plan-app';
import {
  CHANNEL_MESSAGE_ENTITY,
  CHAT_CHANNEL_FIELDS,
  DOMAIN_ENTITIES,
  GENERIC_FIELDS,
  PERSON_FIELDS,
} from './domain-entities';
import { localizeEntity } from './field-labels';

/** Field names of a `name:type!, …` list. */
function fieldNames(fields: string): string[] {
  return fields.split(',').map((field) => field.trim().split(':')[0]);
}

describe('field labels', () => {
  it('translates every field name of the domain table, so no English label is left in a non-English form', () => {
    const names = new Set([
      ...DOMAIN_ENTITIES.flatMap((row) => fieldNames(row.fields)),
      ...fieldNames(CHANNEL_MESSAGE_ENTITY.fields),
      ...fieldNames(CHAT_CHANNEL_FIELDS),
      ...fieldNames(GENERIC_FIELDS),
      ...fieldNames(PERSON_FIELDS),
    ]);
    const untranslated = [...names].filter((name) => {
      const entity = localizeEntity(
        {
          className: 'Probe',
          fileName: 'probe',
          collection: 'probes',
          tableName: 'probes',
          label: 'Probe',
          pluralLabel: 'Probes',
          fields: [{ name, column: name, label: '<english>', type: 'text', required: false }],
          titleField: name,
          paths: { model: 'lib/probe.dart', repository: 'lib/probe_repository.dart' },
        },
        'de',
      );
      return entity.fields[0].label === '<english>';
    });
    expect(untranslated).toEqual([]);
  });

  it("labels a German customer's company and a French booking's service in the app's language", () => {
    const dogSchool = planApp({
      slug: 'hundeschule',
      name: 'Hundeschule Pfote',
      description: 'Termine und Kunden verwalten',
      platforms: ['android'],
      style: 'modern',
      backend: 'none',
      features: ['Kunden'],
    });
    const labels = dogSchool.entities.flatMap((entity) => entity.fields.map((field) => field.label));
    expect(labels).toContain('Firma');
    expect(labels).not.toContain('Company');

    const salon = planApp({
      slug: 'salon',
      name: 'Salon',
      description: 'Prendre des rendez-vous',
      platforms: ['android'],
      style: 'modern',
      backend: 'none',
      features: ['réservations'],
    });
    const salonLabels = salon.entities.flatMap((entity) => entity.fields.map((field) => field.label));
    expect(salonLabels).toContain('Prestation');
    expect(salonLabels).not.toContain('Service');
  });
});
