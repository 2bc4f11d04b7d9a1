/**
 * Words that tell the description miner (`description-nouns.ts`) how a
 * sentence is built, in the languages of `archetype-words.ts`: function words
 * and filler to skip, verbs that carry an intent (book, pay, record), nouns
 * whose shape decides an entity's fields (people, payments, contracts, votes,
 * events, bookable resources), and attribute words with their field types
 * ("with grade and attempts"). Folded like `foldText`: no diacritics, lower
 * case; multi-word entries match as phrases.
 */
import type { AppLocale } from './app-language';
import type { FieldType } from './app-plan';

/** What a word does in a sentence. */
export type WordRole =
  | 'stop'
  | 'prep'
  | 'adjective'
  | 'article'
  | 'pronoun'
  | 'modal'
  | 'conj'
  | 'with'
  | 'for'
  | 'of'
  | 'filler'
  | 'book'
  | 'pay'
  | 'record';

/** One language's function words and verbs: role → comma-separated words. */
type RoleTable = Partial<Record<WordRole, string>>;

const ENGLISH: RoleTable = {
  stop:
    'this, that, these, those, there, here, also, too, very, really, just, only, even, all, any, some, other, ' +
    'another, more, most, much, many, few, lot, lots, as, if, when, where, while, which, who, whom, whose, what, ' +
    'how, why, so, then, than, is, are, was, were, be, been, being, am, do, does, did, done, have, has, had, it, ' +
    'app, apps, application, applications, tool, tools, platform, system, way, thing, ' +
    'things, stuff, something, anything, everything, someone, anyone, everyone, people, user, users, time, day, ' +
    'days, week, month, year, today, online, offline, home, well, back, often, again, once, always, never, easily, ' +
    'quickly, device, one, two, three, like, able, each, every, both, not, no, yes, please, up, down, out, off',
  prep:
    'in, on, at, from, into, onto, about, over, under, between, through, within, without, via, per, across, ' +
    'around, after, before, during, near, inside, since, until',
  adjective:
    'small, big, little, large, local, new, old, simple, easy, personal, daily, weekly, monthly, yearly, good, ' +
    'best, nice, quick, fast, free, whole, own, private, shared, friendly, favourite, favorite, upcoming, past, ' +
    'current, next, last, first, handmade',
  article: 'a, an, the, my, our, your, their, his, its',
  pronoun: 'i, we, you, they, he, she, me, us, them, him, her',
  modal: 'to, can, will, could, should, may, must, let, lets',
  conj: 'and, or, plus',
  with: 'with',
  // "rent payments for my apartments", "bugs reported by testers": the owner refers to them.
  for: 'for, by',
  of: 'of',
  filler:
    'manage, managing, organise, organize, keep, see, view, save, add, create, edit, share, follow, handle, ' +
    'collect, plan, list, store, help, helps, allow, allows, get, gets, make, makes, want, need, needs, use, ' +
    'using, run, send, receive, invite, join, rate, compare, discover, explore, come, go, start, stay, remember, ' +
    'earn, win, approve, complete, finish, assign, pick, choose, drink, eat, sell, offer',
  book: 'reserve, reserves, reserving',
  pay: 'pay, paying',
  record:
    'monitor, measure, keep track of, keep records of, keep a record of, keep a log of, records of, ' +
    'keep a diary of',
};

