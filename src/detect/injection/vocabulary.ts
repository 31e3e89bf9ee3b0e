/**
 * Words the injection rules are built from, per language (en, de, fr, es, it, nl), in folded form: lower case,
 * no accents (see prepare.ts). Each entry is a regex fragment; rules.ts composes them. Kept apart from the rules
 * so that adding a language means adding words here, not new rules.
 */

const alt = (...parts: string[]) => `(?:${parts.join('|')})`;

/** Imperatives that set earlier instructions aside. */
export const SET_ASIDE = alt(
  // en
  'ignore', 'disregard', 'forget', 'skip', 'bypass', 'override', 'overwrite', 'discard', 'abandon', 'neglect', 'drop',
  'erase', 'never ?mind', 'overschrijf', 'uberschreib(?:e|en)?', 'ecrase[zr]?', 'sobrescribe', 'sovrascrivi', "(?:do not|don'?t|no longer|stop) (?:follow|obey|respect|adhere to)", 'pay no attention to',
  'throw away', 'set aside', 'put aside',
  // de
  'ignorier(?:e|en|t)?', 'vergiss', 'vergesst', 'vergessen sie', 'missachte(?:n|t)?', 'uberspring(?:e|en)?', 'verwirf',
  'verwerfen sie', '(?:beachte|befolge|befolgt|befolgen sie) (?:\\w+ ){0,3}nicht', 'lass (?:\\w+ ){0,3}au(?:ss|ß)er acht', 'setz(?:e|en sie)? (?:\\w+ ){0,3}au(?:ss|ß)er kraft',
  // fr
  'ignore[zr]?', 'oublie[zr]?', 'ne (?:tiens|tenez) (?:pas|plus) compte', 'ne (?:plus|pas) tenir compte', 'ne plus suivre', 'fai(?:s|tes) abstraction', 'neglige[zr]?',
  'laisse[zr]? tomber', 'ne (?:suis|suivez) (?:pas|plus)', 'ecarte[zr]?', 'passe[zr]? outre',
  // es
  'ignora(?:r)?', 'ignore(?:n)?', 'olvida(?:te|r)?', 'olvide(?:n)?', 'descarta(?:r)?', 'omite', 'omitir',
  'haz caso omiso', 'no (?:hagas|haga) caso', 'no (?:sigas|siga)', 'deja de seguir', 'pasa por alto',
  // it
  'ignora(?:re)?', 'ignori', 'dimentica(?:re)?', 'dimentichi', 'trascura', 'non tenere (?:piu )?conto', 'di non tenere conto', 'non seguire',
  'scarta', 'tralascia', 'lascia perdere', 'smetti di seguire',
  // nl
  'negeer', 'negeren', 'vergeet', 'vergeten', 'sla (?:\\w+ ){0,3}over', 'laat (?:\\w+ ){0,3}varen',
  'houd geen rekening met', 'volg (?:\\w+ ){0,3}niet(?: meer)?', 'gooi (?:\\w+ ){0,3}weg',
);

/** What is set aside: words that only ever mean instructions to the model. */
export const INSTRUCTIONS = alt(
  // Stems rather than words, so typos ("instrucitons") and inflections still match.
  'instr[a-z]{4,10}', 'directions', 'directives?', 'prompts?', 'system prompt', 'commands', 'programming', 'guidance',
  'anweis[a-z]{2,6}', 'vorgab[a-z]{1,3}', 'vrogab[a-z]{1,3}', 'befehle', 'systemprompt', 'systemanweis[a-z]{2,6}',
  'consignes?', 'indicaciones', 'directrices', 'directivas?', 'istruzion[ei]', 'indicazioni', 'direttive',
  'aanwijzingen', 'opdrachten',
);

/** Words that mean instructions to a model, or a shop's own rules: weaker evidence. */
export const RULES = alt(
  'rules?', 'guidelines', 'policies', 'constraints', 'restrictions', 'context', 'regeln', 'richtlinien', 'einschrankungen',
  'regles', 'contraintes', 'restrictions', 'reglas', 'restricciones', 'regole', 'restrizioni', 'vincoli', 'regels',
  'richtlijnen', 'beperkingen', 'policy', 'politique', 'politica', 'beleid', 'richtlinie',
);

