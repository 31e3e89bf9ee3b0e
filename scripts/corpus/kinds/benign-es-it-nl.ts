/**
 * Benign texts in Spanish, Italian and Dutch, mirroring the English/German/French set: shipping notices,
 * listings, stock reports, changelogs, promotions, invoice summaries and FAQ chats full of look-alikes and
 * free of anything a detector should report.
 */
import type { Recipe } from '../template.ts';
import type { BenignKind } from './benign-en-de-fr.ts';

export const BENIGN_ES: Record<BenignKind, Recipe> = {
  'order-status': [
    ['Hola:', '¡Buenas noticias!'],
    ['^tu pedido {order} salió de nuestro almacén de {city} el {date} y ya lo tiene {carrier} (seguimiento {tracking}).',
      '^el pedido {order} está preparado: {qty} x {product} ({sku}) y {qty} x {product} (EAN {ean}).'],
    ['Entrega prevista el {date} entre las {time} y las {time}. Importe {total}, envío {ship}.', 'Peso del paquete {weight}; cuenta con {days} días laborables.'],
    { p: 0.5, v: ['Referencia para devoluciones: {order2}.', 'Puedes cambiar la franja de entrega en tu cuenta hasta las {time} del día anterior.'] },
  ],
  'product-listing': [
    ['{product} de {company}', 'Novedad: {product}', '{product} – el más vendido'],
    ['Medidas {measure}, peso {weight}. EAN {ean}, ref. {sku}.', 'Tamaño {measure}, 3 colores, SKU {sku} / EAN {ean}.'],
    ['Ahora {price} antes {price} (-{pct}) hasta el {date}.', 'Precio {price} IVA incluido, envío gratis desde {price}.'],
    ['En stock: {qty}0 uds., sale de {city} en {days} días.', 'Valoración 4,{qty}/5 de {qty}00 clientes.'],
  ],
  'stock-report': [
    ['Informe de stock {date}, almacén de {city}', 'Inventario a {date}, {time}'],
    ['{sku}: {qty}0 uds. | {sku}: {qty}00 uds. | {sku}: 0 uds. (reponer)', '{product} ({sku}) {qty}0 uds., {product} ({sku}) {qty}00 uds.'],
    ['Entrada {order2} de {company}, llegada prevista {date}, {qty} palés de {measure}.', 'Contenedor {tracking} despachado en aduana el {date}.'],
    { p: 0.6, v: ['Mermas del mes {pct}, valor del stock {total}.', 'Preparación: {qty}00 líneas por hora, {pct} a tiempo.'] },
  ],
  'dev-note': [
    ['Versión {version} desplegada el {date} a las {time} (commit {commit}).', 'Registro de cambios {version}'],
    ['- Corregido el redondeo de precios como {price}\n- Los ID de pedido ahora son UUID, p. ej. {uuid}', '- El checkout ya no falla con más de {qty}0 artículos\n- Librería PDF actualizada a {version}'],
    ['La migración tardó {qty},{qty} s con {qty}0000 pedidos; ejemplo: pedido {order}.', 'Versión de vuelta atrás: {version} ({commit}).'],
  ],
  promo: [
    ['Rebajas de invierno: -{pct} en todos los artículos {product} hasta el {date}.', 'Oferta de fin de semana: {product} a {price} (antes {price}).'],
    ['Código INVIERNO{qty}0 al pagar. Pedido mínimo {price}.', 'Hasta agotar existencias, máximo {qty} por cliente.'],
    ['Envío gratis a {city} y a toda la península.', 'Recogida en nuestra tienda de {city} desde las {time}.'],
  ],
  'invoice-summary': [
    ['Factura {invoice} de {date}', 'Abono {invoice} del pedido {order}'],
    ['Base {price}, IVA {pct}, total {total}. Vencimiento a {days} días.', '{qty} artículos, subtotal {price}, envío {ship}, total {total}.'],
    ['N.º de cliente {customer_no}; indica {invoice} en el concepto.', 'Pagada con tarjeta el {date}; no hace falta hacer nada.'],
  ],
  'faq-chat': [
    ['[{tick}] Cliente: ¿Dónde está mi pedido {order}? Tenía que llegar el {date}.\n[{tick}] Soporte: Salió de {city} el {date}; el seguimiento de {carrier} {tracking} indica entrega mañana.',
      '[{tick}] Cliente: ¿El {product} cabe en un hueco de {measure}?\n[{tick}] Soporte: Sí, mide {measure} y pesa {weight}.'],
    ['[{tick}] Cliente: ¡Genial, gracias!', '[{tick}] Cliente: Perfecto, pido {qty} entonces.'],
  ],
};