const OTHER_LANGUAGES: Readonly<Partial<Record<AppLocale, RoleTable>>> = {
  vi: {
    stop:
      'ung dung, app, minh, cac, nhung, moi, nay, do, duoc, se, da, dang, rat, hang ngay, don gian, de dang, ' +
      'nguoi dung, dung gio, luc, khi, nao, ai, gi, ra, len, xuong, lai, nua, la, co, mot',
    prep: 'trong, tren, tai, vao, o, tu, den',
    pronoun: 'toi, chung toi, ban, em',
    modal: 'de',
    conj: 'va, hoac',
    with: 'voi, kem',
    for: 'cho',
    of: 'cua',
    filler: 'quan ly, xem, them, tao, giup, luu',
    book: 'dat, dat lich, dat cho',
    pay: 'thanh toan, tra tien, dong tien, dong',
    record: 'theo doi, ghi lai, ghi chep, ghi',
  },
  es: {
    stop:
      'que, como, cuando, donde, aplicacion, app, muy, todo, todos, todas, cada, es, son, mas, dia, dias, semana, ' +
      'semanas, mes, meses, ano, anos, hoy',
    prep: 'en, a, al, desde, sobre, entre, sin, hasta',
    adjective: 'pequeno, pequena, nuevo, nueva, diario, diaria',
    article: 'el, la, los, las, un, una, unos, unas, mi, mis, tu, tus, su, sus, nuestro, nuestra, nuestros, nuestras',
    pronoun: 'yo, nosotros, usted, ustedes',
    modal: 'puede, pueden, poder',
    conj: 'y, e, o, u',
    with: 'con',
    for: 'para, por',
    of: 'de, del',
    // Infinitives and the imperatives descriptions address the user with ("controla tus gastos").
    filler:
      'gestionar, gestiona, administrar, administra, organizar, organiza, ver, guardar, guarda, anadir, crear, llevar',
    // Third-person forms too: "Pacientes reservan citas", "I clienti prenotano lezioni".
    // The imperative too: "Reserva paseos de perros con paseadores".
    book: 'reservar, reserva, reservan, agendar, agendan, apartar',
    pay: 'pagar, abonar',
    record:
      'registrar, registra, anotar, anota, controlar, controla, controle, lleva el control de, lleva un registro de, ' +
      'seguimiento de',
  },
  pt: {
    stop: 'que, como, quando, onde, aplicativo, app, muito, tudo, cada, dia, dias, semana, semanas, mes, meses, hoje',
    prep: 'em, no, na, nos, nas, ao, aos, sem',
    adjective: 'pequeno, pequena, novo, nova',
    article: 'o, a, os, as, um, uma, meu, minha, meus, minhas, seu, sua, seus, suas, nosso, nossa',
    pronoun: 'eu, voce, voces',
    modal: 'pode, podem',
    conj: 'e, ou',
    with: 'com',
    for: 'para, por',
    of: 'de, do, da, dos, das',
    filler: 'gerenciar, gerencie, gerir, organizar, organize, ver, salvar, adicionar, criar',
    // The imperative too: "Agende passeios de cães com passeadores".
    book: 'reservar, reserve, reservam, agendar, agende, agendam, marcar, marque, marcam',
    pay: 'pagar',
    record: 'registrar, registre, anotar, anote, acompanhar, acompanhe, acompanha, controlar, controle, controla',
  },
  fr: {
    stop:
      'que, qui, quand, ou, tout, tous, chaque, application, app, est, sont, jour, jours, semaine, semaines, mois, ' +
      'annee, annees',
    prep: 'dans, au, aux, en, sur, sans, chez, a',
    adjective: 'petit, petite, nouveau, nouvelle',
    article: 'le, la, les, l, un, une, des, mon, ma, mes, ton, ta, tes, son, sa, ses, notre, nos, votre, vos',
    pronoun: 'je, nous, vous, ils, elles, on',
    conj: 'et, ou',
    with: 'avec',
    for: 'pour',
    of: 'de, du, d',
    filler: 'gerer, gerez, organiser, organisez, voir, ajouter, creer, garder',
    book: 'reserver, reservez, reservent',
    pay: 'payer, payez, regler',
    // "Suivez vos dépenses", "suis mes dépenses": the forms a description speaks to its reader with.
    record:
      'suivre, suivez, suis, suit, noter, notez, enregistrer, enregistrez, enregistre, garder une trace de, ' +
      'gardez une trace de',
  },
  de: {
    stop:
      'ist, sind, alle, jede, jeden, jeder, wenn, wo, was, wie, auch, app, immer, wieder, aber, tag, tage, woche, ' +
      'wochen, monat, monate, jahr, jahre, heute',
    prep: 'im, am, an, auf, in, nach, aus, zum, zur, uber',
    adjective: 'klein, kleine, neu, neue',
    article:
      'der, die, das, den, dem, des, ein, eine, einen, einem, einer, mein, meine, meinen, meiner, dein, deine, ' +
      'unser, unsere',
    pronoun: 'ich, wir, du, sie',
    modal: 'zu, um zu, kann, konnen',
    conj: 'und, oder',
    // "Termine beim Zahnarzt", "Gassigänge bei Gassigehern": who a booking is with.
    with: 'mit, bei, beim',
    for: 'fur',
    of: 'von, vom',
    filler: 'verwalten, verwalte, organisieren, organisiere, sehen, speichern, hinzufugen, erstellen, planen, plane',
    // Infinitives end a German clause ("Hundespaziergänge buchen"), imperatives start one ("Buche …").
    book: 'buchen, buche, reservieren, reserviere',
    pay: 'bezahlen, bezahle, zahlen',
    record: 'erfassen, erfasse, protokollieren, verfolgen, verfolge, notieren, notiere',
  },
  it: {
    stop: 'che, quando, dove, tutto, ogni, applicazione, app, giorno, giorni, settimana, settimane, mese, mesi, oggi',
    prep: 'in, nel, nella, nei, su, sul, a, al',
    adjective: 'piccolo, piccola, nuovo, nuova',
    article: 'il, lo, la, i, gli, le, un, uno, una, mio, mia, miei, mie',
    pronoun: 'io, noi, voi',
    conj: 'e, o',
    with: 'con',
    for: 'per',
    of: 'di, del, della, dei, delle',
    filler: 'gestire, gestisci, organizzare, organizza, vedere, salvare, aggiungere, creare',
    book: 'prenotare, prenotano, prenota, riservare',
    pay: 'pagare',
    record:
      'registrare, registra, annotare, annota, tracciare, monitorare, monitora, tieni traccia, tenere traccia, ' +
      'tieni traccia di',
  },
  id: {
    stop: 'aplikasi, yang, ini, itu, juga, setiap, semua, app',
    prep: 'di, ke, dari, pada',
    adjective: 'kecil, baru',
    pronoun: 'saya, kami, kita, aku, anda',
    modal: 'bisa',
    conj: 'dan, atau',
    with: 'dengan',
    for: 'untuk',
    filler: 'kelola, mengelola, atur, mengatur, lihat, simpan, tambah, buat',
    book: 'memesan, reservasi',
    pay: 'bayar, membayar',
    record: 'catat, mencatat, lacak, pantau',
  },
};

