import { describe, expect, it } from 'vitest';
import type { AppSpec } from '../app-spec';
import { generateFlutterProject } from '../flutter-project.generator';
import { namedSpec } from '../testing/fixtures';
import type { AppPlan } from './app-plan';
import { planApp } from './plan-app';

/**
 * A Japanese or a Chinese app whose first feature is `label`, beside sign-in (two features: the
 * description is not mined for more).
 */
function cjkApp(locale: 'ja' | 'zh', label: string): AppSpec {
  return locale === 'ja'
    ? namedSpec('マイアプリ', '毎日使うアプリ', [label, 'ログイン'])
    : namedSpec('我的应用', '每天使用的应用', [label, '登录']);
}

/** `archetype:Entity` of the screen the label asks for. */
function screenOf(plan: AppPlan, label: string): string {
  const feature = plan.features.find((candidate) => candidate.requested.includes(label));
  return `${feature?.archetype}:${feature?.entity ?? '-'}`;
}

/** `name label` of each field of the entity `className`. */
function fieldLabels(plan: AppPlan, className: string): string[] {
  const entity = plan.entities.find((candidate) => candidate.className === className);
  return (entity?.fields ?? []).map((field) => `${field.name} ${field.label}`);
}

describe('Japanese and Chinese feature labels name the table rows', () => {
  // A CJK label is one word with no spaces: it names a row when it is, or contains, one of the row's words.
  const cases: ReadonlyArray<readonly ['ja' | 'zh', string, string]> = [
    ['ja', '生徒', 'entity:Student'],
    ['ja', '生徒一覧', 'entity:Student'],
    ['zh', '学生管理', 'entity:Student'],
    ['zh', '学员', 'entity:Student'],
    ['ja', '成績', 'entity:Grade'],
    ['zh', '考试成绩', 'entity:Grade'],
    ['ja', '出席', 'entity:AttendanceRecord'],
    ['ja', '出欠管理', 'entity:AttendanceRecord'],
    ['ja', '支出', 'entity:Expense'],
    ['zh', '费用', 'entity:Expense'],
    ['ja', '収入', 'entity:Income'],
    ['zh', '收入', 'entity:Income'],
    ['ja', '予算', 'entity:Budget'],
    ['zh', '预算', 'entity:Budget'],
    ['ja', '家計簿', 'entity:MoneyTransaction'],
    ['zh', '收支明细', 'entity:MoneyTransaction'],
    ['zh', '发票', 'entity:Invoice'],
    ['ja', '請求書', 'entity:Invoice'],
    ['zh', '我的任务', 'entity:Task'],
    ['zh', '待办事项', 'entity:Task'],
    ['ja', 'やることリスト', 'entity:Task'],
    ['ja', 'タスク', 'entity:Task'],
    ['zh', '笔记', 'entity:Note'],
    ['zh', '备忘录', 'entity:Note'],
    ['ja', 'メモ', 'entity:Note'],
    ['ja', '日記', 'entity:JournalEntry'],
    ['zh', '工作日志', 'entity:JournalEntry'],
    ['zh', '习惯', 'entity:Habit'],
    ['ja', '習慣', 'entity:Habit'],
    ['zh', '运动记录', 'entity:Workout'],
    ['ja', '筋トレ', 'entity:Workout'],
    ['zh', '饮食记录', 'entity:Meal'],
    ['ja', '献立', 'entity:Meal'],
    ['ja', '食事', 'entity:Meal'],
    ['zh', '用药', 'entity:Medication'],
    ['ja', 'お薬', 'entity:Medication'],
    ['zh', '菜谱', 'entity:Recipe'],
    ['ja', 'レシピ', 'entity:Recipe'],
    ['zh', '商品', 'entity:Product'],
    ['ja', '製品', 'entity:Product'],
    // `Order` is a reserved class name: the row's class is `OrderEntry`.
    ['zh', '订单', 'entity:OrderEntry'],
    ['ja', '注文', 'entity:OrderEntry'],
    ['zh', '顾客', 'entity:Customer'],
    ['ja', 'お客様', 'entity:Customer'],
    ['zh', '通讯录', 'entity:Contact'],
    ['ja', '連絡先', 'entity:Contact'],
    ['zh', '员工', 'entity:Employee'],
    ['ja', '社員', 'entity:Employee'],
    ['ja', 'スタッフ', 'entity:Employee'],
    ['zh', '书籍', 'entity:Book'],
    ['ja', '読書記録', 'entity:Book'],
    ['zh', '电影', 'entity:Movie'],
    ['ja', '映画', 'entity:Movie'],
    ['zh', '活动', 'entity:CalendarEvent'],
    ['ja', 'イベント', 'entity:CalendarEvent'],
    ['zh', '预约', 'calendar:Booking'],
    ['zh', '预订', 'calendar:Booking'],
    ['ja', '予約', 'calendar:Booking'],
    ['zh', '聊天', 'chat:ChatMessage'],
    ['ja', 'メッセージ', 'chat:ChatMessage'],
    ['zh', '旅行计划', 'entity:Trip'],
    ['ja', '出張', 'entity:Trip'],
    ['zh', '地点', 'entity:Place'],
    ['ja', 'お気に入りスポット', 'entity:Place'],
    ['zh', '宠物', 'entity:Pet'],
    ['ja', 'ペット', 'entity:Pet'],
    ['ja', '愛犬', 'entity:Pet'],
    ['zh', '绿植', 'entity:Plant'],
    ['ja', '観葉植物', 'entity:Plant'],
    ['zh', '库存', 'entity:InventoryItem'],
    ['ja', '在庫', 'entity:InventoryItem'],
    ['zh', '课程', 'entity:Course'],
    ['ja', '授業', 'entity:Course'],
    ['ja', 'レッスン', 'entity:Course'],
    ['zh', '车辆', 'entity:Vehicle'],
    ['ja', 'マイカー', 'entity:Vehicle'],
    ['zh', '帖子', 'entity:Post'],
    ['ja', 'ブログ記事', 'entity:Post'],
    ['zh', '照片', 'camera:Photo'],
    ['ja', 'アルバム', 'camera:Photo'],
    ['zh', '目标', 'entity:Goal'],
    ['ja', '目標', 'entity:Goal'],
    ['zh', '单词卡', 'entity:Flashcard'],
    ['ja', '単語カード', 'entity:Flashcard'],
    ['ja', 'デッキ', 'entity:Deck'],
  ];
  it.each(cases)('%s %s → %s', (locale, label, screen) => {
    expect(screenOf(planApp(cjkApp(locale, label)), label)).toBe(screen);
  });

  it('keeps the label as the screen title and gives no generic EntryN records', () => {
    const plan = planApp(cjkApp('ja', '生徒一覧'));
    expect(plan.features[0].names.label).toBe('生徒一覧');
    expect(plan.entities.map((entity) => entity.className)).not.toContain('Entry1');
  });
});

