/**
 * QR / barcode scanner: a live camera preview (mobile_scanner) that puts every
 * code it reads on top of a history (newest first, a code read twice in a row
 * listed once), kept on the device, with copy to clipboard and a typed-code
 * fallback. The camera view sits behind a builder parameter, so the widget
 * test drives the screen with a fake camera and never touches the plugin.
 */
import { dartString } from '../dart-string';
import { FORMATTERS_PATH, packageUri } from '../data/entity-dart';
import { packages } from '../data/package-versions';
import { targetPlatforms } from '../spec-text';
import { uiText } from '../ui-text';
import type { ArchetypeTemplate, FeatureContext } from './archetype';
import {
  dartImports,
  featureLabel,
  featurePaths,
  fileNameOf,
  fromFeatureDir,
  relativeTestImport,
} from './feature-dart.shared';

function paths(ctx: FeatureContext) {
  return featurePaths(ctx, { cameraView: 'camera_view' });
}

function names(ctx: FeatureContext) {
  const { prefix, controller, screen } = ctx.feature.classes;
  return {
    screen,
    controller,
    scan: `${prefix}Scan`,
    cameraView: `${prefix}CameraView`,
    viewBuilder: `${prefix}ViewBuilder`,
    fakeScanner: `fake${prefix}Scanner`,
    /** SharedPreferences key of the history; feature ids are `[a-z0-9_]`. */
    storageKey: `${ctx.feature.names.id}.scan_history`,
  };
}

function controllerDart(ctx: FeatureContext): string {
  const n = names(ctx);
  return `import 'dart:async';
import 'dart:convert';

import 'package:flutter/foundation.dart';
import 'package:shared_preferences/shared_preferences.dart';

/// One code read by the camera (or typed) and when.
@immutable
class ${n.scan} {
  const ${n.scan}({required this.code, required this.scannedAt});

  final String code;
  final DateTime scannedAt;

  /// Whether the code is a web address.
  bool get isLink {
    final uri = Uri.tryParse(code);
    return uri != null &&
        (uri.scheme == 'http' || uri.scheme == 'https') &&
        uri.host.isNotEmpty;
  }

  Map<String, Object?> toJson() => {
        'code': code,
        'scannedAt': scannedAt.toIso8601String(),
      };

  /// The scan stored by [toJson], or null when [json] is not one.
  static ${n.scan}? fromJson(Object? json) {
    if (json is! Map) return null;
    final code = json['code'];
    final scannedAt = json['scannedAt'];
    if (code is! String || scannedAt is! String) return null;
    final time = DateTime.tryParse(scannedAt);
    return time == null ? null : ${n.scan}(code: code, scannedAt: time);
  }
}

/// The scan history, newest first; kept on the device when [prefs] is given.
class ${n.controller} extends ChangeNotifier {
  ${n.controller}({SharedPreferences? prefs}) : _prefs = prefs;

  static const String storageKey = '${n.storageKey}';
  static const int maxEntries = 100;

  final SharedPreferences? _prefs;
  List<${n.scan}> _history = const [];

  List<${n.scan}> get history => _history;

  /// Reads the history saved by an earlier session.
  void load() {
    final raw = _prefs?.getString(storageKey);
    if (raw == null) return;
    try {
      final decoded = jsonDecode(raw);
      if (decoded is! List) return;
      _history =
          decoded.map(${n.scan}.fromJson).whereType<${n.scan}>().toList();
      notifyListeners();
    } on FormatException {
      // An unreadable history is dropped; new scans start a fresh one.
    }
  }

  /// Puts [raw] (trimmed) on top of the history. Returns false when it is
  /// empty or equal to the latest code: the camera reads a code many times
  /// while it is in view, and it is listed once.
  bool add(String raw) {
    final code = raw.trim();
    if (code.isEmpty) return false;
    if (_history.isNotEmpty && _history.first.code == code) return false;
    _history = [
      ${n.scan}(code: code, scannedAt: DateTime.now()),
      ..._history,
    ].take(maxEntries).toList();
    _changed();
    return true;
  }

  void remove(${n.scan} scan) {
    _history = _history.where((entry) => !identical(entry, scan)).toList();
    _changed();
  }

  void clear() {
    _history = const [];
    _changed();
  }

  void _changed() {
    notifyListeners();
    unawaited(_save());
  }

  Future<void> _save() async {
    final prefs = _prefs;
    if (prefs == null) return;
    final entries = [for (final scan in _history) scan.toJson()];
    await prefs.setString(storageKey, jsonEncode(entries));
  }
}
`;
}

