/**
 * The checkout's own strings about the order it saves after a payment, in
 * every language the planner can pick. Kept apart from `ui-text.ts` because
 * only the checkout's receipt shows them.
 */
import type { AppLocale } from '../plan/app-language';

export interface CheckoutText {
  /** Under the receipt: where the paid order now is (`{orders}`: the orders screen's title). */
  orderSaved: string;
  /** Under the receipt when saving failed: the money was taken, so the reference matters. */
  orderNotSaved: string;
}

const CHECKOUT_TEXT: Readonly<Record<AppLocale, CheckoutText>> = {
  en: {
    orderSaved: 'Your order is saved in {orders}.',
    orderNotSaved: 'Paid, but the order could not be saved: {error}. Keep the payment reference.',
  },
  vi: {
    orderSaved: 'Đơn hàng đã được lưu trong {orders}.',
    orderNotSaved: 'Đã thanh toán nhưng không lưu được đơn hàng: {error}. Hãy giữ lại mã thanh toán.',
  },
  es: {
    orderSaved: 'Tu pedido está guardado en {orders}.',
    orderNotSaved: 'Pagado, pero no se pudo guardar el pedido: {error}. Guarda la referencia del pago.',
  },
  pt: {
    orderSaved: 'Seu pedido foi salvo em {orders}.',
    orderNotSaved: 'Pago, mas não foi possível salvar o pedido: {error}. Guarde a referência do pagamento.',
  },
  fr: {
    orderSaved: 'Votre commande est enregistrée dans {orders}.',
    orderNotSaved:
      'Paiement effectué, mais la commande n’a pas pu être enregistrée : {error}. Conservez la référence du paiement.',
  },
  de: {
    orderSaved: 'Ihre Bestellung ist unter {orders} gespeichert.',
    orderNotSaved:
      'Bezahlt, aber die Bestellung konnte nicht gespeichert werden: {error}. Bewahren Sie die Zahlungsreferenz auf.',
  },
  it: {
    orderSaved: 'Il tuo ordine è salvato in {orders}.',
    orderNotSaved: 'Pagato, ma non è stato possibile salvare l’ordine: {error}. Conserva il riferimento del pagamento.',
  },
  id: {
    orderSaved: 'Pesanan Anda tersimpan di {orders}.',
    orderNotSaved: 'Sudah dibayar, tetapi pesanan tidak dapat disimpan: {error}. Simpan referensi pembayarannya.',
  },
  zh: {
    orderSaved: '订单已保存到“{orders}”。',
    orderNotSaved: '已付款，但订单未能保存：{error}。请保留支付单号。',
  },
  ja: {
    orderSaved: 'ご注文は「{orders}」に保存されました。',
    orderNotSaved: 'お支払いは完了しましたが、注文を保存できませんでした: {error}。決済番号を控えてください。',
  },
};

/** The checkout's order strings in the app's language. */
export function checkoutText(plan: { locale: AppLocale }): CheckoutText {
  return CHECKOUT_TEXT[plan.locale];
}
