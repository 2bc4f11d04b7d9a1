import { describe, expect, it } from 'vitest';
import { dartString } from '../dart-string';
import { FORMATTERS_PATH } from '../data/entity-dart';
import { PACKAGE_VERSIONS } from '../data/package-versions';
import type { FeatureContext } from './archetype';
import { scannerArchetype } from './scanner.archetype';
import {
  BACKENDS,
  HOSTILE_LABELS,
  appSpec,
  contextFor,
  expectImportsResolve,
  expectParses,
  fileEndingWith,
  publicTypes,
} from './testing/archetype-spec-helpers';

function scannerContext(label: string, overrides: Parameters<typeof appSpec>[1] = {}): FeatureContext {
  return contextFor(appSpec([label, 'Expenses'], overrides), 'scanner');
}

function fileOf(ctx: FeatureContext, suffix: string): string {
  return fileEndingWith(scannerArchetype, ctx, suffix);
}

describe('scanner archetype', () => {
  it.each(HOSTILE_LABELS.scanner)('writes Dart that parses and imports only what it declares (%s)', async (label) => {
    for (const backend of BACKENDS) {
      const ctx = scannerContext(label, { backend, platforms: ['android', 'ios', 'macos', 'web'] });
      const files = scannerArchetype.files(ctx);
      await expectParses(files);
      await expectImportsResolve(scannerArchetype, ctx, [FORMATTERS_PATH]);
    }
  });

  it('writes the screen, its helpers, a fake camera and a widget test at the planned paths', () => {
    const ctx = scannerContext('QR scanner');
    const paths = scannerArchetype.files(ctx).map((file) => file.path);
    expect(paths).toEqual([
      'lib/features/qr_scanner/qr_scanner_controller.dart',
      'lib/features/qr_scanner/qr_scanner_camera_view.dart',
      ctx.feature.paths.screen,
      'test/support/qr_scanner_fakes.dart',
      ctx.feature.paths.test,
    ]);
  });

  it('scans with mobile_scanner behind a builder the test replaces', () => {
    const ctx = scannerContext('QR scanner');
    const view = fileOf(ctx, '_camera_view.dart');
    expect(view).toContain('MobileScanner(');
    expect(view).toContain('controller: _controller');
    expect(view).toContain('onDetect: _handleCapture');
    expect(view).toContain('void _handleCapture(BarcodeCapture capture)');
    expect(view).toContain('barcode.rawValue');
    expect(view).toContain('MobileScannerController(');
    expect(view).toContain('unawaited(_controller.dispose())');
    const screen = fileOf(ctx, '_screen.dart');
    expect(screen).toContain('typedef QrScannerViewBuilder = Widget Function(');
    expect(screen).toContain('final QrScannerViewBuilder? scannerBuilder;');
    expect(screen).toContain('widget.scannerBuilder ?? _cameraView');
    expect(screen).not.toContain('package:mobile_scanner');
  });

  it('reads only QR codes when the feature is named for them, any barcode otherwise', async () => {
    const qr = fileOf(scannerContext('escáner QR'), '_camera_view.dart');
    expect(qr).toContain('formats: [BarcodeFormat.qrCode]');
    expect(qr).toMatch(/show[^;]*BarcodeFormat,/);
    const barcodes = fileOf(scannerContext('Barcode scanner'), '_camera_view.dart');
    expect(barcodes).not.toContain('BarcodeFormat');
    await expectParses(scannerArchetype.files(scannerContext('QR codes')));
  });

  it('keeps a de-duplicated history with copy and a typed-code fallback', () => {
    const ctx = scannerContext('QR scanner');
    const controller = fileOf(ctx, '_controller.dart');
    expect(controller).toContain('_history.first.code == code');
    expect(controller).toContain('prefs.setString(storageKey');
    const screen = fileOf(ctx, '_screen.dart');
    expect(screen).toContain('Clipboard.setData(ClipboardData(text: scan.code))');
    expect(screen).toContain('TextFormField(');
    expect(screen).toContain("'Enter a code'");
    expect(screen).toContain('ScaffoldMessenger.of(context)');
    expect(screen).not.toMatch(/const Text\(widget\./);
  });

  it('tests the screen with the fake camera: a scan, a typed code and persistence', () => {
    const ctx = scannerContext('QR scanner');
    const test = fileOf(ctx, '_screen_test.dart');
    expect(test).toContain('QrScannerScreen(scannerBuilder: fakeQrScannerScanner(');
    expect(test).toContain("await tester.tap(find.text('Simulate scan'));");
    expect(test).toContain("await tester.enterText(find.byType(TextFormField), '  4006381333931  ');");
    expect(test).toContain("expect(find.text('4006381333931'), findsOneWidget);");
    expect(test).toContain('SharedPreferences.setMockInitialValues({});');
    expect(test).not.toContain('MobileScanner');
    expect(fileOf(ctx, '_fakes.dart')).toContain('QrScannerViewBuilder fakeQrScannerScanner(String code)');
  });

  it('escapes the label and names every public class after the feature', () => {
    const label = HOSTILE_LABELS.scanner[0];
    const ctx = scannerContext(label);
    const screen = fileOf(ctx, '_screen.dart');
    expect(screen).toContain(`static const String title = ${dartString(label)};`);
    expect(screen).toContain(`static const String routeName = '${ctx.feature.route}';`);
    for (const file of scannerArchetype.files(ctx)) {
      for (const name of publicTypes(file.content)) {
        expect(name.startsWith(ctx.feature.classes.prefix), `${file.path}: ${name}`).toBe(true);
      }
    }
  });

  it('declares its packages from the pinned versions and builds the screen from services', () => {
    const ctx = scannerContext('barcode');
    expect(scannerArchetype.dependencies(ctx)).toEqual({
      mobile_scanner: PACKAGE_VERSIONS.mobile_scanner,
      shared_preferences: PACKAGE_VERSIONS.shared_preferences,
    });
    expect(scannerArchetype.screenBuilder(ctx)).toBe(`${ctx.feature.classes.screen}(prefs: services.prefs)`);
    expect(scannerArchetype.services).toBeUndefined();
  });

  it('explains the camera permissions per platform in the README', () => {
    const mobile = scannerArchetype.readme!(scannerContext('QR scanner', { platforms: ['android', 'ios'] }));
    expect(mobile).toContain('NSCameraUsageDescription');
    expect(mobile).toContain('<string>');
    expect(mobile).toContain('minSdk');
    expect(mobile).toContain('CAMERA');
    expect(mobile).not.toContain('com.apple.security.device.camera');
    const desktop = scannerArchetype.readme!(scannerContext('QR scanner', { platforms: ['macos', 'web'] }));
    expect(desktop).toContain('com.apple.security.device.camera');
    expect(desktop).toContain('https://');
  });

  it('is deterministic', () => {
    const ctx = scannerContext('Quét mã QR');
    expect(scannerArchetype.files(ctx)).toEqual(scannerArchetype.files(scannerContext('Quét mã QR')));
    expect(scannerArchetype.summary(ctx)).toContain('Quét mã QR');
  });
});