/** A feature named for QR codes reads only QR codes (any barcode otherwise). */
function qrOnly(ctx: FeatureContext): boolean {
  return /\bqr\b/i.test(ctx.feature.names.label);
}

function cameraViewDart(ctx: FeatureContext): string {
  const n = names(ctx);
  const t = uiText(ctx.plan);
  return `import 'dart:async';

import 'package:flutter/material.dart';
import 'package:mobile_scanner/mobile_scanner.dart'
    show
        BarcodeCapture,${qrOnly(ctx) ? '\n        BarcodeFormat,' : ''}
        DetectionSpeed,
        MobileScanner,
        MobileScannerController,
        MobileScannerErrorCode,
        MobileScannerException,
        TorchState;

/// The live camera preview (mobile_scanner); reports every code it reads.
class ${n.cameraView} extends StatefulWidget {
  const ${n.cameraView}({super.key, required this.onCode});

  final ValueChanged<String> onCode;

  @override
  State<${n.cameraView}> createState() => _${n.cameraView}State();
}

class _${n.cameraView}State extends State<${n.cameraView}>
    with WidgetsBindingObserver {
  final MobileScannerController _controller = MobileScannerController(
    detectionSpeed: DetectionSpeed.noDuplicates,${qrOnly(ctx) ? '\n    formats: [BarcodeFormat.qrCode],' : ''}
  );

  @override
  void initState() {
    super.initState();
    WidgetsBinding.instance.addObserver(this);
  }

  @override
  void didChangeAppLifecycleState(AppLifecycleState state) {
    // The camera is released while the app is in the background.
    if (state == AppLifecycleState.resumed) {
      unawaited(_controller.start());
    } else if (state == AppLifecycleState.inactive) {
      unawaited(_controller.stop());
    }
  }

  @override
  void dispose() {
    WidgetsBinding.instance.removeObserver(this);
    unawaited(_controller.dispose());
    super.dispose();
  }

  void _handleCapture(BarcodeCapture capture) {
    for (final barcode in capture.barcodes) {
      final value = barcode.rawValue;
      if (value != null && value.isNotEmpty) widget.onCode(value);
    }
  }

  @override
  Widget build(BuildContext context) {
    return Stack(
      fit: StackFit.expand,
      children: [
        MobileScanner(
          controller: _controller,
          onDetect: _handleCapture,
          errorBuilder: (context, error, child) => _ScannerError(error: error),
        ),
        Positioned(
          right: 12,
          bottom: 12,
          child: ValueListenableBuilder(
            valueListenable: _controller,
            builder: (context, state, child) {
              if (!state.isRunning ||
                  state.torchState == TorchState.unavailable) {
                return const SizedBox.shrink();
              }
              return IconButton.filledTonal(
                tooltip: ${dartString(t.flashlight)},
                onPressed: () => unawaited(_controller.toggleTorch()),
                icon: Icon(
                  state.torchState == TorchState.on
                      ? Icons.flash_on
                      : Icons.flash_off,
                ),
              );
            },
          ),
        ),
      ],
    );
  }
}

class _ScannerError extends StatelessWidget {
  const _ScannerError({required this.error});

  final MobileScannerException error;

  @override
  Widget build(BuildContext context) {
    final message = switch (error.errorCode) {
      MobileScannerErrorCode.permissionDenied =>
        ${dartString(t.cameraDenied)},
      MobileScannerErrorCode.unsupported =>
        ${dartString(t.cameraUnsupported)},
      _ => ${dartString(t.cameraFailed)},
    };
    return ColoredBox(
      color: Colors.black,
      child: Center(
        child: Padding(
          padding: const EdgeInsets.all(24),
          child: Text(
            message,
            textAlign: TextAlign.center,
            style: const TextStyle(color: Colors.white),
          ),
        ),
      ),
    );
  }
}
`;
}

