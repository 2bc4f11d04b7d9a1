/**
 * Strings of a chat with channels (and of the features that feed it: the
 * profile name it signs with, the camera that keeps photos on the device), in
 * every language the planner can pick. Kept apart from `ui-text.ts` so the
 * chat's wording lives next to the chat; same `{name}` gaps as there.
 */
import type { AppLocale } from './plan/app-language';

export interface ChatText {
  /** Label of a channel's optional topic in the "new channel" dialog. */
  topic: string;
  /** Under the profile's name field when the app has a chat. */
  nameShownInChat: string;
  /** Under the camera's grid: photos are not sent anywhere. */
  photosStayOnDevice: string;
  /** A channel's menu item and the title of its rename dialog. */
  renameChannel: string;
  /** Title of the dialog confirming a channel's deletion; `{name}` is the channel's. */
  deleteChannelQuestion: string;
  /** Body of that dialog: the channel's messages go with it. */
  deleteChannelWarning: string;
  /** A listing's detail action opening the chat with its seller. */
  messageSeller: string;
  /** The chat's conversation list while the user takes part in none. */
  noConversations: string;
}

const CHAT_TEXT: Readonly<Record<AppLocale, ChatText>> = {
  en: {
    topic: 'Topic (optional)',
    nameShownInChat: 'Shown on the chat messages you send',
    photosStayOnDevice: 'Photos are kept on this device only; they are not shared.',
    renameChannel: 'Rename',
    deleteChannelQuestion: 'Delete “{name}”?',
    deleteChannelWarning: 'Its messages will be gone for everyone. This cannot be undone.',
    messageSeller: 'Message the seller',
    noConversations: 'No conversations yet. Message a seller from their listing to start one.',
  },
  vi: {
    topic: 'Chủ đề (không bắt buộc)',
    nameShownInChat: 'Hiển thị trên tin nhắn bạn gửi',
    photosStayOnDevice: 'Ảnh chỉ được lưu trên thiết bị này, không được chia sẻ.',
    renameChannel: 'Đổi tên',
    deleteChannelQuestion: 'Xóa “{name}”?',
    deleteChannelWarning: 'Tin nhắn trong đó sẽ mất với mọi người. Không thể hoàn tác.',
    messageSeller: 'Nhắn người bán',
    noConversations: 'Chưa có cuộc trò chuyện nào. Hãy nhắn người bán từ tin đăng của họ.',
  },
  es: {
    topic: 'Tema (opcional)',
    nameShownInChat: 'Se muestra en los mensajes que envías',
    photosStayOnDevice: 'Las fotos se guardan solo en este dispositivo; no se comparten.',
    renameChannel: 'Renombrar',
    deleteChannelQuestion: '¿Eliminar «{name}»?',
    deleteChannelWarning: 'Sus mensajes desaparecerán para todos. No se puede deshacer.',
    messageSeller: 'Escribir al vendedor',
    noConversations: 'Aún no hay conversaciones. Escribe a un vendedor desde su anuncio para empezar una.',
  },
  pt: {
    topic: 'Tema (opcional)',
    nameShownInChat: 'Aparece nas mensagens que você envia',
    photosStayOnDevice: 'As fotos ficam apenas neste dispositivo; não são compartilhadas.',
    renameChannel: 'Renomear',
    deleteChannelQuestion: 'Excluir “{name}”?',
    deleteChannelWarning: 'As mensagens somem para todos. Não é possível desfazer.',
    messageSeller: 'Falar com o vendedor',
    noConversations: 'Ainda não há conversas. Fale com um vendedor pelo anúncio dele para começar.',
  },
  fr: {
    topic: 'Sujet (facultatif)',
    nameShownInChat: 'Affiché sur les messages que vous envoyez',
    photosStayOnDevice: 'Les photos restent sur cet appareil ; elles ne sont pas partagées.',
    renameChannel: 'Renommer',
    deleteChannelQuestion: 'Supprimer « {name} » ?',
    deleteChannelWarning: 'Ses messages disparaîtront pour tout le monde. Action irréversible.',
    messageSeller: 'Contacter le vendeur',
    noConversations:
      'Aucune conversation pour le moment. Contactez un vendeur depuis son annonce pour en commencer une.',
  },
  de: {
    topic: 'Thema (optional)',
    nameShownInChat: 'Wird bei deinen Chat-Nachrichten angezeigt',
    photosStayOnDevice: 'Fotos bleiben nur auf diesem Gerät; sie werden nicht geteilt.',
    renameChannel: 'Umbenennen',
    deleteChannelQuestion: '„{name}“ löschen?',
    deleteChannelWarning: 'Die Nachrichten darin sind dann für alle weg. Das lässt sich nicht rückgängig machen.',
    messageSeller: 'Verkäufer kontaktieren',
    noConversations: 'Noch keine Unterhaltungen. Schreib einem Verkäufer über seine Anzeige, um eine zu beginnen.',
  },
  it: {
    topic: 'Argomento (facoltativo)',
    nameShownInChat: 'Mostrato sui messaggi che invii',
    photosStayOnDevice: 'Le foto restano solo su questo dispositivo; non vengono condivise.',
    renameChannel: 'Rinomina',
    deleteChannelQuestion: 'Eliminare «{name}»?',
    deleteChannelWarning: "I suoi messaggi spariranno per tutti. L'operazione non si può annullare.",
    messageSeller: 'Scrivi al venditore',
    noConversations: 'Ancora nessuna conversazione. Scrivi a un venditore dal suo annuncio per iniziarne una.',
  },
  id: {
    topic: 'Topik (opsional)',
    nameShownInChat: 'Ditampilkan pada pesan yang Anda kirim',
    photosStayOnDevice: 'Foto hanya disimpan di perangkat ini; tidak dibagikan.',
    renameChannel: 'Ganti nama',
    deleteChannelQuestion: 'Hapus “{name}”?',
    deleteChannelWarning: 'Pesan di dalamnya akan hilang untuk semua orang. Tindakan ini tidak bisa dibatalkan.',
    messageSeller: 'Kirim pesan ke penjual',
    noConversations: 'Belum ada percakapan. Kirim pesan ke penjual dari iklannya untuk memulai.',
  },
  zh: {
    topic: '主题（可选）',
    nameShownInChat: '显示在你发送的消息上',
    photosStayOnDevice: '照片只保存在本设备上，不会共享。',
    renameChannel: '重命名',
    deleteChannelQuestion: '删除“{name}”？',
    deleteChannelWarning: '其中的消息将对所有人消失，且无法撤销。',
    messageSeller: '联系卖家',
    noConversations: '还没有对话。在商品页联系卖家即可开始。',
  },
  ja: {
    topic: 'トピック（任意）',
    nameShownInChat: '送信したメッセージに表示されます',
    photosStayOnDevice: '写真はこの端末にのみ保存され、共有されません。',
    renameChannel: '名前を変更',
    deleteChannelQuestion: '「{name}」を削除しますか？',
    deleteChannelWarning: 'その中のメッセージは全員から見えなくなります。元に戻せません。',
    messageSeller: '出品者にメッセージ',
    noConversations: 'まだ会話はありません。出品ページから出品者にメッセージを送って始めましょう。',
  },
};

export function chatText(plan: { locale: AppLocale }): ChatText {
  return CHAT_TEXT[plan.locale];
}
