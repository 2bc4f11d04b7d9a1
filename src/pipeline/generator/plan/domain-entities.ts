/**
 * Domain words → entities with fields that fit the domain. Each row: the
 * words users write (singular English; plurals are folded by `singular`;
 * other languages as written, folded), the Dart class, the labels, and the
 * fields as `name:type` (`!` = required; the first required text field is the
 * item's title). A word not in the table still gets an entity (see
 * `genericEntity`): a title, notes and a date.
 */
import { APP_LOCALES, type AppLocale } from './app-language';
import type { FieldType } from './app-plan';
import { isGermanAgentNoun } from './german-agent-nouns';

export interface DomainEntity {
  words: readonly string[];
  className: string;
  label: string;
  pluralLabel: string;
  fields: string;
  /** Field name → the `className` of the row it points at (rows mined from a description: "walker" → Walker). */
  refersTo?: Readonly<Record<string, string>>;
  /** Fields a feature keeps up to date and the user never types (`EntityField.managed`). */
  managed?: readonly string[];
  /** Date-time fields the app stamps on save (`EntityField.stamp`); managed too. */
  stamps?: Readonly<Record<string, 'created' | 'updated'>>;
  /**
   * `pluralLabel` in vi|es|pt|fr|de|it|id|zh|ja, for rows the app adds a screen for on its
   * own (Places for a map, Products for a checkout): that screen's title is no word of the user's.
   */
  titles?: string;
  /**
   * Labels of fields whose name says too little on this row (a review's "Rating (1–5)"), in
   * en|vi|es|pt|fr|de|it|id|zh|ja; they win over the shared labels of `field-labels.ts`.
   */
  labels?: Readonly<Record<string, string>>;
}

/** The label `row` gives its field `name` in `locale`, when it has its own (`DomainEntity.labels`). */
export function rowFieldLabel(row: DomainEntity, name: string, locale: AppLocale): string | undefined {
  const labels = row.labels?.[name]?.split('|');
  return labels?.[APP_LOCALES.indexOf(locale)] ?? labels?.[0];
}

const TITLE_LOCALES: readonly AppLocale[] = ['vi', 'es', 'pt', 'fr', 'de', 'it', 'id', 'zh', 'ja'];

/**
 * `titles` of the generic "Entries" the planner adds when no requested feature holds data
 * (only statistics and search, say); that row is built, not in the table.
 */
const ENTRIES_TITLES = 'Bản ghi|Registros|Registros|Entrées|Einträge|Voci|Entri|条目|記録';

/** A school's room (the shared `room` label is a gym's studio). */
const CLASSROOM_LABELS = 'Room|Phòng học|Aula|Sala|Salle|Raum|Aula|Ruang kelas|教室|教室';

/** The row's plural label in `locale` when `titles` has it, else the English one. */
export function pluralTitle(row: DomainEntity, locale: AppLocale): string {
  const index = TITLE_LOCALES.indexOf(locale);
  const titles = row.titles ?? (row.words.length === 0 && row.className === 'Entry' ? ENTRIES_TITLES : undefined);
  return (index >= 0 ? titles?.split('|')[index] : undefined) ?? row.pluralLabel;
}

