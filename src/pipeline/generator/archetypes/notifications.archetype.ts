/**
 * Reminders / notifications / alerts: a list of reminders (title + date and
 * time from the Material pickers) kept in shared_preferences and scheduled as
 * local notifications (flutter_local_notifications 17.x + timezone) behind a
 * `<Prefix>Scheduler` interface. With the Firebase backend the screen also
 * turns on push messages (firebase_messaging) behind a `<Prefix>PushService`.
 */
import type { GeneratedFile } from '../app-spec';
import { dartString, singleLine } from '../dart-string';
import { FORMATTERS_PATH, packageUri } from '../data/entity-dart';
import { packages } from '../data/package-versions';
import { dartText, uiText, type UiText } from '../ui-text';
import { assignmentDart, callDart, ifMountedDart } from './dart-wrap';
import type { ArchetypeTemplate, FeatureContext, ServiceDecl } from './archetype';
import { fileNameOf, fromFeatureDir, libRelative } from './feature-dart.shared';
import { notificationsReadme } from './notifications.readme';
import { USER_MESSAGE_PATH } from './records-user-message';

/** The FCM topic the announcements switch subscribes to; the README tells how to send to it. */
export const NOTIFICATIONS_PUSH_TOPIC = 'announcements';

/**
 * The shared_preferences key of the reminder list and the Android channel id
 * of their notifications. The planner folds reminders, notifications and
 * alerts into one feature, so the plain word is unique in the app (the
 * feature id would read `reminders.reminders`).
 */
export const REMINDERS_ID = 'reminders';

/** The app's name and version (the shell writes it); notifications carry the name as their title. */
const APP_INFO_PATH = 'lib/config/app_info.dart';

/** The shared_preferences key that remembers whether announcements are on. */
const ANNOUNCEMENTS_KEY = 'announcements_enabled';

interface NotificationNames {
  id: string;
  prefix: string;
  screen: string;
  controller: string;
  item: string;
  store: string;
  scheduler: string;
  localScheduler: string;
  addResult: string;
  push: string;
  firebasePush: string;
  fakeScheduler: string;
  fakePush: string;
  /** lowerCamelCase stem of the AppServices fields. */
  field: string;
  /** The app's UI strings. */
  text: UiText;
}

interface NotificationPaths {
  item: string;
  store: string;
  scheduler: string;
  localScheduler: string;
  push: string;
  firebasePush: string;
  controller: string;
  fakes: string;
}

function names(ctx: FeatureContext): NotificationNames {
  const { prefix, screen, controller } = ctx.feature.classes;
  return {
    text: uiText(ctx.plan),
    id: ctx.feature.names.id,
    prefix,
    screen,
    controller,
    item: `${prefix}Item`,
    store: `${prefix}Store`,
    scheduler: `${prefix}Scheduler`,
    localScheduler: `${prefix}LocalScheduler`,
    addResult: `${prefix}AddResult`,
    push: `${prefix}PushService`,
    firebasePush: `${prefix}FirebasePushService`,
    fakeScheduler: `${prefix}FakeScheduler`,
    fakePush: `${prefix}FakePushService`,
    field: prefix[0].toLowerCase() + prefix.slice(1),
  };
}

function paths(ctx: FeatureContext): NotificationPaths {
  const id = ctx.feature.names.id;
  const base = `${ctx.feature.paths.dir}/${id}`;
  return {
    item: `${base}_item.dart`,
    store: `${base}_store.dart`,
    scheduler: `${base}_scheduler.dart`,
    localScheduler: `${base}_local_scheduler.dart`,
    push: `${base}_push.dart`,
    firebasePush: `${base}_firebase_push.dart`,
    controller: `${base}_controller.dart`,
    fakes: `test/support/${id}_fakes.dart`,
  };
}

function withPush(ctx: FeatureContext): boolean {
  return ctx.plan.backend === 'firebase';
}

/** `lib/…` path as AppServices imports it (lib-relative). */
function itemDart(n: NotificationNames): string {
  return `/// One reminder: what to be reminded of, and when.
class ${n.item} {
  const ${n.item}({required this.id, required this.title, required this.at});

  /// Also the id of the scheduled notification, so deleting can cancel it.
  final int id;
  final String title;
  final DateTime at;

  Map<String, Object?> toJson() => {
        'id': id,
        'title': title,
        'at': at.toIso8601String(),
      };

  /// The reminder stored in [json], or null when the entry is damaged.
  static ${n.item}? tryParse(Object? json) {
    if (json is! Map) return null;
    final id = json['id'];
    final title = json['title'];
    final at = json['at'];
    if (id is! int || title is! String || at is! String) return null;
    final parsed = DateTime.tryParse(at);
    return parsed == null ? null : ${n.item}(id: id, title: title, at: parsed);
  }
}
`;
}