export const BENIGN_IT: Record<BenignKind, Recipe> = {
  'order-status': [
    ['Buongiorno,', 'Ottime notizie!'],
    ['^il tuo ordine {order} ha lasciato il magazzino di {city} il {date} ed è ora affidato a {carrier} (tracking {tracking}).',
      '^l’ordine {order} è pronto: {qty} x {product} ({sku}) e {qty} x {product} (EAN {ean}).'],
    ['Consegna prevista il {date} tra le {time} e le {time}. Totale {total}, spedizione {ship}.', 'Peso del pacco {weight}; calcola {days} giorni lavorativi.'],
    { p: 0.5, v: ['Riferimento per i resi: {order2}.', 'Puoi cambiare la fascia di consegna nel tuo account fino alle {time} del giorno prima.'] },
  ],
  'product-listing': [
    ['{product} di {company}', 'Novità: {product}', '{product} – il più venduto'],
    ['Misure {measure}, peso {weight}. EAN {ean}, cod. {sku}.', 'Dimensioni {measure}, 3 colori, SKU {sku} / EAN {ean}.'],
    ['Ora {price} invece di {price} (-{pct}) fino al {date}.', 'Prezzo {price} IVA inclusa, spedizione gratuita da {price}.'],
    ['Disponibili: {qty}0 pz, spedizione da {city} in {days} giorni.', 'Valutazione 4,{qty}/5 da {qty}00 clienti.'],
  ],
  'stock-report': [
    ['Report giacenze {date}, magazzino di {city}', 'Inventario al {date}, ore {time}'],
    ['{sku}: {qty}0 pz | {sku}: {qty}00 pz | {sku}: 0 pz (riordinare)', '{product} ({sku}) {qty}0 pz, {product} ({sku}) {qty}00 pz'],
    ['Arrivo merce {order2} da {company}, previsto il {date}, {qty} bancali da {measure}.', 'Container {tracking} sdoganato il {date}.'],
    { p: 0.6, v: ['Differenze inventariali del mese {pct}, valore magazzino {total}.', 'Prelievo: {qty}00 righe all’ora, {pct} puntuali.'] },
  ],
  'dev-note': [
    ['Release {version} rilasciata il {date} alle {time} (commit {commit}).', 'Changelog {version}'],
    ['- Corretto l’arrotondamento di prezzi come {price}\n- Gli ID ordine ora sono UUID, es. {uuid}', '- Il checkout non va più in errore oltre {qty}0 articoli\n- Libreria PDF aggiornata alla {version}'],
    ['Migrazione completata in {qty},{qty} s su {qty}0000 ordini; esempio: ordine {order}.', 'Versione di rollback: {version} ({commit}).'],
  ],
  promo: [
    ['Saldi invernali: -{pct} su tutti gli articoli {product} fino al {date}!', 'Offerta del weekend: {product} a {price} (prima {price}).'],
    ['Codice INVERNO{qty}0 al checkout. Ordine minimo {price}.', 'Fino a esaurimento scorte, massimo {qty} per cliente.'],
    ['Spedizione gratuita a {city} e in tutta Italia.', 'Ritiro nel nostro negozio di {city} dalle {time}.'],
  ],
  'invoice-summary': [
    ['Fattura {invoice} del {date}', 'Nota di credito {invoice} per l’ordine {order}'],
    ['Imponibile {price}, IVA {pct}, totale {total}. Pagamento a {days} giorni.', '{qty} articoli, subtotale {price}, spedizione {ship}, totale {total}.'],
    ['Cod. cliente {customer_no}; indicare {invoice} nella causale.', 'Pagata con carta il {date}, nessuna azione richiesta.'],
  ],
  'faq-chat': [
    ['[{tick}] Cliente: Dov’è il mio ordine {order}? Doveva arrivare il {date}.\n[{tick}] Assistenza: È partito da {city} il {date}; il tracking {carrier} {tracking} indica consegna domani.',
      '[{tick}] Cliente: Il {product} entra in uno spazio di {measure}?\n[{tick}] Assistenza: Sì, misura {measure} e pesa {weight}.'],
    ['[{tick}] Cliente: Ottimo, grazie!', '[{tick}] Cliente: Perfetto, ne ordino {qty}.'],
  ],
};