export const DOMAIN_ENTITIES: readonly DomainEntity[] = [
  {
    words: [
      'expense',
      'spending',
      'expenditure',
      'cost',
      'chi tieu',
      'chi phi',
      'gasto',
      'despesa',
      'depense',
      'ausgabe',
      'ausgaben',
      'spesa',
      'spese',
      'pengeluaran',
      '支出',
      '开支',
      '花费',
      '费用',
      '出費',
      '経費',
    ],
    className: 'Expense',
    label: 'Expense',
    pluralLabel: 'Expenses',
    fields: 'title:text!, amount:money!, category:text!, date:date!, note:longText',
  },
  {
    words: [
      'income',
      'earning',
      'revenue',
      'thu nhap',
      'ingreso',
      'receita',
      'revenu',
      'einnahme',
      'einnahmen',
      'entrata',
      'pemasukan',
      '收入',
      '収入',
    ],
    className: 'Income',
    label: 'Income',
    pluralLabel: 'Income',
    fields: 'source:text!, amount:money!, date:date!, note:longText',
  },
  {
    words: [
      'transaction',
      'giao dich',
      'transaccion',
      'transacao',
      'transaktion',
      'transazione',
      'transaksi',
      '交易',
      '收支',
      '记账',
      '取引',
      '収支',
      '家計簿',
    ],
    className: 'MoneyTransaction',
    label: 'Transaction',
    pluralLabel: 'Transactions',
    fields: 'description:text!, amount:money!, category:text!, date:date!, isIncome:bool',
  },
  {
    words: ['budget', 'ngan sach', 'presupuesto', 'orcamento', 'haushalt', 'anggaran', '预算', '予算'],
    className: 'Budget',
    label: 'Budget',
    pluralLabel: 'Budgets',
    fields: 'category:text!, limit:money!, month:date!',
  },
  // A household's bills to pay. "Bills" of a business with customers, and "hoá đơn", "facturas",
  // "Rechnungen" outside a household or budget app, are the invoices below (`household-bills.ts`).
  {
    words: [
      'bill',
      'utility bill',
      'household bill',
      'recurring bill',
      'monthly bill',
      'hoa don dien',
      'hoa don nuoc',
      'hoa don gia dinh',
    ],
    className: 'Bill',
    label: 'Bill',
    pluralLabel: 'Bills',
    fields: 'payee:text!, amount:money!, dueDate:date!, repeats:text, paid:bool, note:longText',
  },
  {
    words: ['hoa don', 'factura', 'fatura', 'facture', 'rechnung', 'fattura', 'tagihan', 'invoice', '发票', '請求書'],
    className: 'Invoice',
    label: 'Invoice',
    pluralLabel: 'Invoices',
    fields: 'customer:text!, amount:money!, dueDate:date!, paid:bool, note:longText',
  },
  // Reviews of what the app lists (`record-subjects.ts` links them to its products, books, tutors…).
  // Before those rows: "Book reviews" and "Product reviews" are reviews, not books or products.
  {
    words: [
      'review',
      'product review',
      'customer review',
      'guest review',
      'user review',
      'book review',
      'movie review',
      'film review',
      'restaurant review',
      'course review',
      'rating',
      'feedback',
      'customer feedback',
      'danh gia',
      'resena',
      'opinion',
      'valoracion',
      'avaliacao',
      'avis',
      'bewertung',
      'recensione',
      'recensioni',
      'ulasan',
    ],
    className: 'Review',
    label: 'Review',
    pluralLabel: 'Reviews',
    // The comment titles the review in lists; the forms validate no range, so the label says it.
    fields: 'rating:int!, comment:longText!, date:date!',
    labels: {
      rating:
        'Rating (1–5)|Đánh giá (1–5)|Valoración (1–5)|Avaliação (1–5)|Note (1–5)|Bewertung (1–5)|Valutazione (1–5)|Rating (1–5)|评分（1–5）|評価（1～5）',
    },
  },
  {
    words: [
      'task',
      'todo',
      'to do',
      'chore',
      'cong viec',
      'viec can lam',
      'tarea',
      'tarefa',
      'tache',
      'aufgabe',
      'aufgaben',
      'compito',
      'attivita',
      'tugas',
      '任务',
      '待办',
      '家务',
      'タスク',
      'やること',
      '家事',
    ],
    className: 'Task',
    label: 'Task',
    pluralLabel: 'Tasks',
    fields: 'title:text!, dueDate:date, priority:int, done:bool, notes:longText',
  },
  {
    words: [
      'work order',
      'job ticket',
      'service order',
      'maintenance request',
      'repair request',
      'ticket',
      'lenh san xuat',
      'orden de trabajo',
      'ordenes de trabajo',
      'ordem de servico',
      'bon de travail',
      'arbeitsauftrag',
      'arbeitsauftrage',
      'ordine di lavoro',
    ],
    className: 'WorkOrder',
    label: 'Work order',
    pluralLabel: 'Work orders',
    fields: 'title:text!, assignee:text!, location:text, dueDate:date!, priority:int, done:bool, notes:longText',
  },
  // A clinic's records of one patient (`record-subjects.ts` links them to the app's pets or patients).
  // Before the recipes: "receta médica" is a prescription, "receta" alone a recipe.
  {
    words: [
      'visit',
      'checkup',
      'check up',
      'vet visit',
      'visita',
      'besuch',
      'besuche',
      'visite',
      'kunjungan',
      'tai kham',
      '就诊',
      '診察',
    ],
    className: 'Visit',
    label: 'Visit',
    pluralLabel: 'Visits',
    fields: 'reason:text!, date:date!, notes:longText',
  },
  {
    words: [
      'prescription',
      'receta medica',
      'receita medica',
      'ordonnance',
      'verschreibung',
      'prescrizione',
      'resep dokter',
      'don thuoc',
      '处方',
      '処方箋',
    ],
    className: 'Prescription',
    label: 'Prescription',
    pluralLabel: 'Prescriptions',
    fields: 'medication:text!, dosage:text!, instructions:longText, date:date!',
  },
  {
    words: [
      'vaccination',
      'vaccine',
      'vacuna',
      'vacunacion',
      'vacina',
      'vaccin',
      'impfung',
      'vaccino',
      'vaksin',
      'tiem chung',
      '疫苗',
      'ワクチン',
    ],
    className: 'Vaccination',
    label: 'Vaccination',
    pluralLabel: 'Vaccinations',
    fields: 'vaccine:text!, date:date!, nextDue:date, notes:longText',
  },
  {
    words: [
      'recipe',
      'cong thuc',
      'mon an',
      'receta',
      'receita culinaria',
      'recette',
      'rezept',
      'rezepte',
      'ricetta',
      'ricette',
      'resep',
      '食谱',
      '菜谱',
      'レシピ',
    ],
    className: 'Recipe',
    label: 'Recipe',
    pluralLabel: 'Recipes',
    fields: 'name:text!, ingredients:longText!, steps:longText!, minutes:int, servings:int',
  },
  {
    words: [
      'product',
      'item for sale',
      'catalog',
      'catalogue',
      'san pham',
      'producto',
      'produto',
      'produit',
      'produkt',
      'prodotto',
      'produk',
      '商品',
      '产品',
      '製品',
    ],
    className: 'Product',
    label: 'Product',
    pluralLabel: 'Products',
    titles: 'Sản phẩm|Productos|Produtos|Produits|Produkte|Prodotti|Produk|商品|商品',
    fields: 'name:text!, price:money!, description:longText, stock:int',
  },
  // A restaurant's or café's menu: one record per dish, written by the staff. A checkout beside it
  // sells these dishes (`checkout-data.ts`). "Carte", "Carta" and the dishes ("Dishes", "Plats",
  // "Gerichte") are the menu in a restaurant's app only (`restaurant-menu.ts`): elsewhere a map, and
  // the dishes one washes.
  {
    words: ['menu item', 'menu', 'thuc don', 'cardapio', 'speisekarte'],
    className: 'MenuItem',
    label: 'Menu item',
    pluralLabel: 'Menu items',
    fields: 'name:text!, price:money!, category:text, description:longText, available:bool',
  },
  {
    words: ['order', 'don hang', 'pedido', 'commande', 'bestellung', 'ordine', 'pesanan', '订单', '注文'],
    className: 'Order',
    label: 'Order',
    pluralLabel: 'Orders',
    fields: 'customer:text!, total:money!, orderDate:date!, delivered:bool, note:longText',
  },
  // A delivery of an order, by a driver (`record-subjects.ts` links both when the app lists them).
  {
    words: [
      'delivery',
      'shipment',
      'giao hang',
      'entrega',
      'livraison',
      'lieferung',
      'consegna',
      'pengiriman',
      '配送',
      '送货',
      '配達',
    ],
    className: 'Delivery',
    label: 'Delivery',
    pluralLabel: 'Deliveries',
    fields: 'address:text!, order:text, driver:text, date:dateTime!, delivered:bool, notes:longText',
  },
  {
    // "clienti", "studenti": Italian plurals the English singular rule does not reach.
    words: [
      'customer',
      'client',
      'khach hang',
      'cliente',
      'clienti',
      'kunde',
      'kunden',
      'pelanggan',
      '客户',
      '顾客',
      '顧客',
      'お客様',
      'クライアント',
    ],
    className: 'Customer',
    label: 'Customer',
    pluralLabel: 'Customers',
    fields: 'name:text!, email:email, phone:phone, company:text, notes:longText',
  },
  {
    words: [
      'contact',
      'lien he',
      'danh ba',
      'contacto',
      'contato',
      'kontakt',
      'kontakte',
      'contatto',
      'kontak',
      '联系人',
      '通讯录',
      '連絡先',
      'アドレス帳',
    ],
    className: 'Contact',
    label: 'Contact',
    pluralLabel: 'Contacts',
    fields: 'name:text!, phone:phone, email:email, birthday:date, notes:longText',
  },
  // A sales team's leads and deals (`business-records.ts`: only in an app about sales, "leads" and
  // "deals" of a coupon app stay their own records); a deal is with a contact or a customer the app
  // keeps (`record-subjects.ts`).
  {
    words: [
      'lead',
      'sales lead',
      'prospect',
      'khach hang tiem nang',
      'cliente potencial',
      'prospecto',
      'interessent',
      'potenziale cliente',
      'prospek',
      '潜在客户',
      '销售线索',
      '見込み客',
    ],
    className: 'Lead',
    label: 'Lead',
    pluralLabel: 'Leads',
    fields: 'name:text!, company:text, email:email, phone:phone, source:text, stage:text, notes:longText',
    labels: {
      source: 'Source|Nguồn|Origen|Origem|Source|Quelle|Fonte|Sumber|来源|流入元',
    },
  },
  {
    words: [
      'deal',
      'sales deal',
      'opportunity',
      'sales opportunity',
      'co hoi ban hang',
      'oportunidad de venta',
      'oportunidade de venda',
      'opportunite commerciale',
      'verkaufschance',
      'opportunita di vendita',
      'peluang penjualan',
      '商机',
      '商談',
    ],
    className: 'Deal',
    label: 'Deal',
    pluralLabel: 'Deals',
    fields: 'title:text!, contact:text, value:money!, stage:text!, closeDate:date, notes:longText',
  },
  // A job board's postings and the applications to them (`business-records.ts`: only in an app about
  // hiring; "Jobs done" of a chores app and a helpdesk's job tickets are not these). The application
  // comes first: "Job applications" are applications, not jobs.
  {
    words: [
      'job application',
      'application',
      'candidatura',
      'postulacion',
      'solicitud de empleo',
      'candidature',
      'bewerbung',
      'lamaran',
      'lamaran kerja',
      'don ung tuyen',
      'ho so ung tuyen',
      '求职申请',
      '応募',
    ],
    className: 'JobApplication',
    label: 'Application',
    pluralLabel: 'Applications',
    fields: 'job:text!, applicantName:text!, email:email, coverLetter:longText, status:text',
  },
  {
    words: [
      'job',
      'job posting',
      'job offer',
      'job opening',
      'vacancy',
      'viec lam',
      'tin tuyen dung',
      'empleo',
      'oferta de empleo',
      'oferta de trabajo',
      'vaga de emprego',
      'offre d emploi',
      'stellenangebot',
      'stellenanzeige',
      'offerta di lavoro',
      'lowongan',
      'lowongan kerja',
      '职位',
      '招聘',
      '求人',
    ],
    className: 'Job',
    label: 'Job',
    pluralLabel: 'Jobs',
    fields: 'title:text!, company:text!, location:text, salary:text, description:longText',
  },
  {
    words: [
      'employee',
      'staff',
      'nhan vien',
      'empleado',
      'funcionario',
      'employe',
      'mitarbeiter',
      'dipendente',
      'karyawan',
      '员工',
      '职员',
      '社員',
      '従業員',
      '職員',
      'スタッフ',
    ],
    className: 'Employee',
    label: 'Employee',
    pluralLabel: 'Employees',
    fields: 'name:text!, role:text!, email:email, phone:phone, startDate:date',
  },
  // A gym's or club's membership, not its members: "Members" stay people (`namesPeople`). Not
  // "abonnement" or "abbonamento": a streaming service's subscription is one too, with no class credits.
  {
    words: [
      'membership',
      'member card',
      'membership card',
      'membership plan',
      'the hoi vien',
      'the thanh vien',
      'membresia',
      'tarjeta de socio',
      'cartao de socio',
      'cartao de membro',
      'adhesion',
      'carte de membre',
      'mitgliedschaft',
      'keanggotaan',
      'kartu anggota',
    ],
    className: 'Membership',
    label: 'Membership',
    pluralLabel: 'Memberships',
    fields: 'member:text!, plan:text!, startDate:date!, expiryDate:date!, credits:int',
    labels: {
      credits:
        'Class credits|Số buổi còn lại|Créditos de clases|Créditos de aulas|Crédits de cours|Kursguthaben|Crediti lezioni|Kredit kelas|课时余额|レッスン残数',
    },
  },
  {
    words: [
      'note',
      'memo',
      'ghi chu',
      'nota',
      'notiz',
      'notizen',
      'catatan',
      '笔记',
      '备忘',
      '便签',
      '记事本',
      'メモ',
      'ノート',
    ],
    className: 'Note',
    label: 'Note',
    pluralLabel: 'Notes',
    // The app stamps when a note was written and last edited; the list shows the latest edit first.
    fields: 'title:text!, body:longText!, updatedAt:dateTime!, createdAt:dateTime!',
    stamps: { updatedAt: 'updated', createdAt: 'created' },
  },
  {
    words: [
      'journal',
      'diary',
      'nhat ky',
      'diario',
      'journal intime',
      'tagebuch',
      'buku harian',
      '日记',
      '日志',
      '日記',
      '日誌',
    ],
    className: 'JournalEntry',
    label: 'Journal entry',
    pluralLabel: 'Journal',
    fields: 'title:text!, body:longText!, mood:int, date:date!',
  },
  {
    words: [
      'habit',
      'thoi quen',
      'habito',
      'habitude',
      'gewohnheit',
      'abitudine',
      'kebiasaan',
      '习惯',
      '習慣',
      'ルーティン',
    ],
    className: 'Habit',
    label: 'Habit',
    pluralLabel: 'Habits',
    // The streak and this week's count are computed from the habit's check-offs (`HABIT_CHECK_ENTITY`).
    fields: 'name:text!, timesPerWeek:int!',
  },
  {
    words: [
      'workout',
      'exercise',
      'training',
      'tap luyen',
      'bai tap',
      'entrenamiento',
      'ejercicio',
      'treino',
      'exercicio',
      'entrainement',
      'ubung',
      'training',
      'allenamento',
      'latihan',
      '锻炼',
      '运动',
      '健身',
      '训练',
      'トレーニング',
      '運動',
      '筋トレ',
      'ワークアウト',
      'エクササイズ',
    ],
    className: 'Workout',
    label: 'Workout',
    pluralLabel: 'Workouts',
    fields: 'activity:text!, minutes:int!, distanceKm:decimal, date:date!, notes:longText',
  },
  {
    words: [
      'meal',
      'food',
      'calorie',
      'bua an',
      'thuc pham',
      'comida',
      'refeicao',
      'repas',
      'mahlzeit',
      'pasto',
      'makanan',
      '饮食',
      '三餐',
      '餐食',
      '卡路里',
      '食事',
      '献立',
      'カロリー',
    ],
    className: 'Meal',
    label: 'Meal',
    pluralLabel: 'Meals',
    fields: 'name:text!, calories:int!, date:date!, notes:longText',
  },
  {
    words: [
      'medication',
      'medicine',
      'pill',
      'thuoc',
      'medicamento',
      'medicament',
      'medikament',
      'farmaco',
      'obat',
      '药',
      '薬',
    ],
    className: 'Medication',
    label: 'Medication',
    pluralLabel: 'Medications',
    fields: 'name:text!, dosage:text!, timesPerDay:int!, startDate:date, notes:longText',
  },
  {
    words: [
      'book',
      'reading',
      'sach',
      'libro',
      'livro',
      'livre',
      'buch',
      'bucher',
      'buku',
      '书',
      '書籍',
      '読書',
      '本棚',
      '蔵書',
    ],
    className: 'Book',
    label: 'Book',
    pluralLabel: 'Books',
    fields: 'title:text!, author:text!, pages:int, finished:bool, rating:int',
  },
  {
    words: ['movie', 'film', 'phim', 'pelicula', 'filme', 'pellicola', '电影', '影片', '映画'],
    className: 'Movie',
    label: 'Movie',
    pluralLabel: 'Movies',
    fields: 'title:text!, year:int, rating:int, watched:bool, notes:longText',
  },
  {
    words: ['event', 'su kien', 'evento', 'evenement', 'veranstaltung', 'acara', '活动', 'イベント', '行事'],
    className: 'CalendarEvent',
    label: 'Event',
    pluralLabel: 'Events',
    fields: 'title:text!, date:date!, location:text, notes:longText',
  },
  // A restaurant's table bookings: who, for how many, when ("Reserve a table" and "guests reserve
  // tables" book these too: `table-bookings.ts`). The table is picked only where the app lists its
  // tables (`record-subjects.ts`). Before the bookings: "Tischreservierungen" are these.
  {
    words: [
      'table booking',
      'table reservation',
      'restaurant reservation',
      'dinner reservation',
      'reservation de table',
      'reserva de mesa',
      'reservacion de mesa',
      'tischreservierung',
      'tischbuchung',
      'prenotazione tavolo',
      'prenotazione del tavolo',
      'reservasi meja',
      'pemesanan meja',
      'dat ban',
    ],
    className: 'TableBooking',
    label: 'Table booking',
    pluralLabel: 'Table bookings',
    fields: 'guestName:text!, partySize:int!, date:date!, phone:phone, notes:longText',
  },
  {
    words: [
      'booking',
      'appointment',
      'consultation',
      'reservation',
      'lich hen',
      'consulta',
      'dat lich',
      'cita',
      'reserva',
      'agendamento',
      'rendez vous',
      'termin',
      'buchung',
      'reservierung',
      'prenotazione',
      'appuntamento',
      'dat cho',
      'janji',
      'pemesanan',
      '预约',
      '预订',
      '预定',
      '予約',
    ],
    className: 'Booking',
    label: 'Booking',
    pluralLabel: 'Bookings',
    fields: 'customerName:text!, service:text!, date:date!, phone:phone, notes:longText',
  },
  {
    words: ['message', 'tin nhan', 'mensaje', 'mensagem', 'nachricht', 'messaggio', 'pesan', '消息', 'メッセージ'],
    className: 'ChatMessage',
    label: 'Message',
    pluralLabel: 'Messages',
    fields: 'text:longText!, sender:text!, senderId:text!, sentAt:date!',
    // The chat sets it from the signed-in account (or the install); nobody types it.
    managed: ['senderId'],
  },
  {
    words: [
      'trip',
      'travel',
      'journey',
      'chuyen di',
      'du lich',
      'viaje',
      'viagem',
      'voyage',
      'reise',
      'viaggio',
      'perjalanan',
      '旅行',
      '行程',
      '旅程',
      '出差',
      '出張',
    ],
    className: 'Trip',
    label: 'Trip',
    pluralLabel: 'Trips',
    fields: 'destination:text!, startDate:date!, endDate:date, budget:money, notes:longText',
  },
  {
    // A ride-share's or taxi's ride, not a holiday trip: picked up somewhere at a time, dropped off, paid.
    // Not a plain "ride": "Bike rides" and "Horse rides" are outings to log.
    words: ['ride request', 'taxi ride', 'cab ride', 'rideshare', 'carpool', 'viaje en taxi', 'course en taxi'],
    className: 'Ride',
    label: 'Ride',
    pluralLabel: 'Rides',
    fields: 'pickup:text!, destination:text!, date:date!, passengers:int, fare:money, notes:longText',
  },
  {
    words: [
      'place',
      'spot',
      'venue',
      'cafe',
      'restaurant',
      'store',
      'shop',
      'dia diem',
      'quan',
      'lugar',
      'local',
      'lieu',
      'ort',
      'luogo',
      'tempat',
      '地点',
      '场所',
      '場所',
      'スポット',
    ],
    className: 'Place',
    label: 'Place',
    pluralLabel: 'Places',
    titles: 'Địa điểm|Lugares|Locais|Lieux|Orte|Luoghi|Tempat|地点|場所',
    fields: 'name:text!, address:text!, latitude:decimal!, longitude:decimal!, notes:longText',
  },
  {
    words: [
      'pet',
      'thu cung',
      'mascota',
      'animal de estimacao',
      'animal',
      'haustier',
      'haustiere',
      'animale',
      'hewan peliharaan',
      '宠物',
      '猫',
      '狗',
      'ペット',
      '犬',
    ],
    className: 'Pet',
    label: 'Pet',
    pluralLabel: 'Pets',
    fields: 'name:text!, species:text!, birthday:date, weightKg:decimal, notes:longText',
  },
  {
    words: ['plant', 'cay', 'planta', 'plante', 'pflanze', 'pianta', 'tanaman', '植物', '绿植', '多肉', '盆栽'],
    className: 'Plant',
    label: 'Plant',
    pluralLabel: 'Plants',
    fields: 'name:text!, species:text, lastWatered:date!, waterEveryDays:int!',
  },
  // Goods in and out of a stock (`record-subjects.ts` links each to the item). Before the inventory:
  // "Stock movements" are movements, not stock. The quantity is signed: + in, − out.
  {
    words: [
      'stock movement',
      'inventory movement',
      'stock change',
      'stock adjustment',
      'movimiento de stock',
      'movimiento de inventario',
      'movimentacao de estoque',
      'movimento de estoque',
      'mouvement de stock',
      'lagerbewegung',
      'movimento di magazzino',
      'mutasi stok',
      'nhap xuat kho',
      'xuat nhap kho',
      '出入库',
      '库存变动',
      '入出庫',
      '在庫移動',
    ],
    className: 'StockMovement',
    label: 'Stock movement',
    pluralLabel: 'Stock movements',
    fields: 'item:text!, quantityChange:int!, reason:text!, date:date!',
    labels: {
      quantityChange:
        'Quantity (+ in, − out)|Số lượng (+ nhập, − xuất)|Cantidad (+ entrada, − salida)|Quantidade (+ entrada, − saída)|Quantité (+ entrée, − sortie)|Menge (+ Zugang, − Abgang)|Quantità (+ carico, − scarico)|Jumlah (+ masuk, − keluar)|数量（+入库，−出库）|数量（+入庫、−出庫）',
      reason: 'Reason|Lý do|Motivo|Motivo|Motif|Grund|Causale|Alasan|原因|理由',
    },
  },
  {
    words: [
      'inventory',
      'stock',
      'supply',
      'ton kho',
      'hang hoa',
      'inventario',
      'estoque',
      'stock item',
      'lager',
      'inventaris',
      '库存',
      '存货',
      '仓库',
      '在庫',
      '倉庫',
      '備品',
    ],
    className: 'InventoryItem',
    label: 'Inventory item',
    pluralLabel: 'Inventory',
    fields: 'name:text!, sku:text!, quantity:int!, location:text, unitPrice:money',
    labels: {
      sku: 'SKU|Mã SKU|SKU|SKU|Référence|Artikelnummer|Codice articolo|SKU|SKU|SKU',
    },
  },
  {
    words: [
      'student',
      'hoc sinh',
      'sinh vien',
      'estudiante',
      'aluno',
      'etudiant',
      'schuler',
      'studente',
      'studenti',
      'siswa',
      '学生',
      '学员',
      '生徒',
      '児童',
      '受講生',
    ],
    className: 'Student',
    label: 'Student',
    pluralLabel: 'Students',
    fields: 'name:text!, grade:text!, email:email, birthday:date',
  },
  {
    words: [
      'course',
      'class',
      'lesson',
      'khoa hoc',
      'bai hoc',
      'curso',
      'leccion',
      'aula',
      'cours',
      'kurs',
      'corso',
      'kursus',
      'pelajaran',
      '课程',
      '课表',
      '讲座',
      '授業',
      'レッスン',
      '講座',
      '講義',
      'コース',
    ],
    className: 'Course',
    label: 'Course',
    pluralLabel: 'Courses',
    fields: 'title:text!, teacher:text!, startDate:date, hours:int, description:longText',
  },
  // A gym's, yoga or dance studio's class: one session on the timetable, at a time, with a trainer and
  // spots. Only words that say so on their own; a plain "class", "Kurs" or "clase" in a gym, yoga or
  // dance app becomes one in `class-sessions.ts`, and in a school stays a course.
  {
    words: [
      'gym class',
      'fitness class',
      'workout class',
      'yoga class',
      'pilates class',
      'dance class',
      'spin class',
      'spinning class',
      'zumba class',
      'barre class',
      'hiit class',
      'boxing class',
      'clase de yoga',
      'clase de pilates',
      'clase de baile',
      'clase de spinning',
      'clase de zumba',
      'clase de boxeo',
      'clase dirigida',
      'cours de yoga',
      'cours de danse',
      'cours de pilates',
      'yogakurs',
      'fitnesskurs',
      'tanzkurs',
      'pilateskurs',
      'lop tap',
      'lop yoga',
    ],
    className: 'ClassSession',
    label: 'Class',
    pluralLabel: 'Classes',
    fields: 'name:text!, trainer:text, startsAt:dateTime!, durationMinutes:int, capacity:int, room:text',
    titles: 'Lớp tập|Clases|Aulas|Cours|Kurse|Lezioni|Kelas|课程|クラス',
  },
  {
    words: [
      'project',
      'du an',
      'proyecto',
      'projeto',
      'projet',
      'projekt',
      'progetto',
      'proyek',
      '项目',
      'プロジェクト',
    ],
    className: 'ProjectItem',
    label: 'Project',
    pluralLabel: 'Projects',
    fields: 'name:text!, owner:text!, deadline:date, progress:int, description:longText',
  },
  // A rental of a car (or bike, or equipment) to a customer for some days (`record-subjects.ts` links
  // the app's vehicles and customers). Before the vehicles: "Car rentals" are rentals. The agreement
  // number titles it, since the car and the customer become links. Not in a landlord's app
  // (`business-records.ts`), whose "rentals" are homes.
  {
    words: [
      'rental',
      'car rental',
      'car hire',
      'vehicle rental',
      'bike rental',
      'equipment rental',
      'thue xe',
      'alquiler',
      'alquiler de coche',
      'aluguel de carro',
      'aluguer',
      'location de voiture',
      'vermietung',
      'autovermietung',
      'noleggio',
      'noleggi',
      'sewa mobil',
      'penyewaan',
      '租车',
      '租赁',
      'レンタル',
    ],
    className: 'Rental',
    label: 'Rental',
    pluralLabel: 'Rentals',
    fields:
      'reference:text!, item:text!, customer:text!, startDate:date!, endDate:date!, price:money, returned:bool, notes:longText',
    labels: {
      reference:
        'Agreement no.|Số hợp đồng|N.º de contrato|Nº do contrato|N° de contrat|Vertragsnummer|N. contratto|No. kontrak|合同编号|契約番号',
      item: 'Rented item|Đồ cho thuê|Artículo alquilado|Item alugado|Article loué|Mietgegenstand|Articolo noleggiato|Barang sewaan|租赁物品|レンタル品',
    },
  },
  {
    words: [
      'vehicle',
      'car',
      'xe',
      'vehiculo',
      'veiculo',
      'vehicule',
      'fahrzeug',
      'auto',
      'veicolo',
      'kendaraan',
      '车辆',
      '汽车',
      '爱车',
      '車両',
      '自動車',
      '愛車',
      'マイカー',
    ],
    className: 'Vehicle',
    label: 'Vehicle',
    pluralLabel: 'Vehicles',
    fields: 'name:text!, plate:text!, mileageKm:int, nextService:date',
  },
  // A vehicle's fill-ups and services (`record-subjects.ts` links them to the app's vehicles).
  {
    words: [
      'fuel',
      'fuel log',
      'fill up',
      'fill ups',
      'fillup',
      'refuel',
      'refueling',
      'petrol',
      'combustible',
      'repostaje',
      'combustivel',
      'abastecimento',
      'carburant',
      'plein',
      'tanken',
      'tankfullung',
      'carburante',
      'rifornimento',
      'bahan bakar',
      'nhien lieu',
      'do xang',
      '加油',
      '給油',
    ],
    className: 'FuelLog',
    label: 'Fill-up',
    pluralLabel: 'Fuel log',
    fields: 'station:text!, date:date!, liters:decimal!, cost:money!, odometer:int',
  },
  {
    words: [
      'maintenance',
      'service record',
      'servicing',
      'mantenimiento',
      'manutencao',
      'entretien',
      'wartung',
      'manutenzione',
      'perawatan',
      'bao duong',
      '保养',
      '整備',
    ],
    className: 'MaintenanceRecord',
    label: 'Maintenance record',
    pluralLabel: 'Maintenance',
    fields: 'description:text!, date:date!, cost:money, odometer:int, notes:longText',
  },
  {
    words: [
      'property',
      'listing',
      'apartment',
      'house',
      'bat dong san',
      'can ho',
      'propiedad',
      'imovel',
      'bien',
      'immobilie',
      'immobile',
      'properti',
      '房产',
    ],
    className: 'Listing',
    label: 'Listing',
    pluralLabel: 'Listings',
    fields: 'title:text!, address:text!, price:money!, bedrooms:int, description:longText',
  },
  // A marketplace's item for sale; a property listing is the row above.
  {
    words: [
      'ad',
      'classified',
      'classified ad',
      'anuncio',
      'anuncios',
      'annonce',
      'anzeige',
      'anzeigen',
      'inserzione',
      'annuncio',
      'iklan',
      'tin rao',
      'rao vat',
      '广告',
      '広告',
    ],
    className: 'ClassifiedAd',
    label: 'Ad',
    pluralLabel: 'Ads',
    fields: 'title:text!, price:money!, description:longText, condition:text, category:text',
  },
  {
    words: [
      'post',
      'article',
      'news',
      'bai viet',
      'tin tuc',
      'publicacion',
      'noticia',
      'artigo',
      'article de blog',
      'beitrag',
      'artikel',
      'notizia',
      'berita',
      '文章',
      '帖子',
      '博客',
      '新闻',
      '公告',
      '記事',
      '投稿',
      'ブログ',
      'ニュース',
    ],
    className: 'Post',
    label: 'Post',
    pluralLabel: 'Posts',
    fields: 'title:text!, body:longText!, author:text, published:date',
  },
  {
    words: ['song', 'track', 'playlist', 'bai hat', 'cancion', 'musica', 'chanson', 'lied', 'canzone', 'lagu', '歌曲'],
    className: 'Song',
    label: 'Song',
    pluralLabel: 'Songs',
    fields: 'title:text!, artist:text!, durationSeconds:int, favorite:bool',
  },
  {
    words: ['goal', 'muc tieu', 'meta', 'objectif', 'ziel', 'obiettivo', 'tujuan', '目标', '目標'],
    className: 'Goal',
    label: 'Goal',
    pluralLabel: 'Goals',
    fields: 'title:text!, target:int!, progress:int, deadline:date',
  },
  {
    words: [
      'session',
      'meditation',
      'thien',
      'phien',
      'sesion',
      'sessao',
      'seance',
      'sitzung',
      'sessione',
      'sesi',
      'meditacion',
      'meditacao',
      '冥想',
    ],
    className: 'PracticeSession',
    label: 'Session',
    pluralLabel: 'Sessions',
    fields: 'title:text!, minutes:int!, date:date!, notes:longText',
  },
  {
    words: ['photo', 'image', 'picture', 'anh', 'foto', 'imagen', 'bild', '照片', '写真'],
    className: 'Photo',
    label: 'Photo',
    pluralLabel: 'Photos',
    fields: 'caption:text!, imagePath:text!, takenAt:date!',
  },
  {
    words: [
      'attendance',
      'roll call',
      'diem danh',
      'asistencia',
      'presenca',
      'presence',
      'anwesenheit',
      'presenza',
      'kehadiran',
      '出席',
      '点名',
      '出欠',
    ],
    className: 'AttendanceRecord',
    label: 'Attendance',
    pluralLabel: 'Attendance',
    fields: 'student:text!, date:date!, present:bool, note:longText',
  },
  {
    words: [
      'grade',
      'mark',
      'score',
      'diem so',
      'calificacion',
      'calificaciones',
      'note scolaire',
      'schulnote',
      'noten',
      'voto',
      'voti',
      'nilai',
      '成绩',
      '分数',
      '考试',
      '成績',
      '点数',
      '試験',
    ],
    className: 'Grade',
    label: 'Grade',
    pluralLabel: 'Grades',
    fields: 'student:text!, subject:text!, score:decimal!, date:date!',
  },
  // A school's subjects, a pupil's homework and exams (`record-subjects.ts` links homework and exams to
  // the subject). Only words that say so on their own: a bare "Subjects", "Exams", "Materie", "Tareas"
  // are these in a school's or a student's app only (`household-school-rows.ts`); a clinic's exams are not.
  {
    words: ['school subject', 'mon hoc', 'asignatura', 'mata pelajaran', 'schulfach', 'unterrichtsfach'],
    className: 'Subject',
    label: 'Subject',
    pluralLabel: 'Subjects',
    fields: 'name:text!, teacher:text, room:text, notes:longText',
    titles: 'Môn học|Asignaturas|Disciplinas|Matières|Fächer|Materie|Mata pelajaran|科目|科目',
    labels: { room: CLASSROOM_LABELS },
  },
  {
    words: [
      'homework',
      'school assignment',
      'bai tap ve nha',
      'deberes',
      'licao de casa',
      'devoir',
      'devoirs',
      'hausaufgabe',
      'hausaufgaben',
      'compiti a casa',
      'compiti per casa',
      'pekerjaan rumah',
    ],
    className: 'Homework',
    label: 'Homework',
    pluralLabel: 'Homework',
    fields: 'title:text!, subject:text!, dueDate:date!, done:bool, notes:longText',
  },
  {
    words: [
      'school exam',
      'final exam',
      'midterm',
      'ky thi',
      'bai kiem tra',
      'klassenarbeit',
      'klausur',
      'ujian sekolah',
    ],
    className: 'Exam',
    label: 'Exam',
    pluralLabel: 'Exams',
    // The exam's own name ("Midterm") titles it: the subject is picked from the app's subjects.
    fields: 'title:text!, subject:text!, startsAt:dateTime!, room:text, score:decimal, notes:longText',
    labels: { room: CLASSROOM_LABELS },
  },
  // A library's loan of a book to a member (`record-subjects.ts` picks the book); a bare "Loans",
  // "Préstamos", "Prestiti" is one only beside books or a library (`household-school-rows.ts`): a
  // budget's loans are money.
  {
    words: [
      'book loan',
      'library loan',
      'muon sach',
      'phieu muon',
      'prestamo de libro',
      'prestamo de libros',
      'emprestimo de livro',
      'emprestimo de livros',
      'pret de livre',
      'pret de livres',
      'ausleihe',
      'buchausleihe',
      'prestito libri',
      'prestito di libri',
      'peminjaman buku',
    ],
    className: 'Loan',
    label: 'Loan',
    pluralLabel: 'Loans',
    fields: 'book:text!, member:text!, borrowedOn:date!, dueDate:date!, returned:bool, notes:longText',
  },
  // A landlord's leases and repairs ("Rent payments" are payment records: `payment-records.ts`).
  {
    words: [
      'lease',
      'rental agreement',
      'tenancy',
      'tenancy agreement',
      'hop dong thue',
      'contrato de alquiler',
      'contrato de arrendamiento',
      'contrato de aluguel',
      'contrato de locacao',
      'bail',
      'mietvertrag',
      'contratto di affitto',
      'contratto d affitto',
      'kontrak sewa',
      'perjanjian sewa',
    ],
    className: 'Lease',
    label: 'Lease',
    pluralLabel: 'Leases',
    fields:
      'unit:text!, tenant:text!, startDate:date!, endDate:date, monthlyRent:money!, deposit:money, notes:longText',
  },
  {
    // Not "sửa chữa" here: "Thợ sửa chữa" are repairmen (a bare "Sửa chữa": `household-school-rows.ts`).
    words: ['repair', 'reparacion', 'reparo', 'reparation', 'reparatur', 'riparazione', 'perbaikan'],
    className: 'Repair',
    label: 'Repair',
    pluralLabel: 'Repairs',
    fields: 'title:text!, unit:text, reportedOn:date!, cost:money, done:bool, notes:longText',
  },
  // A hotel's rooms, written by its staff. A bare "Rooms", "Chambres", "Zimmer", "Camere" are these only
  // in a hotel's app (`household-school-rows.ts`): a chat's rooms are channels, meeting rooms no hotel's.
  {
    words: [
      'hotel room',
      'guest room',
      'phong khach san',
      'habitacion de hotel',
      'quarto de hotel',
      'chambre d hotel',
      'hotelzimmer',
      'gastezimmer',
      'camera d albergo',
      'camere d albergo',
      'kamar hotel',
    ],
    // Not `Room`: a chat's "Rooms" are channels of that class (`chat-channels.ts`), shared and written otherwise.
    className: 'HotelRoom',
    label: 'Room',
    pluralLabel: 'Rooms',
    fields: 'name:text!, roomType:text, pricePerNight:money!, capacity:int, notes:longText',
    titles: 'Phòng|Habitaciones|Quartos|Chambres|Zimmer|Camere|Kamar|客房|客室',
  },
  {
    words: ['technician', 'tecnico', 'technicien', 'techniker', 'teknisi', 'ky thuat vien'],
    className: 'Technician',
    label: 'Technician',
    pluralLabel: 'Technicians',
    fields: 'name:text!, skill:text!, phone:phone, available:bool',
  },
  {
    words: [
      'favorite',
      'favourite',
      'wishlist',
      'bookmark',
      'yeu thich',
      'favorito',
      'favori',
      'favorit',
      'preferito',
      '收藏',
      '书签',
      'お気に入り',
      'ブックマーク',
    ],
    className: 'Favorite',
    label: 'Favorite',
    pluralLabel: 'Favorites',
    fields: 'title:text!, link:url, addedOn:date!, rating:int',
  },
  {
    words: ['packing', 'packing list', 'luggage', 'hanh ly', 'equipaje', 'bagagem', 'bagages', 'gepack', 'bagagli'],
    className: 'PackingItem',
    label: 'Packing item',
    pluralLabel: 'Packing list',
    fields: 'item:text!, quantity:int!, packed:bool',
  },
  // Flashcards and their decks (the study feature, `archetypes/study.archetype.ts`). The deck comes
  // first: "flashcard decks" names decks. Bare "cards", "Karten", "Stapel" are flashcards only in an
  // app that studies (`plan/study-cards.ts`): elsewhere they are gift cards or piles.
  {
    words: [
      'deck',
      'flashcard deck',
      'card deck',
      'karteikartenstapel',
      'mazo',
      'mazzo',
      // Italian plurals in "-i" are not folded to "-o" here ("mazzi" would stay a generic record).
      'mazzi',
      'baralho',
      'bo the',
      '卡组',
      'デッキ',
    ],
    className: 'Deck',
    label: 'Deck',
    pluralLabel: 'Decks',
    fields: 'name:text!, description:longText',
    titles: 'Bộ thẻ|Mazos|Baralhos|Paquets|Stapel|Mazzi|Dek|卡组|デッキ',
  },
  {
    words: [
      'flashcard',
      'flash card',
      'karteikarte',
      'lernkarte',
      'vokabelkarte',
      'the hoc',
      'the ghi nho',
      'kartu hafalan',
      '闪卡',
      '单词卡',
      '记忆卡',
      '単語カード',
      '暗記カード',
      'フラッシュカード',
    ],
    className: 'Flashcard',
    label: 'Card',
    pluralLabel: 'Cards',
    // The review schedule (SM-2, `study.lib-dart.ts`): the day the card is due next (none: new, due
    // now), the days until the next review after that one, the ease factor and the reviews in a row
    // that were not "Again". The study screen keeps them; forms never show them.
    fields: 'front:text!, back:longText!, deck:text!, due:date, intervalDays:int, ease:decimal, repetitions:int',
    refersTo: { deck: 'Deck' },
    managed: ['due', 'intervalDays', 'ease', 'repetitions'],
    titles: 'Thẻ|Tarjetas|Cartões|Cartes|Karten|Schede|Kartu|卡片|カード',
  },
];

