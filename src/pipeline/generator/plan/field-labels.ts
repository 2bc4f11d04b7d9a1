/**
 * Field labels in the app's language, for the field names the domain table
 * (`domain-entities.ts`) uses most: a Vietnamese expense form says "Số tiền",
 * not "Amount". A field not listed keeps its English label. Each row: the
 * field name, then vi|es|pt|fr|de|it|id|zh|ja.
 */
import type { AppLocale } from './app-language';
import type { EntityPlan } from './app-plan';

const ORDER: readonly AppLocale[] = ['vi', 'es', 'pt', 'fr', 'de', 'it', 'id', 'zh', 'ja'];

const ROWS = `
title: Tiêu đề|Título|Título|Titre|Titel|Titolo|Judul|标题|タイトル
name: Tên|Nombre|Nome|Nom|Name|Nome|Nama|名称|名前
notes: Ghi chú|Notas|Notas|Notes|Notizen|Note|Catatan|备注|メモ
note: Ghi chú|Nota|Nota|Note|Notiz|Nota|Catatan|备注|メモ
date: Ngày|Fecha|Data|Date|Datum|Data|Tanggal|日期|日付
phone: Số điện thoại|Teléfono|Telefone|Téléphone|Telefon|Telefono|Telepon|电话|電話番号
description: Mô tả|Descripción|Descrição|Description|Beschreibung|Descrizione|Deskripsi|描述|説明
startDate: Ngày bắt đầu|Fecha de inicio|Data de início|Date de début|Startdatum|Data di inizio|Tanggal mulai|开始日期|開始日
endDate: Ngày kết thúc|Fecha de fin|Data de término|Date de fin|Enddatum|Data di fine|Tanggal selesai|结束日期|終了日
email: Email|Correo electrónico|E-mail|E-mail|E-Mail|Email|Email|邮箱|メールアドレス
amount: Số tiền|Importe|Valor|Montant|Betrag|Importo|Jumlah|金额|金額
rating: Đánh giá|Valoración|Avaliação|Note|Bewertung|Valutazione|Rating|评分|評価
minutes: Số phút|Minutos|Minutos|Minutes|Minuten|Minuti|Menit|分钟|分
location: Địa điểm|Ubicación|Local|Lieu|Ort|Luogo|Lokasi|地点|場所
dueDate: Hạn chót|Fecha límite|Prazo|Échéance|Fällig am|Scadenza|Jatuh tempo|截止日期|期日
deadline: Hạn chót|Fecha límite|Prazo|Date limite|Frist|Scadenza|Tenggat|截止日期|締め切り
category: Danh mục|Categoría|Categoria|Catégorie|Kategorie|Categoria|Kategori|类别|カテゴリ
body: Nội dung|Contenido|Conteúdo|Contenu|Text|Testo|Isi|内容|本文
birthday: Sinh nhật|Cumpleaños|Aniversário|Anniversaire|Geburtstag|Compleanno|Ulang tahun|生日|誕生日
quantity: Số lượng|Cantidad|Quantidade|Quantité|Menge|Quantità|Jumlah|数量|数量
priority: Độ ưu tiên|Prioridad|Prioridade|Priorité|Priorität|Priorità|Prioritas|优先级|優先度
price: Giá|Precio|Preço|Prix|Preis|Prezzo|Harga|价格|価格
done: Xong|Hecho|Concluído|Terminé|Erledigt|Fatto|Selesai|完成|完了
bought: Đã mua|Comprado|Comprado|Acheté|Gekauft|Comprato|Sudah dibeli|已购买|購入済み
packed: Đã xếp|Empacado|Embalado|Emballé|Eingepackt|Preparato|Sudah dikemas|已打包|荷造り済み
customer: Khách hàng|Cliente|Cliente|Client|Kunde|Cliente|Pelanggan|客户|顧客
customerName: Khách hàng|Cliente|Cliente|Client|Kunde|Cliente|Pelanggan|客户|顧客
address: Địa chỉ|Dirección|Endereço|Adresse|Adresse|Indirizzo|Alamat|地址|住所
total: Tổng|Total|Total|Total|Summe|Totale|Total|总计|合計
source: Nguồn|Fuente|Fonte|Source|Quelle|Fonte|Sumber|来源|収入源
paid: Thanh toán|Pagado|Pago|Payé|Bezahlt|Pagato|Lunas|付款|支払い
month: Tháng|Mes|Mês|Mois|Monat|Mese|Bulan|月份|月
limit: Hạn mức|Límite|Limite|Plafond|Limit|Limite|Batas|限额|上限
author: Tác giả|Autor|Autor|Auteur|Autor|Autore|Penulis|作者|著者
progress: Tiến độ|Progreso|Progresso|Progression|Fortschritt|Progresso|Progres|进度|進捗
caption: Chú thích|Descripción|Legenda|Légende|Bildunterschrift|Didascalia|Keterangan|说明|キャプション
takenAt: Ngày chụp|Fecha de la foto|Data da foto|Date de prise|Aufnahmedatum|Data dello scatto|Tanggal foto|拍摄日期|撮影日
isIncome: Thu nhập|Ingreso|Receita|Revenu|Einnahme|Entrata|Pemasukan|收入|収入
latitude: Vĩ độ|Latitud|Latitude|Latitude|Breitengrad|Latitudine|Lintang|纬度|緯度
longitude: Kinh độ|Longitud|Longitude|Longitude|Längengrad|Longitudine|Bujur|经度|経度
stock: Tồn kho|Existencias|Estoque|Stock|Lagerbestand|Scorte|Stok|库存|在庫
`;

const LABELS: ReadonlyMap<string, Readonly<Partial<Record<AppLocale, string>>>> = new Map(
  ROWS.trim()
    .split('\n')
    .map((row) => {
      const [name, labels] = row.split(': ');
      const parts = labels.split('|');
      return [name, Object.fromEntries(ORDER.map((locale, index) => [locale, parts[index]]))] as const;
    }),
);

/** The entity with its field labels in `locale` where the table has them. */
export function localizeEntity(entity: EntityPlan, locale: AppLocale): EntityPlan {
  if (locale === 'en') return entity;
  const fields = entity.fields.map((field) => ({ ...field, label: LABELS.get(field.name)?.[locale] ?? field.label }));
  return { ...entity, fields };
}
