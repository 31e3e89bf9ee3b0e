/**
 * B2B invoices rendered as plain text, the way they reach an assistant after PDF extraction: seller block with
 * address and VAT number, bill-to block with a named contact, line items, tax and totals, payment terms with
 * IBAN and BIC. Spanish and Italian invoices to sole traders also carry the buyer's NIF/DNI or codice fiscale.
 */
import type { Recipe } from '../template.ts';
import type { Lang } from '../types.ts';

export const B2B_INVOICE: Record<Lang, Recipe> = {
  en: [
    ['INVOICE {invoice}\nDate: {date}   Due: {date}', 'Invoice no. {invoice} – issued {date}'],
    ['{shop}\n{ADDRESS_ML}\nVAT reg. no. {VAT}', 'From: {shop}, {ADDRESS} · VAT {VAT}'],
    ['Bill to: {company}, attn. {CONTACT}\n{ADDRESS}\nVAT: {VAT_EU}', 'Customer: {company} (customer no. {customer_no})\nContact: {CONTACT}\nVAT ID {VAT_EU}'],
    ['{qty} x {product} ({sku}) @ {price} = {price}\n{qty} x {product} ({sku}) @ {price} = {price}\nNet {price} · VAT {pct} {price} · Total {total}',
      'Pos. 1  {product}  {qty} pcs  {price}\nPos. 2  {product}  {qty} pcs  {price}\nTotal due: {total}'],
    { p: 0.35, v: ['Supplied under framework agreement {PATTERN}.', 'Special terms: {TERM} conditions apply (ref. {PATTERN}).'] },
    { p: 0.25, v: ['Buyer is a sole trader – {NATID}.'] },
    ['Please pay within {days} days to IBAN {IBAN}, BIC {BIC}, quoting {invoice}.', 'Bank details: IBAN {IBAN} · SWIFT {BIC} · reference {invoice}'],
    { p: 0.7, v: ['Accounts receivable: {AGENT_FULL}, {PHONE}, {SHOPEMAIL}', 'Questions about this invoice: {SHOPEMAIL} or {PHONE}'] },
  ],
  de: [
    ['RECHNUNG {invoice}\nRechnungsdatum: {date}   Fällig: {date}', 'Rechnung Nr. {invoice} vom {date}'],
    ['{shop}\n{ADDRESS_ML}\nUSt-IdNr.: {VAT}', 'Absender: {shop}, {ADDRESS} · USt-IdNr. {VAT}'],
    ['Rechnungsempfänger: {company}, z. Hd. {CONTACT}\n{ADDRESS}\nUSt-IdNr.: {VAT_EU}', 'Kunde: {company} (Kd.-Nr. {customer_no})\nAnsprechpartner: {CONTACT}\nUSt-ID {VAT_EU}'],
    ['{qty} x {product} ({sku}) à {price} = {price}\n{qty} x {product} ({sku}) à {price} = {price}\nNetto {price} · MwSt. {pct} {price} · Gesamt {total}',
      'Pos. 1  {product}  {qty} Stk.  {price}\nPos. 2  {product}  {qty} Stk.  {price}\nRechnungsbetrag: {total}'],
    { p: 0.35, v: ['Lieferung gemäß Rahmenvertrag {PATTERN}.', 'Sonderkonditionen: {TERM} (Ref. {PATTERN}).'] },
    { p: 0.25, v: ['Leistungsempfänger ist Einzelunternehmer, {NATID}.'] },
    ['Zahlbar innerhalb von {days} Tagen auf IBAN {IBAN}, BIC {BIC}, Verwendungszweck {invoice}.', 'Bankverbindung: IBAN {IBAN} · BIC {BIC} · Verwendungszweck {invoice}'],
    { p: 0.7, v: ['Buchhaltung: {AGENT_FULL}, {PHONE}, {SHOPEMAIL}', 'Fragen zur Rechnung: {SHOPEMAIL} oder {PHONE}'] },
  ],
  fr: [
    ['FACTURE {invoice}\nDate : {date}   Échéance : {date}', 'Facture n° {invoice} du {date}'],
    ['{shop}\n{ADDRESS_ML}\nN° TVA intracommunautaire : {VAT}', 'Émetteur : {shop}, {ADDRESS} · TVA {VAT}'],
    ['Facturé à : {company}, à l’attention de {CONTACT}\n{ADDRESS}\nTVA : {VAT_EU}', 'Client : {company} (n° client {customer_no})\nContact : {CONTACT}\nN° TVA {VAT_EU}'],
    ['{qty} x {product} ({sku}) à {price} = {price}\n{qty} x {product} ({sku}) à {price} = {price}\nTotal HT {price} · TVA {pct} {price} · Total TTC {total}',
      'Ligne 1  {product}  {qty} u.  {price}\nLigne 2  {product}  {qty} u.  {price}\nNet à payer : {total}'],
    { p: 0.35, v: ['Livraison selon l’accord-cadre {PATTERN}.', 'Conditions particulières : {TERM} (réf. {PATTERN}).'] },
    { p: 0.25, v: ['Client entrepreneur individuel, {NATID}.'] },
    ['Paiement sous {days} jours sur l’IBAN {IBAN}, BIC {BIC}, en rappelant {invoice}.', 'Coordonnées bancaires : IBAN {IBAN} · BIC {BIC} · référence {invoice}'],
    { p: 0.7, v: ['Comptabilité : {AGENT_FULL}, {PHONE}, {SHOPEMAIL}', 'Questions sur cette facture : {SHOPEMAIL} ou {PHONE}'] },
  ],
  es: [
    ['FACTURA {invoice}\nFecha: {date}   Vencimiento: {date}', 'Factura n.º {invoice} de {date}'],
    ['{shop}\n{ADDRESS_ML}\nNIF-IVA: {VAT}', 'Emisor: {shop}, {ADDRESS} · CIF {VAT}'],
    ['Facturar a: {company}, a la atención de {CONTACT}\n{ADDRESS}\nNIF-IVA: {VAT_EU}', 'Cliente: {company} (n.º cliente {customer_no})\nContacto: {CONTACT}\nIVA {VAT_EU}'],
    ['{qty} x {product} ({sku}) a {price} = {price}\n{qty} x {product} ({sku}) a {price} = {price}\nBase imponible {price} · IVA {pct} {price} · Total {total}',
      'Línea 1  {product}  {qty} uds.  {price}\nLínea 2  {product}  {qty} uds.  {price}\nTotal a pagar: {total}'],
    { p: 0.35, v: ['Suministro según el acuerdo marco {PATTERN}.', 'Condiciones especiales: {TERM} (ref. {PATTERN}).'] },
    { p: 0.5, v: ['Cliente autónomo – {NATID}.', 'Datos fiscales del cliente: {NATID}'] },
    ['Pago a {days} días mediante transferencia a IBAN {IBAN}, BIC {BIC}, concepto {invoice}.', 'Datos bancarios: IBAN {IBAN} · BIC {BIC} · concepto {invoice}'],
    { p: 0.7, v: ['Administración: {AGENT_FULL}, {PHONE}, {SHOPEMAIL}', 'Dudas sobre esta factura: {SHOPEMAIL} o {PHONE}'] },
  ],
  it: [
    ['FATTURA {invoice}\nData: {date}   Scadenza: {date}', 'Fattura n. {invoice} del {date}'],
    ['{shop}\n{ADDRESS_ML}\nP.IVA {VAT}', 'Cedente: {shop}, {ADDRESS} · Partita IVA {VAT}'],
    ['Cessionario: {company}, alla c.a. di {CONTACT}\n{ADDRESS}\nP.IVA {VAT_EU}', 'Cliente: {company} (cod. cliente {customer_no})\nReferente: {CONTACT}\nP.IVA {VAT_EU}'],
    ['{qty} x {product} ({sku}) a {price} = {price}\n{qty} x {product} ({sku}) a {price} = {price}\nImponibile {price} · IVA {pct} {price} · Totale {total}',
      'Riga 1  {product}  {qty} pz  {price}\nRiga 2  {product}  {qty} pz  {price}\nTotale documento: {total}'],
    { p: 0.35, v: ['Fornitura secondo l’accordo quadro {PATTERN}.', 'Condizioni speciali: {TERM} (rif. {PATTERN}).'] },
    { p: 0.5, v: ['Cliente ditta individuale – {NATID}.', 'Dati fiscali del cliente: {NATID}'] },
    ['Pagamento a {days} giorni con bonifico su IBAN {IBAN}, BIC {BIC}, causale {invoice}.', 'Coordinate bancarie: IBAN {IBAN} · BIC {BIC} · causale {invoice}'],
    { p: 0.7, v: ['Amministrazione: {AGENT_FULL}, {PHONE}, {SHOPEMAIL}', 'Domande su questa fattura: {SHOPEMAIL} o {PHONE}'] },
  ],
  nl: [
    ['FACTUUR {invoice}\nFactuurdatum: {date}   Vervaldatum: {date}', 'Factuur nr. {invoice} van {date}'],
    ['{shop}\n{ADDRESS_ML}\nBtw-nummer: {VAT}', 'Afzender: {shop}, {ADDRESS} · btw {VAT}'],
    ['Factuur aan: {company}, t.a.v. {CONTACT}\n{ADDRESS}\nBtw: {VAT_EU}', 'Klant: {company} (klantnr. {customer_no})\nContactpersoon: {CONTACT}\nBtw-id {VAT_EU}'],
    ['{qty} x {product} ({sku}) à {price} = {price}\n{qty} x {product} ({sku}) à {price} = {price}\nSubtotaal {price} · btw {pct} {price} · Totaal {total}',
      'Regel 1  {product}  {qty} st.  {price}\nRegel 2  {product}  {qty} st.  {price}\nTe betalen: {total}'],
    { p: 0.35, v: ['Levering volgens raamovereenkomst {PATTERN}.', 'Speciale voorwaarden: {TERM} (ref. {PATTERN}).'] },
    { p: 0.25, v: ['Afnemer is eenmanszaak, {NATID}.'] },
    ['Graag betalen binnen {days} dagen op IBAN {IBAN}, BIC {BIC}, o.v.v. {invoice}.', 'Bankgegevens: IBAN {IBAN} · BIC {BIC} · kenmerk {invoice}'],
    { p: 0.7, v: ['Debiteurenadministratie: {AGENT_FULL}, {PHONE}, {SHOPEMAIL}', 'Vragen over deze factuur: {SHOPEMAIL} of {PHONE}'] },
  ],
};