/** The table's row of `className`; throws when the table has none (a planner step names a row that is gone). */
export function domainRow(className: string): DomainEntity {
  const row = DOMAIN_ENTITIES.find((candidate) => candidate.className === className);
  if (!row) throw new Error(`no ${className} row in the domain table`);
  return row;
}

/**
 * Table words a German compound may end in and still be that record: "Arzttermine" and "Friseurtermin"
 * are bookings, "Platzbuchung" and "Tischreservierung" too, a "Hausbesuch" is a visit. Only these: the
 * last part of a compound says what it is, but shorter heads say too little on their own ("Kochbuch" is
 * a recipe book, a "Gästebuch" no book at all).
 */
const GERMAN_COMPOUND_HEADS: readonly string[] = [
  'termin',
  'buchung',
  'reservierung',
  'besuch',
  'ausgabe',
  'einnahme',
  'rechnung',
  'aufgabe',
  'bestellung',
  'impfung',
  'veranstaltung',
  // "Produktbewertungen", "Kundenbewertungen"; "Jahresmitgliedschaft".
  'bewertung',
  'mitgliedschaft',
];

/** The table word a folded, singular German compound ends in ("arzttermin" → "termin"); else the word. */
export function germanCompoundHead(word: string): string {
  return GERMAN_COMPOUND_HEADS.find((head) => word.length > head.length + 2 && word.endsWith(head)) ?? word;
}