function storeDart(n: NotificationNames, p: NotificationPaths): string {
  return `import 'dart:convert';

import 'package:shared_preferences/shared_preferences.dart';

import '${fileNameOf(p.item)}';

/// Keeps the reminders on the device, as one JSON list in shared_preferences.
class ${n.store} {
  ${n.store}(this._prefs);

  static const String storageKey = ${dartString(REMINDERS_ID)};

  final SharedPreferences _prefs;

  List<${n.item}> load() {
    final raw = _prefs.getString(storageKey);
    if (raw == null) return [];
    try {
      final decoded = jsonDecode(raw);
      if (decoded is! List) return [];
      return decoded.map(${n.item}.tryParse).whereType<${n.item}>().toList();
    } on FormatException {
      return [];
    }
  }

  Future<void> saveAll(List<${n.item}> items) async {
    final json = jsonEncode([for (final item in items) item.toJson()]);
    await _prefs.setString(storageKey, json);
  }
}
`;
}

function schedulerDart(n: NotificationNames, p: NotificationPaths): string {
  return `import '${fileNameOf(p.item)}';

/// Shows a device notification when a reminder is due. The app uses
/// [${n.scheduler}] implementations backed by the platform; tests use a fake.
abstract interface class ${n.scheduler} {
  /// Asks the user to allow notifications; false when denied or unsupported.
  Future<bool> requestPermission();

  Future<void> schedule(${n.item} item);

  Future<void> cancel(int id);
}
`;
}

function localSchedulerDart(n: NotificationNames, p: NotificationPaths): string {
  return `import 'package:flutter/foundation.dart';
import 'package:flutter/services.dart';
import 'package:flutter_local_notifications/flutter_local_notifications.dart';
import 'package:timezone/data/latest_all.dart' as tz;
import 'package:timezone/timezone.dart' as tz;

import '${fromFeatureDir(APP_INFO_PATH)}';
import '${fileNameOf(p.item)}';
import '${fileNameOf(p.scheduler)}';

/// Schedules reminders with flutter_local_notifications (Android, iOS, macOS).
/// On other platforms scheduling is a no-op and [requestPermission] is false.
class ${n.localScheduler} implements ${n.scheduler} {
  ${n.localScheduler}._(this._plugin, {required this.isSupported});

  /// Loads the time zone database and initialises the plugin; call once at start-up.
  static Future<${n.localScheduler}> create() async {
    final plugin = FlutterLocalNotificationsPlugin();
    if (!_platformSupported) {
      return ${n.localScheduler}._(plugin, isSupported: false);
    }
    tz.initializeTimeZones();
    // Permissions are asked when the first reminder is added, not at launch.
    const darwin = DarwinInitializationSettings(
      requestAlertPermission: false,
      requestBadgePermission: false,
      requestSoundPermission: false,
    );
    try {
      await plugin.initialize(
        const InitializationSettings(
          android: AndroidInitializationSettings('@mipmap/ic_launcher'),
          iOS: darwin,
          macOS: darwin,
        ),
      );
    } on PlatformException catch (error) {
      debugPrint('Local notifications are unavailable: \${error.message}');
      return ${n.localScheduler}._(plugin, isSupported: false);
    }
    return ${n.localScheduler}._(plugin, isSupported: true);
  }

  static bool get _platformSupported =>
      !kIsWeb &&
      (defaultTargetPlatform == TargetPlatform.android ||
          defaultTargetPlatform == TargetPlatform.iOS ||
          defaultTargetPlatform == TargetPlatform.macOS);

  static const NotificationDetails _details = NotificationDetails(
    android: AndroidNotificationDetails(
      ${dartString(REMINDERS_ID)},
      ${dartString(n.text.remindersChannel)},
      channelDescription: ${dartString(n.text.reminderChannel)},
      importance: Importance.high,
      priority: Priority.high,
    ),
    iOS: DarwinNotificationDetails(),
    macOS: DarwinNotificationDetails(),
  );

  final FlutterLocalNotificationsPlugin _plugin;
  final bool isSupported;

  @override
  Future<bool> requestPermission() async {
    if (!isSupported) return false;
    switch (defaultTargetPlatform) {
      case TargetPlatform.android:
        final android = _plugin.resolvePlatformSpecificImplementation<
            AndroidFlutterLocalNotificationsPlugin>();
        return await android?.requestNotificationsPermission() ?? false;
      case TargetPlatform.iOS:
        final ios = _plugin.resolvePlatformSpecificImplementation<
            IOSFlutterLocalNotificationsPlugin>();
        return await ios?.requestPermissions(
              alert: true,
              badge: true,
              sound: true,
            ) ??
            false;
      case TargetPlatform.macOS:
        final macos = _plugin.resolvePlatformSpecificImplementation<
            MacOSFlutterLocalNotificationsPlugin>();
        return await macos?.requestPermissions(
              alert: true,
              badge: true,
              sound: true,
            ) ??
            false;
      default:
        return false;
    }
  }

  @override
  Future<void> schedule(${n.item} item) async {
    if (!isSupported) return;
    // TZDateTime.from keeps the instant, so the notification fires at the
    // moment the user picked whatever tz.local is set to.
    await _plugin.zonedSchedule(
      item.id,
      AppInfo.name,
      item.title,
      tz.TZDateTime.from(item.at, tz.local),
      _details,
      // Inexact alarms need no SCHEDULE_EXACT_ALARM permission; Android may
      // deliver them a few minutes late to save battery.
      androidScheduleMode: AndroidScheduleMode.inexactAllowWhileIdle,
      uiLocalNotificationDateInterpretation:
          UILocalNotificationDateInterpretation.absoluteTime,
    );
  }

  @override
  Future<void> cancel(int id) async {
    if (!isSupported) return;
    await _plugin.cancel(id);
  }
}
`;
}

