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
}

const CHAT_TEXT: Readonly<Record<AppLocale, ChatText>> = {
  en: {
    topic: 'Topic (optional)',
    nameShownInChat: 'Shown on the chat messages you send',
    photosStayOnDevice: 'Photos are kept on this device only; they are not shared.',
  },
  vi: {
    topic: 'Chủ đề (không bắt buộc)',
    nameShownInChat: 'Hiển thị trên tin nhắn bạn gửi',
    photosStayOnDevice: 'Ảnh chỉ được lưu trên thiết bị này, không được chia sẻ.',
  },
  es: {
    topic: 'Tema (opcional)',
    nameShownInChat: 'Se muestra en los mensajes que envías',
    photosStayOnDevice: 'Las fotos se guardan solo en este dispositivo; no se comparten.',
  },
  pt: {
    topic: 'Tema (opcional)',
    nameShownInChat: 'Aparece nas mensagens que você envia',
    photosStayOnDevice: 'As fotos ficam apenas neste dispositivo; não são compartilhadas.',
  },
  fr: {
    topic: 'Sujet (facultatif)',
    nameShownInChat: 'Affiché sur les messages que vous envoyez',
    photosStayOnDevice: 'Les photos restent sur cet appareil ; elles ne sont pas partagées.',
  },
  de: {
    topic: 'Thema (optional)',
    nameShownInChat: 'Wird bei deinen Chat-Nachrichten angezeigt',
    photosStayOnDevice: 'Fotos bleiben nur auf diesem Gerät; sie werden nicht geteilt.',
  },
  it: {
    topic: 'Argomento (facoltativo)',
    nameShownInChat: 'Mostrato sui messaggi che invii',
    photosStayOnDevice: 'Le foto restano solo su questo dispositivo; non vengono condivise.',
  },
  id: {
    topic: 'Topik (opsional)',
    nameShownInChat: 'Ditampilkan pada pesan yang Anda kirim',
    photosStayOnDevice: 'Foto hanya disimpan di perangkat ini; tidak dibagikan.',
  },
  zh: {
    topic: '主题（可选）',
    nameShownInChat: '显示在你发送的消息上',
    photosStayOnDevice: '照片只保存在本设备上，不会共享。',
  },
  ja: {
    topic: 'トピック（任意）',
    nameShownInChat: '送信したメッセージに表示されます',
    photosStayOnDevice: '写真はこの端末にのみ保存され、共有されません。',
  },
};

export function chatText(plan: { locale: AppLocale }): ChatText {
  return CHAT_TEXT[plan.locale];
}