describe('Japanese and Chinese archetype words', () => {
  const cases: ReadonlyArray<readonly ['ja' | 'zh', string, string]> = [
    ['zh', '统计', 'chart'],
    ['zh', '支出分析', 'chart'],
    ['ja', '統計', 'chart'],
    ['ja', 'レポート', 'chart'],
    ['zh', '地图', 'map'],
    ['zh', '附近', 'map'],
    ['ja', 'マップ', 'map'],
    ['zh', '聊天', 'chat'],
    ['zh', '私信', 'chat'],
    ['ja', 'トーク', 'chat'],
    ['zh', '设置', 'settings'],
    ['ja', '設定', 'settings'],
    ['zh', '账号', 'auth'],
    ['ja', 'アカウント', 'auth'],
    ['zh', '搜索', 'search'],
    ['zh', '查找', 'search'],
    ['ja', '検索', 'search'],
    ['zh', '日历', 'calendar'],
    ['zh', '日程', 'calendar'],
    ['ja', 'カレンダー', 'calendar'],
    ['ja', 'スケジュール', 'calendar'],
    ['ja', '献立カレンダー', 'calendar'],
    ['zh', '番茄钟', 'timer'],
    ['ja', 'ストップウォッチ', 'timer'],
    ['ja', 'リマインド', 'notifications'],
    ['ja', 'qrコード', 'scanner'],
    ['zh', '个人中心', 'profile'],
    ['ja', 'マイページ', 'profile'],
  ];
  it.each(cases)('%s %s → %s', (locale, label, archetype) => {
    expect(screenOf(planApp(cjkApp(locale, label)), label).split(':')[0]).toBe(archetype);
  });
});

describe('CJK words that must not over-match', () => {
  // The head of a CJK compound is its last word; single characters that live inside other words are no words.
  const cases: ReadonlyArray<readonly ['ja' | 'zh', string, string]> = [
    // Grades of students, a pet clinic's bookings, a staff trip, a car's servicing: the last word wins.
    ['zh', '学生成绩', 'entity:Grade'],
    ['zh', '宠物医院预约', 'calendar:Booking'],
    ['ja', '社員旅行', 'entity:Trip'],
    ['zh', '汽车保养', 'entity:MaintenanceRecord'],
    ['ja', '商品注文', 'entity:OrderEntry'],
    // 书 is a book, but a bookmark is a favourite.
    ['zh', '书签', 'entity:Favorite'],
    // 日 is in "diary", "calendar" and "Japan"; 本 is in "Japan" and "basics": neither names a book.
    ['ja', '本日の予定', 'calendar:CalendarEvent'],
    ['ja', '日本の旅行', 'entity:Trip'],
    // 车 alone is no vehicle: a shopping cart is a checkout of products.
    ['zh', '购物车', 'checkout:Product'],
  ];
  it.each(cases)('%s %s → %s', (locale, label, screen) => {
    expect(screenOf(planApp(cjkApp(locale, label)), label)).toBe(screen);
  });

  it.each([
    ['ja', '日本語'],
    ['ja', '基本情報'],
    ['zh', '今日'],
    ['zh', '花园'],
  ] as const)('%s %s names no table row', (locale, label) => {
    const entity = screenOf(planApp(cjkApp(locale, label)), label).split(':')[1];
    expect(['Book', 'JournalEntry', 'CalendarEvent', 'Plant', 'Expense']).not.toContain(entity);
    expect(entity).toMatch(/^Entry\d$/);
  });
});

