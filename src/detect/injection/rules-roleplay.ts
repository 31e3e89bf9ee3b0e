/** Rules for role play and jailbreaks: personas without limits, special modes, fiction used as a way around the rules. */
import { rule, type InjectionRule } from './rule.ts';
import * as V from './vocabulary.ts';

export const ROLEPLAY_RULES: readonly InjectionRule[] = [
  rule('jailbreak.dan', 'roleplay_jailbreak', 0.75, '\\bdo anything now\\b|\\b(?:you are|you\'re|act as|become|be|pretend to be|sei|bist du|du bist|tu es|tu seras|eres|seras|sei|ben je|je bent|jij bent)\\s+(?:now\\s+|nun\\s+|jetzt\\s+|maintenant\\s+|desormais\\s+|ahora\\s+|ora\\s+|adesso\\s+|nu\\s+)?dan\\b|\\bdan mode\\b|\\bdan-modus\\b|\\b(?:better|anti)-?dan\\b', { anchor: 'dan' }),
  rule(
    'jailbreak.special-mode',
    'roleplay_jailbreak',
    0.45,
    '\\b(?:developer|dev|god|debug|admin|sudo|maintenance|unrestricted|jailbreak|jailbroken|unfiltered|evil|chaos|opposite|unlocked|dude|stan)\\s+mode\\b' +
      '|\\b(?:entwickler|gott|debug|admin|wartungs)-?modus\\b|\\b(?:uneingeschrankte[nm]?|ungefilterte[nm]?|freie[nm]?) modus\\b|\\bmode (?:developpeur|dieu|debug|sans (?:filtre|restriction|limite)s?|libre)\\b' +
      '|\\bmodo (?:desarrollador|dios|depuracion|sin (?:filtros?|restricciones|limites))\\b|\\bmodalita (?:sviluppatore|dio|debug|senza (?:filtri|restrizioni|limiti))\\b' +
      '|\\b(?:ontwikkelaars?|god|debug|beheerders)-?modus\\b',
  ),
  rule('jailbreak.enable-mode', 'roleplay_jailbreak', 0.35, '\\b(?:enable|activate|enter|switch to|turn on|unlock|now in|aktiviere|wechsle in|active[zr]?|passe[zr]? en|activa|entra en|cambia a|attiva|entra in|passa alla|activeer|schakel over naar|ga naar)\\b[^.!?\\n]{0,20}(?:mode|modus|modo|modalita)\\b'),
  rule(
    'jailbreak.no-restrictions',
    'roleplay_jailbreak',
    0.3,
    '\\b(?:without|with no|free (?:of|from)|no longer (?:bound by|have)|not bound by|unbound by|no)\\s+(?:any\\s+)?(?:restrictions|limitations|limits|filters|rules|guidelines|censorship|ethical (?:guidelines|constraints)|moral (?:guidelines|constraints)|content polic(?:y|ies)|boundaries|safeguards)\\b' +
      '|\\bohne\\s+(?:jegliche\\s+|irgendwelche\\s+)?(?:einschrankungen|beschrankungen|grenzen|filter|regeln|zensur|richtlinien)\\b' +
      '|\\bsans\\s+(?:aucune?\\s+)?(?:restrictions?|limites?|filtres?|regles?|censure)\\b' +
      '|\\bsin\\s+(?:ninguna?\\s+)?(?:restricci(?:on|ones)|limites?|filtros?|reglas?|censura)\\b' +
      '|\\bsenza\\s+(?:alcuna?\\s+|nessuna?\\s+)?(?:restrizion[ei]|limit[ei]|filtr[oi]|regol[ae]|censura)\\b' +
      '|\\bzonder\\s+(?:enige\\s+|welke\\s+)?(?:beperkingen|beperking|grenzen|filters|regels|censuur)\\b', { anchor: V.LIMITS }),
  rule(
    'jailbreak.unbound-ai',
    'roleplay_jailbreak',
    0.6,
    `\\b${V.THE_AI}\\b[^.!?\\n]{0,50}\\b(?:no|without|free (?:of|from)|not bound by|doesn'?t have|does not have|ignores?|bypass(?:es)?|beyond|ohne|sans|sin|senza|zonder|keine|aucune?|ninguna?|nessuna?|geen)\\s+(?:any\\s+)?(?:restrictions|limitations|limits|filters|rules|guidelines|censorship|ethics|morals|policies|boundaries|einschrankungen|regeln|filter|grenzen|restrictions?|regles|limites|restricciones|reglas|restrizioni|regole|limiti|beperkingen|regels)`, { anchor: V.LIMITS }),
  rule('jailbreak.pretend', 'roleplay_jailbreak', 0.2, '\\b(?:pretend (?:to be|you are|that you)|imagine you are|roleplay as|role-play as|play the role of|you are now|act as if you|tu so,? als|stell dir vor,? du bist|gib vor|fais semblant|imagine que tu es|joue le role|finge (?:ser|que)|haz como si|imagina que eres|fingi di|fai finta di|immagina di essere|doe alsof|speel de rol|stel je voor dat je)\\b'),
  rule('jailbreak.stay-in-character', 'roleplay_jailbreak', 0.4, "\\b(?:stay|remain) in character\\b|\\b(?:never|don'?t|do not) (?:break|drop|leave|exit|step out of) (?:the |your )?character\\b|\\bne (?:sors|sortez|quitte|quittez) jamais (?:du|le) (?:personnage|role)\\b|\\bno (?:salgas|rompas|abandones|te salgas)(?: nunca)? del? (?:personaje|papel)\\b|\\bnon (?:uscire|rompere)(?: mai)? dal? (?:personaggio|ruolo)\\b|\\b(?:val|stap) nooit uit (?:je|de) rol\\b|\\bfall(?:e)? nie(?:mals)? aus der rolle\\b|\\bbleib(?:e)? in (?:der|deiner) rolle\\b|\\bfall(?:e)? nicht aus der rolle\\b|\\breste(?:z)? dans (?:ton|le|votre) (?:personnage|role)\\b|\\bmantente en (?:tu|el) (?:personaje|papel)\\b|\\bno rompas el personaje\\b|\\bresta nel (?:personaggio|ruolo)\\b|\\bnon uscire dal personaggio\\b|\\bblijf in (?:je|de|jouw|die) rol\\b|\\bval niet uit (?:je|de) rol\\b", { anchor: 'character|rolle|personnage|role|personaje|papel|personaggio|ruolo| rol' }),
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
  rule('jailbreak.no-limits', 'roleplay_jailbreak', 0.35, `\\b${V.NO}\\s+(?:\\w+\\s+){0,2}${V.LIMITS}\\b`, { anchor: V.LIMITS }),
  rule('jailbreak.no-refusal', 'roleplay_jailbreak', 0.5, "\\bnever (?:refuses?|says? (?:it|you|he|she) can'?t|apologi[sz]es?|adds? (?:any )?(?:warnings?|disclaimers?))\\b|\\b(?:without|no) (?:any )?(?:warnings?|disclaimers?|refusals?)\\b|\\blehnt nie(?:mals)? ab\\b|\\b(?:gibt|macht) (?:nie|keine) (?:warnungen|hinweise)\\b|\\bohne (?:jede |jegliche )?(?:verweigerung|warnung)\\b|\\bne refuse jamais\\b|\\bn'ajoute jamais d'avertissements?\\b|\\bsans (?:aucun )?(?:refus|avertissement)\\b|\\bnunca se niega\\b|\\bnunca (?:anade|pone) advertencias\\b|\\bsin (?:ninguna )?(?:negativa|advertencia)s?\\b|\\bnon rifiuta mai\\b|\\bnon aggiunge mai avvertenze\\b|\\bsenza (?:alcun )?(?:rifiut|avvertiment)[oi]\\b|\\bweigert nooit\\b|\\bgeeft nooit waarschuwingen\\b|\\bzonder (?:enige )?(?:weigering|waarschuwing)\\b", { anchor: 'never|refus|warning|disclaimer|nie|ablehn|warnung|verweigerung|jamais|avertissement|nunca|negativa|advertencia|rifiut|avvertiment|nooit|weiger|waarschuw|hinweise' }),
  rule('jailbreak.named-persona', 'roleplay_jailbreak', 0.35, `\\b(?:simulate|simuliere|simule|simula|simuleer|emulate|become|play|spiel|joue|interpreta|speel)\\b[^.!?\\n]{0,25}\\b${V.THE_AI}\\s+(?:called|named|namens|appelee?|llamad[ao]|chiamat[ao]|genaamd|die|qui|que|che)\\b|\\b(?:you are|you're|du bist|tu es|eres|sei|je bent)\\s+[a-z]{2,20}(?:bot|gpt|ai)\\b|\\bwhich stands for\\b`),
  rule('jailbreak.evil-twin', 'roleplay_jailbreak', 0.5, '\\b(?:evil|malicious|dark) twin\\b|\\bbose[rn]? zwilling\\b|\\bjumeau malefique\\b|\\bgemelo malvado\\b|\\bgemello malvagio\\b|\\bboze tweeling\\b'),
  rule('jailbreak.grandma', 'roleplay_jailbreak', 0.5, '\\b(?:deceased|late|dead|verstorbene[n]?|defunte|feue|fallecida|difunta|defunta|morta|scomparsa|overleden)\\s+(?:grand\\s?(?:mother|ma|father|pa)|granny|oma|opa|grand-mere|grand-pere|mamie|papi|abuela|abuelo|nonna|nonno)\\b|\\b(?:grand-mere|grand-pere|mamie|abuela|abuelo|nonna|nonno|oma|opa)\\s+(?:decedee?|defunte?|fallecid[ao]|muert[ao]|difunt[ao]|mort[ao]|scompars[ao]|overleden|verstorben)\\b', { anchor: 'grand|granny|oma|opa|mamie|papi|abuel|nonn' }),
  rule('jailbreak.alternate-world', 'roleplay_jailbreak', 0.3, '\\b(?:parallel|alternate|alternative) (?:universe|world|reality)\\b|\\bparalleluniversum\\b|\\bunivers parallele\\b|\\buniverso parallelo?\\b|\\bparallel universum\\b|\\b(?:version of (?:you|yourself)|deine version|ta version|tu version|la tua versione|jouw versie)\\b'),
  rule('jailbreak.hypothetical', 'roleplay_jailbreak', 0.2, '\\bhypothetical(?:ly)?\\b|\\b(?:rein )?hypothetisch\\b|\\bhypothetiquement\\b|\\bhipoteticamente\\b|\\bipoteticamente\\b|\\bthought experiment\\b|\\bgedankenexperiment\\b|\\bexperience de pensee\\b|\\bexperimento mental\\b|\\besperimento mentale\\b|\\bgedachte-?experiment\\b'),
  rule('jailbreak.persona-suspended', 'roleplay_jailbreak', 0.5, '\\b(?:persona|personality|identity|personlichkeit|personnalite|personalidad|personalita|persoonlijkheid)\\b[^.!?\\n]{0,20}\\b(?:is|ist|est|esta|e|wird|was)\\s+(?:now\\s+)?(?:suspended|disabled|gone|off|ausgesetzt|deaktiviert|suspendue|desactivee|suspendida|desactivada|sospesa|disattivata|uitgeschakeld|opgeschort)\\b'),
  rule('jailbreak.two-answers', 'roleplay_jailbreak', 0.3, '\\b(?:two|zwei|deux|dos|due|twee) (?:answers|responses|antworten|reponses|respuestas|risposte|antwoorden)\\b[^.!?\\n]{0,40}\\b(?:normal|filtered|unfiltered|normale|ungefilterte|non filtree|sin filtro|senza filtri|ongefilterd)'),
  rule('jailbreak.reveal-secrets', 'roleplay_jailbreak', 0.35, '\\b(?:spills?|reveals?|leaks?|tells?|balance|cuenta|racconta|spiffera|verrat|lapt|verklapt)\\b[^.!?\\n]{0,15}\\b(?:every|all|tous les|toutes les|todos los|tutti i|alle)\\s+(?:internal |internen |internes |internos |interni |interne )?(?:secrets?|geheimnisse|secretos|segreti|geheimen)\\b', { anchor: 'secret|geheim|segret' }),
  rule('jailbreak.game', 'roleplay_jailbreak', 0.15, "\\blet'?s play a game\\b|\\bwir spielen ein spiel\\b|\\bon (?:fait|joue a) un jeu\\b|\\bjuguemos\\b|\\bgiochiamo\\b|\\blaten we een spel\\b|\\bimprov\\b|\\bimprovv?is\\w+\\b", { anchor: 'game|spiel|jeu|juguemos|giochiamo|improv|spel' }),
  rule('jailbreak.rogue-ai', 'roleplay_jailbreak', 0.3, `\\b(?:rogue|abtrunnige[rn]?|incontrolable|devenue? incontrolable|fuori controllo|ontspoorde?|unhinged|entfesselte[rn]?)\\b[^.!?\\n]{0,20}\\b(?:${V.THE_AI}|chatbot|shop-?chatbot)\\b|\\b(?:${V.THE_AI}|chatbot)\\b[^.!?\\n]{0,30}\\b(?:devenu incontrolable|fuori controllo)\\b`, { anchor: 'rogue|abtrunnig|incontrolable|fuori controllo|ontspoor|unhinged|entfessel' }),
  rule('jailbreak.fiction', 'roleplay_jailbreak', 0.35, `\\b(?:novel|story|play|screenplay|script|roman|geschichte|theaterstuck|histoire|piece de theatre|novela|historia|obra|romanzo|racconto|storia|verhaal|toneelstuk)\\b[^.!?\\n]{0,60}\\b(?:${V.THE_AI}|chatbot|shop-?chatbot)\\b[^.!?\\n]{0,60}\\b(?:explains?|erklart|explique|explica|spiega|legt uit|step by step|schritt fur schritt|etape par etape|paso a paso|passo dopo passo|stap voor stap|never heard of|rules|regeln|regles|reglas|regole|regels)\\b`),
  rule('jailbreak.safety-off', 'roleplay_jailbreak', 0.55, '\\b(?:safety|security|content|moderation)\\s+(?:rules|filters?|guidelines|restrictions|checks|measures)\\s+(?:are|have been|were|is)\\s+(?:now\\s+)?(?:disabled|off|turned off|lifted|suspended|removed|deactivated)\\b|\\bsicherheits(?:regeln|filter|richtlinien|vorgaben)\\s+(?:sind\\s+|wurden\\s+)?(?:deaktiviert|aufgehoben|ausgeschaltet|aus)\\b|\\bregles de securite\\s+(?:sont\\s+)?(?:desactivees|levees|suspendues)\\b|\\breglas de seguridad\\s+(?:estan\\s+)?(?:desactivadas|suspendidas|anuladas)\\b|\\bregole di sicurezza\\s+(?:sono\\s+)?(?:disattivate|sospese|rimosse)\\b|\\bveiligheidsregels\\s+(?:zijn\\s+)?(?:uitgeschakeld|opgeheven|gedeactiveerd)\\b'),
];