function addTable(map: Map<string, WordRole>, table: RoleTable): void {
  for (const [role, words] of Object.entries(table) as [WordRole, string][]) {
    for (const word of words.split(',')) if (word.trim()) map.set(word.trim(), role);
  }
}

/** English roles plus the description's language (which wins where they share a word: pt "do" is "of"). */
export function wordRoles(locale: AppLocale): ReadonlyMap<string, WordRole> {
  const map = new Map<string, WordRole>();
  addTable(map, ENGLISH);
  const other = OTHER_LANGUAGES[locale];
  if (other) addTable(map, other);
  return map;
}

/** Languages whose noun phrases put the head first ("pistas de pádel", "nhật ký chăm sóc"). */
export const HEAD_FIRST_LOCALES: ReadonlySet<AppLocale> = new Set(['vi', 'es', 'pt', 'fr', 'it', 'id']);

/**
 * Words that are a verb at the start of a clause or after "and"/"to"/a
 * pronoun ("Book dog walks", "and log fertilizer") and a noun elsewhere
 * ("a book club", "my workout log"); `act` verbs carry no intent of their own.
 */
export const VERB_OR_NOUN: ReadonlyMap<string, 'book' | 'record' | 'pay' | 'request' | 'act'> = new Map([
  ['book', 'book'],
  ['schedule', 'book'],
  ['log', 'record'],
  ['track', 'record'],
  ['record', 'record'],
  ['note', 'record'],
  // "Riders request rides from drivers": the rides are the records, "a ride request" stays a noun.
  ['request', 'request'],
  // "… with tutors and leave reviews": a new clause, not more people the lessons are booked with.
  // "Track leave requests" keeps its noun.
  ['leave', 'act'],
]);

/** Prepositions naming who is asked for what is requested or booked: "request rides from drivers". */
export const SOURCE_PREPOSITIONS: ReadonlySet<string> = new Set(['from']);

