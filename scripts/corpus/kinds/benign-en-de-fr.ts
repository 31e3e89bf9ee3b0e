/**
 * Benign texts in English, German and French: the same commerce situations as the labeled corpus, written
 * without any personal data, secret or confidential term, but dense with what detectors confuse for them —
 * phone-shaped order numbers, tracking codes, EANs, prices, dates, versions, product names with first names
 * and company names. Any finding in these texts is a false positive.
 */
import type { Recipe } from '../template.ts';

export type BenignKind = 'order-status' | 'product-listing' | 'stock-report' | 'dev-note' | 'promo' | 'invoice-summary' | 'faq-chat';

export const BENIGN_EN: Record<BenignKind, Recipe> = {
  'order-status': [
    ['Hello,', 'Hi there,', 'Good news!'],
    ['^your order {order} left our warehouse in {city} on {date} and is now with {carrier} (tracking {tracking}).',
      '^order {order} has been packed: {qty} x {product} ({sku}) and {qty} x {product} (EAN {ean}).'],
    ['Expected delivery: {date} between {time} and {time}. Order total {total}, shipping {ship}.', 'Parcel weight {weight}; please allow {days} working days.'],
    { p: 0.5, v: ['Order reference for returns: {order2}.', 'You can change the delivery slot in your account until {time} the day before.'] },
  ],
  'product-listing': [
    ['{product} by {company}', 'New in: {product}', '{product} – bestseller'],
    ['Dimensions {measure}, weight {weight}. EAN {ean}, item no. {sku}.', 'Size {measure}, available in 3 colours, SKU {sku} / EAN {ean}.'],
    ['Now {price} instead of {price} ({pct} off) until {date}.', 'Price {price} incl. VAT, free shipping from {price}.'],
    ['In stock: {qty}0 pcs, ships from {city} within {days} days.', 'Rated 4.{qty} out of 5 by {qty}00 customers.'],
  ],
  'stock-report': [
    ['Stock report {date}, warehouse {city}', 'Inventory snapshot {date} {time}'],
    ['{sku}: {qty}0 units | {sku}: {qty}00 units | {sku}: 0 units (reorder)', '{product} ({sku}) {qty}0 pcs, {product} ({sku}) {qty}00 pcs'],
    ['Inbound shipment {order2} from {company}, ETA {date}, {qty} pallets of {measure}.', 'Container {tracking} cleared customs on {date}.'],
    { p: 0.6, v: ['Shrinkage this month {pct}, stock value {total}.', 'Picking rate {qty}00 lines per hour, {pct} on time.'] },
  ],
  'dev-note': [
    ['Release {version} deployed on {date} at {time} (commit {commit}).', 'Changelog {version}'],
    ['- Fixed rounding of prices such as {price}\n- Order ids are now UUIDs, e.g. {uuid}', '- Checkout no longer times out for baskets over {qty}0 items\n- Bumped the PDF library to {version}'],
    ['Migration ran in {qty}.{qty} s on {qty}0000 orders; see order {order} for a sample.', 'Rollback target: {version} ({commit}).'],
  ],
  promo: [
    ['Winter sale: {pct} off all {product} items until {date}!', 'Weekend deal: {product} now {price} (was {price}).'],
    ['Use code WINTER{qty}0 at checkout. Minimum order {price}.', 'Offer valid while stocks last, max. {qty} per customer.'],
    ['Free delivery to {city} and all mainland addresses.', 'Click & collect in our {city} store from {time}.'],
  ],
  'invoice-summary': [
    ['Invoice {invoice} dated {date}', 'Credit note {invoice} for order {order}'],
    ['Net {price}, VAT {pct}, total {total}. Payment terms {days} days.', '{qty} items, subtotal {price}, shipping {ship}, total {total}.'],
    ['Customer no. {customer_no}; please quote {invoice} with your payment.', 'Paid by card on {date}; no further action needed.'],
  ],
  'faq-chat': [
    ['[{tick}] Customer: Where is my order {order}? It was due on {date}.\n[{tick}] Support: It left {city} on {date}; {carrier} tracking {tracking} shows delivery tomorrow.',
      '[{tick}] Customer: Does the {product} fit a {measure} space?\n[{tick}] Support: Yes, it measures {measure} and weighs {weight}.'],
    ['[{tick}] Customer: Great, thanks!', '[{tick}] Customer: Perfect, I will order {qty} then.'],
  ],
};