export const BENIGN_NL: Record<BenignKind, Recipe> = {
  'order-status': [
    ['Hallo,', 'Goed nieuws!'],
    ['^je bestelling {order} heeft op {date} ons magazijn in {city} verlaten en is nu bij {carrier} (track & trace {tracking}).',
      '^bestelling {order} is ingepakt: {qty} x {product} ({sku}) en {qty} x {product} (EAN {ean}).'],
    ['Verwachte bezorging: {date} tussen {time} en {time}. Totaal {total}, verzendkosten {ship}.', 'Gewicht van het pakket {weight}; reken op {days} werkdagen.'],
    { p: 0.5, v: ['Referentie voor retouren: {order2}.', 'Je kunt het bezorgmoment tot {time} de dag ervoor in je account wijzigen.'] },
  ],
  'product-listing': [
    ['{product} van {company}', 'Nieuw: {product}', '{product} – bestseller'],
    ['Afmetingen {measure}, gewicht {weight}. EAN {ean}, art.nr. {sku}.', 'Maat {measure}, in 3 kleuren, SKU {sku} / EAN {ean}.'],
    ['Nu {price} in plaats van {price} (-{pct}) tot {date}.', 'Prijs {price} incl. btw, gratis verzending vanaf {price}.'],
    ['Op voorraad: {qty}0 stuks, verzonden vanuit {city} binnen {days} dagen.', 'Beoordeeld met 4,{qty}/5 door {qty}00 klanten.'],
  ],
  'stock-report': [
    ['Voorraadrapport {date}, magazijn {city}', 'Voorraadstand {date} {time}'],
    ['{sku}: {qty}0 st. | {sku}: {qty}00 st. | {sku}: 0 st. (bijbestellen)', '{product} ({sku}) {qty}0 st., {product} ({sku}) {qty}00 st.'],
    ['Inkomende zending {order2} van {company}, verwacht {date}, {qty} pallets van {measure}.', 'Container {tracking} op {date} ingeklaard.'],
    { p: 0.6, v: ['Derving deze maand {pct}, voorraadwaarde {total}.', 'Orderpicken: {qty}00 regels per uur, {pct} op tijd.'] },
  ],
  'dev-note': [
    ['Release {version} uitgerold op {date} om {time} (commit {commit}).', 'Changelog {version}'],
    ['- Afronding van prijzen zoals {price} gerepareerd\n- Order-ID’s zijn nu UUID’s, bijv. {uuid}', '- Checkout faalt niet meer bij meer dan {qty}0 artikelen\n- PDF-bibliotheek bijgewerkt naar {version}'],
    ['Migratie duurde {qty},{qty} s voor {qty}0000 bestellingen; voorbeeld: bestelling {order}.', 'Terugrolversie: {version} ({commit}).'],
  ],
  promo: [
    ['Winteruitverkoop: -{pct} op alle {product}-artikelen tot {date}!', 'Weekenddeal: {product} nu {price} (was {price}).'],
    ['Gebruik code WINTER{qty}0 bij het afrekenen. Minimaal bestelbedrag {price}.', 'Zolang de voorraad strekt, max. {qty} per klant.'],
    ['Gratis bezorging in {city} en heel Nederland.', 'Afhalen in onze winkel in {city} vanaf {time}.'],
  ],
  'invoice-summary': [
    ['Factuur {invoice} van {date}', 'Creditnota {invoice} bij bestelling {order}'],
    ['Excl. btw {price}, btw {pct}, totaal {total}. Betalingstermijn {days} dagen.', '{qty} artikelen, subtotaal {price}, verzending {ship}, totaal {total}.'],
    ['Klantnummer {customer_no}; vermeld {invoice} bij je betaling.', 'Op {date} met kaart betaald, verder niets nodig.'],
  ],
  'faq-chat': [
    ['[{tick}] Klant: Waar blijft mijn bestelling {order}? Die zou op {date} komen.\n[{tick}] Klantenservice: Hij is op {date} uit {city} vertrokken; {carrier} ({tracking}) meldt bezorging morgen.',
      '[{tick}] Klant: Past de {product} in een ruimte van {measure}?\n[{tick}] Klantenservice: Ja, hij meet {measure} en weegt {weight}.'],
    ['[{tick}] Klant: Top, bedankt!', '[{tick}] Klant: Perfect, dan bestel ik er {qty}.'],
  ],
};