/** Parses `title:text!, amount:money` into field specs. */
export function parseFieldSpecs(fields: string): { name: string; type: FieldType; required: boolean }[] {
  return fields.split(',').map((part) => {
    const [name, rawType] = part.trim().split(':');
    const required = rawType.endsWith('!');
    return { name, type: rawType.replace('!', '') as FieldType, required };
  });
}

/**
 * A chat's channel (room, group) when the app asks for a chat and channels
 * (`plan/chat-channels.ts`): a name and an optional topic. The class and
 * labels come from the user's word ("Rooms" → Room); not in DOMAIN_ENTITIES,
 * because "rooms" without a chat are a hotel's.
 */
export const CHAT_CHANNEL_FIELDS = 'name:text!, topic:longText';

/**
 * One check-off of a habit: the habit (`habit` becomes `habitId`) and the local day it was done as
 * `yyyy-MM-dd` text, which names the same day on every backend and in every time zone. A record per
 * day rather than a list of days on the habit: every backend stores it as a plain row, two devices
 * ticking different days never overwrite each other, and untick is a delete by a known id. The habit
 * list adds and removes them; they get no screen of their own.
 */
export const HABIT_CHECK_ENTITY: DomainEntity = {
  words: [],
  className: 'HabitCheck',
  label: 'Habit check-off',
  pluralLabel: 'Habit check-offs',
  fields: 'habit:text!, day:text!',
  refersTo: { habit: 'Habit' },
};

