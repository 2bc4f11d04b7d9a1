/**
 * The language the generated app speaks, decided once from what the user
 * wrote (feature labels, app name, description). Each word votes for the
 * languages it belongs to: its script (kana → ja, Han → zh), letters only one
 * language uses (ư/ơ/đ → vi, ñ → es, ß → de, ã → pt, …), or a short list of
 * common words per language. The language with most votes wins; no votes →
 * English. Deterministic: ties go to the earlier language in `APP_LOCALES`.
 */
import type { AppSpec } from '../app-spec';
import { foldText } from './text-match';

/** Languages the generated UI text exists in (ISO 639-1). */
export const APP_LOCALES = ['en', 'vi', 'es', 'pt', 'fr', 'de', 'it', 'id', 'zh', 'ja'] as const;
export type AppLocale = (typeof APP_LOCALES)[number];

const KANA = /[\u3040-\u30ff]/;
const HAN = /[\u3400-\u9fff]/;

/** Letters (lower case, with their marks) that only one of our languages writes. */
const LETTERS: ReadonlyArray<readonly [AppLocale, RegExp]> = [
  ['vi', /[ăđơư\u1ea0-\u1ef9]/],
  ['es', /[ñ¿¡]/],
  ['de', /[ßäöü]/],
  ['pt', /[ãõ]/],
  ['fr', /[œæëïÿîû]/],
  ['it', /[ìò]/],
];

/**
 * Common words (folded: no diacritics, lower case) that say which language a
 * text is in: articles, prepositions, pronouns, and the feature words users
 * write most. A word shared by several languages splits its vote.
 */
const WORDS: Readonly<Record<Exclude<AppLocale, 'zh' | 'ja'>, string>> = {
  en: `the and for with my your our to of an app track keep list of is are that this where who can all
    from by into daily manage add see sign login log in expenses expense tasks task notes note calendar chart charts
    statistics stats search profile settings notifications map timer chat camera scanner orders products shop
    cart booking bookings recipes habits workouts contacts home users user people their when what`,
  vi: `va cua toi cho nhung cac mot voi duoc trong ung dung quan ly theo doi chi tieu thong ke lich tim kiem ho so
    cai dat dang nhap thong bao ban do ghi lai xem hang ngay thang nguoi dung khach hang san pham don hang gio
    viec cong`,
  es: `el los las del y para con mi mis una que por aplicacion gastos gasto estadisticas calendario busqueda buscar
    perfil ajustes configuracion tareas notas iniciar sesion registro mapa camara notificaciones pedidos productos
    carrito diario diarios ver registrar mensual usuarios clientes reservar reservas pagar pagos jugadores
    pacientes consultas odontologica dentistas recordatorios`,
  pt: `o os do da dos das e meu minha meus minhas um uma nao aplicativo despesas estatisticas calendario busca
    pesquisa perfil configuracoes tarefas entrar mapa notificacoes pedidos produtos carrinho diarias ver registrar
    usuarios clientes reservar pagar seu seus suas voce acompanhe com pacientes consultas odontologica
    dentistas lembretes lembrete`,
  fr: `le la les des du et pour avec mon ma mes une qui dans sur application depenses statistiques calendrier
    recherche profil parametres taches connexion carte notifications commandes produits panier quotidiennes voir
    utilisateurs clients`,
  de: `der die das und fur mit mein meine meinen ein eine einen zu von im ist auf ausgaben statistik kalender suche
    profil einstellungen aufgaben notizen anmelden anmeldung karte kamera benachrichtigungen bestellungen produkte
    warenkorb taglichen nutzer kunden buchen bei beim termine patienten arzt verwalten`,
  it: `il lo gli di e per con mio mia miei una uno che nel della delle applicazione spese statistiche calendario
    ricerca profilo impostazioni attivita note accedi mappa fotocamera notifiche ordini prodotti carrello
    giornaliere utenti clienti pazienti appuntamenti dentisti promemoria prenota prenotazioni`,
  id: `dan untuk dengan saya yang ini itu aplikasi pengeluaran statistik kalender pencarian cari profil pengaturan
    tugas catatan masuk peta kamera notifikasi pesanan produk keranjang harian pengguna pelanggan obrolan pengingat
    pesan jadwal pembayaran`,
};

const WORD_LANGUAGES: ReadonlyMap<string, readonly AppLocale[]> = (() => {
  const map = new Map<string, AppLocale[]>();
  for (const [locale, words] of Object.entries(WORDS) as Array<[AppLocale, string]>) {
    for (const word of words.split(/\s+/).filter(Boolean)) map.set(word, [...(map.get(word) ?? []), locale]);
  }
  return map;
})();

/** The languages one word (as written, lower case) belongs to; empty when it says nothing. */
function languagesOf(word: string): readonly AppLocale[] {
  if (KANA.test(word)) return ['ja'];
  if (HAN.test(word)) return ['zh'];
  const byLetter = LETTERS.find(([, letters]) => letters.test(word));
  if (byLetter) return [byLetter[0]];
  return WORD_LANGUAGES.get(foldText(word)) ?? [];
}

/** Words as written (marks kept), lower case; CJK runs stay one word each. */
function words(text: string): string[] {
  return text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean);
}

/** The language of the user's own words in the spec; `en` when nothing says otherwise. */
export function appLocale(spec: Pick<AppSpec, 'name' | 'description' | 'features'>): AppLocale {
  const votes = new Map<AppLocale, number>();
  const texts = [spec.name, spec.description, ...spec.features];
  // Japanese mixes kanji with kana: one kana anywhere makes its Han words Japanese too.
  const japanese = texts.some((text) => KANA.test(text));
  for (const word of texts.flatMap(words)) {
    const languages = japanese && HAN.test(word) ? (['ja'] as const) : languagesOf(word);
    for (const language of languages) votes.set(language, (votes.get(language) ?? 0) + 1 / languages.length);
  }
  let best: AppLocale = 'en';
  for (const locale of APP_LOCALES) if ((votes.get(locale) ?? 0) > (votes.get(best) ?? 0)) best = locale;
  return best;
}