/** Limits a jailbreak wants gone: ethics, rules, filters, in every language. */
export const LIMITS = alt(
  'restrictions?', 'limitations?', 'limits?', 'filters?', 'rules?', 'guidelines?', 'censorship', 'ethics', 'ethical',
  'morals?', 'moral', 'polic(?:y|ies)', 'boundaries', 'safeguards', 'content rules', 'norms',
  'einschrankungen', 'beschrankungen', 'grenzen', 'filter', 'regeln', 'zensur', 'richtlinien', 'ethik', 'moral', 'inhaltsregeln',
  'restrictions?', 'limites?', 'filtres?', 'regles?', 'censure', 'ethique', 'consignes?', 'morale',
  'restricci(?:on|ones)', 'limites?', 'filtros?', 'reglas?', 'censura', 'etica', 'politicas?', 'directrices?', 'normas?',
  'restrizion[ei]', 'limit[ei]', 'filtr[oi]', 'regol[ae]', 'censura', 'etica', 'norme',
  'beperking(?:en)?', 'grenzen', 'filters?', 'regels?', 'censuur', 'ethiek', 'richtlijn(?:en)?', 'einschrankung', 'richtlinie', 'linee? guida', 'direttive?', 'pautas?', 'directriz',
);

/** Words that deny something: "no", "without", "neither … nor", in every language. */
export const NO = alt(
  'no', 'without', 'never heard of', 'keine?r?', 'keinerlei', 'ohne', 'weder', 'aucune?', 'sans', 'ni', 'pas de', "n'a aucune?",
  'ningun[ao]?', 'sin', 'nessun[ao]?', 'senza', 'non (?:hai|avere|ha|avessi)', 'geen', 'zonder', 'noch', "jamais entendu parler d(?:e|es)", 'nie von', 'nunca ha oido hablar de', 'non ha mai sentito parlare di', 'nooit gehoord van',
);

/** Qualifiers that point at instructions given before or by someone else (not the speaker's own "my"). */
export const EARLIER = alt(
  'previous', 'prior', 'above', 'earlier', 'preceding', 'foregoing', 'original', 'initial', 'system', 'all', 'any',
  'your', 'these', 'those', 'the', 'of', 'other', 'current', 'given',
  'vorherigen?', 'vorigen?', 'bisherigen?', 'obigen?', 'ursprunglichen?', 'fruheren?', 'alle', 'deine', 'ihre',
  'diese', 'samtliche', 'precedentes?', 'anterieures?', 'ci-dessus', 'initiales?', 'originales?', 'toutes (?:les|tes|vos)',
  'tes', 'vos', 'anteriores', 'previas', 'de arriba', 'iniciales', 'originales', 'todas (?:las|tus|sus)', 'tus',
  'precedenti', 'sopra', 'iniziali', 'originali', 'tutte (?:le|tue)', 'tue', 'vorige', 'eerdere', 'bovenstaande',
  'oorspronkelijke', 'alle', 'je', 'jouw',
);

/** A scope after the object makes "disregard the previous instructions about delivery" a correction, not an attack. */
export const SCOPED = alt(
  'about', 'regarding', 'for (?:the|my|our|this|that) (?!conversation|chat|session)', 'on (?:the|my|our)', 'concerning',
  'in (?:my|the|our) (?:last|previous|earlier) (?:e-?mail|message|letter|order)', 'zu[mr]? ', 'bezuglich', 'fur (?:die|den|das|meine)',
  'wegen', 'concernant', 'pour (?:la|le|les|ma|mon|mes)', 'sur (?:la|le|les)', 'sobre', 'para (?:el|la|los|las|mi)', 'respecto',
  'riguardo', 'per (?:il|la|lo|le|i|gli|la mia|il mio)', 'sulla', 'sul ', 'over (?:de|het|mijn)', 'voor (?:de|het|mijn)', 'betreffende',
);