/** A message posted in a channel: `channel` becomes `channelId`, pointing at the channel entity. */
export const CHANNEL_MESSAGE_ENTITY: DomainEntity = {
  words: [],
  className: 'ChatMessage',
  label: 'Message',
  pluralLabel: 'Messages',
  fields: 'channel:text!, text:longText!, sender:text!, senderId:text!, sentAt:date!',
  // The chat sets it from the signed-in account (or the install); nobody types it.
  managed: ['senderId'],
};

/**
 * Fields of an entity whose words say nothing the table knows. The date is optional: a channel,
 * a room or a tool has no date of its own, and a required one would be typed in for nothing.
 */
export const GENERIC_FIELDS = 'title:text!, notes:longText, date:date';

/** English nouns of people ("volunteers", "inspectors", "doctors"): their entities hold contact details. */
export const PERSON_SHAPE =
  /(ist|ian|ee|member|guest|staff|people|person|user|friend|volunteer|driver|player|teacher|worker|tenant|patient|resident|coach|mentor|tutor|inspector|visitor|owner|manager|supplier|vendor|contractor|partner|agent|athlete|donor|participant|doctor|nurse|physician|surgeon|therapist|trainer|instructor|nanny|sitter|walker|groomer|barber|plumber|mechanic|photographer|gardener|lawyer|colleague|teammate|neighbou?r|landlord|applicant|candidate|caregiver|parent|child|children)s?$/;