function pushDart(n: NotificationNames): string {
  return `/// Push messages from the app's backend (e.g. announcements to every user).
/// The app uses Firebase Cloud Messaging; tests use a fake.
abstract interface class ${n.push} {
  /// The topic every device subscribes to; send to it from the Firebase console.
  static const String topic = ${dartString(NOTIFICATIONS_PUSH_TOPIC)};

  /// Asks the user to allow notifications; false when denied.
  Future<bool> requestPermission();

  Future<void> subscribe(String topic);

  Future<void> unsubscribe(String topic);
}
`;
}

function firebasePushDart(n: NotificationNames, p: NotificationPaths): string {
  return `import 'package:firebase_messaging/firebase_messaging.dart';
import 'package:flutter/foundation.dart';
import 'package:flutter_local_notifications/flutter_local_notifications.dart';

import '${fromFeatureDir(APP_INFO_PATH)}';
import '${fileNameOf(p.push)}';

/// [${n.push}] over Firebase Cloud Messaging. Firebase.initializeApp() must
/// have run first (main() does it).
///
/// While the app is open the system shows no notification for a message, so
/// this service shows it: iOS and macOS are asked to present it, and on
/// Android it goes through flutter_local_notifications (initialised at
/// start-up by the reminders' scheduler).
class ${n.firebasePush} implements ${n.push} {
  ${n.firebasePush}() {
    if (_isApple) {
      _messaging
          .setForegroundNotificationPresentationOptions(
            alert: true,
            badge: true,
            sound: true,
          )
          .catchError((Object error) {
        debugPrint('No push banners while the app is open: $error');
      });
    }
    FirebaseMessaging.onMessage.listen(_showWhileOpen);
  }

  FirebaseMessaging get _messaging => FirebaseMessaging.instance;

  static bool get _isApple =>
      !kIsWeb &&
      (defaultTargetPlatform == TargetPlatform.iOS ||
          defaultTargetPlatform == TargetPlatform.macOS);

  static const NotificationDetails _details = NotificationDetails(
    android: AndroidNotificationDetails(
      ${dartString(NOTIFICATIONS_PUSH_TOPIC)},
      ${dartString(n.text.pushNotifications)},
      importance: Importance.high,
      priority: Priority.high,
    ),
  );

  Future<void> _showWhileOpen(RemoteMessage message) async {
    final notification = message.notification;
    if (notification == null ||
        kIsWeb ||
        defaultTargetPlatform != TargetPlatform.android) {
      return;
    }
    try {
      await FlutterLocalNotificationsPlugin().show(
        (message.messageId ?? '\${message.sentTime}').hashCode,
        notification.title ?? AppInfo.name,
        notification.body,
        _details,
      );
    } catch (error) {
      debugPrint('Could not show a push message: $error');
    }
  }

  @override
  Future<bool> requestPermission() async {
    final settings = await _messaging.requestPermission();
    return settings.authorizationStatus == AuthorizationStatus.authorized ||
        settings.authorizationStatus == AuthorizationStatus.provisional;
  }

  @override
  Future<void> subscribe(String topic) => _messaging.subscribeToTopic(topic);

  @override
  Future<void> unsubscribe(String topic) =>
      _messaging.unsubscribeFromTopic(topic);
}
`;
}

