/**
 * Domain words → entities with fields that fit the domain. Each row: the
 * words users write (singular English; plurals are folded by `singular`;
 * other languages as written, folded), the Dart class, the labels, and the
 * fields as `name:type` (`!` = required; the first required text field is the
 * item's title). A word not in the table still gets an entity (see
 * `genericEntity`): a title, notes and a date.
 */
import type { AppLocale } from './app-language';
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
}

const TITLE_LOCALES: readonly AppLocale[] = ['vi', 'es', 'pt', 'fr', 'de', 'it', 'id', 'zh', 'ja'];

/**
 * `titles` of the generic "Entries" the planner adds when no requested feature holds data
 * (only statistics and search, say); that row is built, not in the table.
 */
const ENTRIES_TITLES = 'Bản ghi|Registros|Registros|Entrées|Einträge|Voci|Entri|条目|記録';

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
      '出費',
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
    ],
    className: 'Income',
    label: 'Income',
    pluralLabel: 'Income',
    fields: 'source:text!, amount:money!, date:date!, note:longText',
  },
  {
    words: ['transaction', 'giao dich', 'transaccion', 'transacao', 'transaktion', 'transazione', 'transaksi'],
    className: 'MoneyTransaction',
    label: 'Transaction',
    pluralLabel: 'Transactions',
    fields: 'description:text!, amount:money!, category:text!, date:date!, isIncome:bool',
  },
  {
    words: ['budget', 'ngan sach', 'presupuesto', 'orcamento', 'haushalt', 'anggaran'],
    className: 'Budget',
    label: 'Budget',
    pluralLabel: 'Budgets',
    fields: 'category:text!, limit:money!, month:date!',
  },
  {
    words: ['bill', 'hoa don', 'factura', 'fatura', 'facture', 'rechnung', 'fattura', 'tagihan', 'invoice'],
    className: 'Invoice',
    label: 'Invoice',
    pluralLabel: 'Invoices',
    fields: 'customer:text!, amount:money!, dueDate:date!, paid:bool, note:longText',
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
      'タスク',
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
    ],
    className: 'Product',
    label: 'Product',
    pluralLabel: 'Products',
    titles: 'Sản phẩm|Productos|Produtos|Produits|Produkte|Prodotti|Produk|商品|商品',
    fields: 'name:text!, price:money!, description:longText, stock:int',
  },
  {
    words: ['order', 'don hang', 'pedido', 'commande', 'bestellung', 'ordine', 'pesanan', '订单', '注文'],
    className: 'Order',
    label: 'Order',
    pluralLabel: 'Orders',
    fields: 'customer:text!, total:money!, orderDate:date!, delivered:bool, note:longText',
  },
  {
    // "clienti", "studenti": Italian plurals the English singular rule does not reach.
    words: ['customer', 'client', 'khach hang', 'cliente', 'clienti', 'kunde', 'kunden', 'pelanggan', '客户', '顧客'],
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
      '連絡先',
    ],
    className: 'Contact',
    label: 'Contact',
    pluralLabel: 'Contacts',
    fields: 'name:text!, phone:phone, email:email, birthday:date, notes:longText',
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
    ],
    className: 'Employee',
    label: 'Employee',
    pluralLabel: 'Employees',
    fields: 'name:text!, role:text!, email:email, phone:phone, startDate:date',
  },
  {
    words: ['note', 'memo', 'ghi chu', 'nota', 'notiz', 'notizen', 'catatan', '笔记', 'メモ'],
    className: 'Note',
    label: 'Note',
    pluralLabel: 'Notes',
    // The app stamps when a note was written and last edited; the list shows the latest edit first.
    fields: 'title:text!, body:longText!, updatedAt:dateTime!, createdAt:dateTime!',
    stamps: { updatedAt: 'updated', createdAt: 'created' },
  },
  {
    words: ['journal', 'diary', 'nhat ky', 'diario', 'journal intime', 'tagebuch', 'buku harian', '日记', '日記'],
    className: 'JournalEntry',
    label: 'Journal entry',
    pluralLabel: 'Journal',
    fields: 'title:text!, body:longText!, mood:int, date:date!',
  },
  {
    words: ['habit', 'thoi quen', 'habito', 'habitude', 'gewohnheit', 'abitudine', 'kebiasaan', '习惯', '習慣'],
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
      'トレーニング',
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
    ],
    className: 'Medication',
    label: 'Medication',
    pluralLabel: 'Medications',
    fields: 'name:text!, dosage:text!, timesPerDay:int!, startDate:date, notes:longText',
  },
  {
    words: ['book', 'reading', 'sach', 'libro', 'livro', 'livre', 'buch', 'bucher', 'buku', '书'],
    className: 'Book',
    label: 'Book',
    pluralLabel: 'Books',
    fields: 'title:text!, author:text!, pages:int, finished:bool, rating:int',
  },
  {
    words: ['movie', 'film', 'phim', 'pelicula', 'filme', 'pellicola', '电影', '映画'],
    className: 'Movie',
    label: 'Movie',
    pluralLabel: 'Movies',
    fields: 'title:text!, year:int, rating:int, watched:bool, notes:longText',
  },
  {
    words: ['event', 'su kien', 'evento', 'evenement', 'veranstaltung', 'acara', '活动', 'イベント'],
    className: 'CalendarEvent',
    label: 'Event',
    pluralLabel: 'Events',
    fields: 'title:text!, date:date!, location:text, notes:longText',
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
    ],
    className: 'Pet',
    label: 'Pet',
    pluralLabel: 'Pets',
    fields: 'name:text!, species:text!, birthday:date, weightKg:decimal, notes:longText',
  },
  {
    words: ['plant', 'cay', 'planta', 'plante', 'pflanze', 'pianta', 'tanaman', '植物'],
    className: 'Plant',
    label: 'Plant',
    pluralLabel: 'Plants',
    fields: 'name:text!, species:text, lastWatered:date!, waterEveryDays:int!',
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
      '在庫',
    ],
    className: 'InventoryItem',
    label: 'Inventory item',
    pluralLabel: 'Inventory',
    fields: 'name:text!, sku:text!, quantity:int!, location:text, unitPrice:money',
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
    ],
    className: 'Course',
    label: 'Course',
    pluralLabel: 'Courses',
    fields: 'title:text!, teacher:text!, startDate:date, hours:int, description:longText',
  },
  {
    words: ['project', 'du an', 'proyecto', 'projeto', 'projet', 'projekt', 'progetto', 'proyek', '项目'],
    className: 'ProjectItem',
    label: 'Project',
    pluralLabel: 'Projects',
    fields: 'name:text!, owner:text!, deadline:date, progress:int, description:longText',
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
      '記事',
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
    words: ['goal', 'muc tieu', 'meta', 'objectif', 'ziel', 'obiettivo', 'tujuan', '目标'],
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
    ],
    className: 'Grade',
    label: 'Grade',
    pluralLabel: 'Grades',
    fields: 'student:text!, subject:text!, score:decimal!, date:date!',
  },
  {
    words: ['technician', 'tecnico', 'technicien', 'techniker', 'teknisi', 'ky thuat vien'],
    className: 'Technician',
    label: 'Technician',
    pluralLabel: 'Technicians',
    fields: 'name:text!, skill:text!, phone:phone, available:bool',
  },
  {
    words: ['favorite', 'favourite', 'wishlist', 'bookmark', 'yeu thich', 'favorito', 'favori', 'favorit', 'preferito'],
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
      '単語カード',
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
 * with a phone and an email, not titled notes.
 */
const PERSON_WORDS =
  /^(jugador(es)?|jogador(es)?|joueurs?|spieler(n|innen)?|giocator[ei]|pemain|nguoi choi|hoi vien|thanh vien|选手|球员|会员|選手|会員|clientes?|clients?|socios?|socio|membres?|miembros?|membros?|mitglied(er)?|kunden?|anggota|pelanggan|alumnos?|alunos?|eleves?|schuler(innen)?|studenti|siswa|pacientes?|patients?|patienten|pazienti|pasien|clienti|medic[oa]s?|medici|dentistas?|odontolog[oa]s?|psicolog[oa]s?|fisioterapeutas?|nutricionistas?|doctor(es|as?)?|dottor[ei]|dottoress[ae]|medecins?|docteurs?|entrenador(es|as?)?|treinador(es|as?)?|entraineurs?|allenator[ei]|istruttor[ei]|profesor(es|as?)?|professor(es|as?)?|professeurs?|insegnanti?|estudiantes?|estudantes?|etudiant(e)?s?|student[ei]|alumn[oi]|alumnas?|alunas?|enfermer[oa]s?|enfermeir[oa]s?|infirmier(e)?s?|infermier[ei]|veterinari[oa]s?|vets?|gaste?|kolleg(e|en|in|innen)|arzte?|arztin(nen)?|therapeut(en|in|innen)?|promeneur(s|euses?)?|paseador(es|as?)?|passeador(es|as?)?|bac si|benh nhan|khach hang|huan luyen vien|giao vien|hoc sinh|sinh vien|y ta)$/;

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
]);
