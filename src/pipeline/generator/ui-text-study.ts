/**
 * Strings of the study screen (flashcards shown one at a time and graded),
 * in every language the planner can pick. Kept apart from `ui-text.ts` so the
 * study wording lives next to the study feature; same `{name}` gaps as there.
 */
import type { AppLocale } from './plan/app-language';

export interface StudyText {
  /** The deck picker's first choice: study the due cards of every deck. */
  allDecks: string;
  /** Label of the deck picker. */
  deck: string;
  /** Under a card's front: turns it over. */
  showAnswer: string;
  /** The four grades, worst to best (SM-2: forgot, hard to recall, recalled, effortless). */
  again: string;
  hard: string;
  good: string;
  easy: string;
  /** Nothing to study in the chosen deck today. */
  noneDue: string;
  /** Under `noneDue`; `{date}` is the next card's due day. */
  nextDue: string;
  /** The chosen deck (or the app) has no cards at all. */
  noCards: string;
  /** Above the card; `{done}` reviewed so far, `{left}` still due in this session. */
  progress: string;
  /** Title of the summary after the last due card. */
  sessionDone: string;
  /** In the summary; `{count}` cards reviewed in this session. */
  reviewed: string;
  /** The summary's button: back to the deck's due cards. */
  studyAgain: string;
  /** A review the repository refused; the card stays on screen to grade again. */
  couldNotSaveReview: string;
  /** The cards (or decks) could not be loaded. */
  couldNotLoadCards: string;
}

