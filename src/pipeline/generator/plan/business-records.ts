/**
 * Business records whose words mean something else outside their business: "Leads" and "Deals" are a
 * sales team's only in an app about sales (a coupon app's deals are offers), "Jobs" and "Applications"
 * a job board's only in an app about hiring ("Jobs done" of a chores app, an IT team's applications),
 * "Rentals" a car or equipment hire's, not a landlord's homes. Outside their business such a label keeps
 * the record built from its own words, as before the table knew them. And a warehouse's "Items" are
 * its stock (`InventoryItem`: SKU, quantity, location, unit price), not titled notes.
 */
import { domainRow } from './domain-entities';
import { entityRef, type EntityRef } from './entity-ref';
import { mentionsAny, singular, tokens } from './text-match';

/** The parts of a planner candidate this file reads and sets. */
interface BusinessCandidate {
  label: string;
  origin: string;
  entity?: EntityRef;
}

/** Words (folded, singular) of an app about selling to customers. */
const SALES_WORDS: readonly string[] = [
  'crm',
  'sale',
  'sales',
  'pipeline',
  'prospect',
  'contact',
  'customer',
  'client',
  'opportunity',
  'quote',
  'venta',
  'cliente',
  'venda',
  'vente',
  'vertrieb',
  'kunde',
  'vendita',
  'penjualan',
  'pelanggan',
  'ban hang',
  'khach hang',
  '销售',
  '客户',
  '営業',
  '顧客',
];

/** Words (folded, singular) of an app about hiring. */
const HIRING_WORDS: readonly string[] = [
  'apply',
  'applicant',
  'candidate',
  'hiring',
  'recruit',
  'recruiter',
  'recruiting',
  'recruitment',
  'resume',
  'cv',
  'career',
  'employer',
  'job seeker',
  'salary',
  'tuyen dung',
  'ung vien',
  'ung tuyen',
  'candidato',
  'postular',
  'postulante',
  'reclutamiento',
  'empleador',
  'candidat',
  'recrutement',
  'employeur',
  'bewerber',
  'bewerbung',
  'arbeitgeber',
  'assunzione',
  'pelamar',
  'rekrutmen',
  '招聘',
  '求职',
  '採用',
  '応募',
];

/** Words (folded, singular) of a landlord's or an estate agent's app, whose rentals are homes. */
const PROPERTY_WORDS: readonly string[] = [
  'tenant',
  'landlord',
  'lease',
  'apartment',
  'property',
  'real estate',
  'flat',
  'inquilino',
  'arrendatario',
  'apartamento',
  'imovel',
  'locataire',
  'appartement',
  'logement',
  'mieter',
  'vermieter',
  'wohnung',
  'immobilie',
  'affittuario',
  'appartamento',
  'penyewa',
  'properti',
  'nguoi thue',
  'chu nha',
  'can ho',
  'phong tro',
  '房东',
  '租客',
  '公寓',
  '入居者',
  '物件',
];

/**
 * The rows that need their business: its words, and the rows whose requested screens say it too
 * ("Leads" beside "Deals"). A row's own word is not among them: "Jobs done" says "job" and is no job
 * board, and a description that "leads you" and "deals with stress" names no sales team. With
 * `unless`, the words are those of the business the row is not (a landlord's).
 */
interface Gate {
  className: string;
  context: readonly string[];
  neighbours?: readonly string[];
  unless?: boolean;
}

const GATED: readonly Gate[] = [
  { className: 'Lead', context: SALES_WORDS, neighbours: ['Deal'] },
  { className: 'Deal', context: SALES_WORDS, neighbours: ['Lead'] },
  { className: 'Job', context: HIRING_WORDS, neighbours: ['JobApplication'] },
  { className: 'JobApplication', context: [...HIRING_WORDS, 'job', 'vacancy'], neighbours: ['Job'] },
  { className: 'Rental', context: PROPERTY_WORDS, unless: true },
];

/** Whether `candidate` is in the business its row needs (`GATED`); true for every other row. */
function inBusiness(
  gate: Gate,
  candidate: BusinessCandidate,
  requested: readonly BusinessCandidate[],
  texts: readonly string[],
): boolean {
  // What the description mines is judged by the description alone; a requested screen by its neighbours too.
  const mined = candidate.origin !== 'features';
  const words = [...texts, ...(mined ? [] : requested.map((other) => other.label))].flatMap(tokens).map(singular);
  const said = mentionsAny(words, gate.context);
  if (gate.unless) return !said;
  const beside = requested.some(
    (other) => other.entity?.fieldsFrom === 'domain' && gate.neighbours?.includes(other.entity.row.className),
  );
  return said || (!mined && beside);
}

/** A label's words for the things a business keeps (folded, singular): "Items", "Artikel", "Barang". */
const ITEM_WORDS: ReadonlySet<string> = new Set([
  'item',
  'article',
  'artikel',
  'articulo',
  'artigo',
  'articolo',
  'barang',
]);

/** Words (folded, singular) of an app that keeps stock. */
const STOCK_WORDS: readonly string[] = [
  'warehouse',
  'inventory',
  'stock',
  'supplier',
  'vendor',
  'sku',
  'kho',
  'almacen',
  'bodega',
  'inventario',
  'proveedor',
  'armazem',
  'estoque',
  'fornecedor',
  'entrepot',
  'fournisseur',
  'lager',
  'lieferant',
  'lieferanten',
  'lagerverwaltung',
  'lagerbestand',
  'warenwirtschaft',
  'magazzino',
  'fornitore',
  'gudang',
  'stok',
  'pemasok',
  '仓库',
  '库存',
  '倉庫',
  '在庫',
];

/**
 * `candidates` with the business rows only in their business: elsewhere a requested label gets
 * `generic(label)` (the record of its own words), a row mined from the description is dropped; and
 * a warehouse's bare "Items" its stock.
 */
export function withBusinessRecords<C extends BusinessCandidate>(
  candidates: readonly C[],
  texts: readonly string[],
  generic: (label: string) => EntityRef,
): C[] {
  const requested = candidates.filter((candidate) => candidate.origin === 'features');
  const words = [...texts, ...requested.map((candidate) => candidate.label)].flatMap(tokens).map(singular);
  // Stock movements beside them ("Lagerbewegungen", one German word) say the app keeps stock too.
  const stocked =
    mentionsAny(words, STOCK_WORDS) ||
    candidates.some((candidate) => candidate.entity?.row.className === 'StockMovement');
  const kept: C[] = [];
  for (const candidate of candidates) {
    const row = candidate.entity?.fieldsFrom === 'domain' ? candidate.entity.row.className : undefined;
    const gate = GATED.find((entry) => entry.className === row);
    if (gate && !inBusiness(gate, candidate, requested, texts)) {
      if (candidate.origin === 'features') kept.push({ ...candidate, entity: generic(candidate.label) });
      else if (candidate.origin !== 'description') kept.push(candidate);
      continue;
    }
    const label = tokens(candidate.label).map(singular);
    // A warehouse's "Items" (or "Artikel", which the table reads as a blog's articles) are its stock.
    const items =
      (candidate.entity?.key.startsWith('generic:') === true || (row === 'Post' && label.join(' ') === 'artikel')) &&
      label.length > 0 &&
      label.every((word) => ITEM_WORDS.has(word)) &&
      stocked;
    kept.push(items ? { ...candidate, entity: entityRef(domainRow('InventoryItem')) } : candidate);
  }
  return kept;
}