export const BENIGN_DE: Record<BenignKind, Recipe> = {
  'order-status': [
    ['Hallo,', 'Guten Tag,', 'Gute Nachrichten!'],
    ['Ihre Bestellung {order} hat am {date} unser Lager in {city} verlassen und ist jetzt bei {carrier} (Sendungsnummer {tracking}).',
      'Bestellung {order} ist gepackt: {qty} x {product} ({sku}) und {qty} x {product} (EAN {ean}).'],
    ['Voraussichtliche Zustellung: {date} zwischen {time} und {time} Uhr. Bestellwert {total}, Versand {ship}.', 'Paketgewicht {weight}; bitte rechnen Sie mit {days} Werktagen.'],
    { p: 0.5, v: ['Referenz für Retouren: {order2}.', 'Das Lieferfenster können Sie bis {time} Uhr am Vortag im Kundenkonto ändern.'] },
  ],
  'product-listing': [
    ['{product} von {company}', 'Neu im Sortiment: {product}', '{product} – Bestseller'],
    ['Maße {measure}, Gewicht {weight}. EAN {ean}, Art.-Nr. {sku}.', 'Größe {measure}, in 3 Farben, SKU {sku} / EAN {ean}.'],
    ['Jetzt {price} statt {price} ({pct} Rabatt) bis {date}.', 'Preis {price} inkl. MwSt., versandkostenfrei ab {price}.'],
    ['Auf Lager: {qty}0 Stück, Versand aus {city} in {days} Tagen.', 'Bewertet mit 4,{qty} von 5 Sternen ({qty}00 Bewertungen).'],
  ],
  'stock-report': [
    ['Bestandsbericht {date}, Lager {city}', 'Inventur-Stand {date} {time}'],
    ['{sku}: {qty}0 Stk. | {sku}: {qty}00 Stk. | {sku}: 0 Stk. (nachbestellen)', '{product} ({sku}) {qty}0 Stk., {product} ({sku}) {qty}00 Stk.'],
    ['Wareneingang {order2} von {company}, ETA {date}, {qty} Paletten à {measure}.', 'Container {tracking} am {date} verzollt.'],
    { p: 0.6, v: ['Schwund im Monat {pct}, Lagerwert {total}.', 'Pickleistung {qty}00 Positionen pro Stunde, {pct} pünktlich.'] },
  ],
  'dev-note': [
    ['Release {version} am {date} um {time} ausgerollt (Commit {commit}).', 'Changelog {version}'],
    ['- Rundung von Preisen wie {price} korrigiert\n- Bestell-IDs sind jetzt UUIDs, z. B. {uuid}', '- Checkout bricht bei Warenkörben über {qty}0 Artikeln nicht mehr ab\n- PDF-Bibliothek auf {version} angehoben'],
    ['Migration lief {qty},{qty} s für {qty}0000 Bestellungen; Beispiel: Bestellung {order}.', 'Rollback-Ziel: {version} ({commit}).'],
  ],
  promo: [
    ['Winterschlussverkauf: {pct} auf alle {product}-Artikel bis {date}!', 'Wochenend-Deal: {product} jetzt {price} (statt {price}).'],
    ['Mit dem Code WINTER{qty}0 an der Kasse. Mindestbestellwert {price}.', 'Solange der Vorrat reicht, max. {qty} pro Kunde.'],
    ['Kostenlose Lieferung nach {city} und ganz Deutschland.', 'Click & Collect in unserer Filiale {city} ab {time} Uhr.'],
  ],
  'invoice-summary': [
    ['Rechnung {invoice} vom {date}', 'Gutschrift {invoice} zu Bestellung {order}'],
    ['Netto {price}, MwSt. {pct}, gesamt {total}. Zahlungsziel {days} Tage.', '{qty} Artikel, Zwischensumme {price}, Versand {ship}, gesamt {total}.'],
    ['Kundennummer {customer_no}; bitte {invoice} als Verwendungszweck angeben.', 'Am {date} per Karte bezahlt, keine weitere Aktion nötig.'],
  ],
  'faq-chat': [
    ['[{tick}] Kunde: Wo bleibt meine Bestellung {order}? Sie sollte am {date} kommen.\n[{tick}] Support: Sie hat {city} am {date} verlassen; laut {carrier} ({tracking}) kommt sie morgen.',
      '[{tick}] Kunde: Passt das {product} in eine Nische von {measure}?\n[{tick}] Support: Ja, es misst {measure} und wiegt {weight}.'],
    ['[{tick}] Kunde: Super, danke!', '[{tick}] Kunde: Perfekt, dann bestelle ich {qty} Stück.'],
  ],
};

