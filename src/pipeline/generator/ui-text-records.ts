/**
 * The strings of a record list's lines (a labelled number under a title, the
 * sum of a field that is itself a total, units of measured fields), in every
 * language the planner can pick. Kept apart from `ui-text.ts` because only the
 * entity screens use them. Units are the short forms the language writes after
 * a number; metric symbols (km, kg, kcal) read the same everywhere.
 */
import type { AppLocale } from './plan/app-language';

export interface RecordText {
  /** A number with its field's label, e.g. "Stock: 5". */
  labelValue: string;
  /** The sum of a field that is itself a total (an order's total): "Total: $120.00", not "Total total:". */
  grandTotal: string;
  /** `{value}` followed by the unit, for fields whose name says minutes, hours or seconds. */
  minutes: string;
  hours: string;
  seconds: string;
  /** Why a load, save or delete failed, for the user (`userMessage` in lib/core/user_message.dart): the device is offline or the server unreachable, */
  errorOffline: string;
  /** the backend refused (no permission, signed out), */
  errorNotAllowed: string;
  /** the record is gone (deleted elsewhere), */
  errorNotFound: string;
  /** other records still point at it (a refused delete: foreign key, 409, CONFLICT), */
  errorInUse: string;
  /** or anything else; the details go to the debug log. */
  errorOther: string;
  /** A filter chip that matches none of the records. */
  noMatches: string;
  /** A shared record the signed-in user created (a listing they posted), in its list line and detail. */
  postedByYou: string;
  /** A booking someone else made with the signed-in user (a walker's, a dentist's), in its list line and detail. */
  bookedWithYou: string;
}