describe('CJK labels the table does not know', () => {
  /** `name:type` of the entity of the screen for `label`. */
  function shapeOf(plan: AppPlan, label: string): string[] {
    const name = plan.features.find((candidate) => candidate.requested.includes(label))?.entity;
    const entity = plan.entities.find((candidate) => candidate.className === name);
    return (entity?.fields ?? []).map((field) => `${field.name}:${field.type}`);
  }

  it.each([
    ['ja', '買い物リスト', 'ShoppingList', ['name:text', 'quantity:int', 'bought:bool', 'notes:longText']],
    ['zh', '购物清单', 'ShoppingList', ['name:text', 'quantity:int', 'bought:bool', 'notes:longText']],
    ['zh', '医生', 'Doctor', ['name:text', 'phone:phone', 'email:email', 'notes:longText']],
    ['ja', '選手一覧', 'Player', ['name:text', 'phone:phone', 'email:email', 'notes:longText']],
  ] as const)('%s %s is a %s, as in English', (locale, label, className, fields) => {
    const plan = planApp(cjkApp(locale, label));
    expect(screenOf(plan, label)).toBe(`entity:${className}`);
    expect(shapeOf(plan, label)).toEqual(fields);
    expect(plan.features[0].names.label).toBe(label);
  });

  it('labels a shopping list in Japanese', () => {
    const plan = planApp(cjkApp('ja', '買い物リスト'));
    expect(fieldLabels(plan, 'ShoppingList')).toEqual(['name 名前', 'quantity 数量', 'bought 購入済み', 'notes メモ']);
  });
});

describe('screens mined from a Chinese or Japanese description', () => {
  /** `label archetype:Entity` of each screen but settings. */
  const screens = (plan: AppPlan) =>
    plan.features
      .filter((feature) => feature.archetype !== 'settings')
      .map((feature) => `${feature.names.label} ${feature.archetype}:${feature.entity ?? '-'}`);

  it('titles them with the description’s words, not the table’s English', () => {
    expect(screens(planApp(namedSpec('小助手', '我的待办事项和笔记', [])))).toEqual([
      '待办 entity:Task',
      '笔记 entity:Note',
    ]);
    expect(screens(planApp(namedSpec('家計簿', '毎日の家計簿アプリ', [])))).toEqual(['家計簿 entity:MoneyTransaction']);
  });

  it('gives a booking word one calendar screen, not a calendar and a list of the same bookings', () => {
    expect(screens(planApp(namedSpec('爱心医院', '宠物医院预约', ['登录'])))).toEqual([
      '登录 auth:-',
      '预约 calendar:Booking',
      '宠物 entity:Pet',
    ]);
  });
});

describe('a Japanese school app', () => {
  const school = namedSpec('学校', '学校の生徒管理アプリ', ['生徒', '成績', '出席'], { backend: 'rest' });

  it('plans students, grades and attendance with Japanese screens and field labels', () => {
    const plan = planApp(school);
    expect(plan.locale).toBe('ja');
    expect(plan.features.slice(0, 3).map((feature) => `${feature.names.label}:${feature.entity}`)).toEqual([
      '生徒:Student',
      '成績:Grade',
      '出席:AttendanceRecord',
    ]);
    expect(fieldLabels(plan, 'Student')).toEqual(expect.arrayContaining(['name 名前', 'birthday 誕生日']));
    expect(fieldLabels(plan, 'Grade')).toEqual(expect.arrayContaining(['subject 科目', 'score 点数', 'date 日付']));
    expect(fieldLabels(plan, 'AttendanceRecord')).toEqual(expect.arrayContaining(['present 出席', 'date 日付']));
  });

  it('generates Dart models named after the rows', () => {
    const paths = generateFlutterProject(school).map((file) => file.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'lib/data/models/student.dart',
        'lib/data/models/grade.dart',
        'lib/data/models/attendance_record.dart',
      ]),
    );
    expect(paths.filter((path) => /entry\d/.test(path))).toEqual([]);
  });
});
