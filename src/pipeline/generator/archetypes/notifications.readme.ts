/**
 * README setup steps of the reminders feature: what flutter_local_notifications
 * 17.x needs in the native projects (from the plugin's README at that
 * version), and the push-message steps when the backend is Firebase.
 */
import { singleLine } from '../dart-string';
import type { FeatureContext } from './archetype';

function fence(language: string, code: string): string {
  return `\`\`\`${language}\n${code}\n\`\`\``;
}

const ANDROID_PERMISSIONS = `<uses-permission android:name="android.permission.POST_NOTIFICATIONS"/>
<uses-permission android:name="android.permission.RECEIVE_BOOT_COMPLETED"/>`;

const ANDROID_RECEIVERS = `<receiver android:exported="false" android:name="com.dexterous.flutterlocalnotifications.ScheduledNotificationReceiver" />
<receiver android:exported="false" android:name="com.dexterous.flutterlocalnotifications.ScheduledNotificationBootReceiver">
    <intent-filter>
        <action android:name="android.intent.action.BOOT_COMPLETED"/>
        <action android:name="android.intent.action.MY_PACKAGE_REPLACED"/>
        <action android:name="android.intent.action.QUICKBOOT_POWERON" />
        <action android:name="com.htc.intent.action.QUICKBOOT_POWERON"/>
    </intent-filter>
</receiver>`;

const GRADLE_KTS = `android {
    compileSdk = 34 // or higher
    compileOptions {
        isCoreLibraryDesugaringEnabled = true
    }
}

dependencies {
    coreLibraryDesugaring("com.android.tools:desugar_jdk_libs:1.2.2") // or newer
}`;

const APP_DELEGATE = `if #available(iOS 10.0, *) {
  UNUserNotificationCenter.current().delegate = self as? UNUserNotificationCenterDelegate
}`;

/** `pushTopic`: the FCM topic the push card subscribes to, or undefined without push messages. */
export function notificationsReadme(ctx: FeatureContext, pushTopic: string | undefined): string {
  const label = singleLine(ctx.feature.names.label);
  const lines = [
    `**${label}** schedules local notifications with \`flutter_local_notifications\` (17.x) and \`timezone\`. Reminders are kept on the device; the notification permission is asked when the first reminder is added.`,
    '',
    '**Android** (`android/app/src/main/AndroidManifest.xml`, after `flutter create .`):',
    '',
    '- Inside `<manifest>`: `POST_NOTIFICATIONS` is the runtime permission Android 13 (API 33) and later ask the user for (the plugin declares it too; listing it keeps the manifest explicit), `RECEIVE_BOOT_COMPLETED` lets the plugin reschedule reminders after a reboot:',
    '',
    fence('xml', ANDROID_PERMISSIONS),
    '',
    '- Inside `<application>`: the receivers that show scheduled notifications and restore them after a reboot or an app update:',
    '',
    fence('xml', ANDROID_RECEIVERS),
    '',
    '- `SCHEDULE_EXACT_ALARM` / `USE_EXACT_ALARM` are **not** needed: reminders use `AndroidScheduleMode.inexactAllowWhileIdle`, so Android may deliver them a few minutes late to save battery. Switch to an exact mode only together with one of those permissions.',
    '- The plugin needs core library desugaring and `compileSdk` 34 or higher. In `android/app/build.gradle.kts` (or the same settings in Groovy in `build.gradle`):',
    '',
    fence('kotlin', GRADLE_KTS),
    '',
    '- The notification icon is the launcher icon (`@mipmap/ic_launcher`). For release builds that shrink resources, keep it with a `res/raw/keep.xml` (`tools:keep="@mipmap/ic_launcher"`), or switch to a monochrome drawable in `AndroidInitializationSettings`.',
    '',
    '**iOS / macOS**: the app asks for alert, badge and sound permission when the first reminder is added (not at launch). To show reminders while the app is open, add this to `application(_:didFinishLaunchingWithOptions:)` in `ios/Runner/AppDelegate.swift`:',
    '',
    fence('swift', APP_DELEGATE),
    '',
    'Web, Windows and Linux keep the reminders but show no notifications.',
  ];
  if (pushTopic !== undefined) {
    lines.push(
      '',
      `**Push messages** (\`firebase_messaging\`): the switch at the top of ${label} asks for permission and subscribes the device to the \`${pushTopic}\` topic (switching it off unsubscribes; the choice is kept on the device). Firebase must be configured (\`flutterfire configure\`, see the backend section). Then:`,
      '',
      '- iOS: in Xcode enable the *Push Notifications* capability and *Background Modes → Remote notifications*, and upload an APNs authentication key in the Firebase console (Project settings → Cloud Messaging).',
      '- Android: nothing more than the `POST_NOTIFICATIONS` permission above.',
      '- While the app is open the system shows no notification for a push message; the app shows it itself (a banner through flutter_local_notifications on Android, the foreground presentation options on iOS/macOS). The web shows none while the page has focus.',
      `- Send a test message from the Firebase console (Messaging → New campaign → Notifications) to the topic \`${pushTopic}\`. To reach one device instead, read its token with \`FirebaseMessaging.instance.getToken()\` (the app does not show it to users).`,
    );
  }
  return lines.join('\n');
}
