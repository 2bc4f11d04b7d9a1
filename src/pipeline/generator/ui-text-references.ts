/**
 * The strings of a reference picker (a dog walk's walker chosen from the
 * Walkers list), in every language the planner can pick. Kept apart from
 * `ui-text.ts` because only apps whose entities point at each other use them.
 * English names the other list ("No walkers yet."); the other languages put
 * the screen's title first, so no article or gender has to be guessed.
 */
import type { AppLocale } from './plan/app-language';

export interface ReferenceText {
  /** The picker when the other list is empty; `{items}` is its lower-case plural, `{screen}` its title. */
  noneYet: string;
  /** The button opening the other list's screen. */
  openScreen: string;
  /** Shown in place of a record that was deleted after it was chosen. */
  removed: string;
}

const REFERENCE_TEXT: Readonly<Record<AppLocale, ReferenceText>> = {
  en: { noneYet: 'No {items} yet.', openScreen: 'Open {screen}', removed: '(removed)' },
  vi: { noneYet: '{screen}: chưa có mục nào.', openScreen: 'Mở {screen}', removed: '(đã xóa)' },
  es: { noneYet: '{screen}: todavía no hay nada.', openScreen: 'Abrir {screen}', removed: '(eliminado)' },
  pt: { noneYet: '{screen}: ainda não há nada.', openScreen: 'Abrir {screen}', removed: '(removido)' },
  fr: { noneYet: '{screen} : rien pour le moment.', openScreen: 'Ouvrir {screen}', removed: '(supprimé)' },
  de: { noneYet: '{screen}: noch keine Einträge.', openScreen: '{screen} öffnen', removed: '(gelöscht)' },
  it: { noneYet: '{screen}: ancora nessun elemento.', openScreen: 'Apri {screen}', removed: '(eliminato)' },
  id: { noneYet: '{screen}: belum ada data.', openScreen: 'Buka {screen}', removed: '(dihapus)' },
  zh: { noneYet: '{screen}：暂无记录。', openScreen: '打开{screen}', removed: '（已删除）' },
  ja: { noneYet: '{screen}：まだありません。', openScreen: '{screen}を開く', removed: '（削除済み）' },
};

export function referenceText(plan: { locale: AppLocale }): ReferenceText {
  return REFERENCE_TEXT[plan.locale];
}
