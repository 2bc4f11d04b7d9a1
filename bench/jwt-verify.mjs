// Token check cost: the guard's JWT verification through passport-jwt with the secret as a KeyObject
// (what src/auth/jwt.strategy.ts does), next to @nestjs/jwt's verifyAsync (the hand-written guard it
// replaced) and passport-jwt given the secret as a string (jsonwebtoken then tries to parse it as a
// public key on every call). Interleaved rounds, median of 5. No build needed: `node bench/jwt-verify.mjs`.
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { createSecretKey } = require('node:crypto');
const { JwtService } = require('@nestjs/jwt');
const passport = require('passport');
const { Strategy } = require('passport-jwt');
const secret = 'bench-secret-0123456789abcdefghijklmnop';
const key = createSecretKey(Buffer.from(secret, 'utf8'));
const jwt = new JwtService({ secret: key, signOptions: { algorithm: 'HS256' } });
const token = jwt.sign({ team_id: 'a', role: 'viewer' }, { expiresIn: 3600 });
const extract = (r) => /^Bearer\s+(\S+)$/i.exec(r.headers.authorization)?.[1] ?? null;
passport.use(
  'jwt-key',
  new Strategy({ jwtFromRequest: extract, secretOrKey: key, algorithms: ['HS256'] }, (p, d) => d(null, p)),
);
passport.use(
  'jwt-str',
  new Strategy({ jwtFromRequest: extract, secretOrKey: secret, algorithms: ['HS256'] }, (p, d) => d(null, p)),
);
const viaPassport = (name) => () =>
  new Promise((resolve, reject) => {
    const req = { headers: { authorization: `Bearer ${token}` } };
    passport.authenticate(name, { session: false }, (err, user) =>
      err || !user ? reject(err ?? new Error('no user')) : resolve(user),
    )(req, {}, reject);
  });
const cases = {
  '@nestjs/jwt verifyAsync, KeyObject      ': () => jwt.verifyAsync(token, { algorithms: ['HS256'] }),
  'passport-jwt strategy, KeyObject (used)': viaPassport('jwt-key'),
  'passport-jwt strategy, string secret   ': viaPassport('jwt-str'),
};
const N = { default: 20000, slow: 1000 };
const totals = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (let round = 0; round < 5; round++) {
  for (const [name, fn] of Object.entries(cases)) {
    const n = name.includes('string') ? N.slow : N.default;
    for (let i = 0; i < 200; i++) await fn();
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) await fn();
    totals[name].push(Number(process.hrtime.bigint() - t0) / 1e3 / n);
  }
}
for (const [name, xs] of Object.entries(totals)) {
  xs.sort((a, b) => a - b);
  console.log(`${name}  median ${xs[2].toFixed(2)} µs  (min ${xs[0].toFixed(2)}, max ${xs[4].toFixed(2)})`);
}