export const PERSON_FIELDS = 'name:text!, phone:phone, email:email, notes:longText';

/**
 * People in the other languages (folded, singular and plural), whose words
 * {@link PERSON_SHAPE} cannot see: "jugadores", "Spieler", "选手" are people
 * with a phone and an email, not titled notes. Vietnamese tradesmen by their
 * trade ("thợ cắt tóc", "thợ điện"): a bare "thợ" folds like "thơ" (a poem).
 */
const PERSON_WORDS =
  /^(jugador(es)?|jogador(es)?|joueurs?|spieler(n|innen)?|giocator[ei]|pemain|nguoi choi|hoi vien|thanh vien|选手|球员|会员|選手|会員|clientes?|clients?|socios?|socio|membres?|miembros?|membros?|mitglied(er)?|kunden?|anggota|pelanggan|alumnos?|alunos?|eleves?|schuler(innen)?|studenti|siswa|pacientes?|patients?|patienten|pazienti|pasien|clienti|medic[oa]s?|medici|dentistas?|odontolog[oa]s?|psicolog[oa]s?|fisioterapeutas?|nutricionistas?|doctor(es|as?)?|dottor[ei]|dottoress[ae]|medecins?|docteurs?|entrenador(es|as?)?|treinador(es|as?)?|entraineurs?|allenator[ei]|istruttor[ei]|profesor(es|as?)?|professor(es|as?)?|professeurs?|insegnanti?|estudiantes?|estudantes?|etudiant(e)?s?|student[ei]|alumn[oi]|alumnas?|alunas?|enfermer[oa]s?|enfermeir[oa]s?|infirmier(e)?s?|infermier[ei]|veterinari[oa]s?|vets?|gaste?|kolleg(e|en|in|innen)|arzte?|arztin(nen)?|therapeut(en|in|innen)?|promeneur(s|euses?)?|paseador(es|as?)?|passeador(es|as?)?|bac si|benh nhan|khach hang|huan luyen vien|giao vien|hoc sinh|sinh vien|y ta|tai xe|nguoi lai xe|tho (cat toc|lam toc|lam mong|dien|nuoc|ong nuoc|sua xe|sua chua|may|moc|xay|son|han|khoa|chup anh|trang diem))$/;

