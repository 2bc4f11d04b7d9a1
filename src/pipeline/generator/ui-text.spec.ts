import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { AppSpec, GeneratedFile } from './app-spec';
import { generateFlutterProject } from './flutter-project.generator';
import { simpleSpec } from './testing/fixtures';
import { dartText, fill, materialAppLocalization } from './ui-text';

function files(spec: AppSpec): Map<string, string> {
  return new Map(generateFlutterProject(spec).map((file: GeneratedFile) => [file.path, file.content]));
}

function file(project: Map<string, string>, path: string): string {
  const content = project.get(path);
  if (content === undefined) throw new Error(`${path} was not generated`);
  return content;
}

const VIETNAMESE = simpleSpec({
  name: 'Quản lý chi tiêu',
  description: 'Ứng dụng giúp tôi ghi lại chi tiêu hằng ngày và xem thống kê theo tháng.',
  features: ['Chi tiêu', 'Thống kê', 'Lịch', 'Tìm kiếm'],
});
const SPANISH = simpleSpec({
  name: 'Mis gastos',
  description: 'Una aplicación para registrar mis gastos diarios.',
  features: ['Gastos', 'Estadísticas', 'Calendario', 'Búsqueda'],
});
const GERMAN = simpleSpec({
  name: 'Haushaltsbuch',
  description: 'Eine App für meine täglichen Ausgaben.',
  features: ['Ausgaben', 'Statistik', 'Kalender', 'Suche'],
});

/** Dart files of the shared record UI and of the data features (not auth/onboarding/settings, which are elsewhere). */
function screens(project: Map<string, string>, ids: readonly string[]): string {
  return [...project]
    .filter(([path]) => path.startsWith('lib/core/') || ids.some((id) => path.startsWith(`lib/features/${id}/`)))
    .map(([, content]) => content)
    .join('\n');
}

describe('dartText', () => {
  it('interpolates Dart expressions into an escaped literal', () => {
    expect(dartText("Can't load: {error}", { error: 'error' })).toBe("'Can\\'t load: $error'");
    expect(dartText('{n} of {total} \u0024 left', { n: 'items.length', total: 'count' })).toBe(
      "'${items.length} of $count \\$ left'",
    );
    // A following identifier character needs braces, or Dart would read a longer name.
    expect(dartText('{label}s', { label: 'label' })).toBe("'${label}s'");
  });

  it('leaves gaps nobody filled as text', () => {
    expect(fill('Add {item}', { item: 'expense' })).toBe('Add expense');
    expect(dartText('Add {item}')).toBe("'Add {item}'");
  });
});