const STUDY_TEXT: Readonly<Record<AppLocale, StudyText>> = {
  en: {
    allDecks: 'All decks',
    deck: 'Deck',
    showAnswer: 'Show answer',
    again: 'Again',
    hard: 'Hard',
    good: 'Good',
    easy: 'Easy',
    noneDue: 'No cards due — come back tomorrow',
    nextDue: 'Next card due on {date}',
    noCards: 'No cards yet — add some to start studying',
    progress: 'Reviewed: {done} · Left: {left}',
    sessionDone: 'Session complete',
    reviewed: 'Cards reviewed: {count}',
    studyAgain: 'Study again',
    couldNotSaveReview: 'Could not save this review. Try again.',
    couldNotLoadCards: 'Could not load the cards.',
  },
  vi: {
    allDecks: 'Tất cả bộ thẻ',
    deck: 'Bộ thẻ',
    showAnswer: 'Xem đáp án',
    again: 'Lại',
    hard: 'Khó',
    good: 'Tốt',
    easy: 'Dễ',
    noneDue: 'Không có thẻ cần ôn — hãy quay lại vào ngày mai',
    nextDue: 'Thẻ tiếp theo cần ôn vào {date}',
    noCards: 'Chưa có thẻ nào — hãy thêm thẻ để bắt đầu học',
    progress: 'Đã ôn: {done} · Còn lại: {left}',
    sessionDone: 'Hoàn thành buổi học',
    reviewed: 'Số thẻ đã ôn: {count}',
    studyAgain: 'Học tiếp',
    couldNotSaveReview: 'Không lưu được lần ôn này. Hãy thử lại.',
    couldNotLoadCards: 'Không tải được các thẻ.',
  },
  es: {
    allDecks: 'Todos los mazos',
    deck: 'Mazo',
    showAnswer: 'Mostrar respuesta',
    again: 'Otra vez',
    hard: 'Difícil',
    good: 'Bien',
    easy: 'Fácil',
    noneDue: 'No hay tarjetas pendientes — vuelve mañana',
    nextDue: 'Próxima tarjeta el {date}',
    noCards: 'Aún no hay tarjetas — añade algunas para empezar a estudiar',
    progress: 'Repasadas: {done} · Quedan: {left}',
    sessionDone: 'Sesión terminada',
    reviewed: 'Tarjetas repasadas: {count}',
    studyAgain: 'Estudiar de nuevo',
    couldNotSaveReview: 'No se pudo guardar este repaso. Inténtalo de nuevo.',
    couldNotLoadCards: 'No se pudieron cargar las tarjetas.',
  },
  pt: {
    allDecks: 'Todos os baralhos',
    deck: 'Baralho',
    showAnswer: 'Mostrar resposta',
    again: 'De novo',
    hard: 'Difícil',
    good: 'Bom',
    easy: 'Fácil',
    noneDue: 'Nenhum cartão pendente — volte amanhã',
    nextDue: 'Próximo cartão em {date}',
    noCards: 'Ainda não há cartões — adicione alguns para começar a estudar',
    progress: 'Revisados: {done} · Faltam: {left}',
    sessionDone: 'Sessão concluída',
    reviewed: 'Cartões revisados: {count}',
    studyAgain: 'Estudar de novo',
    couldNotSaveReview: 'Não foi possível salvar esta revisão. Tente novamente.',
    couldNotLoadCards: 'Não foi possível carregar os cartões.',
  },
  fr: {
    allDecks: 'Tous les paquets',
    deck: 'Paquet',
    showAnswer: 'Voir la réponse',
    again: 'À revoir',
    hard: 'Difficile',
    good: 'Bien',
    easy: 'Facile',
    noneDue: 'Aucune carte à réviser — revenez demain',
    nextDue: 'Prochaine carte le {date}',
    noCards: 'Pas encore de cartes — ajoutez-en pour commencer à réviser',
    progress: 'Révisées : {done} · Restantes : {left}',
    sessionDone: 'Session terminée',
    reviewed: 'Cartes révisées : {count}',
    studyAgain: 'Réviser encore',
    couldNotSaveReview: "Impossible d'enregistrer cette révision. Réessayez.",
    couldNotLoadCards: 'Impossible de charger les cartes.',
  },
  de: {
    allDecks: 'Alle Stapel',
    deck: 'Stapel',
    showAnswer: 'Antwort zeigen',
    again: 'Nochmal',
    hard: 'Schwer',
    good: 'Gut',
    easy: 'Einfach',
    noneDue: 'Keine Karten fällig — komm morgen wieder',
    nextDue: 'Nächste Karte fällig am {date}',
    noCards: 'Noch keine Karten — lege welche an, um zu lernen',
    progress: 'Gelernt: {done} · Übrig: {left}',
    sessionDone: 'Runde geschafft',
    reviewed: 'Wiederholte Karten: {count}',
    studyAgain: 'Weiterlernen',
    couldNotSaveReview: 'Nicht gespeichert. Versuch es noch einmal.',
    couldNotLoadCards: 'Die Karten konnten nicht geladen werden.',
  },
  it: {
    allDecks: 'Tutti i mazzi',
    deck: 'Mazzo',
    showAnswer: 'Mostra risposta',
    again: 'Di nuovo',
    hard: 'Difficile',
    good: 'Bene',
    easy: 'Facile',
    noneDue: 'Nessuna scheda da ripassare — torna domani',
    nextDue: 'Prossima scheda il {date}',
    noCards: 'Ancora nessuna scheda — aggiungine qualcuna per iniziare',
    progress: 'Ripassate: {done} · Mancano: {left}',
    sessionDone: 'Sessione completata',
    reviewed: 'Schede ripassate: {count}',
    studyAgain: 'Studia ancora',
    couldNotSaveReview: 'Impossibile salvare questo ripasso. Riprova.',
    couldNotLoadCards: 'Impossibile caricare le schede.',
  },
  id: {
    allDecks: 'Semua dek',
    deck: 'Dek',
    showAnswer: 'Tampilkan jawaban',
    again: 'Ulangi',
    hard: 'Sulit',
    good: 'Baik',
    easy: 'Mudah',
    noneDue: 'Tidak ada kartu yang perlu diulang — kembali besok',
    nextDue: 'Kartu berikutnya pada {date}',
    noCards: 'Belum ada kartu — tambahkan beberapa untuk mulai belajar',
    progress: 'Diulang: {done} · Sisa: {left}',
    sessionDone: 'Sesi selesai',
    reviewed: 'Kartu yang diulang: {count}',
    studyAgain: 'Belajar lagi',
    couldNotSaveReview: 'Ulasan ini gagal disimpan. Coba lagi.',
    couldNotLoadCards: 'Kartu tidak dapat dimuat.',
  },
  zh: {
    allDecks: '全部卡组',
    deck: '卡组',
    showAnswer: '显示答案',
    again: '重来',
    hard: '困难',
    good: '良好',
    easy: '简单',
    noneDue: '没有待复习的卡片——明天再来吧',
    nextDue: '下一张卡片于 {date} 到期',
    noCards: '还没有卡片——先添加一些再开始学习',
    progress: '已复习：{done} · 剩余：{left}',
    sessionDone: '本轮完成',
    reviewed: '已复习卡片：{count}',
    studyAgain: '继续学习',
    couldNotSaveReview: '无法保存本次复习，请重试。',
    couldNotLoadCards: '无法加载卡片。',
  },
  ja: {
    allDecks: 'すべてのデッキ',
    deck: 'デッキ',
    showAnswer: '答えを見る',
    again: 'もう一度',
    hard: '難しい',
    good: '正解',
    easy: '簡単',
    noneDue: '復習するカードはありません — また明日どうぞ',
    nextDue: '次のカードは {date} に復習',
    noCards: 'カードがまだありません — 追加して学習を始めましょう',
    progress: '復習済み：{done} · 残り：{left}',
    sessionDone: 'セッション完了',
    reviewed: '復習したカード：{count}',
    studyAgain: 'もう一度学習',
    couldNotSaveReview: 'この復習を保存できませんでした。もう一度お試しください。',
    couldNotLoadCards: 'カードを読み込めませんでした。',
  },
};

export function studyText(plan: { locale: AppLocale }): StudyText {
  return STUDY_TEXT[plan.locale];
}