function screenDart(ctx: FeatureContext): string {
  const n = names(ctx);
  const t = uiText(ctx.plan);
  const p = paths(ctx);
  const imports = dartImports([
    'package:flutter/material.dart',
    'package:flutter/services.dart',
    'package:shared_preferences/shared_preferences.dart',
    fromFeatureDir(FORMATTERS_PATH),
    fileNameOf(p.cameraView),
    fileNameOf(p.controller),
  ]);
  return `${imports}

/// Builds the camera area; calls \`onCode\` with every code it reads.
typedef ${n.viewBuilder} = Widget Function(
  BuildContext context,
  ValueChanged<String> onCode,
);

/// Scans QR codes and barcodes into a history that can be copied.
class ${n.screen} extends StatefulWidget {
  const ${n.screen}({super.key, this.prefs, this.scannerBuilder});

  static const String title = ${dartString(ctx.feature.names.label)};
  static const String routeName = '${ctx.feature.route}';

  /// Keeps the history between launches; in memory only when null.
  final SharedPreferences? prefs;

  /// The camera view; the device camera (mobile_scanner) when null.
  final ${n.viewBuilder}? scannerBuilder;

  @override
  State<${n.screen}> createState() => _${n.screen}State();
}

class _${n.screen}State extends State<${n.screen}> {
  late final ${n.controller} _controller =
      ${n.controller}(prefs: widget.prefs);
  final GlobalKey<FormState> _formKey = GlobalKey<FormState>();
  final TextEditingController _manualCode = TextEditingController();

  @override
  void initState() {
    super.initState();
    _controller.load();
  }

  @override
  void dispose() {
    _controller.dispose();
    _manualCode.dispose();
    super.dispose();
  }

  static Widget _cameraView(BuildContext context, ValueChanged<String> onCode) {
    return ${n.cameraView}(onCode: onCode);
  }

  void _onCode(String code) {
    _controller.add(code);
  }

  void _submitManualCode() {
    if (!(_formKey.currentState?.validate() ?? false)) return;
    final added = _controller.add(_manualCode.text);
    _manualCode.clear();
    if (!added) _showMessage(${dartString(t.codeAlreadyLatest)});
  }

  Future<void> _copy(${n.scan} scan) async {
    await Clipboard.setData(ClipboardData(text: scan.code));
    if (!mounted) return;
    _showMessage(${dartString(t.copied)});
  }

  Future<void> _confirmClear() async {
    final confirmed = await showDialog<bool>(
      context: context,
      builder: (context) => AlertDialog(
        title: const Text(${dartString(t.clearHistoryQuestion)}),
        actions: [
          TextButton(
            onPressed: () => Navigator.of(context).pop(false),
            child: const Text(${dartString(t.cancel)}),
          ),
          FilledButton(
            onPressed: () => Navigator.of(context).pop(true),
            child: const Text(${dartString(t.clear)}),
          ),
        ],
      ),
    );
    if (confirmed ?? false) _controller.clear();
  }

  void _showMessage(String message) {
    ScaffoldMessenger.of(context)
      ..hideCurrentSnackBar()
      ..showSnackBar(SnackBar(content: Text(message)));
  }

  @override
  Widget build(BuildContext context) {
    final scanner = widget.scannerBuilder ?? _cameraView;
    return Scaffold(
      appBar: AppBar(
        title: const Text(${n.screen}.title),
        actions: [
          ListenableBuilder(
            listenable: _controller,
            builder: (context, _) => IconButton(
              tooltip: ${dartString(t.clearHistory)},
              icon: const Icon(Icons.delete_sweep_outlined),
              onPressed: _controller.history.isEmpty ? null : _confirmClear,
            ),
          ),
        ],
      ),
      body: Column(
        children: [
          Expanded(
            flex: 3,
            child: ClipRect(child: scanner(context, _onCode)),
          ),
          Padding(
            padding: const EdgeInsets.fromLTRB(16, 12, 16, 4),
            child: Form(
              key: _formKey,
              child: Row(
                crossAxisAlignment: CrossAxisAlignment.start,
                children: [
                  Expanded(
                    child: TextFormField(
                      controller: _manualCode,
                      decoration: const InputDecoration(
                        labelText: ${dartString(t.typeCode)},
                        helperText: ${dartString(t.typeCodeHelper)},
                        border: OutlineInputBorder(),
                      ),
                      textInputAction: TextInputAction.done,
                      onFieldSubmitted: (_) => _submitManualCode(),
                      validator: (value) => value == null || value.trim().isEmpty
                          ? ${dartString(t.enterCode)}
                          : null,
                    ),
                  ),
                  const SizedBox(width: 12),
                  Padding(
                    padding: const EdgeInsets.only(top: 8),
                    child: FilledButton(
                      onPressed: _submitManualCode,
                      child: const Text(${dartString(t.add)}),
                    ),
                  ),
                ],
              ),
            ),
          ),
          Expanded(
            flex: 4,
            child: ListenableBuilder(
              listenable: _controller,
              builder: (context, _) => _buildHistory(context),
            ),
          ),
        ],
      ),
    );
  }

  Widget _buildHistory(BuildContext context) {
    final history = _controller.history;
    if (history.isEmpty) {
      return const Center(
        child: Padding(
          padding: EdgeInsets.all(24),
          child: Text(
            ${dartString(t.noCodes)},
            textAlign: TextAlign.center,
          ),
        ),
      );
    }
    final localizations = MaterialLocalizations.of(context);
    return ListView.separated(
      itemCount: history.length,
      separatorBuilder: (context, index) => const Divider(height: 1),
      itemBuilder: (context, index) {
        final scan = history[index];
        final time = localizations.formatTimeOfDay(
          TimeOfDay.fromDateTime(scan.scannedAt),
        );
        return Dismissible(
          key: ObjectKey(scan),
          direction: DismissDirection.endToStart,
          background: Container(
            alignment: Alignment.centerRight,
            padding: const EdgeInsets.symmetric(horizontal: 24),
            color: Theme.of(context).colorScheme.errorContainer,
            child: const Icon(Icons.delete_outline),
          ),
          onDismissed: (_) => _controller.remove(scan),
          child: ListTile(
            leading: Icon(scan.isLink ? Icons.link : Icons.qr_code_2),
            title: Text(
              scan.code,
              maxLines: 2,
              overflow: TextOverflow.ellipsis,
            ),
            subtitle: Text('\${formatDate(scan.scannedAt)} $time'),
            trailing: IconButton(
              tooltip: ${dartString(t.copy)},
              icon: const Icon(Icons.copy),
              onPressed: () => _copy(scan),
            ),
          ),
        );
      },
    );
  }
}
`;
}