describe('generated UI in the user language', () => {
  it('speaks Vietnamese and formats money as VND without decimals', () => {
    const project = files(VIETNAMESE);
    const formatters = file(project, 'lib/core/formatters.dart');
    expect(formatters).toContain("import 'package:intl/intl.dart';");
    expect(formatters).toMatch(
      /NumberFormat\.currency\(\s*locale: 'vi',\s*name: 'VND',\s*symbol: '₫',\s*decimalDigits: 0,\s*\)/,
    );
    expect(formatters).toContain("return '${two(value.day)}/${two(value.month)}/${value.year}';");
    expect(formatters).toContain("'Tháng 3'");

    const form = file(project, 'lib/core/records/record_form.dart');
    expect(file(project, 'lib/core/records/record_form_scaffold.dart')).toContain("const Text('Lưu')");
    expect(form).toContain("'$label không được để trống'");
    expect(form).toContain("'Nhập một số'");

    const list = file(project, 'lib/core/records/record_list_screen.dart');
    expect(list).toContain("const Text('Xóa mục này?')");
    expect(list).toContain("const Text('Hủy')");

    const screen = file(project, 'lib/features/chi_tieu/chi_tieu_screen.dart');
    expect(screen).toContain("RecordDetail('Số tiền', formatMoney(item.amount))");
    expect(screen).toContain("addLabel: 'Thêm mới'");
    expect(screen).toContain("'Tổng số tiền: ${formatMoney(");

    const ui = screens(project, ['chi_tieu', 'thong_ke', 'lich', 'tim_kiem']);
    for (const english of ["'Save'", "'Cancel'", "'Delete'", "'Retry'", "'Could not", "'Undo'", "'Other'", "'Jan'"]) {
      expect(ui, english).not.toContain(english);
    }
  });

  it('keeps widget tests on the same translated strings as the screens', () => {
    const project = files(VIETNAMESE);
    const test = file(project, 'test/features/chi_tieu_screen_test.dart');
    expect(test).toContain("await tester.tap(find.text('Lưu'));");
    expect(test).toContain("requiredMessage: 'Tiêu đề không được để trống'");
    expect(test).toContain("expect(find.text('Nhập một số'), findsOneWidget);");
    expect(file(project, 'test/support/record_screen_tests.dart')).toContain(
      "await tester.tap(find.widgetWithText(FilledButton, 'Xóa'));",
    );
    const calendarTest = file(project, 'test/features/lich_screen_test.dart');
    expect(calendarTest).toContain("find.byTooltip('Thêm mới')");
    expect(file(project, 'lib/features/lich/lich_screen.dart')).toContain("tooltip: 'Thêm mới'");
  });

  it('speaks Spanish with euros', () => {
    const project = files(SPANISH);
    expect(file(project, 'lib/core/formatters.dart')).toMatch(
      /locale: 'es',\s*name: 'EUR',\s*symbol: '€',\s*decimalDigits: 2/,
    );
    expect(file(project, 'lib/core/records/record_form_scaffold.dart')).toContain("const Text('Guardar')");
    const chart = file(project, 'lib/features/estadisticas/estadisticas_screen.dart');
    expect(chart).toContain("'Importe por categoría'");
    expect(file(project, 'lib/features/busqueda/busqueda_screen.dart')).toContain("? 'Quitar filtros'");
  });

  it('speaks German, with German dates and decimal commas', () => {
    const project = files(GERMAN);
    const formatters = file(project, 'lib/core/formatters.dart');
    expect(formatters).toMatch(/locale: 'de',\s*name: 'EUR'/);
    expect(formatters).toContain("return '${two(value.day)}.${two(value.month)}.${value.year}';");
    const form = file(project, 'lib/core/records/record_form.dart');
    expect(file(project, 'lib/core/records/record_form_scaffold.dart')).toContain("const Text('Speichern')");
    // "1.234,5" is how a German types a number: dots group, the comma is the decimal mark.
    expect(form).toContain("value = value.replaceAll('.', '').replaceAll(',', '.');");
    expect(form).toContain("return text.replaceAll('.', ',');");
    expect(file(project, 'lib/features/ausgaben/ausgaben_screen.dart')).toContain("'Summe Betrag: ${formatMoney(");
  });

  it('writes the stand-in description of a spec without one in its language, and keeps it off the home screen', () => {
    const bare = files({ ...VIETNAMESE, description: '' });
    expect(file(bare, 'lib/config/app_info.dart')).toContain(', một ứng dụng Flutter.');
    expect(file(bare, 'lib/app.dart')).not.toContain('AppInfo.description');
    expect(file(files(VIETNAMESE), 'lib/app.dart')).toContain('AppInfo.description,');
  });

  it('keeps English apps as they were, in dollars', () => {
    const project = files(simpleSpec({ features: ['Expenses'] }));
    expect(file(project, 'lib/core/formatters.dart')).toMatch(/locale: 'en_US',\s*name: 'USD',\s*symbol: '\\\$'/);
    expect(file(project, 'lib/core/records/record_form_scaffold.dart')).toContain("const Text('Save')");
    expect(file(project, 'lib/features/expenses/expenses_screen.dart')).toContain("addLabel: 'Add expense'");
    // "1,250.50" is how an English speaker types a number: commas group thousands (a lone "12,5" still reads 12.5).
    const form = file(project, 'lib/core/records/record_form.dart');
    expect(form).toContain("if (value.contains('.') ||\n        RegExp(r'^-?\\d{1,3}(,\\d{3})+$').hasMatch(value)) {");
    expect(form).toContain('return text;\n  }');
    // Editing an amount shows "12.5" or "50000", never "50000.0".
    expect(file(project, 'lib/features/expenses/expenses_form_screen.dart')).toContain(
      'TextEditingController(\n    text: RecordValidators.editable(widget.initial?.amount),\n  );',
    );
  });

  it('gives MaterialApp the app language so date pickers and tooltips speak it; English stays as it was', () => {
    const app = file(files(VIETNAMESE), 'lib/app.dart');
    expect(app).toContain("import 'package:flutter_localizations/flutter_localizations.dart';");
    expect(app).toContain(
      "title: AppInfo.name,\n          locale: const Locale('vi'),\n          supportedLocales: const [Locale('vi')],",
    );
    expect(app).toContain('GlobalMaterialLocalizations.delegate,');
    const english = file(files(simpleSpec({ features: ['Expenses'] })), 'lib/app.dart');
    expect(english).not.toContain('flutter_localizations');
    expect(english).not.toContain('locale:');
  });

  it('translates sign-in, the tour, Settings and the profile, and their tests find the same words', () => {
    const project = files(
      simpleSpec({ ...VIETNAMESE, features: ['Đăng nhập và đăng ký', 'Giới thiệu', 'Hồ sơ', 'Chi tiêu'] }),
    );
    const own = [...project]
      .filter(([path]) =>
        /^(lib|test)\/(features\/(dang_nhap|gioi_thieu|ho_so|settings)|app\.dart|widget_test)/.test(path),
      )
      .map(([, content]) => content)
      .join('\n');
    for (const english of [
      "'Sign in'",
      "'Sign out'",
      "'Account'",
      "'Password'",
      "'Skip'",
      "'Next'",
      "'Get started'",
      "'Settings'",
      "'Dark mode'",
      "'Theme'",
      "'See the introduction again'",
      "'Profile saved'",
      "'Enter your name'",
      "'Welcome",
      "'Version",
    ]) {
      expect(own, english).not.toContain(english);
    }
    expect(file(project, 'lib/features/settings/settings_screen.dart')).toContain(
      "static const String title = 'Cài đặt';",
    );
    expect(file(project, 'test/widget_test.dart')).toContain('find.byTooltip(SettingsScreen.title)');
    expect(file(project, 'test/sign_in_gate_test.dart')).toContain("find.byTooltip('Tài khoản')");
    expect(own).toContain("expect(buttonLabel('onboarding-next', 'Bắt đầu'), findsOneWidget);");
  });

  it('charges a Vietnamese shop in VND and shows the amount once, with ₫', () => {
    const project = files(
      simpleSpec({
        name: 'Cửa hàng',
        description: 'Ứng dụng bán hàng: sản phẩm, giỏ hàng và thanh toán',
        features: ['Giỏ hàng và thanh toán'],
        backend: 'supabase',
      }),
    );
    const dir = 'lib/features/gio_hang_va_thanh_toan/gio_hang_va_thanh_toan';
    expect(file(project, `${dir}_cart.dart`)).toContain("static const String currency = 'VND';");
    const order = file(project, `${dir}_order_screen.dart`);
    expect(order).toContain("Text('Đã thanh toán ${formatMoney(_paid)}')");
    expect(order).not.toMatch(/formatMoney\([^)]*\)} \$\{\w+\.currency}/);
    // The server prices the order in whole dong: VND has no smaller unit.
    expect(file(project, 'README.md')).toContain("export const CURRENCY = 'vnd';\nexport const UNIT = 1;");
  });

  it('lets a Spanish calendar read "1.250,5" with the record screens\' parser and set "Pagado"', () => {
    const project = files(simpleSpec({ name: 'Pádel', description: 'Reservar pistas de pádel y pagar', features: [] }));
    const expected: ReadonlyArray<readonly [string, string]> = [
      ['lib/core/records/record_form.dart', "value = value.replaceAll('.', '').replaceAll(',', '.');"],
      ['lib/features/pistas_de_padel/pistas_de_padel_entry_dialog.dart', "_text('price'))!,"],
      ['lib/features/pistas_de_padel/pistas_de_padel_entry_dialog.dart', "title: const Text('Pagado'),"],
      ['test/features/pistas_de_padel_screen_test.dart', "ValueKey('field-price')), '1.250,5'"],
      ['test/features/pistas_de_padel_screen_test.dart', 'expect(saved.single.price, 1250.5);'],
      ['test/features/pistas_de_padel_screen_test.dart', "find.text('Editar registro')"],
    ];
    for (const [path, snippet] of expected) expect(file(project, path), path).toContain(snippet);
  });

  it('declares intl in every pubspec (any: the SDK pins it) and flutter_localizations where the app is not English', () => {
    const dependencies = (spec: AppSpec) =>
      (parse(file(files(spec), 'pubspec.yaml')) as { dependencies: Record<string, unknown> }).dependencies;
    expect(dependencies(VIETNAMESE)).toMatchObject({ flutter_localizations: { sdk: 'flutter' }, intl: 'any' });
    expect(dependencies(simpleSpec())).toMatchObject({ intl: 'any' });
    expect(dependencies(simpleSpec())).not.toHaveProperty('flutter_localizations');
    expect(file(files(simpleSpec()), 'lib/app.dart')).not.toContain('flutter_localizations');
  });
});

describe('materialAppLocalization', () => {
  it('gives MaterialApp the locale and the flutter_localizations delegates', () => {
    const { uri, arguments: args } = materialAppLocalization({ locale: 'vi' });
    expect(uri).toBe('package:flutter_localizations/flutter_localizations.dart');
    expect(args.join('\n')).toContain("locale: const Locale('vi'),\nsupportedLocales: const [Locale('vi')],");
    expect(args).toContain('  GlobalMaterialLocalizations.delegate,');
  });
});
