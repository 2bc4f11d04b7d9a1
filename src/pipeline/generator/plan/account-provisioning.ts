/**
 * Whether an app's sign-in also lets people create an account. Most apps
 * with a sign-in are used by the public (owners register their pets, buyers
 * and sellers meet on a marketplace), so the sign-in screen offers "Create
 * account" unless the brief says the accounts are handed out: invite-only,
 * no sign-up, accounts an admin creates, or an app for the staff ("Employees
 * sign in to log their shifts"). A label that asks for sign-up ("Login and
 * register") outweighs the staff guess, not an explicit "no sign-up".
 * Phrases are folded like every label (`text-match.ts`), in the languages of
 * `APP_LOCALES`.
 */
import { REGISTRATION_WORDS } from './archetype-words';
import { mentionsAny, phraseLengthAt, tokens } from './text-match';

/** The brief says in so many words that nobody creates their own account. */
const NO_SIGN_UP_PHRASES: readonly string[] = [
  // en
  'no sign up',
  'no signup',
  'no registration',
  'no self registration',
  'no public registration',
  'without registration',
  'without sign up',
  'invite only',
  'invitation only',
  'by invitation',
  'by invite',
  'admin created',
  'accounts are created by',
  'accounts created by',
  'admin creates accounts',
  'admins create accounts',
  'admin creates the accounts',
  'provisioned accounts',
  'accounts are provisioned',
  // vi
  'khong dang ky',
  'khong can dang ky',
  'theo loi moi',
  // es
  'sin registro',
  'por invitacion',
  'solo con invitacion',
  'cuentas creadas por',
  // pt
  'sem cadastro',
  'sem registro',
  'por convite',
  'contas criadas por',
  // fr
  'sans inscription',
  'sur invitation',
  'comptes crees par',
  // de
  'ohne registrierung',
  'keine registrierung',
  'auf einladung',
  'per einladung',
  'konten werden vom',
  // it
  'senza registrazione',
  'su invito',
  'account creati da',
  // id
  'tanpa registrasi',
  'tanpa daftar',
  'dengan undangan',
  // zh, ja (matched inside the sentence)
  '无需注册',
  '邀请制',
  '仅限受邀',
  '管理员创建',
  '招待制',
  '登録不要',
  '管理者が作成',
];

/** The app is the staff's own: internal, or for the employees only. */
const STAFF_APP_PHRASES: readonly string[] = [
  // en
  'staff only',
  'employees only',
  'for employees',
  'for our employees',
  'for staff',
  'for our staff',
  'for the staff',
  'internal tool',
  'internal app',
  'internal use',
  // vi
  'danh cho nhan vien',
  'noi bo',
  // es
  'solo empleados',
  'solo para empleados',
  'solo personal',
  'para empleados',
  'uso interno',
  // pt
  'somente funcionarios',
  'apenas funcionarios',
  'para funcionarios',
  // fr
  'reserve au personnel',
  'reservee au personnel',
  'reserve aux employes',
  'reservee aux employes',
  'pour les employes',
  'usage interne',
  // de
  'nur fur mitarbeiter',
  'nur mitarbeiter',
  'fur mitarbeiter',
  'interne app',
  'internen gebrauch',
  // it
  'solo dipendenti',
  'solo per i dipendenti',
  'per i dipendenti',
  'solo personale',
  // id
  'khusus karyawan',
  'hanya karyawan',
  'untuk karyawan',
  'khusus staf',
  'penggunaan internal',
  // zh, ja
  '仅限员工',
  '员工专用',
  '内部使用',
  'スタッフ専用',
  '社員専用',
  '社内',
];

/** Who signs in to a staff app ("Employees sign in …", "Los empleados inician sesión …"). */
const STAFF_WORDS: readonly string[] = [
  'employee*',
  'staff',
  'staffers',
  'worker*',
  'technicians',
  'nhan vien',
  'empleados',
  'trabajadores',
  'funcionarios',
  'colaboradores',
  'employes',
  'salaries',
  'mitarbeiter*',
  'angestellte*',
  'dipendenti',
  'karyawan',
  'pegawai',
  'staf',
  '员工',
  '职员',
  '従業員',
  '社員',
  'スタッフ',
];

/** Signing in, as the verb after the staff word. */
const SIGN_IN_VERBS: readonly string[] = [
  'sign in',
  'signs in',
  'sign on',
  'log in',
  'logs in',
  'login',
  'log on',
  'dang nhap',
  'inician sesion',
  'inicia sesion',
  'acceden',
  'fazem login',
  'entram',
  'acessam',
  'se connectent',
  'melden sich',
  'loggen sich',
  'accedono',
  'masuk',
  '登录',
  'ログイン',
];

/** How many words may stand between the staff word and the verb ("employees can sign in"). */
const VERB_WINDOW = 3;

const CJK = /[\u3040-\u30ff\u3400-\u9fff]/;

/** A staff word followed, within a few words, by signing in; CJK sentences are one token, so both inside it. */
function staffSignIn(words: readonly string[]): boolean {
  for (let at = 0; at < words.length; at++) {
    for (const staff of STAFF_WORDS) {
      const length = phraseLengthAt(words, at, staff);
      if (!length) continue;
      if (CJK.test(staff)) {
        if (SIGN_IN_VERBS.some((verb) => CJK.test(verb) && words[at].includes(verb))) return true;
        continue;
      }
      const after = words.slice(at + length, at + length + VERB_WINDOW + 2);
      if (SIGN_IN_VERBS.some((verb) => after.some((_, k) => k <= VERB_WINDOW && phraseLengthAt(after, k, verb) > 0))) {
        return true;
      }
    }
  }
  return false;
}

/**
 * Whether the sign-in feature labelled `label` offers registration, in an app
 * described by `description`.
 */
export function offersRegistration(label: string, description: string): boolean {
  const labelWords = tokens(label);
  const all = tokens(`${label}\n${description}`);
  if (mentionsAny(all, NO_SIGN_UP_PHRASES)) return false;
  if (mentionsAny(labelWords, REGISTRATION_WORDS)) return true;
  return !(mentionsAny(all, STAFF_APP_PHRASES) || staffSignIn(all));
}
