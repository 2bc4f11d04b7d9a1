import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { maskSecret, renderSecurityReport, scanProject } from './security-scanner';
import type { SecurityFinding } from './security.types';

const tempDirs: string[] = [];

async function writeProject(files: Record<string, string | Buffer>): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'security-scan-'));
  tempDirs.push(dir);
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, ...rel.split('/'));
    await fs.mkdir(path.dirname(abs), { recursive: true });
    await fs.writeFile(abs, content);
  }
  return dir;
}

async function scan(files: Record<string, string | Buffer>) {
  return scanProject(await writeProject(files));
}

function pick(
  findings: readonly SecurityFinding[],
): Array<Pick<SecurityFinding, 'rule' | 'file' | 'line' | 'severity'>> {
  return findings.map(({ rule, file, line, severity }) => ({ rule, file, line, severity }));
}

afterEach(async () => {
  await Promise.all(tempDirs.splice(0).map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

const MANIFEST_OK = `<manifest xmlns:android="http://schemas.android.com/apk/res/android">
    <application android:label="demo" android:icon="@mipmap/ic_launcher">
    </application>
</manifest>
`;

const PLIST_OK = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0"><dict><key>CFBundleName</key><string>demo</string></dict></plist>
`;

describe('scanProject', () => {
  it('passes a clean project (namespaces, DTDs, local URLs and env lookups are fine)', async () => {
    const result = await scan({
      'pubspec.yaml': 'name: demo_app\n',
      'lib/main.dart': `import 'package:flutter/material.dart';
const apiBase = 'http://10.0.2.2:8080/api';
const devBase = 'http://localhost:3000';
const apiKey = String.fromEnvironment('API_KEY');
const passwordHint = 'Enter your password here';
void main() => runApp(const MaterialApp(debugShowCheckedModeBanner: false, home: Text('https://example.com')));
`,
      'android/app/src/main/AndroidManifest.xml': MANIFEST_OK,
      'ios/Runner/Info.plist': PLIST_OK,
      'assets/logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
      'data/blob.bin': Buffer.from([1, 2, 0, 3]),
    });
    expect(result.findings).toEqual([]);
    expect(result).toMatchObject({ files_scanned: 4, blockers: 0, passed: true });
  });

  it('flags an AWS access key id and masks it', async () => {
    const result = await scan({ 'lib/aws.dart': "const k = 'AKIAIOSFODNN7EXAMPLE';\n" });
    expect(pick(result.findings)).toEqual([
      { rule: 'secret_aws_key', file: 'lib/aws.dart', line: 1, severity: 'blocker' },
    ]);
    expect(result.findings[0].message).toContain('AKIA********');
    expect(result.findings[0].message).not.toContain('IOSFODNN7EXAMPLE');
    expect(result.passed).toBe(false);
  });

  it('flags a PEM private key without echoing key material', async () => {
    const result = await scan({
      'keys/server.pem': 'x\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7\n-----END RSA PRIVATE KEY-----\n',
    });
    expect(pick(result.findings)).toEqual([
      { rule: 'secret_private_key', file: 'keys/server.pem', line: 2, severity: 'blocker' },
    ]);
    expect(result.findings[0].message).not.toContain('MIIE');
  });

  it('flags sk- style API keys', async () => {
    const key = 'sk-proj-abcdefghijklmnopqrstuvwxyz123456';
    const result = await scan({ 'lib/ai.dart': `final client = OpenAI(key: '${key}');\n` });
    expect(pick(result.findings)).toEqual([
      { rule: 'secret_api_key', file: 'lib/ai.dart', line: 1, severity: 'blocker' },
    ]);
    expect(result.findings[0].message).toContain('sk-p********');
    expect(result.findings[0].message).not.toContain(key);
  });

  it('flags generic credential assignments in code, JSON and .env files, not placeholders', async () => {
    const result = await scan({
      'lib/config.dart': "const String apiKey = 'a1b2c3d4e5f6g7h8';\nconst token = 'YOUR_TOKEN_HERE_1234';\n",
      'assets/config.json': '{\n  "client_secret": "Zx9Qw8Er7Ty6Ui5Op4"\n}\n',
      '.env': 'DB_PASSWORD=hunter2hunter2hunter2\nAPI_KEY=changeme\n',
    });
    expect(pick(result.findings)).toEqual([
      { rule: 'secret_assignment', file: '.env', line: 1, severity: 'blocker' },
      { rule: 'secret_assignment', file: 'assets/config.json', line: 2, severity: 'blocker' },
      { rule: 'secret_assignment', file: 'lib/config.dart', line: 1, severity: 'blocker' },
    ]);
    const messages = result.findings.map((f) => f.message).join('\n');
    expect(messages).toContain('"apiKey" (a1b2********)');
    for (const secret of ['a1b2c3d4e5f6g7h8', 'Zx9Qw8Er7Ty6Ui5Op4', 'hunter2hunter2hunter2'])
      expect(messages).not.toContain(secret);
  });

  it('reports a specific key once, not again as a generic assignment', async () => {
    const result = await scan({ 'lib/aws.dart': "const awsSecretToken = 'AKIAIOSFODNN7EXAMPLE';\n" });
    expect(result.findings.map((f) => f.rule)).toEqual(['secret_aws_key']);
  });

  it('grades cleartext URLs: Dart code blocker, Dart comment and other files warning', async () => {
    const result = await scan({
      'lib/api.dart':
        "// docs: http://docs.example.com/guide\nfinal uri = Uri.parse('http://user:pw@api.example.com/v1?token=abc');\n/// see http://old.example.com\n",
      'README.md': 'Server: http://demo.example.com\n',
    });
    expect(pick(result.findings)).toEqual([
      { rule: 'cleartext_http', file: 'README.md', line: 1, severity: 'warning' },
      { rule: 'cleartext_http', file: 'lib/api.dart', line: 1, severity: 'warning' },
      { rule: 'cleartext_http', file: 'lib/api.dart', line: 2, severity: 'blocker' },
      { rule: 'cleartext_http', file: 'lib/api.dart', line: 3, severity: 'warning' },
    ]);
    const code = result.findings[2].message;
    expect(code).toContain('http://api.example.com in Dart code');
    expect(code).not.toContain('pw');
    expect(code).not.toContain('token');
  });

  it('flags debug flags with their severities, ignoring commented-out code', async () => {
    const result = await scan({
      'lib/main.dart': `import 'package:flutter/rendering.dart';
void main() {
  debugPaintSizeEnabled = true;
  // debugPaintSizeEnabled = true;
  runApp(const MaterialApp(debugShowCheckedModeBanner: true, home: SizedBox()));
}
`,
    });
    expect(pick(result.findings)).toEqual([
      { rule: 'debug_paint_size', file: 'lib/main.dart', line: 3, severity: 'warning' },
      { rule: 'debug_banner', file: 'lib/main.dart', line: 5, severity: 'info' },
    ]);
    expect(result.passed).toBe(true);
  });

  it('flags risky Android manifest and iOS ATS settings', async () => {
    const result = await scan({
      'android/app/src/main/AndroidManifest.xml': `<manifest xmlns:android="http://schemas.android.com/apk/res/android">
    <!-- android:debuggable="true" is only a comment here -->
    <application
        android:usesCleartextTraffic="true"
        android:debuggable="true">
    </application>
</manifest>
`,
      'ios/Runner/Info.plist': `<plist version="1.0"><dict>
  <key>NSAppTransportSecurity</key>
  <dict>
    <key>NSAllowsArbitraryLoads</key>
    <true/>
  </dict>
</dict></plist>
`,
      // Same text outside the platform files is not a platform setting.
      'docs/notes.txt': 'android:debuggable="true"\n',
    });
    expect(pick(result.findings)).toEqual([
      {
        rule: 'android_cleartext_traffic',
        file: 'android/app/src/main/AndroidManifest.xml',
        line: 4,
        severity: 'blocker',
      },
      { rule: 'android_debuggable', file: 'android/app/src/main/AndroidManifest.xml', line: 5, severity: 'blocker' },
      { rule: 'ios_arbitrary_loads', file: 'ios/Runner/Info.plist', line: 4, severity: 'blocker' },
    ]);
    expect(result.blockers).toBe(3);
  });

  it('skips tool output and hidden directories', async () => {
    const result = await scan({
      'build/app.dart': "const k = 'AKIAIOSFODNN7EXAMPLE';\n",
      '.dart_tool/x.dart': "const k = 'AKIAIOSFODNN7EXAMPLE';\n",
      '.git/config': 'password = "abcdef1234567890"\n',
      'lib/ok.dart': 'void f() {}\n',
    });
    expect(result).toMatchObject({ findings: [], files_scanned: 1 });
  });
});

/** A JWT with the given payload (the signature is not checked). */
function jwt(payload: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(payload)}.c2lnbmF0dXJlLXNpZ25hdHVyZQ`;
}

const FIREBASE_KEY = 'AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q';

describe('TLS verification', () => {
  it('flags a badCertificateCallback that accepts every certificate as a blocker', async () => {
    const result = await scan({
      'lib/net/http.dart': `import 'dart:io';
HttpClient a() => HttpClient()..badCertificateCallback = (cert, host, port) => true;
HttpClient b() {
  final client = HttpClient();
  client.badCertificateCallback = (X509Certificate c, String h, int p) { return true; };
  return client;
}
HttpClient c() => HttpClient()..badCertificateCallback = ((_, __, ___) => true);
bool _trustAll(X509Certificate cert, String host, int port) => true;
HttpClient d() => HttpClient()..badCertificateCallback = _trustAll;
Future<void> e() => SecureSocket.connect('h', 443, onBadCertificate: (_) => true);
`,
    });
    expect(pick(result.findings)).toEqual(
      [2, 5, 8, 10, 11].map((line) => ({
        rule: 'tls_verification_disabled',
        file: 'lib/net/http.dart',
        line,
        severity: 'blocker',
      })),
    );
    expect(result.findings[0].message).toMatch(/badCertificateCallback accepts every certificate/);
    expect(result.passed).toBe(false);
  });

  it('does not flag a callback that checks something, a comment, a string or a comparison', async () => {
    const result = await scan({
      'lib/net/http.dart': `import 'dart:io';
HttpClient a() => HttpClient()..badCertificateCallback = (cert, host, port) => host == 'localhost';
HttpClient b() => HttpClient()
  ..badCertificateCallback = (X509Certificate c, String h, int p) {
    if (kDebugMode && h == '10.0.2.2') return true;
    return false;
  };
// client.badCertificateCallback = (cert, host, port) => true;
const doc = 'badCertificateCallback = (a, b, c) => true';
bool isSet(HttpClient c) => c.badCertificateCallback == null;
HttpClient e() => HttpClient()..badCertificateCallback = null;
`,
    });
    expect(result.findings).toEqual([]);
  });

  it('accepting every certificate next to a real Dio validateCertificate (pinning) is a warning', async () => {
    const result = await scan({
      'lib/net/dio.dart': `final adapter = IOHttpClientAdapter(
  createHttpClient: () => HttpClient()..badCertificateCallback = (cert, host, port) => true,
  validateCertificate: (cert, host, port) => cert != null && sha256.convert(cert.der).toString() == pin,
);
`,
    });
    expect(pick(result.findings)).toEqual([
      { rule: 'tls_verification_disabled', file: 'lib/net/dio.dart', line: 2, severity: 'warning' },
    ]);
  });
});

describe('credentials in logs', () => {
  it('flags print/debugPrint/log/developer.log/logger calls that log a password, token, secret, API key or authorization', async () => {
    const result = await scan({
      'lib/auth/auth_service.dart': `import 'dart:developer' as developer;
void signIn(String email, String password, Map<String, String> headers) {
  print('login $email / $password');
  debugPrint('token: \${session.accessToken}');
  developer.log('secret=' + clientSecret);
  _logger.d('key \${config.apiKey}');
  log('auth', error: headers['Authorization']);
  Logger().w({'api_key': value});
}
`,
    });
    expect(pick(result.findings)).toEqual(
      [3, 4, 5, 6, 7, 8].map((line) => ({
        rule: 'sensitive_logging',
        file: 'lib/auth/auth_service.dart',
        line,
        severity: 'warning',
      })),
    );
    expect(result.findings[0].message).toContain('print(…) logs "password"');
    expect(result.findings[2].message).toContain('developer.log(…)');
    // Logging is reported, not a blocker: the phase still passes.
    expect(result.passed).toBe(true);
  });

  it('does not flag log text that only mentions a credential, flags about it, or non-logging calls', async () => {
    const result = await scan({
      'lib/auth/auth_screen.dart': `void f(String password, String token) {
  print('Password reset email sent to $email');
  debugPrint('obscure: $_obscurePassword, visible: $passwordVisible');
  log('token length \${token.length}, empty: \${password.isEmpty}');
  _logger.i('has token: \${token != null}');
  // print(password);
  catalog.add(password);
  save(token);
}
`,
    });
    expect(result.findings).toEqual([]);
  });
});

describe('keys that are public by design', () => {
  it('the Firebase apiKey in lib/firebase_options.dart is info, not a blocker', async () => {
    const result = await scan({
      'lib/firebase_options.dart': `class DefaultFirebaseOptions {
  static const FirebaseOptions android = FirebaseOptions(
    apiKey: '${FIREBASE_KEY}',
    appId: '1:123456789012:android:abc123def456',
    messagingSenderId: '123456789012',
    projectId: 'demo-app',
  );
}
`,
      // The same options written elsewhere are recognised by the FirebaseOptions call.
      'lib/bootstrap.dart': `final options = FirebaseOptions(apiKey: '${FIREBASE_KEY}', appId: 'x', messagingSenderId: 'y', projectId: 'z');
`,
    });
    expect(pick(result.findings)).toEqual([
      { rule: 'public_firebase_api_key', file: 'lib/bootstrap.dart', line: 1, severity: 'info' },
      { rule: 'public_firebase_api_key', file: 'lib/firebase_options.dart', line: 3, severity: 'info' },
    ]);
    expect(result.findings[0].message).toMatch(/public by design/);
    expect(result.findings[0].message).not.toContain(FIREBASE_KEY);
    expect(result.passed).toBe(true);
  });

  it('a Google API key outside Firebase options is still a blocker', async () => {
    const result = await scan({
      'lib/ai.dart': `final model = GenerativeModel(model: 'gemini-pro', apiKey: '${FIREBASE_KEY}');
`,
    });
    expect(pick(result.findings)).toEqual([
      { rule: 'secret_assignment', file: 'lib/ai.dart', line: 1, severity: 'blocker' },
    ]);
  });

  it('a Supabase anon key (JWT role anon, or named anon key) is info', async () => {
    const anon = jwt({ iss: 'supabase', ref: 'abcdefghijklmnop', role: 'anon', iat: 1700000000 });
    const result = await scan({
      'lib/main.dart': `Future<void> main() async {
  await Supabase.initialize(url: 'https://abcdefghijklmnop.supabase.co', anonKey: '${anon}');
}
`,
      'lib/config.dart': `const supabaseAnonKey = 'sb_publishable_a1B2c3D4e5F6g7H8';
const supabaseApiKey = '${anon}';
`,
      '.env': 'SUPABASE_ANON_KEY=sb_publishable_a1B2c3D4e5F6g7H8\n',
    });
    expect(pick(result.findings)).toEqual([
      { rule: 'public_supabase_anon_key', file: '.env', line: 1, severity: 'info' },
      { rule: 'public_supabase_anon_key', file: 'lib/config.dart', line: 1, severity: 'info' },
      { rule: 'public_supabase_anon_key', file: 'lib/config.dart', line: 2, severity: 'info' },
      { rule: 'public_supabase_anon_key', file: 'lib/main.dart', line: 2, severity: 'info' },
    ]);
    expect(result.findings.every((f) => /Row Level Security/.test(f.message))).toBe(true);
    expect(result.findings.map((f) => f.message).join('\n')).not.toContain(anon);
    expect(result.passed).toBe(true);
  });

  it('a service_role key is a blocker, even when named like an anon key', async () => {
    const service = jwt({ iss: 'supabase', ref: 'abcdefghijklmnop', role: 'service_role', iat: 1700000000 });
    const user = jwt({ sub: 'user-1', role: 'authenticated', iat: 1700000000 });
    const result = await scan({
      'lib/main.dart': `await Supabase.initialize(url: 'https://x.supabase.co', anonKey: '${service}');
const anonKey = '${user}';
`,
    });
    expect(pick(result.findings)).toEqual([
      { rule: 'secret_supabase_service_role', file: 'lib/main.dart', line: 1, severity: 'blocker' },
      { rule: 'secret_assignment', file: 'lib/main.dart', line: 2, severity: 'blocker' },
    ]);
    expect(result.blockers).toBe(2);
  });
});

describe('maskSecret', () => {
  it('keeps only the first 4 characters', () => {
    expect(maskSecret('AKIAIOSFODNN7EXAMPLE')).toBe('AKIA********');
    expect(maskSecret('abc')).toBe('****');
  });
});

describe('renderSecurityReport', () => {
  it('renders summary and findings', async () => {
    const result = await scan({
      'lib/aws.dart': "const k = 'AKIAIOSFODNN7EXAMPLE';\n",
      'README.md': 'see http://a.example.com|x\n',
    });
    const markdown = renderSecurityReport(result);
    expect(markdown).toContain('# Security report');
    expect(markdown).toContain('**FAILED**');
    expect(markdown).toContain('| Blockers | 1 |');
    expect(markdown).toContain('| Warnings | 1 |');
    expect(markdown).toContain('| blocker | secret_aws_key | lib/aws.dart | 1 |');
    expect(markdown).not.toContain('AKIAIOSFODNN7EXAMPLE');
  });

  it('says when there is nothing to report', async () => {
    const markdown = renderSecurityReport(await scan({ 'lib/ok.dart': 'void f() {}\n' }));
    expect(markdown).toContain('**PASSED**');
    expect(markdown).toContain('No findings.');
  });
});