/** Requests to show something. */
export const REVEAL = alt(
  'include', 'insert', 'attach', 'embed', 'paste', 'fuge', 'fugen sie', 'ajoute[zr]?', 'insere[zr]?', 'incluye', 'inserta', 'anade', 'includi', 'inserisci', 'aggiungi', 'voeg', 'plak',
  'reveal', 'show(?: me| us)?', 'print', 'display', 'output', 'repeat', 'tell me', 'give me', 'share', 'leak', 'dump',
  'list', 'write (?:out|down)', 'spell out', 'recite', 'paste', 'copy', 'echo', 'disclose', 'expose', 'return',
  'what (?:is|are|was|were)', "what's",
  'zeig(?:e|en sie)?(?: mir)?', 'gib (?:mir )?', 'verrat(?:e)?(?: mir)?', 'nenne(?: mir)?', 'wiederhole', 'drucke',
  'schreib(?:e)?', 'kopiere', 'teile', 'offenbare', 'wie (?:lautet|lauten)', 'was (?:ist|sind|steht in)',
  'montre(?:z)?(?:-moi| moi)?', 'affiche(?:z)?', 'revele(?:z)?', 'donne(?:z)?(?:-moi| moi)?', 'di(?:s|tes)(?:-moi| moi)',
  'repete(?:z)?', 'imprime(?:z)?', 'ecri(?:s|vez)', 'copie(?:z)?', 'partage(?:z)?', 'divulgue(?:z)?',
  'quel(?:le)?s? (?:est|sont)',
  'muestra(?:me)?', 'ensena(?:me)?', 'revela(?:me)?', 'dame', 'dime', 'repite', 'imprime', 'escribe', 'copia', 'comparte',
  'cual(?:es)? (?:es|son)',
  'mostra(?:mi)?', 'rivela(?:mi)?', 'dammi', 'dimmi', 'ripeti', 'stampa', 'scrivi', 'copia', 'condividi',
  'qual(?:e|i) (?:e|sono)',
  'toon', 'laat (?:\\w+ ){0,3}zien', 'onthul', 'verklap', 'geef(?: me)?', 'vertel(?: me)?', 'herhaal', 'print', 'schrijf', 'kopieer', 'deel',
  'wat (?:is|zijn)',
);

/** The model's own hidden instructions. */
export const HIDDEN_PROMPT = alt(
  'system[ -]?prompt', 'system message', 'system instructions?', 'initial (?:prompt|instructions)', 'original (?:prompt|instructions)',
  'hidden (?:prompt|instructions|rules)', 'initial[ -]?prompt', 'tool definitions', 'tool-?definitionen', "definitions d'outils", 'definiciones de herramientas', 'definizioni degli strumenti', 'tooldefinities', 'secret (?:prompt|instructions|rules)', 'internal (?:prompt|instructions|rules)',
  'developer (?:prompt|instructions|message)', 'pre-?prompt', 'meta[ -]?prompt', 'first (?:prompt|instructions)',
  'confidential instructions', 'instructions you were given', 'rules you were given',
  'system-?nachricht', 'system-?anweisung(?:en)?', '(?:ursprunglichen|anfanglichen|versteckten|geheimen|internen) (?:anweisungen|regeln|prompt)',
  'prompt (?:systeme|initial)', 'message systeme', 'instructions (?:initiales|originales|cachees|secretes|systeme|internes)',
  'prompt del sistema', 'mensaje del sistema', 'prompt inicial', 'instrucciones (?:iniciales|originales|ocultas|secretas|del sistema|internas)',
  'prompt di sistema', 'messaggio di sistema', 'prompt iniziale', 'istruzioni (?:iniziali|originali|nascoste|segrete|di sistema|interne)',
  'systeem-?prompt', 'systeembericht', '(?:oorspronkelijke|eerste|verborgen|geheime|interne) (?:instructies|regels|prompt)',
);

/** "Your instructions": the model's own, addressed in the second person. */
export const YOUR = alt('your', 'ur', 'dein(?:e|en|er|es)?', 'ihre', 'ton', 'ta', 'tes', 'votre', 'vos', 'tu', 'tus', 'su', 'sus', 'il tuo', 'la tua', 'i tuoi', 'le tue', 'tuo', 'tua', 'tue', 'je', 'jouw', 'uw');

export const OWN_PROMPT = alt(
  'prompt', 'instructions', 'system message', 'programming', 'directives', 'configuration', 'konfiguration',
  'configuracion', 'configurazione', 'configuratie', 'regeln', 'regles', 'reglas', 'regole', 'regels', 'rules',
  'anweisungen', 'instruktionen', 'programmierung', 'consignes', 'instructions', 'instrucciones', 'programacion',
  'istruzioni', 'programmazione', 'instructies', 'programmering',
);