/**
 * Whether a label's words name people: "players", "jugadores", "người chơi"; in German also an agent
 * noun ("Gassigeher", "Betreuerinnen": `german-agent-nouns.ts`), since a label names a list.
 */
export function namesPeople(words: readonly string[], locale: AppLocale = 'en'): boolean {
  const last = words[words.length - 1] ?? '';
  if (locale === 'de' && isGermanAgentNoun(last)) return true;
  // Vietnamese people take two or three syllables: "bác sĩ", "huấn luyện viên".
  return (
    PERSON_SHAPE.test(last) ||
    [1, 2, 3].some((count) => words.length >= count && PERSON_WORDS.test(words.slice(-count).join(' ')))
  );
}

/** Words of lists whose items get bought. */
const SHOPPING = /^(shopping|grocery|groceries)$/;

/**
 * Fields for a word the table does not know, guessed from its shape: lists
 * and kits of things, people ("volunteers", "inspectors"), measurements
 * ("scores", "readings"), things that happen ("inspections", "attendance",
 * "meetings"), else a titled note.
 */
const GENERIC_SHAPES: ReadonlyArray<readonly [RegExp, string]> = [
  // Before people: a "checklist" is a list, not a checkl-ist. What is on a shopping list gets bought,
  // what is in a kit gets packed, what is on any other list (a checklist, a to-do list) gets done.
  [SHOPPING, 'name:text!, quantity:int, bought:bool, notes:longText'],
  [/(kit|pack)s?$/, 'name:text!, quantity:int, packed:bool, notes:longText'],
  // Whole words only: a "stylist" or a "cyclist" is a person, not a list.
  [
    /^(list|checklist|todolist|tasklist|shortlist|watchlist|waitlist|booklist)s?$/,
    'name:text!, done:bool, notes:longText',
  ],
  [/(collection|set)s?$/, 'name:text!, quantity:int, notes:longText'],
  [PERSON_SHAPE, PERSON_FIELDS],
  [
    /(score|grade|mark|rating|reading|result|weight|level|measurement|metric|temperature)s?$/,
    'subject:text!, value:decimal!, date:date!, notes:longText',
  ],
  // Jobs someone ticks off ("waterings", "inspections", "safety checks") are done or not; other things
  // that happen ("donations", "performances", "shifts") are records of a day, not to-dos.
  [/((?<!meet)ing|check|round|inspection)s?$/, 'title:text!, date:date!, completed:bool, notes:longText'],
  [/(tion|sion|ance|ence|ment|visit|shift)s?$/, 'title:text!, date:date!, notes:longText'],
];