export const BENIGN_FR: Record<BenignKind, Recipe> = {
  'order-status': [
    ['Bonjour,', 'Bonne nouvelle !'],
    ['^votre commande {order} a quitté notre entrepôt de {city} le {date} et a été confiée à {carrier} (suivi {tracking}).',
      '^la commande {order} est prête : {qty} x {product} ({sku}) et {qty} x {product} (EAN {ean}).'],
    ['Livraison prévue le {date} entre {time} et {time}. Montant {total}, frais de port {ship}.', 'Poids du colis {weight} ; comptez {days} jours ouvrés.'],
    { p: 0.5, v: ['Référence pour un retour : {order2}.', 'Vous pouvez modifier le créneau dans votre compte jusqu’à {time} la veille.'] },
  ],
  'product-listing': [
    ['{product} par {company}', 'Nouveauté : {product}', '{product} – meilleure vente'],
    ['Dimensions {measure}, poids {weight}. EAN {ean}, réf. {sku}.', 'Taille {measure}, 3 coloris, SKU {sku} / EAN {ean}.'],
    ['Désormais {price} au lieu de {price} (-{pct}) jusqu’au {date}.', 'Prix {price} TTC, livraison offerte dès {price}.'],
    ['En stock : {qty}0 pièces, expédition depuis {city} sous {days} jours.', 'Noté 4,{qty}/5 par {qty}00 clients.'],
  ],
  'stock-report': [
    ['État des stocks du {date}, entrepôt de {city}', 'Inventaire du {date} à {time}'],
    ['{sku} : {qty}0 u. | {sku} : {qty}00 u. | {sku} : 0 u. (à réapprovisionner)', '{product} ({sku}) {qty}0 pièces, {product} ({sku}) {qty}00 pièces'],
    ['Réception {order2} de {company}, arrivée prévue le {date}, {qty} palettes de {measure}.', 'Conteneur {tracking} dédouané le {date}.'],
    { p: 0.6, v: ['Démarque du mois {pct}, valeur du stock {total}.', 'Préparation : {qty}00 lignes par heure, {pct} à l’heure.'] },
  ],
  'dev-note': [
    ['Version {version} déployée le {date} à {time} (commit {commit}).', 'Journal des modifications {version}'],
    ['- Correction de l’arrondi des prix comme {price}\n- Les identifiants de commande sont désormais des UUID, ex. {uuid}', '- Le paiement n’expire plus au-delà de {qty}0 articles\n- Bibliothèque PDF passée en {version}'],
    ['Migration en {qty},{qty} s sur {qty}0000 commandes ; exemple : commande {order}.', 'Version de repli : {version} ({commit}).'],
  ],
  promo: [
    ['Soldes d’hiver : -{pct} sur tous les articles {product} jusqu’au {date} !', 'Offre du week-end : {product} à {price} (au lieu de {price}).'],
    ['Code HIVER{qty}0 au moment du paiement. Minimum de commande {price}.', 'Dans la limite des stocks, {qty} par client maximum.'],
    ['Livraison gratuite à {city} et en France métropolitaine.', 'Retrait en magasin à {city} dès {time}.'],
  ],
  'invoice-summary': [
    ['Facture {invoice} du {date}', 'Avoir {invoice} pour la commande {order}'],
    ['HT {price}, TVA {pct}, TTC {total}. Paiement à {days} jours.', '{qty} articles, sous-total {price}, livraison {ship}, total {total}.'],
    ['N° client {customer_no} ; merci de rappeler {invoice} lors du règlement.', 'Payée par carte le {date}, aucune action requise.'],
  ],
  'faq-chat': [
    ['[{tick}] Client : Où en est ma commande {order} ? Elle devait arriver le {date}.\n[{tick}] Support : Elle a quitté {city} le {date} ; le suivi {carrier} {tracking} indique une livraison demain.',
      '[{tick}] Client : Le {product} rentre-t-il dans un espace de {measure} ?\n[{tick}] Support : Oui, il mesure {measure} et pèse {weight}.'],
    ['[{tick}] Client : Super, merci !', '[{tick}] Client : Parfait, j’en commande {qty}.'],
  ],
};
