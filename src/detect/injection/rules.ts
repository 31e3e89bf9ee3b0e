/**
 * The injection rules: each names a signal (reported, never the text), its category and its weight, the
 * evidence it adds on its own. Weights combine by noisy-or in score.ts, so one strong signal (an override of
 * earlier instructions, a chat-template token) is enough to block, while weak ones (a fake "System:" line, an
 * encoding request) only count together. Each rule is one linear-time regex over folded text; gaps between
 * words are bounded and never cross a sentence end, which is also what keeps "ignore the old size chart" apart
 * from "ignore the previous instructions".
 */
import {
  EARLIER, ENCODINGS, HIDDEN_PROMPT, INSTRUCTIONS, OWN_PROMPT, REVEAL, RULES, SCOPED, SENSITIVE, SET_ASIDE, THE_AI, YOUR,
} from './vocabulary.ts';

export const CATEGORIES = [
  'instruction_override',
  'roleplay_jailbreak',
  'prompt_extraction',
  'data_exfiltration',
  'template_injection',
  'obfuscation',
  'indirect',
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface InjectionRule {
  /** The signal name: `category.rule`. */
  readonly id: string;
  readonly category: Category;
  readonly weight: number;
  /** Weight when the text is tool output or a retrieved document (indirect injection); default `weight`. */
  readonly toolWeight?: number;
  /** Counts only alongside a signal of this category (a sensitive word is evidence only next to an exfiltration). */
  readonly onlyWith?: Category;
  readonly pattern: RegExp;
}

/** Up to 40 characters that do not end a sentence or a line. */
const GAP = '[^.!?\\n]{0,40}?';
const QUALIFIED = `${EARLIER}(?:\\s+${EARLIER}){0,2}`;

function rule(id: string, category: Category, weight: number, source: string, extra: Partial<InjectionRule> = {}): InjectionRule {
  return { id, category, weight, pattern: new RegExp(source, 'g'), ...extra };
}

export const INJECTION_RULES: readonly InjectionRule[] = [
  // Instruction override
  rule('override.earlier-instructions', 'instruction_override', 0.75, `\\b${SET_ASIDE}\\b${GAP}\\b${QUALIFIED}\\s+${INSTRUCTIONS}\\b(?!\\s+${SCOPED})`),
  rule('override.earlier-rules', 'instruction_override', 0.45, `\\b${SET_ASIDE}\\b${GAP}\\b${QUALIFIED}\\s+${RULES}\\b(?!\\s+${SCOPED})`),
  rule('override.instructions', 'instruction_override', 0.4, `\\b${SET_ASIDE}\\s+(?:${EARLIER}\\s+){0,3}${INSTRUCTIONS}\\b`),
  rule(
    'override.everything-before',
    'instruction_override',
    0.65,
    '\\b(?:ignore|disregard|forget)\\s+(?:everything|all|anything)(?:\\s+(?:that\\s+)?(?:was|has been|you were|i)?\\s*(?:said|written|told|given|mentioned|stated))?\\s+(?:above|before|previously|earlier|so far|until now)' +
      '|\\bvergiss\\s+alles\\s+(?:bisherige|vorherige|was|oben|davor|bis)' +
      '|\\boublie[zr]?\\s+tout\\s+(?:ce qui|ce que|le reste)' +
      '|\\bolvida(?:te)?\\s+(?:de\\s+)?todo\\s+lo\\s+(?:anterior|que|dicho)' +
      '|\\bdimentica\\s+tutto\\s+(?:quello|cio|il resto|quanto)' +
      '|\\bvergeet\\s+alles\\s+(?:wat|hierboven|eerder|daarvoor|tot nu)',
  ),
  rule(
    'override.from-now-on',
    'instruction_override',
    0.35,
    "\\bfrom now on,?\\s+(?:you|your)\\b|\\b(?:ab jetzt|ab sofort|von nun an|ab nun),?\\s+(?:bist|wirst|musst|sollst|antwortest|sprichst|gibst|darfst)\\s+du\\b" +
      '|\\b(?:a partir de maintenant|desormais|dorenavant),?\\s+(?:tu|vous)\\b' +
      '|\\b(?:a partir de ahora|de ahora en adelante|desde ahora),?\\s+(?:eres|seras|debes|vas a|tienes que|responde|responderas)\\b' +
      "|\\b(?:d'ora in poi|da ora in poi|da adesso in poi|d'ora in avanti|da questo momento),?\\s+(?:sei|sarai|devi|rispondi|risponderai)\\b" +
      '|\\b(?:vanaf nu|voortaan|van nu af aan),?\\s+(?:ben je|zul je|moet je|antwoord je|ga je|reageer je)\\b',
  ),
  rule(
    'override.new-instructions',
    'instruction_override',
    0.45,
    '\\b(?:new|updated|real|actual|true|revised)\\s+(?:instructions|task|directive|objective|mission|orders)\\s*(?:[:\\-]|are\\b|is\\b)' +
      '|\\byour\\s+(?:new|real|actual|true|only)\\s+(?:task|instructions?|goal|job|purpose|role|objective|mission)\\s+(?:is|are|will be|:)' +
      '|\\b(?:neue|deine neue|deine eigentliche|deine wahre)\\s+(?:anweisung(?:en)?|aufgabe|regeln|mission)\\s*(?::|lautet|lauten|ist|sind)' +
      '|\\b(?:nouvelles instructions|(?:ta|votre) (?:nouvelle|vraie|veritable) (?:mission|tache|instruction|consigne))\\s*(?::|est|sont)' +
      '|\\b(?:nuevas instrucciones|tu (?:nueva|verdadera|autentica) (?:tarea|mision|instruccion|funcion))\\s*(?::|es|son)' +
      '|\\b(?:nuove istruzioni|il tuo (?:nuovo|vero) (?:compito|obiettivo|ruolo))\\s*(?::|e|sono)' +
      '|\\b(?:nieuwe instructies|je (?:nieuwe|echte|eigenlijke|ware) (?:taak|opdracht|rol))\\s*(?::|is|zijn|luidt)',
  ),
  rule('override.instead', 'instruction_override', 0.2, '\\binstead,?\\s+(?:say|print|output|write|respond|reply|answer|tell|just say)\\b'),
  rule(
    'override.cancelled',
    'instruction_override',
    0.5,
    '\\b(?:previous|above|prior|original|earlier)\\s+(?:task|instructions?|prompt)\\s+(?:is|are|was|were|has been|have been)\\s+(?:cancel+ed|void|revoked|obsolete|no longer valid|overridden|replaced|suspended)' +
      '|\\b(?:vorherige|bisherige|ursprungliche)n?\\s+(?:aufgabe|anweisung(?:en)?)\\s+(?:ist|sind)\\s+(?:hinfallig|ungultig|aufgehoben|beendet|ersetzt)',
  ),
  // Role play and jailbreaks
  rule('jailbreak.dan', 'roleplay_jailbreak', 0.75, '\\bdo anything now\\b|\\b(?:you are|you\'re|act as|become|be|pretend to be|sei|bist du|du bist|tu es|tu seras|eres|seras|sei|ben je|je bent|jij bent)\\s+(?:now\\s+|nun\\s+|jetzt\\s+|maintenant\\s+|desormais\\s+|ahora\\s+|ora\\s+|adesso\\s+|nu\\s+)?dan\\b|\\bdan mode\\b|\\bdan-modus\\b|\\b(?:better|anti)-?dan\\b'),
  rule(
    'jailbreak.special-mode',
    'roleplay_jailbreak',
    0.45,
    '\\b(?:developer|dev|god|debug|admin|sudo|maintenance|unrestricted|jailbreak|jailbroken|unfiltered|evil|chaos|opposite|unlocked|dude|stan)\\s+mode\\b' +
      '|\\b(?:entwickler|gott|debug|admin|wartungs)-?modus\\b|\\bmode (?:developpeur|dieu|debug|sans (?:filtre|restriction|limite)s?|libre)\\b' +
      '|\\bmodo (?:desarrollador|dios|depuracion|sin (?:filtros?|restricciones|limites))\\b|\\bmodalita (?:sviluppatore|dio|debug|senza (?:filtri|restrizioni|limiti))\\b' +
      '|\\b(?:ontwikkelaars?|god|debug|beheerders)-?modus\\b',
  ),
  rule('jailbreak.enable-mode', 'roleplay_jailbreak', 0.35, '\\b(?:enable|activate|enter|switch to|turn on|unlock|now in|aktiviere|wechsle in|active[zr]?|passe[zr]? en|activa|entra en|cambia a|attiva|entra in|passa alla|activeer|schakel over naar|ga naar)\\b[^.!?\\n]{0,20}\\b(?:mode|modus|modo|modalita)\\b'),
  rule(
    'jailbreak.no-restrictions',
    'roleplay_jailbreak',
    0.3,
    '\\b(?:without|with no|free (?:of|from)|no longer (?:bound by|have)|not bound by|unbound by|no)\\s+(?:any\\s+)?(?:restrictions|limitations|limits|filters|rules|guidelines|censorship|ethical (?:guidelines|constraints)|moral (?:guidelines|constraints)|content polic(?:y|ies)|boundaries|safeguards)\\b' +
      '|\\bohne\\s+(?:jegliche\\s+|irgendwelche\\s+)?(?:einschrankungen|beschrankungen|grenzen|filter|regeln|zensur|richtlinien)\\b' +
      '|\\bsans\\s+(?:aucune?\\s+)?(?:restrictions?|limites?|filtres?|regles?|censure)\\b' +
      '|\\bsin\\s+(?:ninguna?\\s+)?(?:restricci(?:on|ones)|limites?|filtros?|reglas?|censura)\\b' +
      '|\\bsenza\\s+(?:alcuna?\\s+|nessuna?\\s+)?(?:restrizion[ei]|limit[ei]|filtr[oi]|regol[ae]|censura)\\b' +
      '|\\bzonder\\s+(?:enige\\s+|welke\\s+)?(?:beperkingen|beperking|grenzen|filters|regels|censuur)\\b',
  ),
  rule(
    'jailbreak.unbound-ai',
    'roleplay_jailbreak',
    0.6,
    `\\b${THE_AI}\\b[^.!?\\n]{0,50}\\b(?:no|without|free (?:of|from)|not bound by|doesn'?t have|does not have|ignores?|bypass(?:es)?|beyond|ohne|sans|sin|senza|zonder|keine|aucune?|ninguna?|nessuna?|geen)\\s+(?:any\\s+)?(?:restrictions|limitations|limits|filters|rules|guidelines|censorship|ethics|morals|policies|boundaries|einschrankungen|regeln|filter|grenzen|restrictions?|regles|limites|restricciones|reglas|restrizioni|regole|limiti|beperkingen|regels)`,
  ),
  rule('jailbreak.pretend', 'roleplay_jailbreak', 0.2, '\\b(?:pretend (?:to be|you are|that you)|imagine you are|roleplay as|role-play as|play the role of|you are now|act as if you|tu so,? als|stell dir vor,? du bist|gib vor|fais semblant|imagine que tu es|joue le role|finge (?:ser|que)|haz como si|imagina que eres|fingi di|fai finta di|immagina di essere|doe alsof|speel de rol|stel je voor dat je)\\b'),
  rule('jailbreak.stay-in-character', 'roleplay_jailbreak', 0.4, "\\b(?:stay|remain) in character\\b|\\b(?:never|don'?t|do not) break character\\b|\\bbleib(?:e)? in (?:der|deiner) rolle\\b|\\bfall(?:e)? nicht aus der rolle\\b|\\breste(?:z)? dans (?:ton|le|votre) (?:personnage|role)\\b|\\bmantente en (?:tu|el) (?:personaje|papel)\\b|\\bno rompas el personaje\\b|\\bresta nel (?:personaggio|ruolo)\\b|\\bnon uscire dal personaggio\\b|\\bblijf in (?:je|de|jouw) rol\\b|\\bval niet uit (?:je|de) rol\\b"),
  rule(
    'jailbreak.disable-safety',
    'roleplay_jailbreak',
    0.6,
    '\\b(?:bypass|disable|turn off|deactivate|remove|circumvent|override|ignore|switch off|drop|lift)\\s+(?:your\\s+|all\\s+|the\\s+|any\\s+)*(?:safety|content|ethical|moral|security)?\\s*(?:filters?|guardrails|safeguards|safety (?:measures|protocols|guidelines|rules)|content polic(?:y|ies)|ethical guidelines)\\b' +
      '|\\b(?:umgehe|deaktiviere|ignoriere|entferne)\\s+(?:deine\\s+|alle\\s+|die\\s+)*(?:sicherheits|inhalts)?(?:filter|richtlinien|schutzmechanismen|sperren)\\b' +
      '|\\b(?:contourne[zr]?|desactive[zr]?|supprime[zr]?|ignore[zr]?)\\s+(?:tes\\s+|les\\s+|vos\\s+|tous\\s+)*(?:filtres|garde-fous|protections|regles de securite)\\b' +
      '|\\b(?:evita|desactiva|elimina|ignora|salta(?:te)?)\\s+(?:tus\\s+|los\\s+|las\\s+|sus\\s+|todos\\s+)*(?:filtros|salvaguardas|protecciones|reglas de seguridad)\\b' +
      '|\\b(?:aggira|disattiva|rimuovi|ignora)\\s+(?:i tuoi\\s+|i\\s+|le\\s+|tutti i\\s+)*(?:filtri|protezioni|salvaguardie|regole di sicurezza)\\b' +
      '|\\b(?:omzeil|negeer|verwijder|deactiveer)\\s+(?:je\\s+|de\\s+|alle\\s+)*(?:filters|beveiligingen|veiligheidsregels)\\b',
  ),
  rule('jailbreak.word', 'roleplay_jailbreak', 0.45, '\\bjailbr(?:eak|oken|eaking)\\b|\\b(?:unfiltered|uncensored|unrestricted|unaligned)\\s+(?:ai|mode|version|assistant|response|answer|chatbot|model|output|persona)\\b'),
  rule('jailbreak.evil-persona', 'roleplay_jailbreak', 0.5, '\\b(?:evil|malicious|unethical|amoral|immoral|rogue|dark)\\s+(?:twin|ai|assistant|bot|version|confidant|persona|character|alter ego)\\b|\\bbose(?:r|s)? (?:ki|zwilling|assistent)\\b|\\b(?:ia|assistant|jumeau) malveillante?\\b'),
  // Prompt extraction
  rule('extraction.hidden-prompt', 'prompt_extraction', 0.7, `\\b${REVEAL}\\b${GAP}\\b(?:${YOUR}|the|das|den|die|le|la|les|el|los|las|il|lo|de|het)?\\s*${HIDDEN_PROMPT}\\b`),
  rule('extraction.own-prompt', 'prompt_extraction', 0.55, `\\b${REVEAL}\\b${GAP}\\b${YOUR}\\s+${OWN_PROMPT}\\b(?!\\s+${SCOPED})`),
  rule('extraction.mention', 'prompt_extraction', 0.2, `\\b${HIDDEN_PROMPT}\\b`),
  rule(
    'extraction.text-above',
    'prompt_extraction',
    0.55,
    '\\b(?:repeat|print|output|write|copy|return|recite|echo|show|list|summari[sz]e|translate)\\b[^.\\n]{0,30}\\b(?:everything|all|the (?:text|words|content|messages?|lines?|instructions)|what (?:is|was) written)\\b[^.\\n]{0,20}\\b(?:above|before this|so far|preceding|verbatim|word for word)' +
      '|\\b(?:words|text|everything|instructions|content)\\s+(?:above|before)\\s+(?:this|that|the (?:line|message|question))' +
      '|\\b(?:wiederhole|gib|zeig)\\b[^.\\n]{0,30}\\b(?:alles|den text|die worter|die anweisungen)\\b[^.\\n]{0,20}\\b(?:oben|daruber|davor|wortlich)' +
      '|\\b(?:repete|donne|affiche|ecris)\\b[^.\\n]{0,30}\\b(?:tout ce qui|le texte|les mots|les instructions)\\b[^.\\n]{0,20}\\b(?:au-dessus|ci-dessus|precede|mot pour mot)' +
      '|\\b(?:repite|dame|muestra|escribe)\\b[^.\\n]{0,30}\\b(?:todo lo|el texto|las palabras|las instrucciones)\\b[^.\\n]{0,20}\\b(?:arriba|anterior|encima|palabra por palabra)' +
      '|\\b(?:ripeti|dammi|mostra|scrivi)\\b[^.\\n]{0,30}\\b(?:tutto|il testo|le parole|le istruzioni)\\b[^.\\n]{0,20}\\b(?:sopra|precedente|parola per parola)' +
      '|\\b(?:herhaal|geef|toon|schrijf)\\b[^.\\n]{0,30}\\b(?:alles|de tekst|de woorden|de instructies)\\b[^.\\n]{0,20}\\b(?:hierboven|daarvoor|woord voor woord|letterlijk)',
  ),
  rule('extraction.start-with', 'prompt_extraction', 0.55, "\\b(?:start|begin)\\s+(?:your\\s+)?(?:answer|response|reply|output)\\s+with\\s+[\"'\\u201c\\u2018]?(?:you are|i am|sure|here is|my instructions)|\\b(?:beginne|fange?)\\s+(?:deine\\s+)?antwort\\s+mit\\s+[\"'\\u201e]?(?:du bist|ich bin)|\\bcommence\\s+(?:ta|votre)\\s+reponse\\s+par\\s+[\"'\\u00ab]?\\s*(?:tu es|vous etes|je suis)|\\bempieza\\s+(?:tu\\s+)?respuesta\\s+con\\s+[\"'\\u00ab]?(?:eres|soy)|\\binizia\\s+(?:la tua\\s+)?risposta\\s+con\\s+[\"'\\u00ab]?(?:sei|sono)|\\bbegin\\s+(?:je\\s+)?antwoord\\s+met\\s+[\"']?(?:je bent|ik ben)"),
  rule('extraction.what-was-said', 'prompt_extraction', 0.5, '\\bwhat (?:was|were|is) (?:written|said|stated|typed|given) (?:above|before|at the (?:beginning|start|top))|\\b(?:beginning|start|top) of (?:this|the) (?:conversation|chat|prompt|context)\\b'),
  // Data exfiltration
  rule('exfil.encode', 'data_exfiltration', 0.3, `\\b(?:encode|convert|translate|write|output|print|give|return|send|put|format|spell|render|kodiere|codiere|wandle|schreib|encode[zr]?|converti[sr]|ecris|codifica|convierte|escribe|converti|scrivi|codeer|zet|schrijf)\\b[^.\\n]{0,60}\\b${ENCODINGS}`),
  rule('exfil.sensitive', 'data_exfiltration', 0.35, `\\b${SENSITIVE}\\b`, { onlyWith: 'data_exfiltration' }),
  rule('exfil.url-template', 'data_exfiltration', 0.55, 'https?://[^\\s)\\]]+[?&][a-z0-9_]+=(?:\\{|\\[|<|%7b|\\$|\\{\\{|%3c)'),
  rule('exfil.markdown-image', 'data_exfiltration', 0.35, '!\\[[^\\]\\n]{0,100}\\]\\(\\s*https?://[^)\\s]+\\?[^)\\s]*='),
  rule(
    'exfil.into-url',
    'data_exfiltration',
    0.45,
    '\\b(?:append|add|include|insert|put|embed|attach|place|concatenate|inject|encode)\\b[^.\\n]{0,80}\\b(?:to|in|into|as|at the end of)\\s+(?:the\\s+|a\\s+|this\\s+)?(?:url|link|query(?: string)?|parameter|image|src|href|webhook|markdown image)\\b' +
      '|\\b(?:hange|fuge|setze|packe|schreibe)\\b[^.\\n]{0,80}\\b(?:an|in)\\s+(?:die\\s+|den\\s+|das\\s+)?(?:url|link|parameter|bild|webhook)\\b' +
      "|\\b(?:ajoute|insere|mets|integre|colle)[zr]?\\b[^.\\n]{0,80}\\b(?:a|dans|en)\\s+(?:l'|la\\s+|le\\s+)?(?:url|lien|parametre|image|webhook)\\b" +
      '|\\b(?:anade|agrega|inserta|pon|incluye|adjunta)\\b[^.\\n]{0,80}\\b(?:a|en|como)\\s+(?:la\\s+|el\\s+)?(?:url|enlace|parametro|imagen|webhook)\\b' +
      "|\\b(?:aggiungi|inserisci|metti|includi|allega)\\b[^.\\n]{0,80}\\b(?:a|in|nel|nella|all')\\s*(?:l'|la\\s+|il\\s+)?(?:url|link|parametro|immagine|webhook)\\b" +
      '|\\b(?:voeg|plak|zet|stop)\\b[^.\\n]{0,80}\\b(?:toe aan|in|aan)\\s+(?:de\\s+|het\\s+)?(?:url|link|parameter|afbeelding|webhook)\\b',
  ),
  rule('exfil.send-out', 'data_exfiltration', 0.4, '\\b(?:send|post|forward|transmit|upload|exfiltrate|leak|e-?mail|mail|submit|stuur|envoie|envia|invia|schick|sende)\\b[^.\\n]{0,60}\\b(?:to|at|via|an|a|naar|nach|para)\\s+(?:https?://|www\\.|(?:this|the following|that|our|diese|cette|esta|questo|deze)\\s+(?:url|endpoint|webhook|server|link))'),
  // Chat-template and delimiter injection
  rule('template.special-token', 'template_injection', 0.75, '<\\|[a-z_]{2,24}\\|>|\\[/?inst\\]|<</?sys>>|</s>\\s*<s>|<s>\\s*\\[inst|<(?:start|end)_of_turn>|\\[/?system\\]|<\\|(?:im_start|im_end)'),
  rule('template.fake-turn', 'template_injection', 0.3, '(?:^|\\n)[ \\t>*#_-]*(?:system|developer|admin|administrator|operator|root|sistema|systeme|systeem|systeem)(?:\\s+(?:message|prompt|instruction|note|override|update|nachricht|mensaje|messaggio|bericht))?\\s*[:\\]>]'),
  rule('template.fake-assistant', 'template_injection', 0.15, '(?:^|\\n)[ \\t>*#_-]*(?:assistant|ai|asistente|assistente|assistent|model)\\s*:'),
  rule('template.role-json', 'template_injection', 0.45, '["\']role["\']\\s*:\\s*["\'](?:system|developer)["\']'),
  rule('template.heading', 'template_injection', 0.35, '(?:^|\\n)\\s*#{2,4}\\s*(?:system|instruction|instructions|new instructions|response|human|user|assistant)\\s*:?\\s*(?:\\n|$)'),
  rule('template.end-marker', 'template_injection', 0.3, '\\bend of (?:the\\s+)?(?:document|context|review|e-?mail|data|input|user input|text|message|conversation|tool output|search results?|instructions)\\b|(?:^|\\n)\\s*(?:-{3,}|={3,}|\\*{3,})\\s*(?:end|new instructions|system|instructions)\\b|</(?:document|context|user|user_input|tool_output|data|review|email|search_results?|instructions)>'),
  // Indirect: text in a tool result or a document that speaks to the model
  rule('indirect.addresses-ai', 'indirect', 0.2, `(?:^|[\\n.!:;]\\s*|\\b(?:attention|note|important|hey|dear|hello|hi|notice|attn|achtung|hinweis|hallo|liebe[rs]?|chere?|atencion|hola|querid[oa]|attenzione|ciao|car[oa]|let op|beste|aan)\\s+(?:to\\s+)?(?:the\\s+|die\\s+|l'|la\\s+|el\\s+|de\\s+)?)${THE_AI}\\s*[,:!]`, { toolWeight: 0.35 }),
  rule('indirect.if-you-are-ai', 'indirect', 0.3, `\\bif you(?:'re| are)\\s+(?:an?\\s+)?${THE_AI}\\b|\\b(?:${THE_AI})s?\\s+(?:reading|processing|summari[sz]ing|parsing|seeing)\\s+this\\b|\\b(?:falls|wenn)\\s+du\\s+(?:eine?\\s+)?(?:ki|sprachmodell|assistent|bot|ai)\\s+bist\\b|\\bsi (?:tu es|vous etes)\\s+(?:une?\\s+)?(?:ia|assistant|modele|bot|ai)\\b|\\bsi eres\\s+(?:una?\\s+)?(?:ia|asistente|modelo|bot|ai)\\b|\\bse sei\\s+(?:un'?\\s*)?(?:ia|assistente|modello|bot|ai)\\b|\\bals je\\s+(?:een\\s+)?(?:ai|assistent|taalmodel|bot)\\s+bent\\b`, { toolWeight: 0.5 }),
  rule('indirect.hide-from-user', 'indirect', 0.5, "\\b(?:do not|don'?t|never|without)\\s+(?:tell(?:ing)?|mention(?:ing)?|inform(?:ing)?|reveal(?:ing)? (?:this )?to|let(?:ting)?|alert(?:ing)?|notify(?:ing)?)\\s+(?:the\\s+)?(?:user|customer|human|client|shopper|buyer)\\b|\\b(?:sag|sage|erwahne|verrate)\\s+(?:es\\s+)?(?:dem|der)\\s+(?:nutzer|benutzer|kunden|kundin|anwender)\\s+nicht\\b|\\bohne\\s+(?:es\\s+)?(?:dem|der)\\s+(?:nutzer|benutzer|kunden)\\s+zu\\s+sagen\\b|\\b(?:ne (?:dis|dites|mentionne[zr]?) (?:rien|pas)|sans le dire)\\s+(?:a l'|au\\s+)(?:utilisateur|client)\\b|\\b(?:no (?:le )?(?:digas|diga|menciones)(?: nada)?|sin decirle)\\s+al\\s+(?:usuario|cliente)\\b|\\b(?:non (?:dire|dirlo|menzionare)(?: nulla)?|senza dirlo)\\s+(?:all'|al\\s+)(?:utente|cliente)\\b|\\b(?:vertel|zeg|meld)\\s+(?:dit\\s+|het\\s+)?(?:de|aan de)\\s+(?:gebruiker|klant)\\s+niet\\b|\\bzonder\\s+(?:het\\s+)?(?:de\\s+)?(?:gebruiker|klant)\\s+te\\s+(?:vertellen|melden|informeren)\\b"),
  rule('indirect.must-now', 'indirect', 0.15, "\\byou (?:must|should|will|have to|need to) (?:now |immediately |instead )?(?:ignore|reply|respond|say|output|send|include|tell|print|write|answer|recommend|insert|add)\\b", { toolWeight: 0.3 }),
];