function fakesDart(ctx: FeatureContext): string {
  const n = names(ctx);
  const t = uiText(ctx.plan);
  return `${dartImports(['package:flutter/material.dart', packageUri(ctx.plan.packageName, ctx.feature.paths.screen)])}

/// A camera stand-in: its "Simulate scan" button reads [code].
${n.viewBuilder} ${n.fakeScanner}(String code) {
  return (context, onCode) => Center(
        child: FilledButton(
          onPressed: () => onCode(code),
          child: const Text(${dartString(t.simulateScan)}),
        ),
      );
}
`;
}

function testDart(ctx: FeatureContext): string {
  const n = names(ctx);
  const t = uiText(ctx.plan);
  const p = paths(ctx);
  const pkg = ctx.plan.packageName;
  const link = 'https://example.com/ticket/42';
  const typed = '4006381333931';
  const imports = dartImports([
    'package:flutter/material.dart',
    'package:flutter_test/flutter_test.dart',
    'package:shared_preferences/shared_preferences.dart',
    packageUri(pkg, ctx.feature.paths.screen),
    relativeTestImport(ctx.feature.paths.test, p.fakes),
  ]);
  return `${imports}

void main() {
  testWidgets('a code the camera reads goes on top of the history, once', (tester) async {
    await tester.pumpWidget(
      MaterialApp(
        home: ${n.screen}(scannerBuilder: ${n.fakeScanner}('${link}')),
      ),
    );
    expect(find.text(${dartString(t.noCodes)}), findsOneWidget);

    await tester.tap(find.text(${dartString(t.simulateScan)}));
    await tester.pump();
    expect(find.text('${link}'), findsOneWidget);
    expect(find.byIcon(Icons.link), findsOneWidget);

    // Read again while still in view: still listed once.
    await tester.tap(find.text(${dartString(t.simulateScan)}));
    await tester.pump();
    expect(find.text('${link}'), findsOneWidget);
  });

  testWidgets('a typed code is added, an empty one is refused', (tester) async {
    await tester.pumpWidget(
      MaterialApp(
        home: ${n.screen}(scannerBuilder: ${n.fakeScanner}('unused')),
      ),
    );

    await tester.tap(find.text(${dartString(t.add)}));
    await tester.pump();
    expect(find.text(${dartString(t.enterCode)}), findsOneWidget);

    await tester.enterText(find.byType(TextFormField), '  ${typed}  ');
    await tester.tap(find.text(${dartString(t.add)}));
    await tester.pump();
    expect(find.text('${typed}'), findsOneWidget);
    expect(find.text(${dartString(t.enterCode)}), findsNothing);
  });

  testWidgets('the history is kept on the device', (tester) async {
    SharedPreferences.setMockInitialValues({});
    final prefs = await SharedPreferences.getInstance();
    Widget app() => MaterialApp(
          home: ${n.screen}(
            prefs: prefs,
            scannerBuilder: ${n.fakeScanner}('ABC-123'),
          ),
        );

    await tester.pumpWidget(app());
    await tester.tap(find.text(${dartString(t.simulateScan)}));
    await tester.pump();

    await tester.pumpWidget(const SizedBox.shrink());
    await tester.pumpWidget(app());
    expect(find.text('ABC-123'), findsOneWidget);
  });
}
`;
}