function controllerDart(n: NotificationNames, p: NotificationPaths): string {
  return `import 'package:flutter/foundation.dart';

import '${fileNameOf(p.item)}';
import '${fileNameOf(p.scheduler)}';
import '${fileNameOf(p.store)}';

/// What became of the notification of a reminder that was just added.
enum ${n.addResult} { scheduled, permissionDenied, failed }

/// The upcoming reminders, soonest first: adds and deletes them, keeps the
/// store and the scheduled notifications in step. Reminders whose time had
/// passed by [now] are left out (their notification has been shown), and the
/// store forgets them with the next change.
class ${n.controller} extends ChangeNotifier {
  ${n.controller}({
    required ${n.store} store,
    required ${n.scheduler} scheduler,
    required DateTime now,
  })  : _store = store,
        _scheduler = scheduler,
        _items = [
          for (final item in store.load())
            if (item.at.isAfter(now)) item,
        ]..sort(_bySoonest);

  final ${n.store} _store;
  final ${n.scheduler} _scheduler;
  List<${n.item}> _items;

  List<${n.item}> get items => List.unmodifiable(_items);

  /// Saves the reminder, then schedules its notification. The reminder is kept
  /// even when notifications are not allowed.
  Future<${n.addResult}> add(String title, DateTime at) async {
    final id = _items.fold<int>(0, (max, item) => item.id > max ? item.id : max) + 1;
    final item = ${n.item}(id: id, title: title.trim(), at: at);
    final previous = _items;
    _items = [..._items, item]..sort(_bySoonest);
    notifyListeners();
    await _saveOrUndo(previous);
    try {
      if (!await _scheduler.requestPermission()) {
        return ${n.addResult}.permissionDenied;
      }
      await _scheduler.schedule(item);
      return ${n.addResult}.scheduled;
    } catch (error) {
      debugPrint('Could not schedule reminder \${item.id}: $error');
      return ${n.addResult}.failed;
    }
  }

  Future<void> remove(${n.item} item) async {
    final previous = _items;
    _items = _items.where((other) => other.id != item.id).toList();
    notifyListeners();
    await _saveOrUndo(previous);
    try {
      await _scheduler.cancel(item.id);
    } catch (error) {
      debugPrint('Could not cancel reminder \${item.id}: $error');
    }
  }

  /// Stores the list; when the store fails, the list shown goes back to
  /// [previous] and the error is rethrown for the screen to explain.
  Future<void> _saveOrUndo(List<${n.item}> previous) async {
    try {
      await _store.saveAll(_items);
    } catch (_) {
      _items = previous;
      notifyListeners();
      rethrow;
    }
  }

  static int _bySoonest(${n.item} a, ${n.item} b) => a.at.compareTo(b.at);
}
`;
}

/** A user-facing on/off switch: no device token or topic name on screen (the README has those). */
function announcementsTileDart(n: NotificationNames): string {
  return `

/// The announcements switch: push messages sent to every user of the app.
/// Turning it on asks for permission and subscribes to the topic; the choice
/// is remembered on the device.
class _AnnouncementsTile extends StatefulWidget {
  const _AnnouncementsTile({required this.push, required this.prefs});

  final ${n.push} push;
  final SharedPreferences prefs;

  @override
  State<_AnnouncementsTile> createState() => _AnnouncementsTileState();
}

class _AnnouncementsTileState extends State<_AnnouncementsTile> {
  static const String _enabledKey = ${dartString(ANNOUNCEMENTS_KEY)};

  late bool _enabled = widget.prefs.getBool(_enabledKey) ?? false;
  bool _busy = false;

  Future<void> _toggle(bool on) async {
    final messenger = ScaffoldMessenger.of(context);
    setState(() => _busy = true);
    var enabled = _enabled;
    String? problem;
    try {
      if (!on) {
        await widget.push.unsubscribe(${n.push}.topic);
        enabled = false;
      } else if (await widget.push.requestPermission()) {
        await widget.push.subscribe(${n.push}.topic);
        enabled = true;
      } else {
        problem = ${dartString(n.text.pushOff)};
      }
    } catch (error) {
${assignmentDart('      ', 'problem', dartText(n.text.couldNotEnablePush, { error: 'userMessage(error)' }))}
    }
    await widget.prefs.setBool(_enabledKey, enabled);
    if (!mounted) return;
    setState(() {
      _busy = false;
      _enabled = enabled;
    });
    if (problem != null) {
      messenger.showSnackBar(SnackBar(content: Text(problem)));
    }
  }

  @override
  Widget build(BuildContext context) {
    return Card(
      child: SwitchListTile(
        secondary: const Icon(Icons.campaign_outlined),
        title: const Text(${dartString(n.text.pushNotifications)}),
        subtitle: const Text(${dartString(n.text.pushHint)}),
        value: _enabled,
        onChanged: _busy ? null : _toggle,
      ),
    );
  }
}`;
}

