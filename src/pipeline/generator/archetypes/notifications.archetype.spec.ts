import { describe, expect, it } from 'vitest';
import { dartString } from '../dart-string';
import { PACKAGE_VERSIONS } from '../data/package-versions';
import { uiText } from '../ui-text';
import { notificationsArchetype as template } from './notifications.archetype';
import {
  BACKENDS,
  contextFor,
  expectSoundFeature,
  fileContent,
  hostile,
  appSpec,
} from './testing/archetype-spec-helpers';

const LABELS = [
  'Reminders',
  hostile('reminders'),
  'Recordatorios',
  'Nhắc nhở',
  'Benachrichtigungen',
  '提醒',
  'push alerts',
];

describe('notificationsArchetype', () => {
  for (const backend of BACKENDS) {
    for (const label of LABELS) {
      it(`writes a sound feature for ${JSON.stringify(label)} on ${backend}`, async () => {
        const ctx = contextFor(appSpec([label, 'Tasks'], { backend }), 'notifications');
        await expectSoundFeature(template, ctx);
      });
    }
  }

  it('schedules with flutter_local_notifications 17.x and the timezone package', () => {
    const ctx = contextFor(appSpec(['Reminders']), 'notifications');
    const files = template.files(ctx);
    const scheduler = files.find((file) => file.path.endsWith('_local_scheduler.dart'))?.content ?? '';
    expect(scheduler).toContain('FlutterLocalNotificationsPlugin()');
    expect(scheduler).toContain("AndroidInitializationSettings('@mipmap/ic_launcher')");
    expect(scheduler).toContain('DarwinInitializationSettings(');
    expect(scheduler).toContain('tz.initializeTimeZones();');
    expect(scheduler).toContain('.zonedSchedule(');
    expect(scheduler).toContain('tz.TZDateTime.from(item.at, tz.local)');
    expect(scheduler).toContain('androidScheduleMode: AndroidScheduleMode.inexactAllowWhileIdle');
    expect(scheduler).toContain('UILocalNotificationDateInterpretation.absoluteTime');
    expect(scheduler).toContain('.cancel(id)');
    expect(scheduler).toContain('requestNotificationsPermission()');
    // The notification's title is the app's name from AppInfo, not a copy of it.
    expect(scheduler).toContain("import '../../config/app_info.dart';");
    expect(scheduler).toMatch(/zonedSchedule\(\s+item\.id,\s+AppInfo\.name,\s+item\.title,/);
    expect(scheduler).toContain("AndroidNotificationDetails(\n      'reminders',");
    expect(template.dependencies(ctx)).toEqual({
      flutter_local_notifications: PACKAGE_VERSIONS.flutter_local_notifications,
      timezone: PACKAGE_VERSIONS.timezone,
      shared_preferences: PACKAGE_VERSIONS.shared_preferences,
    });
  });

  it('keeps reminders in shared_preferences and picks date and time with the Material pickers', () => {
    const ctx = contextFor(appSpec(['Reminders']), 'notifications');
    const files = template.files(ctx);
    const screen = fileContent(files, ctx.feature.paths.screen);
    expect(screen).toContain('showDatePicker(');
    expect(screen).toContain('showTimePicker(');
    expect(screen).toContain('TextFormField(');
    expect(screen).toContain('validator:');
    const store = files.find((file) => file.path.endsWith('_store.dart'))?.content ?? '';
    expect(store).toContain('jsonEncode(');
    expect(store).toContain('_prefs.setString(');
    expect(store).toContain("static const String storageKey = 'reminders';");
    // "Upcoming" lists only what is still to come.
    const controller = files.find((file) => file.path.endsWith('_controller.dart'))?.content ?? '';
    expect(controller).toContain('if (item.at.isAfter(now)) item,');
    expect(fileContent(files, ctx.feature.paths.test)).toContain(
      "testWidgets('lists only the reminders still to come'",
    );
    expect(template.screenBuilder(ctx)).toBe(
      `${ctx.feature.classes.screen}(prefs: services.prefs, scheduler: services.remindersScheduler)`,
    );
  });

  it('declares the scheduler as a service with a fake for tests', () => {
    const ctx = contextFor(appSpec(['Reminders']), 'notifications');
    const [decl, ...rest] = template.services?.(ctx) ?? [];
    expect(rest).toEqual([]);
    expect(decl).toMatchObject({
      field: 'remindersScheduler',
      type: 'RemindersScheduler',
      typeImport: 'features/reminders/reminders_scheduler.dart',
      create: 'await RemindersLocalScheduler.create()',
      createImports: ['features/reminders/reminders_local_scheduler.dart'],
      fake: 'RemindersFakeScheduler()',
      fakeImport: 'test/support/reminders_fakes.dart',
    });
  });

  it('adds Firebase Cloud Messaging behind an interface when the backend is firebase', () => {
    const ctx = contextFor(appSpec(['Reminders'], { backend: 'firebase' }), 'notifications');
    const files = template.files(ctx);
    const push = files.find((file) => file.path.endsWith('_firebase_push.dart'))?.content ?? '';
    expect(push).toContain('FirebaseMessaging.instance');
    expect(push).toContain('.requestPermission()');
    expect(push).toContain('.subscribeToTopic(topic)');
    expect(push).toContain('.unsubscribeFromTopic(topic)');
    expect(template.dependencies(ctx)).toHaveProperty('firebase_messaging', PACKAGE_VERSIONS.firebase_messaging);
    expect(template.services?.(ctx).map((decl) => decl.field)).toEqual(['remindersScheduler', 'remindersPush']);
    expect(template.screenBuilder(ctx)).toContain('push: services.remindersPush');
    const test = fileContent(files, ctx.feature.paths.test);
    expect(test).toContain("testWidgets('turns announcements on and off, and remembers the choice'");
    expect(test).toContain("testWidgets('leaves announcements off when notifications are not allowed'");
    expect(template.readme?.(ctx)).toContain('Push Notifications');

    // A message that arrives while the app is open is shown, not dropped (the system shows none then).
    expect(push).toContain('FirebaseMessaging.onMessage.listen(_showWhileOpen);');
    expect(push).toContain('await FlutterLocalNotificationsPlugin().show(');
    expect(push).toContain('.setForegroundNotificationPresentationOptions(');
    expect(template.readme?.(ctx)).toContain('While the app is open the system shows no notification');

    // A user sees an on/off switch, not developer output (token, topic, a button turning into "Refresh").
    const screen = fileContent(files, ctx.feature.paths.screen);
    const t = uiText(ctx.plan);
    expect(screen).toContain('SwitchListTile(');
    expect(screen).toContain(`title: const Text(${dartString(t.pushNotifications)}),`);
    for (const debug of ['token', 'SelectableText', dartString(t.refresh), 'Enable push']) {
      expect(screen).not.toContain(debug);
    }

    const local = contextFor(appSpec(['Reminders'], { backend: 'supabase' }), 'notifications');
    expect(template.files(local).some((file) => file.path.includes('push'))).toBe(false);
    expect(template.dependencies(local)).not.toHaveProperty('firebase_messaging');
  });

  it('tests adding through the form, the fake scheduler, and delete → cancel', () => {
    const ctx = contextFor(appSpec(['Reminders']), 'notifications');
    const test = fileContent(template.files(ctx), ctx.feature.paths.test);
    expect(test).toContain('RemindersFakeScheduler()');
    expect(test).toContain("tester.enterText(find.byType(TextFormField), 'Water the plants')");
    expect(test).toContain("find.text('OK')");
    expect(test).toContain('expect(scheduler.scheduled, hasLength(1));');
    expect(test).toContain("tester.tap(find.byTooltip('Delete reminder'))");
    expect(test).toContain('expect(scheduler.cancelled, [scheduler.scheduled.single.id]);');
    expect(test).toContain('SharedPreferences.setMockInitialValues({});');
  });

  it('explains a failing store and gives the Add button back', () => {
    const ctx = contextFor(appSpec(['Reminders']), 'notifications');
    const files = template.files(ctx);
    const screen = fileContent(files, ctx.feature.paths.screen);
    expect(screen).toContain('setState(() => _saving = true);\n    try {');
    expect(screen).toContain("if (mounted) _showMessage('Could not save: ${userMessage(error)}');");
    expect(screen).toContain('} finally {\n      if (mounted) setState(() => _saving = false);');
    expect(screen).toContain('onDelete: () => _remove(item),');
    expect(screen).toContain("if (mounted) _showMessage('Could not delete: ${userMessage(error)}');");
    // The list shown goes back to what is stored when saving fails.
    const controller = fileContent(files, ctx.feature.paths.screen.replace('_screen.dart', '_controller.dart'));
    expect(controller).toContain('await _saveOrUndo(previous);');
    expect(controller).toContain('_items = previous;\n      notifyListeners();\n      rethrow;');
  });

  it('explains the Android manifest entries and the iOS permission in the README', () => {
    const ctx = contextFor(appSpec(['Reminders']), 'notifications');
    const readme = template.readme?.(ctx) ?? '';
    expect(readme).toContain('android.permission.POST_NOTIFICATIONS');
    expect(readme).toContain('API 33');
    expect(readme).toContain('com.dexterous.flutterlocalnotifications.ScheduledNotificationReceiver');
    expect(readme).toContain('com.dexterous.flutterlocalnotifications.ScheduledNotificationBootReceiver');
    expect(readme).toContain('android.permission.RECEIVE_BOOT_COMPLETED');
    expect(readme).toMatch(/SCHEDULE_EXACT_ALARM.*not\*\* needed/);
    expect(readme).toContain('isCoreLibraryDesugaringEnabled');
    expect(readme).toContain('iOS');
  });

  it('escapes the label wherever it reaches Dart', () => {
    const label = hostile('reminders');
    const ctx = contextFor(appSpec([label]), 'notifications');
    const screen = fileContent(template.files(ctx), ctx.feature.paths.screen);
    expect(screen).toContain(`static const String title = ${dartString(label)};`);
    for (const file of template.files(ctx)) expect(file.content).not.toContain(label);
  });

  it('is deterministic', () => {
    const spec = appSpec(['Reminders'], { backend: 'firebase' });
    expect(template.files(contextFor(spec, 'notifications'))).toEqual(
      template.files(contextFor(spec, 'notifications')),
    );
  });
});