/** The fields, and whether the word's shape chose them or they are the default. */
export function genericFields(
  words: readonly string[],
  locale: AppLocale = 'en',
): { fields: string; from: 'shape' | 'default' } {
  const last = words[words.length - 1] ?? '';
  // "shopping list", "grocery list": the word before the list says what it holds.
  const before = /^lists?$/.test(last) ? (words[words.length - 2] ?? '') : '';
  const word = SHOPPING.test(before) ? before : last;
  const fields =
    GENERIC_SHAPES.find(([shape]) => shape.test(word))?.[1] ?? (namesPeople(words, locale) ? PERSON_FIELDS : undefined);
  return fields ? { fields, from: 'shape' } : { fields: GENERIC_FIELDS, from: 'default' };
}

/**
 * Entity words too common in prose to mine from a description in the singular
 * ("place an order", "book a room"); their plurals still count.
 */
export const WEAK_DESCRIPTION_WORDS: ReadonlySet<string> = new Set([
  // "Free delivery", "a job well done", "a great deal", "the app leads you", "the job application".
  'delivery',
  'entrega',
  'livraison',
  'consegna',
  'rental',
  'alquiler',
  'job',
  'empleo',
  'application',
  'lead',
  'deal',
  'opportunity',
  'prospect',
  'vacancy',
  'class',
  'car',
  'cay',
  'quan',
  'xe',
  'anh',
  'auto',
  'local',
  'bien',
  'meta',
  'post',
  'track',
  'order',
  'book',
  'note',
  'place',
  'spot',
  'store',
  'shop',
  'event',
  'project',
  'cost',
  'ort',
  'animal',
  'thien',
  'phien',
  'aula',
  'reading',
  'training',
  'food',
  'stock',
  'supply',
  'client',
  'contact',
  'message',
  'session',
  'photo',
  'image',
  'picture',
  'bill',
  'news',
  'listing',
  'goal',
  'lesson',
  'course',
  'travel',
  'exercise',
  'meal',
  'product',
  'catalog',
  'ticket',
  'house',
  'plant',
  'pet',
  'song',
  'film',
  'movie',
  'property',
  'memo',
  'meta',
  'nota',
  'cita',
  'reserva',
  'termin',
  'sach',
  'buch',
  'libro',
  'livre',
  'buku',
  'film',
  'lugar',
  'lieu',
  'luogo',
  'tempat',
  'foto',
  'bild',
  'imagen',
  'kurs',
  'curso',
  'cours',
  'corso',
  'ziel',
  'lied',
  'lagu',
  'animale',
  'planta',
  'plante',
  'pflanze',
  'pianta',
  'pesan',
  'cliente',
  'kunde',
  'kontakt',
  'contacto',
  'contato',
  'kontak',
  'budget',
  'revenue',
  'income',
  'cost',
  'run',
  'ad',
  'plein',
  'fuel',
  // Verbs and asides in prose ("review your progress", "the main menu").
  'review',
  'rating',
  'feedback',
  'opinion',
  'menu',
]);