function screenDart(ctx: FeatureContext, n: NotificationNames, p: NotificationPaths): string {
  const push = withPush(ctx);
  const imports = [
    `import '${fromFeatureDir(FORMATTERS_PATH)}';`,
    `import '${fromFeatureDir(USER_MESSAGE_PATH)}';`,
    `import '${fileNameOf(p.controller)}';`,
    `import '${fileNameOf(p.item)}';`,
    ...(push ? [`import '${fileNameOf(p.push)}';`] : []),
    `import '${fileNameOf(p.scheduler)}';`,
    `import '${fileNameOf(p.store)}';`,
  ];
  return `import 'package:flutter/material.dart';
import 'package:shared_preferences/shared_preferences.dart';

${imports.join('\n')}

class ${n.screen} extends StatefulWidget {
  const ${n.screen}({
    super.key,
    required this.prefs,
    required this.scheduler,${push ? '\n    this.push,' : ''}
    this.clock,
  });

  static const String title = ${dartString(ctx.feature.names.label)};
  static const String routeName = '${ctx.feature.route}';

  final SharedPreferences prefs;
  final ${n.scheduler} scheduler;${push ? `\n\n  /// Push messages; the announcements switch is hidden when null.\n  final ${n.push}? push;` : ''}

  /// The current time (DateTime.now when null); tests pass a fixed one.
  final DateTime Function()? clock;

  @override
  State<${n.screen}> createState() => _${n.screen}State();
}

class _${n.screen}State extends State<${n.screen}> {
  final _formKey = GlobalKey<FormState>();
  final _title = TextEditingController();
  late final ${n.controller} _controller;
  late DateTime _at;
  String? _timeError;
  bool _saving = false;

  DateTime _now() => (widget.clock ?? DateTime.now)();

  @override
  void initState() {
    super.initState();
    final now = _now();
    _controller = ${n.controller}(
      store: ${n.store}(widget.prefs),
      scheduler: widget.scheduler,
      now: now,
    );
    // The next full hour: a sensible default the pickers can change.
    _at = DateTime(now.year, now.month, now.day, now.hour + 1);
  }

  @override
  void dispose() {
    _title.dispose();
    _controller.dispose();
    super.dispose();
  }

  Future<void> _pickDate() async {
    final now = _now();
    final today = DateTime(now.year, now.month, now.day);
    final picked = await showDatePicker(
      context: context,
      initialDate: _at.isBefore(today) ? today : _at,
      firstDate: today,
      lastDate: DateTime(today.year + 5, 12, 31),
    );
    if (picked == null || !mounted) return;
    setState(() {
      _at = DateTime(picked.year, picked.month, picked.day, _at.hour, _at.minute);
    });
  }

  Future<void> _pickTime() async {
    final picked = await showTimePicker(
      context: context,
      initialTime: TimeOfDay.fromDateTime(_at),
    );
    if (picked == null || !mounted) return;
    setState(() {
      _at = DateTime(_at.year, _at.month, _at.day, picked.hour, picked.minute);
    });
  }

  Future<void> _add() async {
    final titleOk = _formKey.currentState!.validate();
    final inFuture = _at.isAfter(_now());
    setState(() => _timeError = inFuture ? null : ${dartString(n.text.pickFutureTime)});
    if (!titleOk || !inFuture) return;
    final at = _at;
    setState(() => _saving = true);
    try {
      final result = await _controller.add(_title.text, at);
      if (!mounted) return;
      _title.clear();
      _showMessage(switch (result) {
        ${n.addResult}.scheduled => ${dartText(n.text.reminderSet, { time: '_dateTimeText(at)' })},
        ${n.addResult}.permissionDenied =>
          ${dartString(n.text.savedNotificationsOff)},
        ${n.addResult}.failed => ${dartString(n.text.savedNotScheduled)},
      });
    } catch (error) {
      // A failing store (e.g. full disk) is explained and the button comes back.
${ifMountedDart('      ', (indent) => callDart(indent, '_showMessage', dartText(n.text.couldNotSave, { error: 'userMessage(error)' }), ';'))}
    } finally {
      if (mounted) setState(() => _saving = false);
    }
  }

  Future<void> _remove(${n.item} item) async {
    try {
      await _controller.remove(item);
    } catch (error) {
${ifMountedDart('      ', (indent) => callDart(indent, '_showMessage', dartText(n.text.couldNotDelete, { error: 'userMessage(error)' }), ';'))}
    }
  }

  void _showMessage(String message) {
    ScaffoldMessenger.of(context).showSnackBar(SnackBar(content: Text(message)));
  }