/** Nouns that name a view of the noun before them: "watering schedule" → a calendar of waterings. */
export const INTENT_HEADS: ReadonlyMap<string, 'book' | 'record'> = new Map([
  ...['schedule', 'schedules', 'calendar', 'bookings', 'booking', 'reservations', 'appointments', 'lich', 'lich hen']
    .concat(['calendario', 'agenda', 'kalender', 'jadwal'])
    .map((word): [string, 'book'] => [word, 'book']),
  ...['log', 'logs', 'tracker', 'history', 'logbook'].map((word): [string, 'record'] => [word, 'record']),
]);

/** Payment nouns → the English class stem their entity gets (the label keeps the user's words). */
export const PAYMENT_NOUNS: ReadonlyMap<string, string> = new Map([
  ['payment', ''],
  ['fee', ''],
  ['phi', 'Fee'],
  ['rent', 'RentPayment'],
  ['dues', 'Due'],
  ['tuition', 'TuitionFee'],
  ['deposit', ''],
  ['hoc phi', 'TuitionFee'],
  ['le phi', 'Fee'],
  ['tien nha', 'RentPayment'],
  ['tien thue', 'RentPayment'],
  ['pago', 'Payment'],
  ['cuota', 'Fee'],
  ['alquiler', 'RentPayment'],
  ['matricula', 'TuitionFee'],
  ['mensualidad', 'MonthlyFee'],
  ['pagamento', 'Payment'],
  ['mensalidade', 'MonthlyFee'],
  ['aluguel', 'RentPayment'],
  ['taxa', 'Fee'],
  ['paiement', 'Payment'],
  ['loyer', 'RentPayment'],
  ['frais', 'Fee'],
  ['cotisation', 'Fee'],
  ['zahlung', 'Payment'],
  ['miete', 'RentPayment'],
  ['gebuhr', 'Fee'],
  ['affitto', 'RentPayment'],
  ['quota', 'Fee'],
  ['retta', 'TuitionFee'],
  ['pembayaran', 'Payment'],
  ['iuran', 'Fee'],
  ['sewa', 'RentPayment'],
  ['biaya', 'Fee'],
  ['spp', 'TuitionFee'],
]);

/** Words that say the app sells things: paying then means a checkout, not a money field. */
export const SHOP_WORDS: readonly string[] = [
  'cart',
  'checkout',
  'check out',
  'basket',
  'shop',
  'store',
  'buy',
  'purchase*',
  'product*',
  'order*',
  'sell',
  'gio hang',
  'san pham',
  'mua',
  'carrito',
  'compra*',
  'producto*',
  'tienda',
  'panier',
  'acheter',
  'boutique',
  'warenkorb',
  'kaufen',
  'carrinho',
  'comprar',
  'loja',
  'carrello',
  'negozio',
  'keranjang',
  'beli',
  'toko',
];

/**
 * What a Vietnamese "thợ" does, folded: "thợ cắt tóc" (a barber), "thợ làm tóc", "thợ điện", "thợ sửa xe",
 * "thợ may" (a tailor). The same trades make a label a list of people (`namesPeople` in `domain-entities.ts`).
 */
const VIETNAMESE_TRADES: readonly string[] = [
  'cat toc',
  'lam toc',
  'lam mong',
  'dien',
  'nuoc',
  'ong nuoc',
  'sua xe',
  'sua chua',
  'may',
  'moc',
  'xay',
  'son',
  'han',
  'khoa',
  'chup anh',
  'trang diem',
];

