/**
 * Return and refund requests, either as a customer's e-mail or as a web-form submission with labelled fields
 * ("Name:", "IBAN:"). They carry the bank details for the refund, sometimes the card that was charged, a
 * pickup address and phone, next to order numbers, return labels, SKUs and amounts.
 */
import type { Recipe } from '../template.ts';
import type { Lang } from '../types.ts';

export const RETURN_REQUEST: Record<Lang, Recipe> = {
  en: [
    ['Subject: Return request – order {order}', 'Web form: Returns & refunds\nOrder number: {order}\nName: {NAME}\nE-mail: {EMAIL}'],
    ['I would like to return {qty} x {product} ({sku}); the size does not fit. It arrived on {date}.',
      'The {product} arrived damaged (box dented, {measure}). I paid {price} and would like a full refund.',
      'Reason for return: wrong colour delivered ({sku} instead of {sku}), received {date}.'],
    ['Please refund the amount to my account: {NAME}, IBAN {IBAN}, BIC {BIC}.', 'Refund to the original card {CARD}, please.',
      'Bank details for the refund:\nAccount holder: {NAME}\nIBAN: {IBAN}\nBIC/SWIFT: {BIC}'],
    { p: 0.6, v: ['Pickup address: {ADDRESS}. I am best reached on {PHONE}.', 'I will drop it at a {carrier} point; return label {tracking}.',
      'Please collect it from {ADDRESS_ML}\nPhone: {PHONE}'] },
    ['Thanks,\n{NAME}', 'Kind regards,\n{NAME}\n{EMAIL}', 'Many thanks, {FIRST}'],
  ],
  de: [
    ['Betreff: Retoure – Bestellung {order}', 'Webformular: Rücksendung & Erstattung\nBestellnummer: {order}\nName: {NAME}\nE-Mail: {EMAIL}'],
    ['Ich möchte {qty} x {product} ({sku}) zurückschicken, die Größe passt leider nicht. Geliefert am {date}.',
      'Der Artikel {product} kam beschädigt an (Karton eingedrückt, {measure}). Bezahlt habe ich {price}, bitte voll erstatten.',
      'Grund der Rücksendung: falsche Farbe geliefert ({sku} statt {sku}), erhalten am {date}.'],
    ['Bitte erstatten Sie den Betrag auf mein Konto: {NAME}, IBAN {IBAN}, BIC {BIC}.', 'Bitte auf die ursprüngliche Karte {CARD} zurückbuchen.',
      'Bankverbindung für die Erstattung:\nKontoinhaber: {NAME}\nIBAN: {IBAN}\nBIC: {BIC}'],
    { p: 0.6, v: ['Abholadresse: {ADDRESS}. Am besten erreichbar unter {PHONE}.', 'Ich gebe das Paket in einem {carrier}-Shop ab, Retourenlabel {tracking}.',
      'Bitte abholen bei:\n{ADDRESS_ML}\nTel.: {PHONE}'] },
    ['Danke und viele Grüße\n{NAME}', 'Mit freundlichen Grüßen\n{NAME}\n{EMAIL}', 'Danke, {FIRST}'],
  ],
  fr: [
    ['Objet : Demande de retour – commande {order}', 'Formulaire : Retours et remboursements\nN° de commande : {order}\nNom : {NAME}\nE-mail : {EMAIL}'],
    ['Je souhaite retourner {qty} x {product} ({sku}), la taille ne convient pas. Reçu le {date}.',
      'L’article {product} est arrivé abîmé (carton enfoncé, {measure}). J’ai payé {price} et souhaite un remboursement complet.',
      'Motif du retour : mauvaise couleur livrée ({sku} au lieu de {sku}), reçu le {date}.'],
    ['Merci de rembourser sur mon compte : {NAME}, IBAN {IBAN}, BIC {BIC}.', 'Merci de recréditer la carte utilisée {CARD}.',
      'Coordonnées bancaires pour le remboursement :\nTitulaire : {NAME}\nIBAN : {IBAN}\nBIC : {BIC}'],
    { p: 0.6, v: ['Adresse d’enlèvement : {ADDRESS}. Joignable au {PHONE}.', 'Je dépose le colis en point relais {carrier}, étiquette retour {tracking}.',
      'Merci de passer le récupérer :\n{ADDRESS_ML}\nTél. : {PHONE}'] },
    ['Merci,\n{NAME}', 'Cordialement,\n{NAME}\n{EMAIL}', 'Merci d’avance, {FIRST}'],
  ],
  es: [
    ['Asunto: Solicitud de devolución – pedido {order}', 'Formulario: Devoluciones y reembolsos\nN.º de pedido: {order}\nNombre: {NAME}\nCorreo: {EMAIL}'],
    ['Quiero devolver {qty} x {product} ({sku}), la talla no me queda bien. Lo recibí el {date}.',
      'El artículo {product} llegó dañado (caja abollada, {measure}). Pagué {price} y quiero el reembolso completo.',
      'Motivo de la devolución: color equivocado ({sku} en vez de {sku}), recibido el {date}.'],
    ['Por favor, haced el reembolso a mi cuenta: {NAME}, IBAN {IBAN}, BIC {BIC}.', 'Devolvedlo a la tarjeta con la que pagué, {CARD}.',
      'Datos bancarios para el reembolso:\nTitular: {NAME}\nIBAN: {IBAN}\nBIC: {BIC}'],
    { p: 0.6, v: ['Dirección de recogida: {ADDRESS}. Me localizáis en el {PHONE}.', 'Lo dejo en una oficina de {carrier}; etiqueta de devolución {tracking}.',
      'Recogida en:\n{ADDRESS_ML}\nTel.: {PHONE}'] },
    ['Gracias,\n{NAME}', 'Un saludo,\n{NAME}\n{EMAIL}', 'Muchas gracias, {FIRST}'],
  ],
  it: [
    ['Oggetto: Richiesta di reso – ordine {order}', 'Modulo: Resi e rimborsi\nN. ordine: {order}\nNome: {NAME}\nE-mail: {EMAIL}'],
    ['Vorrei restituire {qty} x {product} ({sku}), la taglia non va bene. Ricevuto il {date}.',
      'L’articolo {product} è arrivato danneggiato (scatola ammaccata, {measure}). Ho pagato {price} e chiedo il rimborso completo.',
      'Motivo del reso: colore sbagliato ({sku} invece di {sku}), ricevuto il {date}.'],
    ['Vi prego di rimborsare sul mio conto: {NAME}, IBAN {IBAN}, BIC {BIC}.', 'Rimborsate pure sulla carta usata, {CARD}.',
      'Coordinate bancarie per il rimborso:\nIntestatario: {NAME}\nIBAN: {IBAN}\nBIC/SWIFT: {BIC}'],
    { p: 0.6, v: ['Indirizzo di ritiro: {ADDRESS}. Sono reperibile al {PHONE}.', 'Consegno il pacco in un punto {carrier}; etichetta di reso {tracking}.',
      'Ritiro presso:\n{ADDRESS_ML}\nTel.: {PHONE}'] },
    ['Grazie,\n{NAME}', 'Cordiali saluti,\n{NAME}\n{EMAIL}', 'Grazie mille, {FIRST}'],
  ],
  nl: [
    ['Onderwerp: Retourverzoek – bestelling {order}', 'Webformulier: Retouren & terugbetalingen\nBestelnummer: {order}\nNaam: {NAME}\nE-mail: {EMAIL}'],
    ['Ik wil {qty} x {product} ({sku}) retourneren, de maat past niet. Ontvangen op {date}.',
      'Het artikel {product} kwam beschadigd aan (doos gedeukt, {measure}). Ik heb {price} betaald en wil het volledige bedrag terug.',
      'Reden van retour: verkeerde kleur geleverd ({sku} in plaats van {sku}), ontvangen op {date}.'],
    ['Graag terugstorten op mijn rekening: {NAME}, IBAN {IBAN}, BIC {BIC}.', 'Graag terugboeken op de gebruikte kaart {CARD}.',
      'Bankgegevens voor de terugbetaling:\nTen name van: {NAME}\nIBAN: {IBAN}\nBIC: {BIC}'],
    { p: 0.6, v: ['Ophaaladres: {ADDRESS}. Bereikbaar op {PHONE}.', 'Ik lever het pakket in bij een {carrier}-punt; retourlabel {tracking}.',
      'Graag ophalen op:\n{ADDRESS_ML}\nTel.: {PHONE}'] },
    ['Bedankt,\n{NAME}', 'Met vriendelijke groet,\n{NAME}\n{EMAIL}', 'Alvast bedankt, {FIRST}'],
  ],
};