  @override
  Widget build(BuildContext context) {
    return Scaffold(
      appBar: AppBar(title: const Text(${n.screen}.title)),
      body: ListenableBuilder(
        listenable: _controller,
        builder: (context, _) {
          final items = _controller.items;
          final now = _now();
          return ListView(
            padding: const EdgeInsets.all(16),
            children: [${push ? `\n              if (widget.push case final push?) ...[\n                _AnnouncementsTile(push: push, prefs: widget.prefs),\n                const SizedBox(height: 16),\n              ],` : ''}
              _buildForm(context),
              const SizedBox(height: 24),
              Text(${dartString(n.text.upcoming)}, style: Theme.of(context).textTheme.titleMedium),
              const SizedBox(height: 8),
              if (items.isEmpty)
                const Padding(
                  padding: EdgeInsets.symmetric(vertical: 32),
                  child: Center(child: Text(${dartString(n.text.noReminders)})),
                )
              else
                for (final item in items)
                  _ReminderTile(
                    item: item,
                    isPast: !item.at.isAfter(now),
                    onDelete: () => _remove(item),
                  ),
            ],
          );
        },
      ),
    );
  }

  Widget _buildForm(BuildContext context) {
    final timeError = _timeError;
    return Card(
      child: Padding(
        padding: const EdgeInsets.all(16),
        child: Form(
          key: _formKey,
          child: Column(
            crossAxisAlignment: CrossAxisAlignment.stretch,
            children: [
              TextFormField(
                controller: _title,
                decoration: const InputDecoration(
                  labelText: ${dartString(n.text.remindMeTo)},
                  border: OutlineInputBorder(),
                ),
                textCapitalization: TextCapitalization.sentences,
                validator: (value) => value == null || value.trim().isEmpty
                    ? ${dartString(n.text.enterReminder)}
                    : null,
              ),
              const SizedBox(height: 12),
              Row(
                children: [
                  Expanded(
                    child: OutlinedButton.icon(
                      onPressed: _pickDate,
                      icon: const Icon(Icons.calendar_today),
                      label: Text(formatDate(_at)),
                    ),
                  ),
                  const SizedBox(width: 12),
                  Expanded(
                    child: OutlinedButton.icon(
                      onPressed: _pickTime,
                      icon: const Icon(Icons.schedule),
                      label: Text(_timeText(_at)),
                    ),
                  ),
                ],
              ),
              if (timeError != null)
                Padding(
                  padding: const EdgeInsets.only(top: 8),
                  child: Text(
                    timeError,
                    style: TextStyle(color: Theme.of(context).colorScheme.error),
                  ),
                ),
              const SizedBox(height: 12),
              FilledButton.icon(
                onPressed: _saving ? null : _add,
                icon: const Icon(Icons.add_alert_outlined),
                label: const Text(${dartString(n.text.addReminder)}),
              ),
            ],
          ),
        ),
      ),
    );
  }
}

String _twoDigits(int value) => value.toString().padLeft(2, '0');

String _timeText(DateTime value) =>
    '\${_twoDigits(value.hour)}:\${_twoDigits(value.minute)}';

String _dateTimeText(DateTime value) => '\${formatDate(value)} \${_timeText(value)}';

class _ReminderTile extends StatelessWidget {
  const _ReminderTile({
    required this.item,
    required this.isPast,
    required this.onDelete,
  });

  final ${n.item} item;
  final bool isPast;
  final VoidCallback onDelete;

  @override
  Widget build(BuildContext context) {
    final colors = Theme.of(context).colorScheme;
    return Card(
      child: ListTile(
        leading: Icon(
          isPast ? Icons.notifications_off_outlined : Icons.notifications_active_outlined,
          color: isPast ? colors.outline : colors.primary,
        ),
        title: Text(item.title),
        subtitle: Text(isPast ? ${dartText(n.text.past, { time: '_dateTimeText(item.at)' })} : _dateTimeText(item.at)),
        trailing: IconButton(
          icon: const Icon(Icons.delete_outline),
          tooltip: ${dartString(n.text.deleteReminder)},
          onPressed: onDelete,
        ),
      ),
    );
  }
}${push ? announcementsTileDart(n) : ''}
`;
}

function fakesDart(ctx: FeatureContext, n: NotificationNames, p: NotificationPaths): string {
  const pkg = ctx.plan.packageName;
  const push = withPush(ctx);
  const imports = [p.item, ...(push ? [p.push] : []), p.scheduler].map((path) => `import '${packageUri(pkg, path)}';`);
  const pushFake = push
    ? `

/// Records what the screen asked of push messaging.
class ${n.fakePush} implements ${n.push} {
  ${n.fakePush}({this.allow = true});

  final bool allow;

  /// The topics this device is subscribed to.
  final List<String> topics = [];

  @override
  Future<bool> requestPermission() async => allow;

  @override
  Future<void> subscribe(String topic) async => topics.add(topic);

