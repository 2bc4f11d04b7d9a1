import { describe, expect, it } from 'vitest';
import { simpleSpec } from '../testing/fixtures';
import { appLocale } from './app-language';
import { planApp } from './plan-app';

describe('appLocale', () => {
  it.each([
    ['vi', 'Quản lý chi tiêu', 'Ứng dụng giúp tôi ghi lại chi tiêu hằng ngày', ['Chi tiêu', 'Thống kê', 'Lịch']],
    ['es', 'Mis gastos', 'Una aplicación para registrar mis gastos diarios', ['Gastos', 'Estadísticas']],
    ['de', 'Haushaltsbuch', 'Eine App für meine täglichen Ausgaben', ['Ausgaben', 'Kalender']],
    ['fr', 'Mes dépenses', 'Une application pour suivre mes dépenses', ['Dépenses', 'Calendrier']],
    ['pt', 'Minhas despesas', 'Um aplicativo para registrar minhas despesas', ['Despesas', 'Calendário']],
    ['it', 'Le mie spese', "Un'applicazione per le spese giornaliere", ['Spese', 'Calendario']],
    ['id', 'Catatan', 'Aplikasi untuk mencatat pengeluaran harian saya', ['Pengeluaran', 'Kalender']],
    ['id', 'Teman Chat', '', ['obrolan', 'pengingat', 'kamera']],
    ['zh', '记账', '记录每天的支出', ['支出', '统计']],
    ['ja', '家計簿', '毎日の支出を記録するアプリ', ['支出', 'カレンダー']],
    ['en', 'Todo App', 'Keep track of things to do.', ['Todo list', 'Profile', 'Search']],
  ])('reads %s from the words the user wrote', (locale, name, description, features) => {
    expect(appLocale({ name, description, features })).toBe(locale);
  });

  it('defaults to English when no word says anything', () => {
    expect(appLocale({ name: 'Zork', description: '', features: ['Qwx', '123'] })).toBe('en');
  });

  it('follows the majority of a mixed spec', () => {
    const mostlyEnglish = {
      name: 'Expense tracker',
      description: 'Track my expenses',
      features: ['Chi tiêu', 'Charts'],
    };
    expect(appLocale(mostlyEnglish)).toBe('en');
    const mostlyVietnamese = {
      name: 'Sổ chi tiêu',
      description: 'Ghi lại chi tiêu và thu nhập của tôi',
      features: ['Search', 'Thống kê', 'Lịch'],
    };
    expect(appLocale(mostlyVietnamese)).toBe('vi');
  });

  it('is set once in the plan, and the plan translates field labels it knows', () => {
    const plan = planApp(
      simpleSpec({ name: 'Mis gastos', description: 'Registrar mis gastos diarios', features: ['Gastos'] }),
    );
    expect(plan.locale).toBe('es');
    const expense = plan.entities.find((entity) => entity.className === 'Expense');
    expect(expense?.fields.map((field) => field.label)).toEqual(
      expect.arrayContaining(['Título', 'Importe', 'Categoría', 'Fecha']),
    );
    expect(planApp(simpleSpec()).locale).toBe('en');
  });
});
