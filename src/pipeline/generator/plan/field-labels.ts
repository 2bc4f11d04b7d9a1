/**
 * Field labels in the app's language, for the field names the domain table
 * (`domain-entities.ts`) uses most: a Vietnamese expense form says "Số tiền",
 * not "Amount". A field not listed keeps its English label. Each row: the
 * field name, then vi|es|pt|fr|de|it|id|zh|ja. Every field name of the domain table has a row
 * (`field-labels.spec.ts` checks it).
 */
import type { AppLocale } from './app-language';
import type { EntityField, EntityPlan } from './app-plan';
import { DOMAIN_ENTITIES, rowFieldLabel } from './domain-entities';

const ORDER: readonly AppLocale[] = ['vi', 'es', 'pt', 'fr', 'de', 'it', 'id', 'zh', 'ja'];

const ROWS = `
title: Tiêu đề|Título|Título|Titre|Titel|Titolo|Judul|标题|タイトル
name: Tên|Nombre|Nome|Nom|Name|Nome|Nama|名称|名前
notes: Ghi chú|Notas|Notas|Notes|Notizen|Note|Catatan|备注|メモ
note: Ghi chú|Nota|Nota|Note|Notiz|Nota|Catatan|备注|メモ
date: Ngày|Fecha|Data|Date|Datum|Data|Tanggal|日期|日付
front: Mặt trước|Anverso|Frente|Recto|Vorderseite|Fronte|Depan|正面|表面
back: Mặt sau|Reverso|Verso|Verso|Rückseite|Retro|Belakang|背面|裏面
deck: Bộ thẻ|Mazo|Baralho|Paquet|Stapel|Mazzo|Dek|卡组|デッキ
due: Ôn lại vào|Próximo repaso|Próxima revisão|Prochaine révision|Fällig am|Prossimo ripasso|Diulang pada|下次复习|次回復習日
intervalDays: Khoảng cách (ngày)|Intervalo (días)|Intervalo (dias)|Intervalle (jours)|Intervall (Tage)|Intervallo (giorni)|Interval (hari)|间隔(天)|間隔(日)
ease: Độ dễ|Facilidad|Facilidade|Facilité|Leichtigkeit|Facilità|Kemudahan|难易系数|易しさ
repetitions: Số lần ôn|Repasos|Revisões|Révisions|Wiederholungen|Ripassi|Pengulangan|复习次数|復習回数
dateTime: Ngày giờ|Fecha y hora|Data e hora|Date et heure|Datum und Uhrzeit|Data e ora|Tanggal & waktu|日期时间|日時
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
method: Phương thức|Método de pago|Forma de pagamento|Moyen de paiement|Zahlungsart|Metodo di pagamento|Metode pembayaran|支付方式|支払い方法
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
company: Công ty|Empresa|Empresa|Entreprise|Firma|Azienda|Perusahaan|公司|会社
service: Dịch vụ|Servicio|Serviço|Prestation|Leistung|Servizio|Layanan|服务|サービス
assignee: Người phụ trách|Responsable|Responsável|Responsable|Zuständig|Assegnatario|Penanggung jawab|负责人|担当者
ingredients: Nguyên liệu|Ingredientes|Ingredientes|Ingrédients|Zutaten|Ingredienti|Bahan|食材|材料
steps: Các bước|Pasos|Passos|Étapes|Schritte|Passaggi|Langkah|步骤|手順
servings: Khẩu phần|Raciones|Porções|Portions|Portionen|Porzioni|Porsi|份数|人数
orderDate: Ngày đặt|Fecha del pedido|Data do pedido|Date de commande|Bestelldatum|Data dell'ordine|Tanggal pesanan|下单日期|注文日
delivered: Đã giao|Entregado|Entregue|Livré|Geliefert|Consegnato|Terkirim|已送达|配達済み
role: Vai trò|Puesto|Cargo|Poste|Rolle|Ruolo|Jabatan|职位|役職
updatedAt: Cập nhật lúc|Actualizado|Atualizado|Mis à jour|Aktualisiert|Aggiornato|Diperbarui|更新时间|更新日時
createdAt: Tạo lúc|Creado|Criado|Créé|Erstellt|Creato|Dibuat|创建时间|作成日時
mood: Tâm trạng|Estado de ánimo|Humor|Humeur|Stimmung|Umore|Suasana hati|心情|気分
timesPerWeek: Số lần mỗi tuần|Veces por semana|Vezes por semana|Fois par semaine|Mal pro Woche|Volte a settimana|Kali per minggu|每周次数|週の回数
streak: Chuỗi ngày|Racha|Sequência|Série|Serie|Serie|Rentetan|连续天数|連続日数
doneToday: Xong hôm nay|Hecho hoy|Feito hoje|Fait aujourd'hui|Heute erledigt|Fatto oggi|Selesai hari ini|今日已完成|今日完了
activity: Hoạt động|Actividad|Atividade|Activité|Aktivität|Attività|Aktivitas|活动|アクティビティ
distanceKm: Quãng đường (km)|Distancia (km)|Distância (km)|Distance (km)|Strecke (km)|Distanza (km)|Jarak (km)|距离（公里）|距離 (km)
calories: Calo|Calorías|Calorias|Calories|Kalorien|Calorie|Kalori|卡路里|カロリー
dosage: Liều dùng|Dosis|Dosagem|Posologie|Dosierung|Dosaggio|Dosis|剂量|用量
timesPerDay: Số lần mỗi ngày|Veces al día|Vezes por dia|Fois par jour|Mal pro Tag|Volte al giorno|Kali per hari|每日次数|1日の回数
pages: Số trang|Páginas|Páginas|Pages|Seiten|Pagine|Halaman|页数|ページ数
finished: Đã đọc xong|Terminado|Concluído|Terminé|Beendet|Finito|Selesai|已读完|読了
year: Năm|Año|Ano|Année|Jahr|Anno|Tahun|年份|年
watched: Đã xem|Visto|Assistido|Vu|Gesehen|Visto|Sudah ditonton|已看|視聴済み
text: Nội dung|Texto|Texto|Texte|Text|Testo|Teks|内容|本文
sender: Người gửi|Remitente|Remetente|Expéditeur|Absender|Mittente|Pengirim|发送者|送信者
senderId: Mã người gửi|ID del remitente|ID do remetente|ID de l'expéditeur|Absender-ID|ID del mittente|ID pengirim|发送者 ID|送信者 ID
sentAt: Thời gian gửi|Enviado el|Enviado em|Envoyé le|Gesendet am|Inviato il|Dikirim pada|发送时间|送信日時
topic: Chủ đề|Tema|Tema|Sujet|Thema|Argomento|Topik|主题|トピック
destination: Điểm đến|Destino|Destino|Destination|Reiseziel|Destinazione|Tujuan|目的地|目的地
pickup: Điểm đón|Punto de recogida|Local de embarque|Lieu de prise en charge|Abholort|Punto di partenza|Lokasi jemput|上车地点|乗車場所
passengers: Số hành khách|Pasajeros|Passageiros|Passagers|Fahrgäste|Passeggeri|Penumpang|乘客人数|乗車人数
fare: Giá cước|Tarifa|Tarifa|Prix de la course|Fahrpreis|Tariffa|Tarif|车费|運賃
budget: Ngân sách|Presupuesto|Orçamento|Budget|Budget|Budget|Anggaran|预算|予算
species: Loài|Especie|Espécie|Espèce|Art|Specie|Spesies|种类|種類
weightKg: Cân nặng (kg)|Peso (kg)|Peso (kg)|Poids (kg)|Gewicht (kg)|Peso (kg)|Berat (kg)|体重（公斤）|体重 (kg)
lastWatered: Lần tưới gần nhất|Último riego|Última rega|Dernier arrosage|Zuletzt gegossen|Ultima annaffiatura|Terakhir disiram|上次浇水|最後の水やり
waterEveryDays: Tưới mỗi (ngày)|Regar cada (días)|Regar a cada (dias)|Arroser tous les (jours)|Gießen alle (Tage)|Annaffiare ogni (giorni)|Siram setiap (hari)|浇水间隔（天）|水やり間隔 (日)
sku: Mã SKU|SKU|SKU|Référence|Artikelnummer|Codice articolo|SKU|SKU|SKU
unitPrice: Đơn giá|Precio unitario|Preço unitário|Prix unitaire|Stückpreis|Prezzo unitario|Harga satuan|单价|単価
grade: Lớp|Curso|Série|Classe|Klasse|Classe|Kelas|年级|学年
teacher: Giáo viên|Profesor|Professor|Enseignant|Lehrkraft|Insegnante|Guru|教师|講師
hours: Số giờ|Horas|Horas|Heures|Stunden|Ore|Jam|课时|時間数
owner: Người phụ trách|Responsable|Responsável|Responsable|Verantwortlich|Responsabile|Pemilik|负责人|担当者
plate: Biển số|Matrícula|Placa|Immatriculation|Kennzeichen|Targa|Pelat nomor|车牌号|ナンバー
mileageKm: Số km đã đi|Kilometraje|Quilometragem|Kilométrage|Kilometerstand|Chilometraggio|Jarak tempuh (km)|里程（公里）|走行距離 (km)
nextService: Lần bảo dưỡng tới|Próximo mantenimiento|Próxima revisão|Prochain entretien|Nächste Wartung|Prossimo tagliando|Servis berikutnya|下次保养|次回点検
bedrooms: Phòng ngủ|Dormitorios|Quartos|Chambres|Schlafzimmer|Camere da letto|Kamar tidur|卧室|寝室数
published: Đã đăng|Publicado|Publicado|Publié|Veröffentlicht|Pubblicato|Diterbitkan|已发布|公開済み
artist: Nghệ sĩ|Artista|Artista|Artiste|Künstler|Artista|Artis|艺人|アーティスト
durationSeconds: Thời lượng (giây)|Duración (segundos)|Duração (segundos)|Durée (secondes)|Dauer (Sekunden)|Durata (secondi)|Durasi (detik)|时长（秒）|長さ (秒)
favorite: Yêu thích|Favorito|Favorito|Favori|Favorit|Preferito|Favorit|收藏|お気に入り
target: Mục tiêu|Objetivo|Meta|Objectif|Ziel|Obiettivo|Target|目标|目標
imagePath: Đường dẫn ảnh|Ruta de la imagen|Caminho da imagem|Chemin de l'image|Bildpfad|Percorso immagine|Jalur gambar|图片路径|画像パス
student: Học sinh|Alumno|Aluno|Élève|Schüler|Studente|Siswa|学生|生徒
present: Có mặt|Presente|Presente|Présent|Anwesend|Presente|Hadir|出席|出席
subject: Môn học|Asignatura|Disciplina|Matière|Fach|Materia|Mata pelajaran|科目|科目
score: Điểm|Nota|Nota|Note|Punktzahl|Voto|Nilai|分数|点数
skill: Kỹ năng|Especialidad|Especialidade|Compétence|Fachgebiet|Competenza|Keahlian|技能|スキル
available: Sẵn sàng|Disponible|Disponível|Disponible|Verfügbar|Disponibile|Tersedia|可用|対応可能
link: Liên kết|Enlace|Link|Lien|Link|Link|Tautan|链接|リンク
addedOn: Ngày thêm|Añadido el|Adicionado em|Ajouté le|Hinzugefügt am|Aggiunto il|Ditambahkan pada|添加日期|追加日
item: Món đồ|Artículo|Item|Article|Gegenstand|Oggetto|Barang|物品|持ち物
channel: Kênh|Canal|Canal|Canal|Kanal|Canale|Kanal|频道|チャンネル
reason: Lý do khám|Motivo|Motivo|Motif|Anlass|Motivo|Keluhan|就诊原因|来院理由
medication: Thuốc|Medicamento|Medicamento|Médicament|Medikament|Farmaco|Obat|药品|薬
instructions: Hướng dẫn|Indicaciones|Instruções|Instructions|Anweisungen|Istruzioni|Petunjuk|用法说明|服用方法
vaccine: Vắc-xin|Vacuna|Vacina|Vaccin|Impfstoff|Vaccino|Vaksin|疫苗|ワクチン
nextDue: Lần tiếp theo|Próxima dosis|Próxima dose|Prochain rappel|Nächste Impfung|Prossimo richiamo|Jadwal berikutnya|下次接种|次回予定
station: Trạm xăng|Gasolinera|Posto|Station-service|Tankstelle|Distributore|SPBU|加油站|給油所
liters: Số lít|Litros|Litros|Litres|Liter|Litri|Liter|升数|給油量 (L)
cost: Chi phí|Coste|Custo|Coût|Kosten|Costo|Biaya|费用|費用
odometer: Số km (đồng hồ)|Cuentakilómetros (km)|Hodômetro (km)|Compteur (km)|Kilometerstand|Contachilometri (km)|Odometer (km)|里程表（公里）|走行距離 (km)
condition: Tình trạng|Estado|Estado|État|Zustand|Condizioni|Kondisi|成色|状態
holder: Người giữ vé|Titular|Titular|Titulaire|Inhaber|Intestatario|Pemegang|持票人|名義
ticketType: Loại vé|Tipo de entrada|Tipo de ingresso|Type de billet|Ticketart|Tipo di biglietto|Jenis tiket|票种|券種
seat: Ghế|Asiento|Assento|Place|Sitzplatz|Posto|Kursi|座位|座席
code: Mã|Código|Código|Code|Code|Codice|Kode|编码|コード
petId: Thú cưng|Mascota|Animal de estimação|Animal|Haustier|Animale|Hewan peliharaan|宠物|ペット
vehicleId: Xe|Vehículo|Veículo|Véhicule|Fahrzeug|Veicolo|Kendaraan|车辆|車両
eventId: Sự kiện|Evento|Evento|Événement|Veranstaltung|Evento|Acara|活动|イベント
projectId: Dự án|Proyecto|Projeto|Projet|Projekt|Progetto|Proyek|项目|プロジェクト
courseId: Khóa học|Curso|Curso|Cours|Kurs|Corso|Kursus|课程|コース
classSessionId: Lớp tập|Clase|Aula|Cours|Kurs|Lezione|Kelas|课程|クラス
trainer: Huấn luyện viên|Entrenador|Instrutor|Coach|Trainer|Istruttore|Pelatih|教练|トレーナー
startsAt: Bắt đầu lúc|Hora de inicio|Horário de início|Début|Beginn|Inizio|Waktu mulai|开始时间|開始日時
durationMinutes: Thời lượng (phút)|Duración (minutos)|Duração (minutos)|Durée (minutes)|Dauer (Minuten)|Durata (minuti)|Durasi (menit)|时长（分钟）|時間 (分)
capacity: Số chỗ|Plazas|Vagas|Places|Plätze|Posti|Kapasitas|名额|定員
room: Phòng tập|Sala|Sala|Salle|Raum|Sala|Ruangan|场地|スタジオ
bookedAt: Đặt lúc|Reservado el|Reservado em|Réservé le|Gebucht am|Prenotato il|Dipesan pada|预订时间|予約日時
booking: Lịch hẹn|Reserva|Reserva|Réservation|Buchung|Prenotazione|Pemesanan|预约|予約
appointment: Lịch hẹn|Cita|Agendamento|Rendez-vous|Termin|Appuntamento|Janji temu|预约|予約
reservation: Đặt chỗ|Reserva|Reserva|Réservation|Reservierung|Prenotazione|Reservasi|预订|予約
studentId: Học sinh|Alumno|Aluno|Élève|Schüler|Studente|Siswa|学生|生徒
deckId: Bộ thẻ|Mazo|Baralho|Paquet|Stapel|Mazzo|Dek|卡组|デッキ
driverId: Tài xế|Conductor|Motorista|Conducteur|Fahrer|Autista|Pengemudi|司机|ドライバー
comment: Nhận xét|Comentario|Comentário|Commentaire|Kommentar|Commento|Komentar|评论|コメント
productId: Sản phẩm|Producto|Produto|Produit|Produkt|Prodotto|Produk|商品|商品
bookId: Sách|Libro|Livro|Livre|Buch|Libro|Buku|书|本
movieId: Phim|Película|Filme|Film|Film|Film|Film|电影|映画
recipeId: Công thức|Receta|Receita|Recette|Rezept|Ricetta|Resep|食谱|レシピ
placeId: Địa điểm|Lugar|Local|Lieu|Ort|Luogo|Tempat|地点|場所
listingId: Tin đăng|Anuncio|Anúncio|Annonce|Inserat|Annuncio|Listing|房源|物件
payee: Người nhận|Beneficiario|Favorecido|Bénéficiaire|Empfänger|Beneficiario|Penerima|收款方|支払先
repeats: Lặp lại|Se repite|Repete|Récurrence|Wiederholung|Ripetizione|Berulang|重复|繰り返し
member: Hội viên|Socio|Sócio|Membre|Mitglied|Socio|Anggota|会员|会員
memberId: Hội viên|Socio|Sócio|Membre|Mitglied|Socio|Anggota|会员|会員
plan: Gói|Plan|Plano|Formule|Tarif|Piano|Paket|套餐|プラン
expiryDate: Ngày hết hạn|Fecha de vencimiento|Data de validade|Date d'expiration|Ablaufdatum|Data di scadenza|Tanggal kedaluwarsa|到期日|有効期限
credits: Số buổi còn lại|Créditos|Créditos|Crédits|Guthaben|Crediti|Kredit|余额|残数
guestName: Tên khách|Nombre del cliente|Nome do cliente|Nom du client|Name des Gastes|Nome del cliente|Nama tamu|客人姓名|お客様名
partySize: Số người|Número de personas|Número de pessoas|Nombre de personnes|Personenzahl|Numero di persone|Jumlah orang|人数|人数
tableId: Bàn|Mesa|Mesa|Table|Tisch|Tavolo|Meja|桌位|テーブル
roomType: Loại phòng|Tipo de habitación|Tipo de quarto|Type de chambre|Zimmertyp|Tipo di camera|Tipe kamar|房型|部屋タイプ
pricePerNight: Giá mỗi đêm|Precio por noche|Preço por noite|Prix par nuit|Preis pro Nacht|Prezzo a notte|Harga per malam|每晚价格|1泊料金
roomId: Phòng|Habitación|Quarto|Chambre|Zimmer|Camera|Kamar|房间|部屋
checkIn: Ngày nhận phòng|Llegada|Check-in|Arrivée|Anreise|Arrivo|Check-in|入住日期|チェックイン
checkOut: Ngày trả phòng|Salida|Check-out|Départ|Abreise|Partenza|Check-out|退房日期|チェックアウト
book: Sách|Libro|Livro|Livre|Buch|Libro|Buku|书|本
borrowedOn: Ngày mượn|Fecha de préstamo|Data do empréstimo|Date d'emprunt|Ausgeliehen am|Data del prestito|Tanggal pinjam|借出日期|貸出日
unit: Căn hộ|Vivienda|Imóvel|Logement|Wohnung|Unità|Unit|房屋|部屋
tenant: Người thuê|Inquilino|Inquilino|Locataire|Mieter|Inquilino|Penyewa|租户|入居者
tenantId: Người thuê|Inquilino|Inquilino|Locataire|Mieter|Inquilino|Penyewa|租户|入居者
leaseId: Hợp đồng thuê|Contrato de alquiler|Contrato de aluguel|Bail|Mietvertrag|Contratto d'affitto|Kontrak sewa|租约|賃貸契約
monthlyRent: Tiền thuê hàng tháng|Alquiler mensual|Aluguel mensal|Loyer mensuel|Monatsmiete|Affitto mensile|Sewa bulanan|月租|月額家賃
deposit: Tiền đặt cọc|Fianza|Caução|Dépôt de garantie|Kaution|Deposito cauzionale|Uang jaminan|押金|敷金
reportedOn: Ngày báo hỏng|Fecha del aviso|Data do aviso|Signalé le|Gemeldet am|Segnalato il|Tanggal dilaporkan|报修日期|報告日
subjectId: Môn học|Asignatura|Disciplina|Matière|Fach|Materia|Mata pelajaran|科目|科目
reference: Số hợp đồng|N.º de contrato|Nº do contrato|N° de contrat|Vertragsnummer|N. contratto|No. kontrak|合同编号|契約番号
returned: Đã trả|Devuelto|Devolvido|Rendu|Zurückgegeben|Restituito|Dikembalikan|已归还|返却済み
customerId: Khách hàng|Cliente|Cliente|Client|Kunde|Cliente|Pelanggan|客户|顧客
order: Đơn hàng|Pedido|Pedido|Commande|Bestellung|Ordine|Pesanan|订单|注文
orderId: Đơn hàng|Pedido|Pedido|Commande|Bestellung|Ordine|Pesanan|订单|注文
driver: Tài xế|Conductor|Motorista|Conducteur|Fahrer|Autista|Pengemudi|司机|ドライバー
itemId: Mặt hàng|Artículo|Item|Article|Artikel|Articolo|Barang|物品|品目
supplierId: Nhà cung cấp|Proveedor|Fornecedor|Fournisseur|Lieferant|Fornitore|Pemasok|供应商|仕入先
quantityChange: Số lượng (+ nhập, − xuất)|Cantidad (+ entrada, − salida)|Quantidade (+ entrada, − saída)|Quantité (+ entrée, − sortie)|Menge (+ Zugang, − Abgang)|Quantità (+ carico, − scarico)|Jumlah (+ masuk, − keluar)|数量（+入库，−出库）|数量（+入庫、−出庫）
stage: Giai đoạn|Etapa|Etapa|Étape|Phase|Fase|Tahap|阶段|段階
value: Giá trị|Valor|Valor|Montant|Wert|Valore|Nilai|金额|金額
closeDate: Ngày chốt|Fecha de cierre|Data de fechamento|Date de clôture|Abschlussdatum|Data di chiusura|Tanggal penutupan|成交日期|成約予定日
contact: Liên hệ|Contacto|Contato|Contact|Kontakt|Contatto|Kontak|联系人|連絡先
contactId: Liên hệ|Contacto|Contato|Contact|Kontakt|Contatto|Kontak|联系人|連絡先
leadId: Khách hàng tiềm năng|Cliente potencial|Lead|Prospect|Interessent|Potenziale cliente|Prospek|潜在客户|見込み客
salary: Mức lương|Salario|Salário|Salaire|Gehalt|Stipendio|Gaji|薪资|給与
job: Việc làm|Empleo|Vaga|Offre d'emploi|Stelle|Offerta di lavoro|Lowongan|职位|求人
jobId: Việc làm|Empleo|Vaga|Offre d'emploi|Stelle|Offerta di lavoro|Lowongan|职位|求人
applicantName: Tên ứng viên|Nombre del candidato|Nome do candidato|Nom du candidat|Name des Bewerbers|Nome del candidato|Nama pelamar|申请人姓名|応募者名
coverLetter: Thư xin việc|Carta de presentación|Carta de apresentação|Lettre de motivation|Anschreiben|Lettera di presentazione|Surat lamaran|求职信|カバーレター
status: Trạng thái|Estado|Status|Statut|Status|Stato|Status|状态|ステータス
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

/**
 * The entity with its field labels in `locale` where the table has them; a domain row's own labels
 * (a review's "Rating (1–5)": `DomainEntity.labels`) first, in English too.
 */
export function localizeEntity(entity: EntityPlan, locale: AppLocale): EntityPlan {
  const row =
    entity.fieldsFrom === 'domain'
      ? DOMAIN_ENTITIES.find((candidate) => candidate.className === entity.className)
      : undefined;
  if (locale === 'en' && !row?.labels) return entity;
  const shared = (field: EntityField) => (locale === 'en' ? undefined : LABELS.get(labelKey(field))?.[locale]);
  const fields = entity.fields.map((field) => ({
    ...field,
    label: (row && rowFieldLabel(row, field.name, locale)) ?? shared(field) ?? field.label,
  }));
  return { ...entity, fields };
}

/** The row of a field's label: an appointment's `date` that carries a time reads "Fecha y hora", not "Fecha". */
function labelKey(field: EntityField): string {
  return field.type === 'dateTime' && field.name === 'date' ? 'dateTime' : field.name;
}

/** The label of the field `name` in `locale`, where the table has one ("customer" in German → "Kunde"). */
export function localFieldLabel(name: string, locale: AppLocale): string | undefined {
  return LABELS.get(name)?.[locale];
}