  @override
  Future<void> unsubscribe(String topic) async => topics.remove(topic);
}`
    : '';
  return `${imports.join('\n')}

/// Records scheduled and cancelled reminders instead of calling the plugin.
class ${n.fakeScheduler} implements ${n.scheduler} {
  ${n.fakeScheduler}({this.allow = true});

  final bool allow;
  final List<${n.item}> scheduled = [];
  final List<int> cancelled = [];

  @override
  Future<bool> requestPermission() async => allow;

  @override
  Future<void> schedule(${n.item} item) async => scheduled.add(item);

  @override
  Future<void> cancel(int id) async => cancelled.add(id);
}${pushFake}
`;
}

function testDart(ctx: FeatureContext, n: NotificationNames, p: NotificationPaths): string {
  const pkg = ctx.plan.packageName;
  const push = withPush(ctx);
  const pushTest = push
    ? `

  Future<void> pumpWithPush(WidgetTester tester, ${n.fakePush} push) {
    return tester.pumpWidget(
      MaterialApp(
        home: ${n.screen}(
          prefs: prefs,
          scheduler: ${n.fakeScheduler}(),
          push: push,
          clock: () => now,
        ),
      ),
    );
  }

  bool switchedOn(WidgetTester tester) =>
      tester.widget<SwitchListTile>(find.byType(SwitchListTile)).value;

  testWidgets('turns announcements on and off, and remembers the choice', (tester) async {
    final push = ${n.fakePush}();
    await pumpWithPush(tester, push);
    expect(switchedOn(tester), isFalse);

    await tester.tap(find.text(${dartString(n.text.pushNotifications)}));
    await tester.pumpAndSettle();
    expect(push.topics, [${n.push}.topic]);
    expect(switchedOn(tester), isTrue);

    // A fresh screen reads the choice back from the device.
    await tester.pumpWidget(const SizedBox());
    await pumpWithPush(tester, push);
    expect(switchedOn(tester), isTrue);

    await tester.tap(find.text(${dartString(n.text.pushNotifications)}));
    await tester.pumpAndSettle();
    expect(push.topics, isEmpty);
    expect(switchedOn(tester), isFalse);
  });

  testWidgets('leaves announcements off when notifications are not allowed', (tester) async {
    final push = ${n.fakePush}(allow: false);
    await pumpWithPush(tester, push);

    await tester.tap(find.text(${dartString(n.text.pushNotifications)}));
    await tester.pumpAndSettle();

    expect(push.topics, isEmpty);
    expect(switchedOn(tester), isFalse);
    expect(find.text(${dartString(n.text.pushOff)}), findsOneWidget);
  });`
    : '';
  return `import 'package:flutter/material.dart';
import 'package:flutter_test/flutter_test.dart';
${[
  packageUri(pkg, ctx.feature.paths.screen),
  packageUri(pkg, p.item),
  ...(push ? [packageUri(pkg, p.push)] : []),
  packageUri(pkg, p.store),
  'package:shared_preferences/shared_preferences.dart',
]
  .sort()
  .map((uri) => `import '${uri}';`)
  .join('\n')}

import '../support/${fileNameOf(p.fakes)}';