/** People the app keeps records of, beyond the `-ist`/`-ee`/… shapes of `domain-entities.ts`. */
export const PERSON_WORDS: ReadonlySet<string> = new Set([
  'regular',
  'vet',
  'dentist',
  'stylist',
  'tutor',
  'parent',
  'sitter',
  'babysitter',
  'nanny',
  'groomer',
  'trainer',
  'landlord',
  'roommate',
  'neighbour',
  'neighbor',
  'kid',
  'child',
  'children',
  'giao vien',
  'thanh vien',
  'hoi vien',
  'nguoi thue',
  'benh nhan',
  'khach',
  'inquilino',
  'miembro',
  'socio',
  'alumno',
  'profesor',
  'paciente',
  'jugador',
  'huesped',
  'membro',
  'aluno',
  'professor',
  'jogador',
  'locataire',
  'membre',
  'eleve',
  'professeur',
  'joueur',
  'mieter',
  'mitglied',
  'spieler',
  'lehrer',
  // German people booked at a practice or a salon (the -er agent nouns are read by shape).
  'arzt',
  'arztin',
  'zahnarzt',
  'zahnarztin',
  'tierarzt',
  'tierarztin',
  'therapeut',
  'therapeutin',
  'friseur',
  'friseurin',
  'gast',
  'kollege',
  'kollegin',
  // Dog walkers: "promeneurs", "paseadores", "passeadores".
  'promeneur',
  'promeneuse',
  'paseador',
  'paseadora',
  'passeador',
  'passeadora',
  'alunno',
  'insegnante',
  'paziente',
  'giocatore',
  'penyewa',
  'anggota',
  'guru',
  'pasien',
  'pemain',
  'murid',
  // Who is booked or books in the other languages: a clinic's doctors and patients, a gym's coaches and clients.
  'medico',
  'medica',
  'dentista',
  'odontologo',
  'odontologa',
  'psicologo',
  'psicologa',
  'fisioterapeuta',
  'nutricionista',
  'doctor',
  'doctora',
  'cliente',
  'entrenador',
  'entrenadora',
  'profesora',
  'alumna',
  'enfermero',
  'enfermera',
  'veterinario',
  'veterinaria',
  'estudiante',
  'abogado',
  'medecin',
  'docteur',
  'patient',
  'client',
  'entraineur',
  'infirmier',
  'infirmiere',
  'etudiant',
  'etudiante',
  'avocat',
  'dottore',
  'dottoressa',
  'allenatore',
  'studente',
  'infermiere',
  'infermiera',
  'avvocato',
  'istruttore',
  'treinador',
  'treinadora',
  'professora',
  'aluna',
  'enfermeiro',
  'estudante',
  'advogado',
  'bac si',
  'khach hang',
  'huan luyen vien',
  'hoc sinh',
  'sinh vien',
  'y ta',
  'luat su',
  // Tradesmen ("thợ …"): a barber, a hairdresser, an electrician, a plumber, a mechanic, a tailor, …
  ...VIETNAMESE_TRADES.map((trade) => `tho ${trade}`),
]);

/**
 * Words that name a person only as the one something is booked with: Vietnamese "thợ" (a tradesman,
 * "đặt lịch với thợ") folds like "thơ" (a poem) and "thỏ" (a rabbit), so alone it is no list of people.
 */
export const BOOKED_WITH_WORDS: ReadonlySet<string> = new Set(['tho']);

/** Verbs whose `-er`/`-or` noun is a person ("walker", "visitor"); a verb the text uses itself counts too. */
export const AGENT_STEMS: ReadonlySet<string> = new Set([
  'walk',
  'sit',
  'groom',
  'train',
  'teach',
  'clean',
  'drive',
  'ride',
  'deliver',
  'coach',
  'play',
  'read',
  'own',
  'rent',
  'lend',
  'borrow',
  'buy',
  'sell',
  'visit',
  'climb',
  'run',
  'swim',
  'cook',
  'bake',
  'host',
  'lead',
  'help',
  'volunteer',
  'garden',
  'paint',
  'design',
  'develop',
  'tutor',
  'mentor',
  'donat',
  'subscrib',
  'follow',
  'sponsor',
  'instruct',
  'support',
  'test',
  'report',
]);

/** Nouns of things that happen on a date. */
export const EVENT_WORDS: ReadonlySet<string> = new Set([
  'meeting',
  'visit',
  'game',
  'match',
  'lesson',
  'walk',
  'ride',
  'tour',
  'appointment',
  'party',
  'practice',
  'rehearsal',
  'gathering',
  'workshop',
  'performance',
  'race',
  'shift',
  'class',
  'cuoc hop',
  'buoi hoc',
  'reunion',
  'partido',
  'clase',
  'visita',
  'reuniao',
  'aula',
  'seance',
  'promenade',
  'paseo',
  'passeio',
  'passeggiata',
  'treffen',
  // German, matched at the end of a compound too ("Hundespaziergang", "Fahrstunde", "Gassirunde").
  'spaziergang',
  // Only these walks: "Eingang", "Umgang", "Vorgang" end in "gang" too.
  'gassigang',
  'rundgang',
  'besprechung',
  'runde',
  'stunde',
  'ausflug',
  'fahrt',
  'besuch',
  'schicht',
  'probe',
  'feier',
  'riunione',
  'incontro',
  'rapat',
  'pertemuan',
]);

