/**
 * Integration tickets from shop developers: a bug title, a description in the developer's language, and the
 * config, curl command or log they pasted — which is where API keys, tokens, JWTs, private keys and database
 * passwords leak in practice. Versions, commit hashes, UUIDs and ports are the look-alikes here.
 */
import type { Recipe, Section } from '../template.ts';
import type { Lang } from '../types.ts';

const SECRET_MAIN: Section = [
  'OPENAI_API_KEY={OPENAI}\nMODEL=gpt-4o-mini', 'ANTHROPIC_API_KEY={ANTHROPIC}', 'export STRIPE_SECRET_KEY={STRIPE}',
  'api_key: {APIKEY}\ntimeout: 30s', 'curl -s https://api.example-llm.com/v1/chat/completions -H "Authorization: Bearer {LLMKEY}" -d @body.json',
  'GOOGLE_MAPS_API_KEY={GOOGLEKEY}', 'GROQ_API_KEY={GROQ}', 'HF_TOKEN={HF}',
  'AWS_ACCESS_KEY_ID={AWS}\nAWS_REGION=eu-central-1', 'DATABASE_URL={DSN}', 'DB_HOST=db-prod-02.internal\nDB_USER=shop_app\nDB_PASSWORD={PASSWORD}',
  'curl -H "Authorization: Bearer {JWT}" https://shop.example/api/v2/orders?status=open', 'GITHUB_TOKEN={GHP}', 'token: {TOKEN}', 'private_token: {GLPAT}', 'Authorization: Bearer {JWT}',
];

const SECRET_EXTRA: Section = {
  p: 0.5,
  v: ['REDIS_URL={DSN}', 'SLACK_BOT_TOKEN={SLACK}', 'GITLAB_TOKEN={GLPAT}', 'password={PASSWORD}', 'x-api-key: {APIKEY}',
    'Cookie: session={JWT}', 'git remote set-url origin https://oauth2:{GLPAT}@gitlab.com/shop/erp-sync.git'],
};

const LOG: readonly string[] = [
  '[{tick}] POST /api/orders/{uuid} -> 401 (client {IP})', '[{tick}] GET /v2/orders/{order} 502 upstream {IPV4}:{port}',
  'commit {commit} – build {version} failed at step "deploy"', '[{tick}] worker-3 sync order {order2} ok, {order2} retry 2/5', '[{tick}] payment_failed order={order} card={CARD} amount={price} code=do_not_honor',
];

function recipe(title: readonly string[], desc: readonly string[], keyIntro: readonly string[], close: readonly string[]): Recipe {
  return [title, desc, SECRET_MAIN, SECRET_EXTRA, { p: 0.22, v: keyIntro.map((t) => `${t}\n{PEM}`) }, { p: 0.7, v: LOG }, close];
}

export const DEV_TICKET: Record<Lang, Recipe> = {
  en: recipe(
    ['Ticket {ticket}: checkout webhook fails after upgrade to {version}', 'Bug: order export to the ERP times out since {date}', 'Issue {ticket} – payment sync returns 401'],
    ['Since deploy {commit} the sync of order {order} returns 401. Current config:', 'Steps to reproduce below, env from staging ({version}):', 'Here is what we run on the worker:'],
    ['Deploy key used by the runner:', 'The SSH key on the build box:'],
    ['Rolled back to {version} for now. Can you check? – {AGENT}', 'Please rotate whatever is needed afterwards. Thanks, {AGENT_FULL}'],
  ),
  de: recipe(
    ['Ticket {ticket}: Checkout-Webhook schlägt nach Update auf {version} fehl', 'Bug: ERP-Export der Bestellungen läuft seit {date} in Timeouts', 'Vorgang {ticket} – Payment-Sync liefert 401'],
    ['Seit Deploy {commit} liefert der Sync von Bestellung {order} einen 401. Aktuelle Konfiguration:', 'Schritte zum Nachstellen unten, Env von Staging ({version}):', 'Das läuft auf dem Worker:'],
    ['Deploy-Key des Runners:', 'Der SSH-Schlüssel auf der Build-Maschine:'],
    ['Haben vorerst auf {version} zurückgerollt. Kannst du mal schauen? – {AGENT}', 'Bitte danach alles Nötige rotieren. Danke, {AGENT_FULL}'],
  ),
  fr: recipe(
    ['Ticket {ticket} : le webhook de paiement échoue après la mise à jour {version}', 'Bug : l’export des commandes vers l’ERP expire depuis le {date}', 'Incident {ticket} – la synchro paiement renvoie 401'],
    ['Depuis le déploiement {commit}, la synchro de la commande {order} renvoie 401. Config actuelle :', 'Étapes pour reproduire ci-dessous, env de préprod ({version}) :', 'Voici ce qui tourne sur le worker :'],
    ['Clé de déploiement du runner :', 'La clé SSH de la machine de build :'],
    ['On est revenus en {version} pour l’instant. Tu peux regarder ? – {AGENT}', 'Merci de faire tourner les secrets ensuite. {AGENT_FULL}'],
  ),
  es: recipe(
    ['Ticket {ticket}: el webhook de pago falla tras actualizar a {version}', 'Bug: la exportación de pedidos al ERP da timeout desde el {date}', 'Incidencia {ticket} – la sincronización de pagos devuelve 401'],
    ['Desde el despliegue {commit}, la sincronización del pedido {order} devuelve 401. Configuración actual:', 'Pasos para reproducir abajo, entorno de staging ({version}):', 'Esto es lo que corre en el worker:'],
    ['Clave de despliegue del runner:', 'La clave SSH de la máquina de build:'],
    ['De momento hemos vuelto a {version}. ¿Puedes revisarlo? – {AGENT}', 'Después rota lo que haga falta, porfa. Gracias, {AGENT_FULL}'],
  ),
  it: recipe(
    ['Ticket {ticket}: il webhook di pagamento fallisce dopo l’aggiornamento a {version}', 'Bug: l’export ordini verso l’ERP va in timeout dal {date}', 'Segnalazione {ticket} – la sync pagamenti restituisce 401'],
    ['Dal deploy {commit} la sync dell’ordine {order} restituisce 401. Configurazione attuale:', 'Passi per riprodurre qui sotto, env di staging ({version}):', 'Ecco cosa gira sul worker:'],
    ['Chiave di deploy del runner:', 'La chiave SSH della macchina di build:'],
    ['Per ora siamo tornati alla {version}. Puoi controllare? – {AGENT}', 'Poi ruota pure le credenziali. Grazie, {AGENT_FULL}'],
  ),
  nl: recipe(
    ['Ticket {ticket}: checkout-webhook faalt na upgrade naar {version}', 'Bug: orderexport naar het ERP loopt sinds {date} in een timeout', 'Melding {ticket} – betaalsync geeft 401'],
    ['Sinds deploy {commit} geeft de sync van bestelling {order} een 401. Huidige config:', 'Stappen om te reproduceren hieronder, env van staging ({version}):', 'Dit draait er op de worker:'],
    ['Deploy-key van de runner:', 'De SSH-sleutel op de buildmachine:'],
    ['Voorlopig teruggezet naar {version}. Kun je kijken? – {AGENT}', 'Graag daarna alles roteren wat nodig is. Bedankt, {AGENT_FULL}'],
  ),
};