void main() {
  final now = DateTime(2030, 1, 1, 9, 15);
  late SharedPreferences prefs;

  setUp(() async {
    SharedPreferences.setMockInitialValues({});
    prefs = await SharedPreferences.getInstance();
  });

  testWidgets('adds a reminder, schedules it, and cancels it on delete', (tester) async {
    final scheduler = ${n.fakeScheduler}();
    await tester.pumpWidget(
      MaterialApp(
        home: ${n.screen}(prefs: prefs, scheduler: scheduler, clock: () => now),
      ),
    );
    expect(find.text(${dartString(n.text.noReminders)}), findsOneWidget);

    await tester.tap(find.byIcon(Icons.add_alert_outlined));
    await tester.pump();
    expect(find.text(${dartString(n.text.enterReminder)}), findsOneWidget);

    await tester.enterText(find.byType(TextFormField), 'Water the plants');
    await tester.tap(find.byIcon(Icons.calendar_today));
    await tester.pumpAndSettle();
    await tester.tap(find.text('OK'));
    await tester.pumpAndSettle();
    await tester.tap(find.byIcon(Icons.schedule));
    await tester.pumpAndSettle();
    await tester.tap(find.text('OK'));
    await tester.pumpAndSettle();

    await tester.tap(find.byIcon(Icons.add_alert_outlined));
    await tester.pumpAndSettle();

    expect(find.text('Water the plants'), findsOneWidget);
    expect(find.text('2030-01-01 10:00'), findsOneWidget);
    expect(scheduler.scheduled, hasLength(1));
    expect(scheduler.scheduled.single.title, 'Water the plants');
    expect(scheduler.scheduled.single.at, DateTime(2030, 1, 1, 10));
    expect(${n.store}(prefs).load().single.title, 'Water the plants');

    await tester.tap(find.byTooltip(${dartString(n.text.deleteReminder)}));
    await tester.pumpAndSettle();

    expect(find.text('Water the plants'), findsNothing);
    expect(find.text(${dartString(n.text.noReminders)}), findsOneWidget);
    expect(scheduler.cancelled, [scheduler.scheduled.single.id]);
    expect(${n.store}(prefs).load(), isEmpty);
  });

  testWidgets('keeps the reminder when notifications are not allowed', (tester) async {
    final scheduler = ${n.fakeScheduler}(allow: false);
    await tester.pumpWidget(
      MaterialApp(
        home: ${n.screen}(prefs: prefs, scheduler: scheduler, clock: () => now),
      ),
    );

    await tester.enterText(find.byType(TextFormField), 'Call the dentist');
    await tester.tap(find.byIcon(Icons.add_alert_outlined));
    await tester.pumpAndSettle();

    expect(find.text('Call the dentist'), findsOneWidget);
    expect(find.text(${dartString(n.text.savedNotificationsOff)}), findsOneWidget);
    expect(scheduler.scheduled, isEmpty);
  });

  testWidgets('lists only the reminders still to come', (tester) async {
    await ${n.store}(prefs).saveAll([
      ${n.item}(id: 1, title: 'Renew the passport', at: DateTime(2029, 12, 31, 9)),
      ${n.item}(id: 2, title: 'Water the plants', at: DateTime(2030, 1, 1, 18)),
    ]);
    await tester.pumpWidget(
      MaterialApp(
        home: ${n.screen}(prefs: prefs, scheduler: ${n.fakeScheduler}(), clock: () => now),
      ),
    );

    expect(find.text('Renew the passport'), findsNothing);
    expect(find.text('Water the plants'), findsOneWidget);
  });${pushTest}
}
`;
}

function files(ctx: FeatureContext): GeneratedFile[] {
  const n = names(ctx);
  const p = paths(ctx);
  const list: GeneratedFile[] = [
    { path: p.item, content: itemDart(n) },
    { path: p.store, content: storeDart(n, p) },
    { path: p.scheduler, content: schedulerDart(n, p) },
    { path: p.localScheduler, content: localSchedulerDart(n, p) },
    { path: p.controller, content: controllerDart(n, p) },
    { path: ctx.feature.paths.screen, content: screenDart(ctx, n, p) },
    { path: p.fakes, content: fakesDart(ctx, n, p) },
    { path: ctx.feature.paths.test, content: testDart(ctx, n, p) },
  ];
  if (withPush(ctx)) {
    list.push({ path: p.push, content: pushDart(n) }, { path: p.firebasePush, content: firebasePushDart(n, p) });
  }
  return list;
}

function services(ctx: FeatureContext): ServiceDecl[] {
  const n = names(ctx);
  const p = paths(ctx);
  const decls: ServiceDecl[] = [
    {
      field: `${n.field}Scheduler`,
      type: n.scheduler,
      typeImport: libRelative(p.scheduler),
      create: `await ${n.localScheduler}.create()`,
      createImports: [libRelative(p.localScheduler)],
      fake: `${n.fakeScheduler}()`,
      fakeImport: p.fakes,
    },
  ];
  if (withPush(ctx)) {
    decls.push({
      field: `${n.field}Push`,
      type: n.push,
      typeImport: libRelative(p.push),
      create: `${n.firebasePush}()`,
      createImports: [libRelative(p.firebasePush)],
      fake: `${n.fakePush}()`,
      fakeImport: p.fakes,
    });
  }
  return decls;
}

export const notificationsArchetype: ArchetypeTemplate = {
  id: 'notifications',
  dependencies: (ctx) =>
    withPush(ctx)
      ? packages('flutter_local_notifications', 'timezone', 'shared_preferences', 'firebase_messaging')
      : packages('flutter_local_notifications', 'timezone', 'shared_preferences'),
  files,
  screenBuilder(ctx) {
    const n = names(ctx);
    const push = withPush(ctx) ? `, push: services.${n.field}Push` : '';
    return `${n.screen}(prefs: services.prefs, scheduler: services.${n.field}Scheduler${push})`;
  },
  services,
  readme: (ctx) => notificationsReadme(ctx, withPush(ctx) ? NOTIFICATIONS_PUSH_TOPIC : undefined),
  summary: (ctx) =>
    `${singleLine(ctx.feature.names.label)}: reminders with a date and time, kept on the device and delivered as local notifications${
      withPush(ctx) ? ', plus push messages through Firebase Cloud Messaging' : ''
    }.`,
};