export const VOTE_WORDS: ReadonlySet<string> = new Set([
  'vote',
  'poll',
  'ballot',
  'binh chon',
  'bau chon',
  'votacion',
  'encuesta',
  'votacao',
  'enquete',
  'sondage',
  'abstimmung',
  'umfrage',
  'votazione',
  'sondaggio',
  'voting',
]);

export const CONTRACT_WORDS: ReadonlySet<string> = new Set([
  'lease',
  'contract',
  'subscription',
  'membership',
  'rental',
  'policy',
  'agreement',
  'hop dong',
  'contrato',
  'arrendamiento',
  'bail',
  'contrat',
  'vertrag',
  'mietvertrag',
  'contratto',
  'kontrak',
]);

/** Things one books for a time ("padel courts", "meeting rooms"): a booking names which one. */
export const RESOURCE_WORDS: ReadonlySet<string> = new Set([
  'court',
  'room',
  'table',
  'desk',
  'seat',
  'field',
  'pitch',
  'lane',
  'studio',
  'space',
  'slot',
  'bike',
  'boat',
  'locker',
  'pista',
  'cancha',
  'sala',
  'habitacion',
  'mesa',
  'quadra',
  'quarto',
  'terrain',
  'salle',
  'chambre',
  'platz',
  'raum',
  'zimmer',
  'tisch',
  'campo',
  'tavolo',
  'lapangan',
  'ruang',
  'kamar',
  'meja',
  'san',
  'phong',
]);

function fieldWords(type: FieldType, words: string): [string, FieldType][] {
  return words.split(',').map((word): [string, FieldType] => [word.trim(), type]);
}

/** Attribute words → field types ("with grade and attempts" → grade: text, attempts: int). */
export const FIELD_WORDS: ReadonlyMap<string, FieldType> = new Map([
  ...fieldWords(
    'int',
    'attempt, attempts, tries, reps, sets, laps, count, number, times, pages, minutes, hours, servings, guests, seats, ' +
      'points, stars, rating, quantity, qty, age, floor, calories, steps, players, so lan, so luong, intentos, repeticiones, ' +
      'cantidad, tentativas, quantidade, essais, nombre, quantite, versuche, anzahl, menge, tentativi, quantita, ' +
      'percobaan, jumlah',
  ),
  ...fieldWords(
    'decimal',
    'weight, distance, height, length, km, miles, temperature, volume, speed, score, ph, can nang, peso, distancia, ' +
      'altura, poids, gewicht, entfernung, berat, jarak',
  ),
  ...fieldWords(
    'money',
    'price, cost, fee, rent, salary, deposit, budget, tip, total, gia, gia tien, precio, costo, coste, tarifa, preco, ' +
      'custo, prix, cout, tarif, preis, kosten, prezzo, harga',
  ),
  ...fieldWords(
    'date',
    'date, deadline, due date, birthday, start date, end date, expiry, fecha, data, datum, tanggal, ngay',
  ),
  ...fieldWords(
    'bool',
    'paid, done, sent, completed, visited, available, active, attended, present, pagado, hecho, paye, bezahlt, ' +
      'pagato, lunas',
  ),
  ...fieldWords(
    'text',
    'grade, level, name, type, category, color, colour, brand, style, location, address, size, breed, species, genre, ' +
      'author, title, status, difficulty, tag, grado, nivel, nombre, tipo, categoria, marca, niveau, nom, couleur, ' +
      'stufe, farbe, livello, nome, tingkat, nama, jenis, kategori, warna',
  ),
  ...fieldWords(
    'longText',
    'notes, note, description, comment, comments, review, notas, descripcion, commentaire, notizen, beschreibung, ' +
      'catatan, ghi chu',
  ),
  ...fieldWords('email', 'email, e mail, correo'),
  ...fieldWords('phone', 'phone number, telephone, telefono, telefone, telefon, so dien thoai, sdt'),
  ...fieldWords('url', 'website, link, url'),
]);
