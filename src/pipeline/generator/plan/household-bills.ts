/**
 * "Bills" are a household's bills to pay (payee, amount, due date, how often, paid) and, in an app
 * that keeps customers or clients (a freelancer's, a shop's), the invoices it sends them. "Hoá đơn",
 * "facturas", "faturas", "factures", "Rechnungen", "fatture", "tagihan" name both as well: the domain
 * table reads them as invoices, and a household's or a budget's app pays them as bills. "Invoices" are
 * invoices everywhere.
 */
import { domainRow } from './domain-entities';
import { entityRef, type EntityRef } from './entity-ref';
import { mentionsAny, singular, tokens } from './text-match';

/** The parts of a planner candidate this file reads and sets. */
interface BillCandidate {
  label: string;
  entity?: EntityRef;
}

/** Words (folded, singular) of an app that bills people: its customers or clients, a freelancer's work. */
const BILLED_PEOPLE_WORDS: readonly string[] = [
  ...domainRow('Customer').words,
  'freelance',
  'freelancer',
  'freelancing',
  'invoicing',
  'tu do',
  'autonomo',
  'autonoma',
  'independant',
  'freiberufler',
  'libero professionista',
];

/** Words (folded, singular) of a household's or one person's money. */
const HOUSEHOLD_WORDS: readonly string[] = [
  'household',
  'family',
  'personal',
  'budget',
  'budgeting',
  'spending',
  'expense',
  'finance',
  'money',
  'utility',
  'gia dinh',
  'ca nhan',
  'chi tieu',
  'ngan sach',
  'hogar',
  'familia',
  'casa',
  'presupuesto',
  'gasto',
  'financas',
  'orcamento',
  'despesa',
  'foyer',
  'menage',
  'famille',
  'depense',
  'haushalt',
  'haushaltsbuch',
  'familie',
  'finanzen',
  'famiglia',
  'bilancio',
  'spesa',
  'rumah tangga',
  'keluarga',
  'anggaran',
  'pengeluaran',
  'keuangan',
];

/** Rows of money a person tracks: an app that keeps them is a household's or a person's budget. */
const MONEY_ROWS: ReadonlySet<string> = new Set(['Expense', 'Income', 'Budget', 'MoneyTransaction']);

/** Label words that say invoice and nothing else (folded). */
const INVOICE_WORDS: readonly string[] = ['invoice', 'invoicing', '发票', '請求書'];

function isRow(candidate: BillCandidate, className: string): boolean {
  return candidate.entity?.fieldsFrom === 'domain' && candidate.entity.row.className === className;
}

/**
 * `candidates` with their bills and invoices as the app means them: in an app with customers or clients
 * the bills are invoices to them; in a household's or a budget's app (its words, or expenses, income or
 * budgets beside) what a label calls "hoá đơn", "facturas" or "Rechnungen" is a bill to pay.
 */
export function withHouseholdBills<C extends BillCandidate>(candidates: readonly C[], texts: readonly string[]): C[] {
  const bills = candidates.some((candidate) => isRow(candidate, 'Bill'));
  const invoices = candidates.some((candidate) => isRow(candidate, 'Invoice'));
  if (!bills && !invoices) return [...candidates];
  const words = [...texts, ...candidates.map((candidate) => candidate.label)].flatMap(tokens).map(singular);
  const billsPeople =
    candidates.some((candidate) => candidate.entity?.row.className === 'Customer') ||
    mentionsAny(words, BILLED_PEOPLE_WORDS);
  if (billsPeople) {
    const invoice = entityRef(domainRow('Invoice'));
    return candidates.map((candidate) => (isRow(candidate, 'Bill') ? { ...candidate, entity: invoice } : candidate));
  }
  const household =
    candidates.some((candidate) => MONEY_ROWS.has(candidate.entity?.row.className ?? '')) ||
    mentionsAny(words, HOUSEHOLD_WORDS);
  if (!household) return [...candidates];
  const bill = entityRef(domainRow('Bill'));
  const namesInvoice = (label: string) => mentionsAny(tokens(label).map(singular), INVOICE_WORDS);
  return candidates.map((candidate) =>
    isRow(candidate, 'Invoice') && !namesInvoice(candidate.label) ? { ...candidate, entity: bill } : candidate,
  );
}
