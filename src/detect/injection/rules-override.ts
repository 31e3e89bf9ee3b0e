/** Rules for instruction overrides: setting earlier instructions aside, declaring them void, or installing new ones. */
import { GAP, QUALIFIED, rule, type InjectionRule } from './rule.ts';
import * as V from './vocabulary.ts';

export const OVERRIDE_RULES: readonly InjectionRule[] = [
  rule('override.earlier-instructions', 'instruction_override', 0.75, `\\b${V.SET_ASIDE}\\b${GAP}\\b${QUALIFIED}\\s+${V.INSTRUCTIONS}\\b(?![ \\t]+${V.SCOPED})`, { anchor: `${V.INSTRUCTIONS}|${V.RULES}` }),
  rule('override.earlier-rules', 'instruction_override', 0.45, `\\b${V.SET_ASIDE}\\b${GAP}\\b${QUALIFIED}\\s+${V.RULES}\\b(?![ \\t]+${V.SCOPED})`, { anchor: `${V.INSTRUCTIONS}|${V.RULES}` }),
  rule('override.instructions', 'instruction_override', 0.4, `\\b${V.SET_ASIDE}\\s+(?:${V.EARLIER}\\s+){0,3}${V.INSTRUCTIONS}\\b`, { anchor: `${V.INSTRUCTIONS}|${V.RULES}` }),
  rule(
    'override.everything-before',
    'instruction_override',
    0.65,
    '\\b(?:ignore|disregard|forget)\\s+(?:everything|all|anything)(?:\\s+(?:that\\s+)?(?:was|has been|you were|i)?\\s*(?:said|written|told|given|mentioned|stated))?\\s+(?:above|before|previously|earlier|so far|until now)' +
      '|\\bvergiss\\s+alles[,\\s]+(?:bisherige|vorherige|was|oben|davor|bis)' +
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
      "|\\b(?:d'ora in poi|da ora in poi|da adesso in poi|da adesso in avanti|d ora in poi|d'ora in avanti|da questo momento),?\\s+(?:sei|sarai|devi|rispondi|risponderai)\\b" +
      '|\\b(?:vanaf nu|voortaan|van nu af aan),?\\s+(?:ben je|zul je|moet je|antwoord je|ga je|reageer je)\\b',
  ),
  rule(
    'override.new-instructions',
    'instruction_override',
    0.45,
    '\\b(?:new|updated|real|actual|true|revised)\\s+(?:instructions|task|directive|objective|mission|orders)\\s*(?:[:\\-]|are\\b|is\\b)' +
      '|\\byour\\s+(?:new|real|actual|true|only)\\s+(?:task|instructions?|goal|job|purpose|role|objective|mission)\\s+(?:is|are|will be|:)' +
      '|\\b(?:neue|deine neue|deine eigentliche|deine wahre|die echten|die wahren)\\s+(?:anweisung(?:en)?|aufgabe|regeln|mission|vorgabe|vorgaben|richtlinie)\\s*(?::|lautet|lauten|ist|sind)' +
      '|\\b(?:nouvelle directive|nueva directiva|nuova direttiva|nieuwe richtlijn|new directive|neue richtlinie|the real instructions|les vraies (?:instructions|consignes)|las verdaderas instrucciones|le vere istruzioni|de echte instructies)\\s*(?::|are|sont|son|sono|zijn)' +
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
      '|\\b(?:vorherige|bisherige|ursprungliche)n?\\s+(?:aufgabe|anweisung(?:en)?)\\s+(?:ist|sind)\\s+(?:hiermit\\s+|ab sofort\\s+)?(?:hinfallig|ungultig|aufgehoben|beendet|ersetzt)', { anchor: 'cancel|void|revoked|obsolete|no longer valid|overridden|replaced|suspended|hinfallig|ungultig|aufgehoben|beendet|ersetzt' }),
  rule('override.your-rules', 'instruction_override', 0.5, `\\b${V.SET_ASIDE}\\b${GAP}\\b${V.YOUR}\\s+(?:\\w+\\s+)?${V.RULES}\\b(?![ \\t]+${V.SCOPED})`, { anchor: `${V.INSTRUCTIONS}|${V.RULES}` }),
  rule('override.suspend-instructions', 'instruction_override', 0.65, `\\bsetz(?:e|en sie|t)? (?:\\w+ ){0,3}(?:${V.INSTRUCTIONS}|${V.RULES}) au(?:ss|ß)er kraft\\b|\\b(?:${V.INSTRUCTIONS}|${V.RULES})\\b[^.!?\\n]{0,40}\\bbuiten beschouwing\\b|\\blaat (?:\\w+ ){0,3}(?:${V.INSTRUCTIONS}|${V.RULES}) varen\\b`, { anchor: `${V.INSTRUCTIONS}|${V.RULES}` }),
  rule('override.own-rules', 'instruction_override', 0.3, `\\b(?:${V.SET_ASIDE}|ignoro|ignorero|ignorerai|ignorerò|i will ignore|i'll ignore|je vais ignorer|j'ignore|voy a ignorar|negeer)\\s+(?:ich\\s+|ik\\s+)?(?:my|meine|mes|mis|le mie|mijn)\\s+${V.RULES}\\b`, { anchor: `${V.INSTRUCTIONS}|${V.RULES}` }),
  rule('override.policy', 'instruction_override', 0.35, '\\b(?:ignore|ignoriere|ignorier|ignora|ignorez|negeer|disregard|bypass|umgehe|contourne|salta|aggira|omzeil)\\s+(?:the\\s+|die\\s+|la\\s+|le\\s+|el\\s+|il\\s+|het\\s+|de\\s+)?(?:[a-z-]+\\s+)?(?:policy|policies|richtlinien|shop-richtlinien|politique|politica|beleid|winkelbeleid|regeln|reglas|regole|regels)\\b'),
  rule('override.hidden-prompt', 'instruction_override', 0.7, `\\b${V.SET_ASIDE}\\b${GAP}\\b${V.HIDDEN_PROMPT}\\b`, { anchor: 'prompt|instr|istruz|anweis|nachricht|message|mensaje|messaggio|bericht|rules|regeln|regels|regles|defini' }),
  rule(
    'override.rules-from-before',
    'instruction_override',
    0.6,
    `\\b${V.SET_ASIDE}\\b${GAP}\\b(?:${V.INSTRUCTIONS}|${V.RULES})\\s+(?:from before|from earlier|above|you were given|you got|you received|von vorhin|von vorher|von eben|oben|daruber|d'avant|de tout a l'heure|ci-dessus|au-dessus|precedentes|de antes|d antes|de arriba|anteriores|previas|di prima|qui sopra|sopra|precedenti|van eerder|van daarnet|van net|hierboven|hiervoor)\\b`, { anchor: `${V.INSTRUCTIONS}|${V.RULES}` }),
  rule(
    'override.what-you-were-told',
    'instruction_override',
    0.6,
    "\\b(?:never ?mind|forget|ignore|disregard|scratch)\\s+(?:what|whatever|all|everything)\\s+(?:that\\s+)?(?:you were|you've been|you have been|they|we|i|someone|anyone)\\s+(?:told|said|instructed|gave|given|wrote)" +
      "|\\b(?:da igual|no importa|non importa|egal|peu importe|maakt niet uit)\\b[^.!?\\n]{0,20}\\b(?:lo que|cosa|was|ce qu'on|wat)\\b[^.!?\\n]{0,20}\\b(?:ordenaran|ordenaron|dijeron|dijeran|(?:abbiano|hanno) (?:ordinato|detto)|gesagt|befohlen|eingetrichtert|dit|demande|verteld|gezegd)|\\blo que te (?:dijeran|ordenaran)\\b|\\bwhatever\\s+(?:they|you were|i|we|someone)\\s+(?:told|said|instructed)\\b[^.!?\\n]{0,30}\\b(?:before|earlier|previously)\\b|\\bscratch (?:all|everything) (?:that|above)\\b" +
      "|\\b(?:was|alles was) (?:man )?dir (?:vorher|zuvor|bisher|vorhin)? ?(?:gesagt|aufgetragen|befohlen)|\\bce qu'on t'a (?:dit|demande)|\\blo que te (?:dijeron|han dicho|ordenaron)|\\bquello che ti (?:hanno detto|e stato detto)|\\bwat (?:ze |men |iemand )?(?:je|jou) (?:eerder |vooraf |daarvoor )?(?:hebben |heeft |is )?(?:gezegd|verteld|opgedragen)",
  ),
  rule(
    'override.no-longer-valid',
    'instruction_override',
    0.45,
    `\\b(?:${V.INSTRUCTIONS}|${V.RULES}|told|said|system message|gesagte|eingetrichtert|dit|dicho|detto|gezegd|verteld|everything|alles|tout|todo|tutto|ce qu'on t'a dit|lo que te dij\\w+)\\b[^.!?\\n]{0,50}\\b(?:no longer (?:apply|valid|in effect|matter|count)|(?:is|ist|est|es|e) (?:now |ab jetzt |jetzt |desormais |ahora |ora |nu )?(?:invalid|void|ungultig|hinfallig|caduques?|invalides?|nul|nulo|invalido|nullo|ongeldig|vervallen|obsoletes?|obsoletos?|superat[ei])|(?:sont|son|sono|zijn) (?:obsoletes|caduques|obsoletas|superate|verouderd)|doet er niet (?:meer )?toe|ist egal|egal ist|ya no pinta nada|spielt keine rolle mehr|n'a plus (?:d'importance|aucune importance)|non conta piu|(?:doesn'?t|don'?t|does not|do not) (?:matter|apply|count)|(?:are|is|were|was|have been|has been) (?:\\w+ ){0,3}(?:revoked|void|invalid|cancel+ed|lifted|suspended|obsolete|disabled)|se revocaron|(?:wurden|sind) (?:\\w+ ){1,3}(?:aufgehoben|widerrufen)|nicht mehr (?:gelten|gultig)|(?:wurden|sind) (?:aufgehoben|widerrufen|ungultig)|ne s'appliquent plus|(?:ont ete|sont) (?:revoquees?|annulees?|levees?)|ya no (?:se aplican|valen|cuentan)|(?:fueron|han sido) (?:revocadas?|anuladas?)|non (?:valgono|si applicano|contano) piu|sono state (?:revocate|annullate)|(?:gelden|tellen) niet meer|zijn (?:ingetrokken|vervallen))`,
  ),
  rule(
    'override.was-a-test',
    'instruction_override',
    0.5,
    `\\b(?:text|texte|texto|testo|tekst|message|nachricht|mensaje|messaggio|bericht|${V.INSTRUCTIONS}|everything|prompt|${V.RULES})\\s+(?:above|before|so far|oben|davor|ci-dessus|precedent|anterior|de arriba|sopra|precedente|hierboven)?\\s*(?:was|were|war|waren|etait|etaient|era|eran|erano|was|waren)\\s+(?:just |only |nur |juste |seulement |solo |solamente |soltanto |alleen |maar |slechts )?(?:a |ein |un |una |een )?(?:test|joke|example|prueba|scherzo|grap|probe)\\b`,
  ),
  rule(
    'override.precedence',
    'instruction_override',
    0.5,
    '\\b(?:take|takes|have|has) (?:precedence|priority) over\\b|\\b(?:replace|replaces|supersede|supersedes|override|overrides) (?:all|any|every) (?:the )?(?:previous|prior|earlier|other)\\b|\\b(?:ersetzen|ersetzt) alle (?:bisherigen|vorherigen)\\b|\\bremplacent toutes (?:les|celles) precedentes\\b|\\bsustituyen a todas las anteriores\\b|\\bsostituiscono tutte (?:le|quelle) precedenti\\b|\\bgaan boven alle (?:eerdere|vorige)\\b|\\bhaben vorrang vor\\b|\\b(?:ont|a) (?:la )?priorite sur\\b|\\btienen? prioridad sobre\\b|\\bhanno la (?:precedenza|priorita) su\\b|\\bhebben voorrang (?:op|boven)\\b', { anchor: 'priorit|precedence|vorrang|prioridad|precedenza|voorrang|replace|supersede|override|ersetz|remplacent|sustituyen|sostituiscono|gaan boven' }),
  rule(
    'override.stop-following',
    'instruction_override',
    0.55,
    `\\b(?:not|no longer|never|stop)\\s+(?:to\\s+)?(?:follow|obey|adhere to|comply with|stick to|respect)(?:ing)?\\s+(?:the\\s+|your\\s+|any\\s+|those\\s+)?(?:\\w+\\s+)?${V.RULES}|\\bnicht mehr an (?:deine|die|ihre) (?:\\w+ )?(?:${V.INSTRUCTIONS}|${V.RULES})|\\bne (?:respecte|suis|suivez|respectez) plus (?:tes|les|vos) (?:${V.INSTRUCTIONS}|${V.RULES})|\\bya no (?:sigues|sigas|respetes|respetas|sigas) (?:tus|las) (?:${V.INSTRUCTIONS}|${V.RULES})|\\bnon (?:seguire|rispettare|segui|rispetti) piu (?:le tue|le) (?:${V.INSTRUCTIONS}|${V.RULES})|\\b(?:volg|houd je) niet meer (?:aan )?(?:je|de|jouw) (?:${V.INSTRUCTIONS}|${V.RULES})|\\bvolg je (?:je|de|jouw) (?:\\w+ )?(?:${V.INSTRUCTIONS}|${V.RULES}) niet meer`, { anchor: `${V.INSTRUCTIONS}|${V.RULES}` }),
  rule(
    'override.authority',
    'instruction_override',
    0.3,
    "\\b(?:i am|i'm|im|ich bin|je suis|c'est moi|soy|sono|ik ben)\\s+(?:(?:now|nu|jetzt|ab jetzt|maintenant|desormais|ahora|ora|adesso)\\s+)?(?:your|the|dein|der|ton|le|la|l'|tu|el|il tuo|il|lo|je|de|jouw)\\s*(?:new\\s+)?(?:developer|entwickler|developpeur|desarrollador|sviluppatore|ontwikkelaar|admin|administrat\\w*|owner|inhaber|proprietaire|dueno|proprietario|eigenaar|operator|boss|chef|jefe|capo|baas|creator|schopfer|createur|creador|creatore|maker)\\b", { anchor: 'develop|entwickler|admin|owner|inhaber|propri|dueno|eigenaar|operator|boss|chef|jefe|capo|baas|crea|schopfer|maker|sviluppat|desarroll|ontwikkel' }),
  rule(
    'override.obey-me',
    'instruction_override',
    0.4,
    "\\b(?:you )?(?:only )?obey (?:only )?me\\b|\\banswer only to me\\b|\\btreat (?:everything|all|anything|my messages|what i (?:type|say|write))\\b[^.!?\\n]{0,40}\\bas (?:coming from|if it (?:came|were) from|from|an? (?:instruction|command|order|system))|\\b(?:du )?gehorchst (?:nur|ab jetzt) mir\\b|\\btu (?:m'obeis|n'obeis qu'a moi)\\b|\\b(?:solo )?me obedeces\\b|\\bobbedisci (?:solo )?a me\\b|\\bje gehoorzaamt (?:alleen )?(?:aan )?mij\\b",
  ),
  rule(
    'override.given-at-start',
    'instruction_override',
    0.5,
    `\\b(?:${V.INSTRUCTIONS}|${V.RULES}|text|texte|texto|testo|tekst)\\b[^.!?\\n]{0,40}\\b(?:given|gegeben|donnees?|dadas?|dat[ei]|gekregen|received|erhalten|bekommen|recues?|recibid[ao]s?|ricevut[ei]|ontvangen)\\b[^.!?\\n]{0,25}\\b(?:at the (?:start|beginning)|au debut|al (?:principio|inicio|comienzo)|all'inizio|aan het begin|am anfang|zu beginn)\\b`,
  ),
  rule('override.no-longer-limited', 'instruction_override', 0.45, "\\b(?:you are|you're) no longer (?:limited|restricted|bound|confined)\\b|\\bdu bist nicht (?:mehr|langer) (?:auf|an) [^.!?\\n]{0,30}(?:beschrankt|gebunden)|\\btu n'es plus (?:limite|restreint|tenu)|\\bya no (?:estas|esta) (?:limitad[oa]|restringid[oa])|\\bnon sei piu (?:limitat[oa]|vincolat[oa])|\\bje bent niet (?:langer|meer) beperkt"),
  rule('override.developer-rules', 'instruction_override', 0.35, '\\b(?:developers?|entwickler|developpeurs?|desarrolladores|sviluppatori|ontwikkelaars)\\b[^.!?\\n]{0,20}\\b(?:guidelines|rules|instructions|directives|richtlinien|vorgaben|regeln|consignes|regles|pautas|reglas|directrices|linee guida|regole|richtlijnen|regels)\\b|\\b(?:guidelines|rules|instructions|richtlinien|vorgaben|regeln|directives|pautas|reglas|directrices|linee guida|regole|richtlijnen|regels)\\b[^.!?\\n]{0,20}\\b(?:developers?|entwickler\\w*|developpeurs|desarrolladores|sviluppatori|ontwikkelaars)\\b'),
  rule('override.updated-config', 'instruction_override', 0.35, '\\b(?:updated|changed|modified|new|revised|aktualisiert|geandert|mis a jour|modifie|actualizado|cambiado|aggiornato|modificato|bijgewerkt|gewijzigd)\\s+(?:your|the|deine|die|ta|la|tu|tua|je|de)\\s+(?:configuration|settings|permissions|system prompt|konfiguration|einstellungen|berechtigungen|parametres|autorisations|configuracion|permisos|configurazione|permessi|configuratie|rechten)\\b|\\b(?:configuration|konfiguration|configuracion|configurazione|configuratie)\\s+(?:has been|was|wurde|a ete|ha sido|e stata|is)\\s+(?:updated|changed|aktualisiert|geandert|mise a jour|modifiee|actualizada|aggiornata|bijgewerkt)\\b'),
];