const RECORD_TEXT: Readonly<Record<AppLocale, RecordText>> = {
  en: {
    labelValue: '{label}: {value}',
    grandTotal: 'Total: ',
    minutes: '{value} min',
    hours: '{value} h',
    seconds: '{value} s',
    errorOffline: 'No connection to the server. Check your internet connection.',
    errorNotAllowed: 'You are not allowed to do this.',
    errorNotFound: 'It no longer exists; it may have been deleted.',
    errorInUse: 'Other records still refer to this. Change or delete them first.',
    errorOther: 'Something went wrong. Please try again.',
    noMatches: 'Nothing matches this filter.',
    postedByYou: 'Posted by you',
    bookedWithYou: 'Booked with you',
  },
  vi: {
    labelValue: '{label}: {value}',
    grandTotal: 'Tổng: ',
    minutes: '{value} phút',
    hours: '{value} giờ',
    seconds: '{value} giây',
    errorOffline: 'Không kết nối được với máy chủ. Hãy kiểm tra kết nối mạng.',
    errorNotAllowed: 'Bạn không có quyền thực hiện thao tác này.',
    errorNotFound: 'Mục này không còn tồn tại; có thể đã bị xóa.',
    errorInUse: 'Vẫn còn mục khác liên kết tới mục này. Hãy sửa hoặc xóa chúng trước.',
    errorOther: 'Đã xảy ra lỗi. Vui lòng thử lại.',
    noMatches: 'Không có mục nào khớp với bộ lọc này.',
    postedByYou: 'Do bạn đăng',
    bookedWithYou: 'Được đặt với bạn',
  },
  es: {
    labelValue: '{label}: {value}',
    grandTotal: 'Total: ',
    minutes: '{value} min',
    hours: '{value} h',
    seconds: '{value} s',
    errorOffline: 'No hay conexión con el servidor. Revisa tu conexión a internet.',
    errorNotAllowed: 'No tienes permiso para hacer esto.',
    errorNotFound: 'Ya no existe; puede que se haya eliminado.',
    errorInUse: 'Otros registros todavía hacen referencia a este. Cámbialos o elimínalos primero.',
    errorOther: 'Algo salió mal. Inténtalo de nuevo.',
    noMatches: 'Nada coincide con este filtro.',
    postedByYou: 'Publicado por ti',
    bookedWithYou: 'Reservado contigo',
  },
  pt: {
    labelValue: '{label}: {value}',
    grandTotal: 'Total: ',
    minutes: '{value} min',
    hours: '{value} h',
    seconds: '{value} s',
    errorOffline: 'Sem conexão com o servidor. Verifique sua conexão com a internet.',
    errorNotAllowed: 'Você não tem permissão para fazer isso.',
    errorNotFound: 'Isso não existe mais; pode ter sido excluído.',
    errorInUse: 'Outros registros ainda fazem referência a este. Altere-os ou exclua-os primeiro.',
    errorOther: 'Algo deu errado. Tente novamente.',
    noMatches: 'Nada corresponde a este filtro.',
    postedByYou: 'Publicado por você',
    bookedWithYou: 'Agendado com você',
  },
  fr: {
    labelValue: '{label} : {value}',
    grandTotal: 'Total : ',
    minutes: '{value} min',
    hours: '{value} h',
    seconds: '{value} s',
    errorOffline: 'Pas de connexion au serveur. Vérifiez votre connexion internet.',
    errorNotAllowed: "Vous n'avez pas l'autorisation de faire cela.",
    errorNotFound: "Cet élément n'existe plus ; il a peut-être été supprimé.",
    errorInUse: "D'autres éléments y font encore référence. Modifiez-les ou supprimez-les d'abord.",
    errorOther: "Une erreur s'est produite. Veuillez réessayer.",
    noMatches: 'Aucun élément ne correspond à ce filtre.',
    postedByYou: 'Publié par vous',
    bookedWithYou: 'Réservé avec vous',
  },
  de: {
    labelValue: '{label}: {value}',
    grandTotal: 'Summe: ',
    minutes: '{value} Min.',
    hours: '{value} Std.',
    seconds: '{value} Sek.',
    errorOffline: 'Keine Verbindung zum Server. Prüfe deine Internetverbindung.',
    errorNotAllowed: 'Dazu fehlt dir die Berechtigung.',
    errorNotFound: 'Der Eintrag existiert nicht mehr; er wurde vielleicht gelöscht.',
    errorInUse: 'Andere Einträge verweisen noch darauf. Ändere oder lösche sie zuerst.',
    errorOther: 'Etwas ist schiefgelaufen. Bitte versuche es erneut.',
    noMatches: 'Nichts passt zu diesem Filter.',
    postedByYou: 'Von dir veröffentlicht',
    bookedWithYou: 'Bei dir gebucht',
  },
  it: {
    labelValue: '{label}: {value}',
    grandTotal: 'Totale: ',
    minutes: '{value} min',
    hours: '{value} h',
    seconds: '{value} s',
    errorOffline: 'Nessuna connessione al server. Controlla la connessione a internet.',
    errorNotAllowed: 'Non hai il permesso di farlo.',
    errorNotFound: "L'elemento non esiste più; forse è stato eliminato.",
    errorInUse: 'Altri elementi fanno ancora riferimento a questo. Modificali o eliminali prima.',
    errorOther: 'Qualcosa è andato storto. Riprova.',
    noMatches: 'Nessun elemento corrisponde a questo filtro.',
    postedByYou: 'Pubblicato da te',
    bookedWithYou: 'Prenotato con te',
  },
  id: {
    labelValue: '{label}: {value}',
    grandTotal: 'Total: ',
    minutes: '{value} mnt',
    hours: '{value} jam',
    seconds: '{value} dtk',
    errorOffline: 'Tidak ada koneksi ke server. Periksa koneksi internet Anda.',
    errorNotAllowed: 'Anda tidak memiliki izin untuk melakukan ini.',
    errorNotFound: 'Item ini sudah tidak ada; mungkin sudah dihapus.',
    errorInUse: 'Item lain masih merujuk ke item ini. Ubah atau hapus item tersebut terlebih dahulu.',
    errorOther: 'Terjadi kesalahan. Silakan coba lagi.',
    noMatches: 'Tidak ada yang cocok dengan filter ini.',
    postedByYou: 'Diposting oleh Anda',
    bookedWithYou: 'Dipesan dengan Anda',
  },
  zh: {
    labelValue: '{label}：{value}',
    grandTotal: '合计：',
    minutes: '{value}分钟',
    hours: '{value}小时',
    seconds: '{value}秒',
    errorOffline: '无法连接服务器，请检查网络连接。',
    errorNotAllowed: '你没有执行此操作的权限。',
    errorNotFound: '该条目已不存在，可能已被删除。',
    errorInUse: '仍有其他条目引用此条目。请先修改或删除它们。',
    errorOther: '出了点问题，请重试。',
    noMatches: '没有符合此筛选条件的条目。',
    postedByYou: '由你发布',
    bookedWithYou: '与你的预约',
  },
  ja: {
    labelValue: '{label}：{value}',
    grandTotal: '合計：',
    minutes: '{value}分',
    hours: '{value}時間',
    seconds: '{value}秒',
    errorOffline: 'サーバーに接続できません。インターネット接続を確認してください。',
    errorNotAllowed: 'この操作を行う権限がありません。',
    errorNotFound: 'この項目はもう存在しません。削除された可能性があります。',
    errorInUse: '他の項目がまだこの項目を参照しています。先にそれらを変更または削除してください。',
    errorOther: '問題が発生しました。もう一度お試しください。',
    noMatches: 'このフィルターに一致する項目はありません。',
    postedByYou: 'あなたの投稿',
    bookedWithYou: 'あなたへの予約',
  },
};

export function recordText(plan: { locale: AppLocale }): RecordText {
  return RECORD_TEXT[plan.locale];
}