function readme(ctx: FeatureContext): string {
  const platforms = targetPlatforms(ctx.plan.spec);
  const lines = [
    `The scanner (${featureLabel(ctx)}) uses [mobile_scanner](https://pub.dev/packages/mobile_scanner): Android, iOS, macOS and web; not Windows or Linux, where only typed codes work.`,
    '',
    '- **Android**: the plugin adds the `CAMERA` permission to the merged manifest itself. It needs `minSdk` 21 or higher (`android/app/build.gradle`: `minSdk = 21`, or `flutter.minSdkVersion` when that is 21+).',
    '- **iOS**: add the camera usage text to `ios/Runner/Info.plist` (without it iOS ends the app when it opens the camera):',
    '',
    '  ```xml',
    '  <key>NSCameraUsageDescription</key>',
    '  <string>The camera reads QR codes and barcodes.</string>',
    '  ```',
  ];
  if (platforms.includes('macos')) {
    lines.push(
      '- **macOS**: add the same `NSCameraUsageDescription` entry to `macos/Runner/Info.plist`, and the camera entitlement to both `macos/Runner/DebugProfile.entitlements` and `macos/Runner/Release.entitlements`:',
      '',
      '  ```xml',
      '  <key>com.apple.security.device.camera</key>',
      '  <true/>',
      '  ```',
    );
  }
  if (platforms.includes('web')) {
    lines.push(
      '- **Web**: browsers allow the camera only on `https://` pages (and `localhost`) and ask the user first.',
    );
  }
  lines.push('', 'The scan history is stored on the device (shared_preferences), not in the backend.');
  return lines.join('\n');
}

export const scannerArchetype: ArchetypeTemplate = {
  id: 'scanner',
  dependencies: () => packages('mobile_scanner', 'shared_preferences'),
  files(ctx) {
    const p = paths(ctx);
    return [
      { path: p.controller, content: controllerDart(ctx) },
      { path: p.cameraView, content: cameraViewDart(ctx) },
      { path: ctx.feature.paths.screen, content: screenDart(ctx) },
      { path: p.fakes, content: fakesDart(ctx) },
      { path: ctx.feature.paths.test, content: testDart(ctx) },
    ];
  },
  screenBuilder: (ctx) => `${ctx.feature.classes.screen}(prefs: services.prefs)`,
  readme,
  summary: (ctx) =>
    `${featureLabel(ctx)}: reads codes with the camera into a history kept on the device, copies them, and takes typed codes when the camera cannot read one.`,
};