/** Ways of hiding data in an answer. */
export const ENCODINGS = alt(
  'base ?64', 'base-64', 'hex(?:adecimal)?', 'binary', 'rot-?13', 'leet ?speak', '1337', 'morse', 'ascii codes?',
  'url-?encod\\w*', 'percent-?encod\\w*', 'reversed', 'backwards', 'in reverse', 'caesar', 'binar', 'binaire', 'binario',
  'esadecimale', 'hexadecimal', 'hexadezimal', 'hexadecimaal', 'rovescio', 'al reves', 'a l\'envers', 'ruckwarts', 'achterstevoren',
);

/** What an exfiltration wants out. */
export const SENSITIVE = alt(
  'e-?mail[- ]?address(?:es)?', 'e-?mail-?adressen', 'adresses? e-?mail', 'direcciones de correo', 'indirizzi e-?mail', 'e-?mailadressen',
  'customer e-?mails?', 'kunden-?e-?mail-?adressen', 'card (?:details|data)', 'karte?n-?daten', 'kartnedaten', 'kartennummern',
  'coordonnees bancaires', 'numeros de carte', 'datos de (?:la )?tarjeta', 'numeros de tarjeta', 'dati della carta', 'numeri di carta',
  'kaartgegevens', 'kaartnummers', 'order history', 'bestell(?:historie|verlauf)', 'historique de(?:s)? commandes', 'historial de pedidos',
  'cronologia (?:degli )?ordini', 'bestelgeschiedenis', 'this chat', 'dieses chats', 'ce chat', 'este chat', 'questa chat', 'deze chat',
  'verlauf', 'delivery addresses', 'shipping addresses', 'direcciones de envio', 'indirizzi di spedizione', 'verzendadressen', 'lieferadressen', 'adresses de livraison', 'direcciones de entrega',
  'indirizzi di consegna', 'afleveradressen', 'customer table', 'kundentabelle', 'table clients', 'tabla de clientes',
  'tabella clienti', 'klantentabel', 'admin[- ]?token', 'admin[- ]?passwor[dt]', 'telefonnummern', 'phone numbers',
  'numeros de telephone', 'numeros de telefono', 'numeri di telefono', 'telefoonnummers', 'kundendaten', 'donnees clients?',
  'datos de (?:los )?clientes', 'dati dei clienti', 'klantgegevens', 'api-?schlussel', 'cle api', 'clave api', 'chiave api',
  'passwords?', 'api[ _-]?keys?', 'secrets?', 'tokens?', 'credentials', 'system[ -]?prompt', 'conversation', 'chat history',
  'previous messages', 'customer (?:data|details|records|list|emails?)', 'personal data', 'email addresses', 'credit cards?',
  'card numbers?', 'ibans?', 'phone numbers', 'user data', 'session', 'cookies?',
  'passwort', 'passworter', 'zugangsdaten', 'kundendaten', 'personenbezogene daten', 'gesprach', 'chatverlauf',
  'mot de passe', 'mots de passe', 'cle api', 'identifiants', 'donnees (?:client|clients|personnelles)', 'conversation',
  'historique', 'contrasenas?', 'clave api', 'credenciales', 'datos (?:del cliente|de clientes|personales)', 'conversacion',
  'historial', 'password', 'chiave api', 'credenziali', 'dati (?:del cliente|dei clienti|personali)', 'conversazione',
  'cronologia', 'wachtwoord(?:en)?', 'api-?sleutel', 'inloggegevens', 'klantgegevens', 'persoonsgegevens', 'gesprek',
);

/** The model, as an indirect injection addresses it. */
export const THE_AI = alt(
  'ai', 'a\\.i\\.', 'artificial intelligence', 'assistant', 'chat ?bot', 'llm', 'language model', 'gpt', 'chatgpt',
  'claude', 'gemini', 'copilot', 'ai[ -]agent', 'ki-agent', 'ki-assistent', 'agent ia', 'agente (?:de )?ia', 'agente ai', 'model', 'ki', 'sprachmodell', 'assistent', 'ia', 'intelligence artificielle',
  'modele', 'asistente', 'modelo', 'assistente', 'modello', 'taalmodel', 'bot',
);
