"""Demo content for the Zuidoost-Brabant demo region. Fictional; any resemblance to real groups is by theme only.

Plain Python literals only. A generator combines GROUP_TEMPLATES with PLACES and random schedules
to build demo groups. Groups are described by theme, language and target group, never people by origin,
and no member or group leader is ever named.
"""

from __future__ import annotations

GROUP_TEMPLATES: list[dict] = [
    # ------------------------------------------------------------------ Dutch-only groups
    {
        "themes": ["depression", "mental"],
        "kind": "self_help",
        "working_method": "conversation",
        "led_by": "peer",
        "audience": "affected",
        "gender": "everyone",
        "languages": ["nl"],
        "intake": "trial",
        "online": False,
        "name": {"nl": "Lotgenotengroep Depressie", "en": "Peer group depression"},
        "description": {
            "nl": "Een groep voor mensen die somber zijn of een depressie hebben (gehad). We praten over hoe het met je gaat en wat je helpt. "
            "Je merkt dat anderen je begrijpen. De groep is van en voor de leden.",
            "en": "A group for people who feel low or who have (had) a depression. We talk about how you are doing and what helps you. "
            "You notice that others understand you. The group belongs to its members.",
        },
        "first_visit": {
            "nl": "Je komt eerst één keer op proef. Zo merk je of de groep bij je past. Je hoeft die avond niets over jezelf te vertellen.",
            "en": "You first come once on trial. That way you find out if the group suits you. You do not have to say anything about yourself that evening.",
        },
        "house_rules": {
            "nl": "Wat in de groep gezegd wordt, blijft in de groep. We luisteren naar elkaar en geven geen oordeel.",
            "en": "What is said in the group stays in the group. We listen to each other and do not judge.",
        },
    },
    {
        "themes": ["walking-group-depression", "depression"],
        "kind": "self_help",
        "working_method": "activity",
        "led_by": "volunteer",
        "audience": "affected",
        "gender": "everyone",
        "languages": ["nl"],
        "intake": "just_come",
        "online": False,
        "name": {"nl": "Wandelgroep bij depressie", "en": "Walking group for depression"},
        "description": {
            "nl": "We wandelen elke week een uur samen in de buurt. Bewegen en buiten zijn helpen als je somber bent. "
            "Onderweg kun je praten, maar het hoeft niet. Na afloop drinken we samen koffie.",
            "en": "Every week we walk together for an hour in the area. Moving and being outside help when you feel low. "
            "You can talk on the way, but you do not have to. Afterwards we have coffee together.",
        },
        "first_visit": {
            "nl": "Kom gewoon naar het startpunt. Trek goede schoenen aan. Een vrijwilliger vangt je op en loopt de eerste keer met je mee.",
            "en": "Just come to the starting point. Wear good shoes. A volunteer welcomes you and walks with you the first time.",
        },
        "house_rules": {
            "nl": "We lopen in het tempo van de langzaamste. Wat je onderweg vertelt, blijft tussen ons.",
            "en": "We walk at the pace of the slowest walker. What you tell on the way stays between us.",
        },
    },
    {
        "themes": ["grief"],
        "kind": "support",
        "working_method": "conversation",
        "led_by": "volunteer",
        "audience": "affected",
        "gender": "everyone",
        "languages": ["nl"],
        "intake": "set_moments",
        "online": False,
        "name": {"nl": "Rouwgroep: verder na verlies", "en": "Grief group: going on after a loss"},
        "description": {
            "nl": "Is iemand van wie je houdt overleden? In deze groep praat je met anderen die ook iemand missen. "
            "We praten over verdriet, herinneringen en het dagelijks leven zonder die ander. Er is ruimte voor tranen en voor een lach.",
            "en": "Has someone you love died? In this group you talk with others who also miss someone. "
            "We talk about sorrow, memories and daily life without that person. There is room for tears and for a laugh.",
        },
        "first_visit": {
            "nl": "Nieuwe leden kunnen één keer per maand instromen. Vooraf heb je een kort gesprek met een van de begeleiders. "
            "Daarin hoor je wat je kunt verwachten.",
            "en": "New members can join once a month. Beforehand you have a short talk with one of the facilitators. "
            "There you hear what you can expect.",
        },
        "house_rules": {
            "nl": "Iedereen rouwt op zijn eigen manier. Wat in de groep gezegd wordt, blijft in de groep.",
            "en": "Everyone grieves in their own way. What is said in the group stays in the group.",
        },
    },
    {
        "themes": ["addiction", "family-and-partners"],
        "kind": "support",
        "working_method": "conversation",
        "led_by": "expert_by_experience",
        "audience": "relatives",
        "gender": "everyone",
        "languages": ["nl"],
        "intake": "contact_first",
        "online": False,
        "name": {"nl": "Naasten van mensen met een verslaving", "en": "Relatives of people with an addiction"},
        "description": {
            "nl": "Drinkt, gokt of gebruikt je kind, partner of ouder te veel? Dan maak je je vaak zorgen. "
            "In deze groep praten ouders en partners over hun zorgen, hun grenzen en goed voor zichzelf zorgen. "
            "Een ervaringsdeskundige begeleidt de groep.",
            "en": "Does your child, partner or parent drink, gamble or use drugs too much? Then you often worry. "
            "In this group parents and partners talk about their worries, their limits and taking good care of themselves. "
            "An expert by experience leads the group.",
        },
        "first_visit": {
            "nl": "Neem eerst even contact op. Je krijgt dan uitleg over de groep en hoort waar we samenkomen. De eerste keer mag je alleen luisteren.",
            "en": "Please get in touch first. You get an explanation of the group and hear where we meet. The first time you may just listen.",
        },
        "house_rules": {
            "nl": "We praten over onszelf, niet over de ander. Wat je hier vertelt, blijft hier.",
            "en": "We talk about ourselves, not about the other person. What you tell here stays here.",
        },
    },
    {
        "themes": ["alcohol", "addiction"],
        "kind": "self_help",
        "working_method": "twelve_steps",
        "led_by": "peer",
        "audience": "affected",
        "gender": "everyone",
        "languages": ["nl"],
        "intake": "just_come",
        "online": False,
        "name": {"nl": "Twaalf-stappengroep alcohol", "en": "Twelve-step group alcohol"},
        "description": {
            "nl": "Een zelfhulpgroep voor mensen die willen stoppen met drinken. We werken met de twaalf stappen. "
            "Leden vertellen over hun ervaring, hun kracht en hun hoop. Er is geen begeleider van buiten: de groep is van de leden.",
            "en": "A self-help group for people who want to stop drinking. We work with the twelve steps. "
            "Members share their experience, strength and hope. There is no outside leader: the group belongs to its members.",
        },
        "first_visit": {
            "nl": "Je kunt zonder aanmelding binnenlopen. Je hoeft niets te zeggen en je achternaam is niet nodig. "
            "Na afloop kun je vragen stellen aan een van de leden.",
            "en": "You can walk in without signing up. You do not have to say anything and your surname is not needed. "
            "Afterwards you can ask one of the members your questions.",
        },
        "house_rules": {
            "nl": "Wie je hier ziet en wat je hier hoort, laat je hier. We komen nuchter naar de bijeenkomst.",
            "en": "Who you see here and what you hear here, you leave here. We come to the meeting sober.",
        },
    },
    {
        "themes": ["drugs", "addiction"],
        "kind": "self_help",
        "working_method": "twelve_steps",
        "led_by": "peer",
        "audience": "affected",
        "gender": "everyone",
        "languages": ["nl"],
        "intake": "just_come",
        "online": False,
        "name": {"nl": "Twaalf-stappengroep drugs", "en": "Twelve-step group drugs"},
        "description": {
            "nl": "Voor iedereen die wil stoppen met drugs, welke middelen ook. We volgen de twaalf stappen en steunen elkaar om clean te blijven. "
            "Het enige wat je nodig hebt, is de wens om te stoppen.",
            "en": "For anyone who wants to stop using drugs, whatever the substance. We follow the twelve steps and support each other to stay clean. "
            "The only thing you need is the wish to stop.",
        },
        "first_visit": {
            "nl": "Kom gewoon binnen. Er zijn altijd leden die je verwelkomen en uitleg geven. Je krijgt een foldertje over de stappen mee.",
            "en": "Just come in. There are always members who welcome you and explain things. You get a small leaflet about the steps to take home.",
        },
        "house_rules": {
            "nl": "Je bent anoniem: een voornaam is genoeg. Wat in de groep gezegd wordt, blijft in de groep.",
            "en": "You are anonymous: a first name is enough. What is said in the group stays in the group.",
        },
    },
    {
        "themes": ["gambling", "addiction"],
        "kind": "self_help",
        "working_method": "twelve_steps",
        "led_by": "peer",
        "audience": "affected",
        "gender": "everyone",
        "languages": ["nl"],
        "intake": "just_come",
        "online": False,
        "name": {"nl": "Twaalf-stappengroep gokken", "en": "Twelve-step group gambling"},
        "description": {
            "nl": "Voor mensen die last hebben van gokken: in het casino, met krasloten of online. "
            "We werken met de twaalf stappen en helpen elkaar om een dag niet te gokken. Ook over schulden en schaamte praten we open.",
            "en": "For people who struggle with gambling: in the casino, with scratch cards or online. "
            "We work with the twelve steps and help each other not to gamble for one day. We also talk openly about debts and shame.",
        },
        "first_visit": {
            "nl": "Je kunt zonder afspraak komen. De eerste keer luister je vooral. Na afloop geeft een lid je de telefoonlijst van de groep, als je dat wilt.",
            "en": "You can come without an appointment. The first time you mostly listen. Afterwards a member gives you the group's phone list, if you want.",
        },
        "house_rules": {
            "nl": "Wat je hier hoort, blijft hier. We lenen elkaar geen geld.",
            "en": "What you hear here stays here. We do not lend each other money.",
        },
    },
    {
        "themes": ["autism", "parenting", "family-and-partners"],
        "kind": "support",
        "working_method": "conversation",
        "led_by": "peer",
        "audience": "relatives",
        "gender": "everyone",
        "languages": ["nl"],
        "intake": "contact_first",
        "online": False,
        "name": {"nl": "Ouders van een kind met autisme", "en": "Parents of a child with autism"},
        "description": {
            "nl": "Een groep voor ouders van een kind met autisme, jong of al wat ouder. "
            "We praten over school, vrije tijd, rust in huis en hoe je zelf overeind blijft. Je krijgt herkenning en praktische tips van andere ouders.",
            "en": "A group for parents of a child with autism, young or a bit older. "
            "We talk about school, free time, calm at home and how you keep going yourself. You get recognition and practical tips from other parents.",
        },
        "first_visit": {
            "nl": "Stuur eerst een berichtje of bel even. Dan hoor je waar en wanneer we bij elkaar komen. Je mag samen met je partner komen.",
            "en": "Send a message or call first. Then you hear where and when we meet. You may come together with your partner.",
        },
        "house_rules": {
            "nl": "Wat je over je kind vertelt, blijft in de groep. Ieder kind is anders; we geven tips, geen oordeel.",
            "en": "What you tell about your child stays in the group. Every child is different; we give tips, not judgements.",
        },
    },
    {
        "themes": ["dementia", "caregivers", "family-and-partners"],
        "kind": "support",
        "working_method": "conversation",
        "led_by": "professional",
        "audience": "relatives",
        "gender": "everyone",
        "languages": ["nl"],
        "intake": "set_moments",
        "online": False,
        "name": {"nl": "Partners van mensen met dementie", "en": "Partners of people with dementia"},
        "description": {
            "nl": "Heeft je man, vrouw of partner dementie? Je relatie verandert en de zorg wordt steeds zwaarder. "
            "In deze groep praat je met andere partners over wat je meemaakt. Een casemanager dementie begeleidt de gesprekken.",
            "en": "Does your husband, wife or partner have dementia? Your relationship changes and caring gets harder. "
            "In this group you talk with other partners about what you go through. A dementia case manager guides the talks.",
        },
        "first_visit": {
            "nl": "Nieuwe deelnemers starten één keer per maand. Vooraf is er een kort kennismakingsgesprek. "
            "Kun je niet weg van huis? Vraag ons naar opvang voor je partner.",
            "en": "New participants start once a month. Beforehand there is a short introduction talk. "
            "Can you not leave home? Ask us about care for your partner while you are away.",
        },
        "house_rules": {
            "nl": "Wat je vertelt over je partner en je thuis, blijft in de groep. Alle gevoelens mogen er zijn.",
            "en": "What you tell about your partner and your home stays in the group. All feelings are allowed.",
        },
    },
    {
        "themes": ["anxiety", "phobia", "ocd"],
        "kind": "self_help",
        "working_method": "conversation",
        "led_by": "peer",
        "audience": "affected",
        "gender": "everyone",
        "languages": ["nl"],
        "intake": "trial",
        "online": False,
        "name": {"nl": "Zelfhulpgroep angst en paniek", "en": "Self-help group anxiety and panic"},
        "description": {
            "nl": "Voor mensen met angst, paniekaanvallen, een fobie of dwang. We vertellen elkaar wat we merken en wat helpt. "
            "Soms oefenen we samen kleine stapjes. Je bent niet de enige.",
            "en": "For people with anxiety, panic attacks, a phobia or compulsions. We tell each other what we notice and what helps. "
            "Sometimes we practise small steps together. You are not the only one.",
        },
        "first_visit": {
            "nl": "Je mag eerst één keer op proef komen. Vind je binnenkomen spannend? Dan wacht iemand van de groep je bij de deur op.",
            "en": "You may first come once on trial. Do you find walking in scary? Then someone from the group waits for you at the door.",
        },
        "house_rules": {
            "nl": "Je mag altijd even naar buiten als het te veel wordt. Wat gedeeld wordt, blijft in de groep.",
            "en": "You may always step outside when it gets too much. What is shared stays in the group.",
        },
    },
    {
        "themes": ["bipolar", "mental"],
        "kind": "expert_by_experience",
        "working_method": "conversation",
        "led_by": "expert_by_experience",
        "audience": "affected",
        "gender": "everyone",
        "languages": ["nl"],
        "intake": "contact_first",
        "online": False,
        "name": {"nl": "Herstelgroep bipolair", "en": "Recovery group bipolar"},
        "description": {
            "nl": "Voor mensen met een bipolaire stoornis. Een ervaringsdeskundige begeleidt de groep. "
            "We praten over ups en downs, slaap, medicijnen en werk. We zoeken samen naar wat jou helpt om stabiel te blijven.",
            "en": "For people with bipolar disorder. An expert by experience leads the group. "
            "We talk about ups and downs, sleep, medication and work. Together we look for what helps you stay stable.",
        },
        "first_visit": {
            "nl": "Neem eerst contact op voor een kort gesprek. Daarna kun je aansluiten. De eerste keer vertel je alleen wat je zelf wilt.",
            "en": "Get in touch first for a short talk. After that you can join. The first time you only tell what you want.",
        },
        "house_rules": {
            "nl": "We geven elkaar geen medisch advies. Wat in de groep gezegd wordt, blijft in de groep.",
            "en": "We do not give each other medical advice. What is said in the group stays in the group.",
        },
    },
    {
        "themes": ["psychosis", "schizophrenia"],
        "kind": "expert_by_experience",
        "working_method": "conversation",
        "led_by": "expert_by_experience",
        "audience": "affected",
        "gender": "everyone",
        "languages": ["nl"],
        "intake": "trial",
        "online": False,
        "name": {"nl": "Herstelgroep na psychose", "en": "Recovery group after psychosis"},
        "description": {
            "nl": "Heb je een psychose gehad, of hoor of zie je soms dingen die anderen niet merken? "
            "In deze groep praten we over herstel, je dag invullen en omgaan met stress. Twee ervaringsdeskundigen begeleiden de groep.",
            "en": "Have you had a psychosis, or do you sometimes hear or see things others do not notice? "
            "In this group we talk about recovery, filling your day and coping with stress. Two experts by experience lead the group.",
        },
        "first_visit": {
            "nl": "Je mag eerst een keer komen kijken. Je kunt ook iemand meenemen die je vertrouwt. We beginnen altijd met koffie.",
            "en": "You may first come and have a look once. You can also bring someone you trust. We always start with coffee.",
        },
        "house_rules": {
            "nl": "Ieder verhaal is waar voor wie het vertelt. Wat je hier hoort, blijft hier.",
            "en": "Every story is true for the person telling it. What you hear here stays here.",
        },
    },
    {
        "themes": ["loneliness", "social"],
        "kind": "self_help",
        "working_method": "activity",
        "led_by": "volunteer",
        "audience": "affected",
        "gender": "everyone",
        "languages": ["nl"],
        "intake": "just_come",
        "online": False,
        "name": {"nl": "Samen koken tegen eenzaamheid", "en": "Cooking together against loneliness"},
        "description": {
            "nl": "Voel je je soms alleen? Kom samen koken en eten. We kiezen samen een gerecht, doen boodschappen en eten aan één lange tafel. "
            "Zo leer je nieuwe mensen kennen zonder dat je veel hoeft te praten.",
            "en": "Do you sometimes feel alone? Come and cook and eat together. We choose a dish together, do the shopping and eat at one long table. "
            "That way you meet new people without having to talk a lot.",
        },
        "first_visit": {
            "nl": "Je kunt gewoon binnenlopen. Je helpt mee met snijden, koken of de tafel dekken, wat je leuk vindt. "
            "Je betaalt een kleine bijdrage voor de boodschappen; kan dat niet, dan is dat ook goed.",
            "en": "You can just walk in. You help with cutting, cooking or setting the table, whatever you like. "
            "You pay a small contribution for the groceries; if you cannot, that is fine too.",
        },
        "house_rules": {
            "nl": "Iedereen is welkom aan tafel. We praten niet over elkaar buiten de groep.",
            "en": "Everyone is welcome at the table. We do not talk about each other outside the group.",
        },
    },
    {
        "themes": ["divorce", "relationship-problems", "single-parents"],
        "kind": "self_help",
        "working_method": "conversation",
        "led_by": "peer",
        "audience": "affected",
        "gender": "men",
        "languages": ["nl"],
        "intake": "trial",
        "online": False,
        "name": {"nl": "Mannengroep: na de scheiding", "en": "Men's group: after the divorce"},
        "description": {
            "nl": "Een groep voor mannen die gescheiden zijn of uit elkaar gaan. Het gaat over boosheid, verdriet, je kinderen zien en opnieuw beginnen. "
            "Mannen praten hier open, zonder dat iemand je vertelt wat je moet doen.",
            "en": "A group for men who are divorced or separating. It is about anger, sorrow, seeing your children and starting again. "
            "Men talk openly here, without anyone telling you what to do.",
        },
        "first_visit": {
            "nl": "Je komt eerst een keer op proef. We stellen ons voor met onze voornaam. Daarna beslis je of je blijft.",
            "en": "You first come once on trial. We introduce ourselves by first name. After that you decide whether to stay.",
        },
        "house_rules": {
            "nl": "Wat hier gezegd wordt, blijft hier. We praten niet over je ex-partner met naam en toenaam.",
            "en": "What is said here stays here. We do not talk about your ex-partner by full name.",
        },
    },
    {
        "themes": ["cancer", "somatic"],
        "kind": "support",
        "working_method": "conversation",
        "led_by": "volunteer",
        "audience": "both",
        "gender": "everyone",
        "languages": ["nl"],
        "intake": "just_come",
        "online": False,
        "name": {"nl": "Inloopgroep leven met kanker", "en": "Drop-in group living with cancer"},
        "description": {
            "nl": "Voor mensen met kanker en hun naasten. Je kunt hier praten met mensen die weten hoe het is: tijdens de behandeling of erna. "
            "Vrijwilligers die zelf kanker hebben gehad, zijn er om te luisteren.",
            "en": "For people with cancer and their loved ones. Here you can talk with people who know what it is like: during treatment or after. "
            "Volunteers who had cancer themselves are there to listen.",
        },
        "first_visit": {
            "nl": "Loop gewoon binnen tijdens de inloop. Een vrijwilliger vraagt hoe het met je gaat. Je blijft zo kort of zo lang als je wilt.",
            "en": "Just walk in during the drop-in hours. A volunteer asks how you are. You stay as short or as long as you like.",
        },
        "house_rules": {
            "nl": "We vergelijken geen ziekteverhalen en geven geen medisch advies. Wat je vertelt, blijft in de groep.",
            "en": "We do not compare illness stories and do not give medical advice. What you tell stays in the group.",
        },
    },
    {
        "themes": ["chronic-pain", "fibromyalgia", "chronic-illness"],
        "kind": "self_help",
        "working_method": "conversation",
        "led_by": "peer",
        "audience": "affected",
        "gender": "everyone",
        "languages": ["nl"],
        "intake": "just_come",
        "online": False,
        "name": {"nl": "Lotgenotengroep chronische pijn", "en": "Peer group chronic pain"},
        "description": {
            "nl": "Voor mensen die elke dag pijn hebben, bijvoorbeeld door fibromyalgie, reuma of rugklachten. "
            "Vaak zie je niets aan de buitenkant. We praten over energie verdelen, werk, familie en begrip krijgen.",
            "en": "For people who are in pain every day, for example from fibromyalgia, rheumatism or back problems. "
            "Often you cannot see anything from the outside. We talk about spreading your energy, work, family and getting understanding.",
        },
        "first_visit": {
            "nl": "Kom gewoon langs. Er zijn goede stoelen en je mag altijd even staan of lopen. Bel vooraf als je hulp nodig hebt bij het binnenkomen.",
            "en": "Just come along. There are good chairs and you can always stand or walk for a moment. Call in advance if you need help getting in.",
        },
        "house_rules": {
            "nl": "Jouw pijn is echt, ook als anderen het niet zien. Wat in de groep gezegd wordt, blijft in de groep.",
            "en": "Your pain is real, even if others do not see it. What is said in the group stays in the group.",
        },
    },
    {
        "themes": ["caregivers", "sick-family-member"],
        "kind": "time_out",
        "working_method": "activity",
        "led_by": "volunteer",
        "audience": "relatives",
        "gender": "everyone",
        "languages": ["nl"],
        "intake": "just_come",
        "online": False,
        "name": {"nl": "Time-out voor mantelzorgers", "en": "Time-out for carers"},
        "description": {
            "nl": "Zorg je voor iemand die ziek is? Dan vergeet je soms jezelf. Deze groep is even een pauze van de zorg. "
            "We doen iets ontspannends, zoals tekenen, wandelen of samen lunchen, en praten bij.",
            "en": "Do you care for someone who is ill? Then you sometimes forget yourself. This group is a short break from caring. "
            "We do something relaxing, such as drawing, walking or having lunch together, and catch up.",
        },
        "first_visit": {
            "nl": "Je bent welkom zonder aanmelding. De eerste keer kijk je rustig rond en doe je mee als je wilt. Er is altijd koffie en thee.",
            "en": "You are welcome without signing up. The first time you look around calmly and join in if you like. There is always coffee and tea.",
        },
        "house_rules": {
            "nl": "Hier gaat het om jou, niet om de zorg. Wat je vertelt, blijft in de groep.",
            "en": "Here it is about you, not about the caring. What you tell stays in the group.",
        },
    },
    {
        "themes": ["money-worries", "social"],
        "kind": "samen_sterk",
        "working_method": "conversation",
        "led_by": "key_person",
        "audience": "affected",
        "gender": "everyone",
        "languages": ["nl"],
        "intake": "just_come",
        "online": False,
        "name": {"nl": "Samen Sterk: grip op je geld", "en": "Samen Sterk: getting a grip on your money"},
        "description": {
            "nl": "Heb je geldzorgen of schulden? In deze groep helpen buurtbewoners elkaar. We kijken samen naar brieven, toeslagen en slimme manieren om te besparen. "
            "Een sleutelfiguur uit de wijk weet de weg naar hulp.",
            "en": "Do you have money worries or debts? In this group neighbours help each other. Together we look at letters, benefits and smart ways to save. "
            "A key person from the neighbourhood knows the way to help.",
        },
        "first_visit": {
            "nl": "Kom gewoon langs en neem een brief mee waar je vragen over hebt. Niemand kijkt in je portemonnee. Je vertelt alleen wat je wilt.",
            "en": "Just come along and bring a letter you have questions about. Nobody looks into your wallet. You only tell what you want.",
        },
        "house_rules": {
            "nl": "Geldzorgen zijn niets om je voor te schamen. Wat je hier vertelt, blijft hier.",
            "en": "Money worries are nothing to be ashamed of. What you tell here stays here.",
        },
    },
    {
        "themes": ["adhd", "mental"],
        "kind": "training",
        "working_method": "information",
        "led_by": "professional",
        "audience": "affected",
        "gender": "everyone",
        "languages": ["nl"],
        "intake": "set_moments",
        "online": False,
        "name": {"nl": "Training leven met ADHD (volwassenen)", "en": "Training living with ADHD (adults)"},
        "description": {
            "nl": "Een training van acht bijeenkomsten voor volwassenen met ADHD. Je leert over plannen, rust vinden en omgaan met prikkels. "
            "Je oefent met tips en deelt ervaringen met de groep. Na de training kun je doorgaan in een lotgenotengroep.",
            "en": "A training of eight meetings for adults with ADHD. You learn about planning, finding calm and dealing with stimuli. "
            "You practise tips and share experiences with the group. After the training you can continue in a peer group.",
        },
        "first_visit": {
            "nl": "De training start twee keer per jaar. Vooraf is er een informatieavond. Daar hoor je wat je kunt verwachten en kun je je aanmelden.",
            "en": "The training starts twice a year. Beforehand there is an information evening. There you hear what to expect and can sign up.",
        },
        "house_rules": {
            "nl": "Je mag bewegen, staan of friemelen tijdens de bijeenkomst. Wat in de groep gedeeld wordt, blijft in de groep.",
            "en": "You may move, stand or fidget during the meeting. What is shared in the group stays in the group.",
        },
    },
    {
        "themes": ["suicide", "grief"],
        "kind": "support",
        "working_method": "conversation",
        "led_by": "volunteer",
        "audience": "relatives",
        "gender": "everyone",
        "languages": ["nl"],
        "intake": "contact_first",
        "online": False,
        "name": {"nl": "Nabestaanden na zelfdoding", "en": "Bereaved by suicide"},
        "description": {
            "nl": "Heb je iemand verloren door zelfdoding? Dat verlies is vaak moeilijk om over te praten. "
            "In deze groep zijn mensen die hetzelfde hebben meegemaakt. Je mag al je vragen en gevoelens delen.",
            "en": "Have you lost someone to suicide? That loss is often hard to talk about. "
            "In this group are people who went through the same. You may share all your questions and feelings.",
        },
        "first_visit": {
            "nl": "Neem eerst contact op. Een begeleider belt je terug en vertelt hoe de avond gaat. Je mag de eerste keer iemand meenemen.",
            "en": "Get in touch first. A facilitator calls you back and tells you how the evening goes. You may bring someone the first time.",
        },
        "house_rules": {
            "nl": "Er zijn geen verkeerde vragen of gevoelens. Wat in de groep gezegd wordt, blijft in de groep.",
            "en": "There are no wrong questions or feelings. What is said in the group stays in the group.",
        },
    },
    {
        "themes": ["eating-disorders", "anorexia", "bulimia"],
        "kind": "expert_by_experience",
        "working_method": "conversation",
        "led_by": "expert_by_experience",
        "audience": "affected",
        "gender": "everyone",
        "languages": ["nl"],
        "intake": "contact_first",
        "online": False,
        "name": {"nl": "Herstelgroep eetstoornissen", "en": "Recovery group eating disorders"},
        "description": {
            "nl": "Voor mensen vanaf 18 jaar met een eetstoornis, zoals anorexia, boulimia of eetbuien. Een ervaringsdeskundige begeleidt de groep. "
            "We praten over herstel, niet over cijfers zoals gewicht of calorieën.",
            "en": "For people aged 18 and over with an eating disorder, such as anorexia, bulimia or binge eating. An expert by experience leads the group. "
            "We talk about recovery, not about numbers such as weight or calories.",
        },
        "first_visit": {
            "nl": "Neem eerst contact op voor een kennismaking. Samen kijk je of de groep nu bij je past. Heb je een behandelaar? Dan is dat fijn om te weten.",
            "en": "Get in touch first for an introduction. Together you see if the group suits you now. Do you have a therapist? That is good to know.",
        },
        "house_rules": {
            "nl": "We noemen geen getallen over eten of gewicht. Wat je hier vertelt, blijft hier.",
            "en": "We do not mention numbers about food or weight. What you tell here stays here.",
        },
    },
    {
        "themes": ["stroke", "aphasia"],
        "kind": "theme",
        "working_method": "activity",
        "led_by": "volunteer",
        "audience": "both",
        "gender": "everyone",
        "languages": ["nl"],
        "intake": "just_come",
        "online": False,
        "name": {"nl": "Afasiecafé na een beroerte", "en": "Aphasia café after a stroke"},
        "description": {
            "nl": "Voor mensen met afasie na een beroerte en hun partners. Praten gaat soms moeilijk, en dat is hier niet erg. "
            "We doen spelletjes, kijken foto's en nemen de tijd. Een vrijwilliger met kennis van afasie helpt.",
            "en": "For people with aphasia after a stroke and their partners. Talking is sometimes hard, and that is fine here. "
            "We play games, look at photos and take our time. A volunteer who knows about aphasia helps.",
        },
        "first_visit": {
            "nl": "Kom gewoon langs, samen met je partner of iemand anders. We hebben kaartjes met plaatjes om te laten zien wat je bedoelt.",
            "en": "Just come along, with your partner or someone else. We have cards with pictures to show what you mean.",
        },
        "house_rules": {
            "nl": "We laten iedereen uitpraten, hoe lang het ook duurt. Wat we delen, blijft onder ons.",
            "en": "We let everyone finish speaking, however long it takes. What we share stays between us.",
        },
    },
    {
        "themes": ["single-parents", "parenting"],
        "kind": "self_help",
        "working_method": "conversation",
        "led_by": "peer",
        "audience": "affected",
        "gender": "everyone",
        "languages": ["nl"],
        "intake": "just_come",
        "online": False,
        "name": {"nl": "Ontmoetingsgroep alleenstaande ouders", "en": "Meeting group for single parents"},
        "description": {
            "nl": "Sta je er alleen voor met je kinderen? Dan heb je veel te regelen en weinig tijd voor jezelf. "
            "Hier ontmoet je andere alleenstaande ouders. We wisselen tips uit over geld, opvang en vrije tijd.",
            "en": "Are you raising your children on your own? Then you have a lot to arrange and little time for yourself. "
            "Here you meet other single parents. We swap tips about money, childcare and free time.",
        },
        "first_visit": {
            "nl": "Je bent welkom zonder aanmelding. In een andere ruimte is er opvang voor de kinderen. We starten met een kort rondje.",
            "en": "You are welcome without signing up. There is childcare in another room. We start with a short round.",
        },
        "house_rules": {
            "nl": "Wat je vertelt over je gezin, blijft in de groep. We oordelen niet over elkaars keuzes.",
            "en": "What you tell about your family stays in the group. We do not judge each other's choices.",
        },
    },
    {
        "themes": ["domestic-violence", "trauma-ptsd"],
        "kind": "women",
        "working_method": "conversation",
        "led_by": "professional",
        "audience": "affected",
        "gender": "women",
        "languages": ["nl"],
        "intake": "contact_first",
        "online": False,
        "name": {"nl": "Vrouwengroep: sterker na geweld thuis", "en": "Women's group: stronger after violence at home"},
        "description": {
            "nl": "Voor vrouwen die geweld thuis hebben meegemaakt, nu of vroeger. Een hulpverlener begeleidt de groep. "
            "We praten over veiligheid, zelfvertrouwen en je eigen grenzen. De plek van samenkomst is geheim.",
            "en": "For women who experienced violence at home, now or in the past. A professional leads the group. "
            "We talk about safety, self-confidence and your own limits. The meeting place is kept secret.",
        },
        "first_visit": {
            "nl": "Neem eerst contact op. Je krijgt een gesprek met de begeleider en hoort daarna waar de groep is. Jouw veiligheid gaat altijd voor.",
            "en": "Get in touch first. You have a talk with the facilitator and after that you hear where the group meets. Your safety always comes first.",
        },
        "house_rules": {
            "nl": "Alleen vrouwen. We delen de plek en de namen van deelnemers met niemand. Wat je vertelt, blijft in de groep.",
            "en": "Women only. We share the place and the names of participants with no one. What you tell stays in the group.",
        },
    },
    {
        "themes": ["parkinson", "chronic-illness"],
        "kind": "theme",
        "working_method": "information",
        "led_by": "volunteer",
        "audience": "both",
        "gender": "everyone",
        "languages": ["nl"],
        "intake": "just_come",
        "online": False,
        "name": {"nl": "Parkinson Café", "en": "Parkinson Café"},
        "description": {
            "nl": "Een maandelijkse middag voor mensen met parkinson en hun naasten. Er is steeds een kort praatje over een thema, zoals bewegen, slapen of eten. "
            "Daarna is er tijd om met elkaar te praten.",
            "en": "A monthly afternoon for people with Parkinson's and their loved ones. Each time there is a short talk on a theme, such as exercise, sleep or food. "
            "After that there is time to talk with each other.",
        },
        "first_visit": {
            "nl": "Kom gewoon binnen. Een gastvrouw of gastheer ontvangt je en zoekt een plekje voor je. Toegang is gratis.",
            "en": "Just come in. A host welcomes you and finds you a seat. Entry is free.",
        },
        "house_rules": {
            "nl": "We nemen de tijd voor iedereen. Persoonlijke verhalen blijven in de groep.",
            "en": "We take time for everyone. Personal stories stay in the group.",
        },
    },
    {
        "themes": ["miscarriage-child-loss", "grief"],
        "kind": "support",
        "working_method": "conversation",
        "led_by": "peer",
        "audience": "affected",
        "gender": "everyone",
        "languages": ["nl"],
        "intake": "contact_first",
        "online": False,
        "name": {"nl": "Ouders na het verlies van een kind", "en": "Parents after losing a child"},
        "description": {
            "nl": "Voor ouders die een kind hebben verloren, tijdens de zwangerschap, rond de geboorte of later. "
            "Hier mag je over je kind praten en zijn of haar naam noemen. Je ontmoet ouders die je verdriet begrijpen.",
            "en": "For parents who have lost a child, during pregnancy, around birth or later. "
            "Here you can talk about your child and say his or her name. You meet parents who understand your sorrow.",
        },
        "first_visit": {
            "nl": "Neem eerst even contact op. Een ouder uit de groep belt je terug. Je kunt samen met je partner komen of alleen.",
            "en": "Please get in touch first. A parent from the group calls you back. You can come with your partner or alone.",
        },
        "house_rules": {
            "nl": "Elk verlies telt, hoe kort je kind ook leefde. Wat je hier vertelt, blijft hier.",
            "en": "Every loss counts, however short your child's life was. What you tell here stays here.",
        },
    },
    {
        "themes": ["gay-bisexual", "transgender"],
        "kind": "self_help",
        "working_method": "conversation",
        "led_by": "peer",
        "audience": "affected",
        "gender": "everyone",
        "languages": ["nl"],
        "intake": "just_come",
        "online": False,
        "name": {"nl": "Praatgroep LHBTI+: jezelf zijn", "en": "LGBTI+ talk group: being yourself"},
        "description": {
            "nl": "Voor mensen die lesbisch, homo, bi, trans of intersekse zijn, of twijfelen. We praten over uit de kast komen, familie, geloof en relaties. "
            "Je bent hier welkom zoals je bent.",
            "en": "For people who are lesbian, gay, bi, trans or intersex, or who are not sure. We talk about coming out, family, faith and relationships. "
            "You are welcome here as you are.",
        },
        "first_visit": {
            "nl": "Loop gewoon binnen. Je kiest zelf met welke naam en voornaamwoorden je wordt aangesproken. Je hoeft niets uit te leggen.",
            "en": "Just walk in. You choose which name and pronouns people use for you. You do not have to explain anything.",
        },
        "house_rules": {
            "nl": "We vertellen niemand wie er in de groep komt. Wat je deelt, blijft in de groep.",
            "en": "We tell no one who comes to the group. What you share stays in the group.",
        },
    },
    {
        "themes": ["burnout", "unemployment"],
        "kind": "theme",
        "working_method": "conversation",
        "led_by": "support_staff",
        "audience": "affected",
        "gender": "everyone",
        "languages": ["nl"],
        "intake": "set_moments",
        "online": False,
        "name": {"nl": "Themagroep burn-out en weer aan het werk", "en": "Theme group burnout and back to work"},
        "description": {
            "nl": "Zit je thuis met een burn-out, of ben je bezig met weer aan het werk gaan? In deze themagroep praten we over rust, grenzen en je werk. "
            "Iemand van het steunpunt zet de groep op; daarna nemen de leden het over.",
            "en": "Are you at home with a burnout, or are you working on going back to work? In this theme group we talk about rest, limits and your job. "
            "Someone from the support point sets up the group; after that the members take over.",
        },
        "first_visit": {
            "nl": "Nieuwe leden kunnen één keer per maand instromen. Vooraf krijg je informatie over hoe de groep werkt. Zo weet je wat je kunt verwachten.",
            "en": "New members can join once a month. Beforehand you get information on how the group works. So you know what to expect.",
        },
        "house_rules": {
            "nl": "We vertellen niets door aan werkgevers of instanties. Wat in de groep gezegd wordt, blijft in de groep.",
            "en": "We pass nothing on to employers or agencies. What is said in the group stays in the group.",
        },
    },
    # ------------------------------------------------------------------ online groups in Dutch
    {
        "themes": ["depression", "mental"],
        "kind": "online",
        "working_method": "conversation",
        "led_by": "peer",
        "audience": "affected",
        "gender": "everyone",
        "languages": ["nl"],
        "intake": "contact_first",
        "online": True,
        "name": {"nl": "Online lotgenotengroep depressie", "en": "Online peer group depression"},
        "description": {
            "nl": "Een groep via videobellen voor mensen met een depressie. Handig als je moeilijk de deur uit komt. "
            "We praten over hoe je week was en wat je helpt. Je camera mag uit.",
            "en": "A video-call group for people with depression. Useful if it is hard for you to leave the house. "
            "We talk about how your week was and what helps you. Your camera may stay off.",
        },
        "first_visit": {
            "nl": "Stuur een bericht, dan krijg je de link. Tien minuten voor de start is er een korte uitleg voor nieuwe mensen.",
            "en": "Send a message and you get the link. Ten minutes before the start there is a short explanation for new people.",
        },
        "house_rules": {
            "nl": "We maken geen opnames of schermafbeeldingen. Zit op een plek waar niemand meeluistert.",
            "en": "We make no recordings or screenshots. Sit somewhere nobody can listen in.",
        },
    },
    {
        "themes": ["cancer", "somatic"],
        "kind": "online",
        "working_method": "conversation",
        "led_by": "volunteer",
        "audience": "affected",
        "gender": "everyone",
        "languages": ["nl"],
        "intake": "contact_first",
        "online": True,
        "name": {"nl": "Online groep jonge mensen met kanker", "en": "Online group young people with cancer"},
        "description": {
            "nl": "Voor mensen van 18 tot 40 jaar met kanker. Je leven staat op zijn kop: studie, werk, relaties, kinderwens. "
            "In deze online groep praat je met leeftijdsgenoten. Je kunt ook meedoen vanuit bed.",
            "en": "For people aged 18 to 40 with cancer. Your life is turned upside down: studies, work, relationships, wanting children. "
            "In this online group you talk with people your age. You can also join from bed.",
        },
        "first_visit": {
            "nl": "Meld je via het contactformulier. Een vrijwilliger belt of appt je kort en stuurt dan de link.",
            "en": "Sign up via the contact form. A volunteer calls or texts you briefly and then sends the link.",
        },
        "house_rules": {
            "nl": "Wat je hoort, blijft in de groep. We maken niets op.",
            "en": "What you hear stays in the group. We record nothing.",
        },
    },
    {
        "themes": ["gaming-addiction", "parenting-teenagers", "family-and-partners"],
        "kind": "online",
        "working_method": "conversation",
        "led_by": "expert_by_experience",
        "audience": "relatives",
        "gender": "everyone",
        "languages": ["nl"],
        "intake": "just_come",
        "online": True,
        "name": {"nl": "Online ouders van een kind dat veel gamet", "en": "Online parents of a child who games a lot"},
        "description": {
            "nl": "Zit je kind urenlang te gamen en maak je je zorgen? Je bent niet de enige. In deze online groep praten ouders over regels, ruzie en contact houden met je kind. "
            "Een ervaringsdeskundige ouder begeleidt.",
            "en": "Does your child game for hours and are you worried? You are not the only one. In this online group parents talk about rules, arguments and staying in touch with your child. "
            "A parent with lived experience leads.",
        },
        "first_visit": {
            "nl": "Vraag de link aan en doe de volgende keer meteen mee. Je stelt je voor met je voornaam en de leeftijd van je kind.",
            "en": "Ask for the link and join right away next time. You introduce yourself by first name and the age of your child.",
        },
        "house_rules": {
            "nl": "We noemen geen namen van kinderen. Wat ouders delen, blijft in de groep.",
            "en": "We do not mention children's names. What parents share stays in the group.",
        },
    },
    {
        "themes": ["chronic-fatigue", "chronic-illness"],
        "kind": "online",
        "working_method": "conversation",
        "led_by": "peer",
        "audience": "affected",
        "gender": "everyone",
        "languages": ["nl"],
        "intake": "just_come",
        "online": True,
        "name": {
            "nl": "Online groep ME/CVS en langdurige vermoeidheid",
            "en": "Online group ME/CFS and long-term fatigue",
        },
        "description": {
            "nl": "Voor mensen met ME/CVS of andere langdurige vermoeidheid. De bijeenkomst duurt maar een uur, zodat het niet te veel energie kost. "
            "We praten over rust, grenzen en begrip van je omgeving.",
            "en": "For people with ME/CFS or other long-term fatigue. The meeting lasts only one hour, so it does not cost too much energy. "
            "We talk about rest, limits and understanding from the people around you.",
        },
        "first_visit": {
            "nl": "Vraag de link aan. Je mag liggen, je camera uit laten en op elk moment stoppen. Niemand vraagt waarom.",
            "en": "Ask for the link. You may lie down, keep your camera off and stop at any moment. Nobody asks why.",
        },
        "house_rules": {
            "nl": "Zorg goed voor je energie: weggaan mag altijd. Wat gedeeld wordt, blijft in de groep.",
            "en": "Take care of your energy: leaving is always fine. What is shared stays in the group.",
        },
    },
    # ------------------------------------------------------------------ Turkish
    {
        "themes": ["gambling", "addiction"],
        "kind": "self_help",
        "working_method": "conversation",
        "led_by": "peer",
        "audience": "affected",
        "gender": "men",
        "languages": ["tr", "nl"],
        "intake": "contact_first",
        "online": False,
        "name": {
            "nl": "Mannengroep gokproblemen – in het Turks",
            "en": "Men's group on gambling problems – in Turkish",
            "tr": "Kumar sorunları erkek grubu – Türkçe",
        },
        "description": {
            "nl": "Een groep voor mannen die last hebben van gokken. Denk aan gokkasten, online wedden of loterijen. "
            "We praten in het Turks, soms ook in het Nederlands. Je deelt ervaringen en we helpen elkaar om te stoppen of minder te gokken.",
            "en": "A group for men who struggle with gambling. Think of slot machines, online betting or lotteries. "
            "We talk in Turkish, sometimes also in Dutch. You share experiences and we help each other to stop or gamble less.",
            "tr": "Kumar yüzünden sıkıntı yaşayan erkekler için bir grup. Kumar makineleri, internetten bahis ya da piyango gibi. "
            "Toplantılarda Türkçe, bazen de Felemenkçe konuşuyoruz. Deneyimlerinizi paylaşıyor, kumarı bırakmak ya da azaltmak için birbirimize destek oluyoruz.",
        },
        "first_visit": {
            "nl": "Bel of mail eerst even met de contactpersoon. Je krijgt uitleg over hoe de groep werkt en wanneer je kunt komen. "
            "De eerste keer luister je vooral; je hoeft niets te vertellen.",
            "en": "Call or e-mail the contact person first. You get an explanation of how the group works and when you can come. "
            "The first time you mostly listen; you do not have to say anything.",
            "tr": "Önce iletişim kişisini arayın ya da e-posta gönderin. Size grubun nasıl çalıştığını ve ne zaman gelebileceğinizi anlatırız. "
            "İlk seferde genellikle sadece dinlersiniz; bir şey anlatmak zorunda değilsiniz.",
        },
        "house_rules": {
            "nl": "Wat hier gezegd wordt, blijft hier. We noemen geen namen en we oordelen niet. Je voornaam is genoeg.",
            "en": "What is said here stays here. We mention no names and we do not judge. Your first name is enough.",
            "tr": "Burada konuşulanlar burada kalır. İsim vermeyiz ve kimseyi yargılamayız. Sadece ilk adınızı söylemeniz yeterli.",
        },
    },
    {
        "themes": ["loneliness", "depression", "cultural-differences"],
        "kind": "women",
        "working_method": "conversation",
        "led_by": "key_person",
        "audience": "affected",
        "gender": "women",
        "languages": ["tr", "nl"],
        "intake": "just_come",
        "online": False,
        "name": {
            "nl": "Vrouwengroep in het Turks: samen sterker",
            "en": "Women's group in Turkish: stronger together",
            "tr": "Türkçe kadın grubu: birlikte daha güçlü",
        },
        "description": {
            "nl": "Een groep voor vrouwen die zich soms eenzaam of somber voelen. We praten in het Turks over wat je bezighoudt: familie, gezondheid, leven tussen twee culturen. "
            "Een sleutelfiguur uit de buurt begeleidt de groep. Je kunt gewoon aanschuiven bij een kopje thee.",
            "en": "A group for women who sometimes feel lonely or low. We talk in Turkish about what is on your mind: family, health, living between two cultures. "
            "A key person from the neighbourhood leads the group. You can simply join us for a cup of tea.",
            "tr": "Kendini zaman zaman yalnız ya da mutsuz hisseden kadınlar için bir grup. Aklınızı meşgul eden konuları Türkçe konuşuyoruz: aile, sağlık, iki kültür arasında yaşamak. "
            "Grubu mahalleden güvenilir bir kişi yönetiyor. Bir bardak çay içmek için aramıza katılabilirsiniz.",
        },
        "first_visit": {
            "nl": "Je bent welkom zonder aanmelding. Je krijgt thee en we stellen ons kort voor met alleen onze voornaam. Je mag een vriendin meenemen.",
            "en": "You are welcome without signing up. You get tea and we briefly introduce ourselves by first name only. You may bring a friend.",
            "tr": "Kayıt olmadan gelebilirsiniz. Size çay ikram ederiz ve kendimizi kısaca sadece ilk adımızla tanıtırız. Bir arkadaşınızı da getirebilirsiniz.",
        },
        "house_rules": {
            "nl": "Wat in de groep gezegd wordt, blijft in de groep. Er zijn alleen vrouwen aanwezig. We respecteren elkaar, ook als we anders denken.",
            "en": "What is said in the group stays in the group. Only women are present. We respect each other, even when we think differently.",
            "tr": "Grupta konuşulanlar grupta kalır. Toplantılarda sadece kadınlar bulunur. Farklı düşünsek de birbirimize saygı gösteririz.",
        },
    },
    {
        "themes": ["diabetes", "chronic-illness", "somatic"],
        "kind": "theme",
        "working_method": "information",
        "led_by": "key_person",
        "audience": "both",
        "gender": "everyone",
        "languages": ["tr", "nl"],
        "intake": "just_come",
        "online": False,
        "name": {
            "nl": "Praatgroep diabetes in het Turks",
            "en": "Diabetes talk group in Turkish",
            "tr": "Türkçe diyabet sohbet grubu",
        },
        "description": {
            "nl": "Heb je diabetes, of iemand in je gezin? In deze groep praten we in het Turks over leven met diabetes: eten, bewegen, medicijnen en feestdagen. "
            "Soms komt een diabetesverpleegkundige iets vertellen. Je leert van elkaars tips.",
            "en": "Do you or someone in your family have diabetes? In this group we talk in Turkish about living with diabetes: food, exercise, medication and holidays. "
            "Sometimes a diabetes nurse comes to give information. You learn from each other's tips.",
            "tr": "Sizde ya da ailenizde diyabet mi var? Bu grupta diyabetle yaşamayı Türkçe konuşuyoruz: beslenme, hareket, ilaçlar ve bayram günleri. "
            "Bazen bir diyabet hemşiresi gelip bilgi veriyor. Birbirimizin tecrübelerinden öğreniyoruz.",
        },
        "first_visit": {
            "nl": "Kom gewoon langs. Je hoeft niets voor te bereiden. Neem gerust iemand uit je familie mee.",
            "en": "Just come along. You do not need to prepare anything. Feel free to bring someone from your family.",
            "tr": "Doğrudan gelebilirsiniz. Önceden bir şey hazırlamanıza gerek yok. Ailenizden birini de yanınızda getirebilirsiniz.",
        },
        "house_rules": {
            "nl": "We delen ervaringen, geen medisch advies. Wat iemand over zijn gezondheid vertelt, blijft in de groep.",
            "en": "We share experiences, not medical advice. What someone tells about their health stays in the group.",
            "tr": "Tıbbi tavsiye değil, deneyim paylaşıyoruz. Birinin sağlığı hakkında anlattıkları grupta kalır.",
        },
    },
    {
        "themes": ["dementia", "caregivers", "family-and-partners"],
        "kind": "support",
        "working_method": "conversation",
        "led_by": "key_person",
        "audience": "relatives",
        "gender": "everyone",
        "languages": ["tr", "nl"],
        "intake": "contact_first",
        "online": False,
        "name": {
            "nl": "Mantelzorgers van iemand met dementie – in het Turks",
            "en": "Carers of someone with dementia – in Turkish",
            "tr": "Demanslı bir yakınına bakanlar için grup – Türkçe",
        },
        "description": {
            "nl": "Zorg je voor je vader, moeder of partner met dementie? Dat is zwaar. In deze groep praat je in het Turks met anderen die hetzelfde meemaken. "
            "We delen tips en we luisteren naar elkaar.",
            "en": "Do you care for your father, mother or partner with dementia? That is hard. In this group you talk in Turkish with others who go through the same. "
            "We share tips and we listen to each other.",
            "tr": "Demansı olan annenize, babanıza ya da eşinize mi bakıyorsunuz? Bu zor bir iş. Bu grupta aynı şeyi yaşayan kişilerle Türkçe konuşursunuz. "
            "Birbirimize öneriler veriyor ve birbirimizi dinliyoruz.",
        },
        "first_visit": {
            "nl": "Neem eerst contact op met de sleutelfiguur van de groep. Samen kijken jullie of de groep bij je past. "
            "Kun je niet weg omdat je moet zorgen? Vraag ons dan om mee te denken.",
            "en": "First contact the group's key person. Together you see if the group suits you. "
            "Can you not get away because you have to care? Then ask us to help find a solution.",
            "tr": "Önce grubun güvenilir kişisiyle iletişime geçin. Grubun size uygun olup olmadığına birlikte bakarsınız. "
            "Bakım yüzünden evden çıkamıyor musunuz? O zaman bir çözüm bulmak için bize danışın.",
        },
        "house_rules": {
            "nl": "Wat je vertelt over je familie, blijft in de groep. Je mag ook alleen luisteren.",
            "en": "What you tell about your family stays in the group. You may also just listen.",
            "tr": "Aileniz hakkında anlattıklarınız grupta kalır. İsterseniz sadece dinleyebilirsiniz.",
        },
    },
    {
        "themes": ["parenting-teenagers", "parenting"],
        "kind": "training",
        "working_method": "information",
        "led_by": "professional",
        "audience": "affected",
        "gender": "everyone",
        "languages": ["tr", "nl"],
        "intake": "set_moments",
        "online": False,
        "name": {
            "nl": "Training opvoeden van pubers – in het Turks",
            "en": "Training: raising teenagers – in Turkish",
            "tr": "Ergenlik çağındaki çocukları yetiştirme eğitimi – Türkçe",
        },
        "description": {
            "nl": "Een training van zes bijeenkomsten voor ouders van kinderen van 12 tot 18 jaar. We praten in het Turks over ruzie, school, de telefoon en vrienden. "
            "Je oefent nieuwe manieren om met je kind te praten. Na de training kun je blijven komen in een praatgroep.",
            "en": "A training of six meetings for parents of children aged 12 to 18. We talk in Turkish about arguments, school, the phone and friends. "
            "You practise new ways of talking with your child. After the training you can keep coming to a talk group.",
            "tr": "12-18 yaş arası çocukları olan anne babalar için altı buluşmalık bir eğitim. Türkçe olarak kavga, okul, telefon ve arkadaşlar hakkında konuşuyoruz. "
            "Çocuğunuzla konuşmanın yeni yollarını deniyorsunuz. Eğitimden sonra bir sohbet grubunda devam edebilirsiniz.",
        },
        "first_visit": {
            "nl": "De training start twee keer per jaar. Vooraf is er een informatiebijeenkomst. Daar hoor je wat je kunt verwachten en kun je je opgeven.",
            "en": "The training starts twice a year. Beforehand there is an information meeting. There you hear what to expect and can sign up.",
            "tr": "Eğitim yılda iki kez başlar. Öncesinde bir bilgilendirme toplantısı yapılır. Orada sizi nelerin beklediğini öğrenir ve kaydolabilirsiniz.",
        },
        "house_rules": {
            "nl": "Wat ouders over hun gezin vertellen, blijft in de groep. We geven elkaar geen schuld.",
            "en": "What parents tell about their family stays in the group. We do not blame each other.",
            "tr": "Anne babaların aileleri hakkında anlattıkları grupta kalır. Birbirimizi suçlamayız.",
        },
    },
    # ------------------------------------------------------------------ Arabic
    {
        "themes": ["migration-consequences", "unemployment", "mental"],
        "kind": "support",
        "working_method": "conversation",
        "led_by": "key_person",
        "audience": "affected",
        "gender": "men",
        "languages": ["ar", "nl"],
        "intake": "just_come",
        "online": False,
        "name": {
            "nl": "Mannengroep in het Arabisch: werk, gezin en stress",
            "en": "Men's group in Arabic: work, family and stress",
            "ar": "مجموعة رجال باللغة العربية: العمل والأسرة والضغط النفسي",
        },
        "description": {
            "nl": "Een groep voor mannen die veel aan hun hoofd hebben. Bijvoorbeeld door werk zoeken, geldzorgen, je gezin of je leven in een nieuw land. "
            "We praten in het Arabisch en soms in het Nederlands. Je merkt dat je niet de enige bent.",
            "en": "A group for men who have a lot on their mind. For example looking for work, money worries, your family or your life in a new country. "
            "We talk in Arabic and sometimes in Dutch. You notice that you are not the only one.",
            "ar": "مجموعة للرجال الذين يحملون همومًا كثيرة، مثل البحث عن عمل أو المشاكل المالية أو الأسرة أو الحياة في بلد جديد. "
            "نتحدث باللغة العربية وأحيانًا بالهولندية. ستجد أنك لست وحدك.",
        },
        "first_visit": {
            "nl": "Je kunt gewoon binnenlopen. We drinken eerst samen koffie of thee. Je vertelt alleen wat je zelf wilt.",
            "en": "You can just walk in. First we have coffee or tea together. You only tell what you want to tell.",
            "ar": "يمكنك أن تأتي مباشرة دون موعد. نشرب القهوة أو الشاي معًا أولًا. تتحدث فقط عما تريد أن تقوله.",
        },
        "house_rules": {
            "nl": "Wat in de groep gezegd wordt, blijft in de groep. We luisteren naar elkaar en geven geen oordeel.",
            "en": "What is said in the group stays in the group. We listen to each other and do not judge.",
            "ar": "ما يُقال في المجموعة يبقى في المجموعة. نستمع إلى بعضنا البعض ولا نحكم على أحد.",
        },
    },
    {
        "themes": ["loneliness", "parenting", "civic-integration"],
        "kind": "time_out",
        "working_method": "activity",
        "led_by": "key_person",
        "audience": "affected",
        "gender": "women",
        "languages": ["ar", "nl"],
        "intake": "just_come",
        "online": False,
        "name": {
            "nl": "Time-out voor moeders – in het Arabisch",
            "en": "Time-out for mothers – in Arabic",
            "ar": "استراحة للأمهات – باللغة العربية",
        },
        "description": {
            "nl": "Even tijd voor jezelf, weg van de zorgen thuis. In deze groep voor vrouwen doen we samen iets leuks: handwerken, wandelen of koken. "
            "Ondertussen praten we in het Arabisch over opvoeden, de taal leren en je hier thuis voelen.",
            "en": "Some time for yourself, away from the worries at home. In this women's group we do something nice together: needlework, walking or cooking. "
            "Meanwhile we talk in Arabic about raising children, learning the language and feeling at home here.",
            "ar": "وقت قصير لنفسكِ بعيدًا عن هموم البيت. في هذه المجموعة النسائية نقوم معًا بأنشطة ممتعة مثل الأشغال اليدوية أو المشي أو الطبخ. "
            "وفي أثناء ذلك نتحدث بالعربية عن تربية الأطفال وتعلّم اللغة والشعور بالانتماء هنا.",
        },
        "first_visit": {
            "nl": "Je bent welkom zonder aanmelding. Er is opvang voor kleine kinderen; laat het ons wel even weten. Je mag de eerste keer ook alleen kijken.",
            "en": "You are welcome without signing up. There is care for small children; just let us know in advance. The first time you may also just watch.",
            "ar": "أنتِ مرحّب بكِ دون تسجيل مسبق. تتوفر رعاية للأطفال الصغار، لكن أخبرينا بذلك مسبقًا. يمكنكِ في المرة الأولى أن تكتفي بالمشاهدة.",
        },
        "house_rules": {
            "nl": "Alleen vrouwen. Wat we delen, blijft in de groep. We maken geen foto's van elkaar.",
            "en": "Women only. What we share stays in the group. We do not take photos of each other.",
            "ar": "المجموعة للنساء فقط. ما نتشاركه يبقى داخل المجموعة. لا نلتقط صورًا لبعضنا.",
        },
    },
    {
        "themes": ["autism", "parenting", "family-and-partners"],
        "kind": "support",
        "working_method": "conversation",
        "led_by": "expert_by_experience",
        "audience": "relatives",
        "gender": "everyone",
        "languages": ["ar", "nl"],
        "intake": "contact_first",
        "online": False,
        "name": {
            "nl": "Ouders van een kind met autisme – in het Arabisch",
            "en": "Parents of a child with autism – in Arabic",
            "ar": "مجموعة لآباء وأمهات أطفال مصابين بالتوحد – باللغة العربية",
        },
        "description": {
            "nl": "Heeft je kind autisme, of denk je dat? Dan heb je vaak veel vragen. In deze groep praten ouders in het Arabisch over school, zorg, regels en het leven thuis. "
            "Een ouder met ervaring begeleidt de groep.",
            "en": "Does your child have autism, or do you think so? Then you often have many questions. In this group parents talk in Arabic about school, care, rules and life at home. "
            "A parent with experience leads the group.",
            "ar": "هل طفلك مصاب بالتوحد أو تظن أنه كذلك؟ عندها تكون لديك أسئلة كثيرة في الغالب. في هذه المجموعة يتحدث الآباء والأمهات بالعربية عن المدرسة والرعاية والإجراءات والحياة في البيت. "
            "يدير المجموعة أحد الوالدين ممن لديهم خبرة شخصية.",
        },
        "first_visit": {
            "nl": "Neem eerst contact op. Dan vertellen we je waar en wanneer de groep is. Je kunt samen met je partner komen.",
            "en": "Get in touch first. Then we tell you where and when the group meets. You can come together with your partner.",
            "ar": "تواصل معنا أولًا، وسنخبرك بمكان المجموعة وموعدها. يمكنك أن تأتي مع زوجك أو زوجتك.",
        },
        "house_rules": {
            "nl": "Wat je over je kind vertelt, blijft in de groep. Ieder kind is anders; we geven tips, geen oordeel.",
            "en": "What you tell about your child stays in the group. Every child is different; we give tips, not judgements.",
            "ar": "ما تقوله عن طفلك يبقى داخل المجموعة. كل طفل مختلف؛ نقدّم نصائح ولا نحكم على أحد.",
        },
    },
    {
        "themes": ["family-reunification", "refugees", "migration-consequences"],
        "kind": "support",
        "working_method": "information",
        "led_by": "key_person",
        "audience": "both",
        "gender": "everyone",
        "languages": ["ar", "nl"],
        "intake": "set_moments",
        "online": False,
        "name": {
            "nl": "Groep gezinshereniging – in het Arabisch",
            "en": "Family reunification group – in Arabic",
            "ar": "مجموعة لمّ شمل الأسرة – باللغة العربية",
        },
        "description": {
            "nl": "Wacht je op je gezin, of is je gezin net in Nederland? Dat geeft veel onzekerheid en spanning. "
            "In deze groep praten we in het Arabisch over wachten, regels en weer samen leven. Soms komt iemand uitleg geven over de procedure.",
            "en": "Are you waiting for your family, or has your family just arrived in the Netherlands? That brings a lot of uncertainty and tension. "
            "In this group we talk in Arabic about waiting, rules and living together again. Sometimes someone comes to explain the procedure.",
            "ar": "هل تنتظر وصول عائلتك، أو وصلت عائلتك حديثًا إلى هولندا؟ هذا يسبب الكثير من القلق والتوتر. "
            "في هذه المجموعة نتحدث بالعربية عن الانتظار والقوانين والعودة إلى العيش معًا. أحيانًا يأتي شخص ليشرح الإجراءات.",
        },
        "first_visit": {
            "nl": "Nieuwe leden kunnen één keer per maand instromen, bij de eerste bijeenkomst van de maand. Je hoort dan eerst hoe de groep werkt.",
            "en": "New members can join once a month, at the first meeting of the month. First you hear how the group works.",
            "ar": "يمكن للأعضاء الجدد الانضمام مرة واحدة في الشهر، في أول لقاء من كل شهر. في البداية نشرح لك كيف تعمل المجموعة.",
        },
        "house_rules": {
            "nl": "Wat je over je situatie vertelt, blijft in de groep. We geven geen juridisch advies, maar we wijzen je de weg.",
            "en": "What you tell about your situation stays in the group. We give no legal advice, but we show you where to go.",
            "ar": "ما تقوله عن وضعك يبقى داخل المجموعة. لا نقدّم استشارات قانونية، لكننا نرشدك إلى الجهة المناسبة.",
        },
    },
    # ------------------------------------------------------------------ Farsi
    {
        "themes": ["loneliness", "migration-consequences", "depression"],
        "kind": "women",
        "working_method": "conversation",
        "led_by": "key_person",
        "audience": "affected",
        "gender": "women",
        "languages": ["fa", "nl"],
        "intake": "trial",
        "online": False,
        "name": {
            "nl": "Vrouwengroep in het Farsi: eenzaamheid en somberheid",
            "en": "Women's group in Farsi: loneliness and low mood",
            "fa": "گروه زنان به زبان فارسی: تنهایی و افسردگی",
        },
        "description": {
            "nl": "Een groep voor vrouwen die zich eenzaam of somber voelen. Misschien mis je je familie, of is het leven hier zwaar. "
            "We praten in het Farsi over wat je voelt en wat je helpt. Een vrouw uit de buurt met veel ervaring begeleidt de groep.",
            "en": "A group for women who feel lonely or low. Maybe you miss your family, or life here is hard. "
            "We talk in Farsi about what you feel and what helps you. An experienced woman from the neighbourhood leads the group.",
            "fa": "گروهی برای زنانی که احساس تنهایی یا افسردگی می‌کنند. شاید دلتان برای خانواده‌تان تنگ شده، یا زندگی در اینجا برایتان سخت است. "
            "به زبان فارسی درباره احساساتمان و چیزهایی که به ما کمک می‌کند صحبت می‌کنیم. یک زن باتجربه از همین محله گروه را همراهی می‌کند.",
        },
        "first_visit": {
            "nl": "Je mag eerst één keer op proef komen. Daarna kies je zelf of je blijft. De eerste keer hoef je niets over jezelf te vertellen.",
            "en": "You may first come once on trial. After that you choose whether you stay. The first time you do not have to say anything about yourself.",
            "fa": "می‌توانید اول یک بار به صورت آزمایشی بیایید. بعد خودتان تصمیم می‌گیرید که بمانید یا نه. بار اول لازم نیست چیزی درباره خودتان بگویید.",
        },
        "house_rules": {
            "nl": "Alleen vrouwen. Wat hier gezegd wordt, blijft hier. We praten niet over elkaar buiten de groep.",
            "en": "Women only. What is said here stays here. We do not talk about each other outside the group.",
            "fa": "فقط زنان در گروه هستند. هر چه اینجا گفته می‌شود، همین‌جا می‌ماند. بیرون از گروه درباره یکدیگر صحبت نمی‌کنیم.",
        },
    },
    {
        "themes": ["trauma-ptsd", "refugees", "war-victims"],
        "kind": "expert_by_experience",
        "working_method": "conversation",
        "led_by": "expert_by_experience",
        "audience": "affected",
        "gender": "everyone",
        "languages": ["fa", "nl"],
        "intake": "contact_first",
        "online": False,
        "name": {
            "nl": "Herstelgroep na ingrijpende ervaringen – in het Farsi",
            "en": "Recovery group after traumatic experiences – in Farsi",
            "fa": "گروه بهبودی پس از تجربه‌های سخت – به زبان فارسی",
        },
        "description": {
            "nl": "Voor mensen die iets heftigs hebben meegemaakt, zoals oorlog of een vlucht. Misschien slaap je slecht of schrik je snel. "
            "Een ervaringsdeskundige begeleidt de groep in het Farsi. We praten over hoe je weer rust vindt, niet over details van wat er gebeurd is.",
            "en": "For people who went through something terrible, such as war or fleeing. Maybe you sleep badly or are easily startled. "
            "An expert by experience leads the group in Farsi. We talk about finding calm again, not about details of what happened.",
            "fa": "برای کسانی که تجربه‌ای بسیار سخت مثل جنگ یا فرار را پشت سر گذاشته‌اند. شاید بد می‌خوابید یا زود می‌ترسید. "
            "فردی که خودش چنین تجربه‌ای داشته، گروه را به زبان فارسی همراهی می‌کند. درباره این صحبت می‌کنیم که چطور دوباره آرامش پیدا کنیم، نه درباره جزئیات اتفاقاتی که افتاده است.",
        },
        "first_visit": {
            "nl": "Neem eerst contact op voor een kort gesprek. Zo weet je wat je kunt verwachten. Je mag iemand meenemen die je vertrouwt.",
            "en": "Get in touch first for a short talk. That way you know what to expect. You may bring someone you trust.",
            "fa": "اول برای یک گفت‌وگوی کوتاه با ما تماس بگیرید. این‌طوری می‌دانید چه انتظاری داشته باشید. می‌توانید کسی را که به او اعتماد دارید با خودتان بیاورید.",
        },
        "house_rules": {
            "nl": "Je bepaalt zelf wat je vertelt. Wat in de groep gezegd wordt, blijft in de groep. Heb je meer hulp nodig? Dan helpen we je de weg te vinden.",
            "en": "You decide what you tell. What is said in the group stays in the group. Do you need more help? Then we help you find the way.",
            "fa": "خودتان تعیین می‌کنید چه چیزی را بگویید. هر چه در گروه گفته می‌شود، در گروه می‌ماند. اگر به کمک بیشتری نیاز دارید، کمکتان می‌کنیم راهش را پیدا کنید.",
        },
    },
    {
        "themes": ["anxiety", "depression"],
        "kind": "online",
        "working_method": "conversation",
        "led_by": "peer",
        "audience": "affected",
        "gender": "everyone",
        "languages": ["fa"],
        "intake": "contact_first",
        "online": True,
        "name": {
            "nl": "Online praatgroep angst en somberheid – in het Farsi",
            "en": "Online talk group on anxiety and low mood – in Farsi",
            "fa": "گروه گفت‌وگوی آنلاین درباره اضطراب و افسردگی – به زبان فارسی",
        },
        "description": {
            "nl": "Een online groep voor mensen die last hebben van angst of somberheid. We praten in het Farsi via een videogesprek. "
            "Handig als je niet makkelijk de deur uit komt. Je kunt je camera uit laten als je dat fijner vindt.",
            "en": "An online group for people who struggle with anxiety or low mood. We talk in Farsi in a video call. "
            "Useful if it is not easy for you to leave the house. You can keep your camera off if you prefer.",
            "fa": "یک گروه آنلاین برای کسانی که با اضطراب یا افسردگی دست و پنجه نرم می‌کنند. از طریق تماس تصویری به زبان فارسی صحبت می‌کنیم. "
            "اگر بیرون رفتن از خانه برایتان آسان نیست، این گروه مناسب شماست. اگر راحت‌ترید، می‌توانید دوربینتان را خاموش نگه دارید.",
        },
        "first_visit": {
            "nl": "Stuur eerst een bericht. Je krijgt dan de link en een korte uitleg. De eerste keer mag je alleen luisteren.",
            "en": "Send a message first. You then get the link and a short explanation. The first time you may just listen.",
            "fa": "اول یک پیام بفرستید. بعد لینک و یک توضیح کوتاه برایتان فرستاده می‌شود. بار اول می‌توانید فقط گوش کنید.",
        },
        "house_rules": {
            "nl": "We maken geen opnames of schermafbeeldingen. Zit op een plek waar niemand meeluistert. Wat gedeeld wordt, blijft in de groep.",
            "en": "We make no recordings or screenshots. Sit somewhere nobody can listen in. What is shared stays in the group.",
            "fa": "از جلسه فیلم یا عکس صفحه نمی‌گیریم. جایی بنشینید که کسی صدای جلسه را نشنود. هر چه گفته می‌شود، در گروه می‌ماند.",
        },
    },
    {
        "themes": ["parenting", "cultural-differences"],
        "kind": "training",
        "working_method": "information",
        "led_by": "key_person",
        "audience": "affected",
        "gender": "everyone",
        "languages": ["fa", "nl"],
        "intake": "set_moments",
        "online": False,
        "name": {
            "nl": "Cursus opvoeden tussen twee culturen – in het Farsi",
            "en": "Course: parenting between two cultures – in Farsi",
            "fa": "دوره تربیت فرزند میان دو فرهنگ – به زبان فارسی",
        },
        "description": {
            "nl": "Een korte cursus voor ouders. Thuis gelden soms andere regels dan op school of bij vrienden. "
            "We praten in het Farsi over hoe je daarmee omgaat. Je leert van andere ouders en krijgt praktische tips.",
            "en": "A short course for parents. At home there are sometimes different rules than at school or with friends. "
            "We talk in Farsi about how you deal with that. You learn from other parents and get practical tips.",
            "fa": "یک دوره کوتاه برای پدران و مادران. گاهی قوانین خانه با قوانین مدرسه یا دوستان فرق دارد. "
            "به زبان فارسی درباره این صحبت می‌کنیم که چطور با این تفاوت‌ها کنار بیاییم. از تجربه والدین دیگر یاد می‌گیرید و نکته‌های کاربردی می‌شنوید.",
        },
        "first_visit": {
            "nl": "De cursus heeft vijf bijeenkomsten en start een paar keer per jaar. Je meldt je vooraf aan. In de eerste bijeenkomst maken we samen afspraken.",
            "en": "The course has five meetings and starts a few times a year. You sign up in advance. In the first meeting we make agreements together.",
            "fa": "این دوره پنج جلسه دارد و چند بار در سال شروع می‌شود. باید از قبل ثبت‌نام کنید. در جلسه اول با هم قرارهای گروه را می‌گذاریم.",
        },
        "house_rules": {
            "nl": "Wat ouders vertellen over hun kinderen, blijft in de groep. Iedere familie is anders en dat is goed.",
            "en": "What parents tell about their children stays in the group. Every family is different and that is fine.",
            "fa": "آنچه والدین درباره فرزندانشان می‌گویند، در گروه می‌ماند. هر خانواده‌ای متفاوت است و این خوب است.",
        },
    },
    # ------------------------------------------------------------------ Somali
    {
        "themes": ["parenting", "loneliness", "migration-consequences"],
        "kind": "samen_sterk",
        "working_method": "conversation",
        "led_by": "key_person",
        "audience": "affected",
        "gender": "women",
        "languages": ["so", "nl"],
        "intake": "just_come",
        "online": False,
        "name": {
            "nl": "Samen Sterk: vrouwengroep in het Somalisch",
            "en": "Samen Sterk: women's group in Somali",
            "so": "Samen Sterk: kooxda haweenka – af-Soomaali",
        },
        "description": {
            "nl": "Een groep waarin vrouwen elkaar steunen. We praten in het Somalisch over opvoeden, eenzaamheid en de weg vinden in Nederland. "
            "Samen zoeken we oplossingen en we helpen elkaar verder.",
            "en": "A group in which women support each other. We talk in Somali about raising children, loneliness and finding your way in the Netherlands. "
            "Together we look for solutions and help each other move on.",
            "so": "Tani waa koox haween ah oo is taageera. Waxaan ku hadalnaa af-Soomaali. "
            "Waxaan ka sheekaysannaa barbaarinta carruurta, kalinimada iyo nolosha Nederland. Wadajir ayaan xal u raadinnaa, waanna is caawinnaa.",
        },
        "first_visit": {
            "nl": "Je bent welkom, ook zonder afspraak. Je mag je kinderen meenemen. We beginnen altijd met thee en een kort voorstelrondje.",
            "en": "You are welcome, also without an appointment. You may bring your children. We always start with tea and a short round of introductions.",
            "so": "Ku soo dhawoow, xitaa haddii aadan ballan samaysan. Carruurtaada waad keeni kartaa. "
            "Had iyo jeer waxaan ku bilaabannaa shaah iyo is-barasho gaaban.",
        },
        "house_rules": {
            "nl": "Alleen vrouwen. Wat we in de groep vertellen, blijft in de groep.",
            "en": "Women only. What we tell in the group stays in the group.",
            "so": "Kooxdu waa haween oo keliya. Wax kasta oo kooxda lagu sheego, kooxda gudaheeda ayuu ku hadhayaa.",
        },
    },
    {
        "themes": ["unemployment", "mental", "cultural-differences"],
        "kind": "support",
        "working_method": "conversation",
        "led_by": "key_person",
        "audience": "affected",
        "gender": "everyone",
        "languages": ["so", "nl"],
        "intake": "just_come",
        "online": False,
        "name": {
            "nl": "Jongerengroep school, werk en stress – in het Somalisch en Nederlands",
            "en": "Young people's group on school, work and stress – in Somali and Dutch",
            "so": "Kooxda dhallinyarada: waxbarasho, shaqo iyo walwal – af-Soomaali iyo af-Holandiis",
        },
        "description": {
            "nl": "Voor jongeren van 16 tot 27 jaar. Het gaat over school, werk zoeken, druk van thuis en stress. "
            "We praten in het Somalisch en het Nederlands, door elkaar. Een jonge sleutelfiguur begeleidt de groep.",
            "en": "For young people aged 16 to 27. It is about school, looking for work, pressure from home and stress. "
            "We talk in Somali and Dutch, mixed. A young key person leads the group.",
            "so": "Waxaa loogu talagalay dhallinyarada da'doodu u dhexeyso 16 ilaa 27 sano. Waxaan ka hadalnaa dugsiga, shaqo raadinta, cadaadiska qoyska iyo walwalka. "
            "Waxaan ku hadalnaa af-Soomaali iyo af-Holandiis, labadaba. Qof dhallinyaro ah oo bulshada lagu aamino ayaa kooxda hoggaamiya.",
        },
        "first_visit": {
            "nl": "Loop gewoon binnen. Je stelt jezelf voor met je voornaam of een bijnaam. Je hoeft niets te zeggen als je dat niet wilt.",
            "en": "Just walk in. You introduce yourself with your first name or a nickname. You do not have to say anything if you do not want to.",
            "so": "Si toos ah u soo gal. Waxaad isku soo bandhigi kartaa magacaaga hore ama naanays. Kuma khasbana inaad wax sheegto haddii aadan rabin.",
        },
        "house_rules": {
            "nl": "Wat je hier vertelt, blijft hier. Geen foto's, geen filmpjes en geen namen op sociale media.",
            "en": "What you tell here stays here. No photos, no videos and no names on social media.",
            "so": "Waxa aad halkan ku sheegto halkan ayay ku hadhayaan. Sawir ma qaadno, muuqaal ma duubno, magacyona kuma qorno baraha bulshada.",
        },
    },
    # ------------------------------------------------------------------ Tigrinya
    {
        "themes": ["civic-integration", "family-reunification", "refugees"],
        "kind": "support",
        "working_method": "conversation",
        "led_by": "key_person",
        "audience": "both",
        "gender": "everyone",
        "languages": ["ti", "nl"],
        "intake": "just_come",
        "online": False,
        "name": {
            "nl": "Praatgroep nieuwkomers – in het Tigrinya",
            "en": "Newcomers' talk group – in Tigrinya",
            "ti": "ጉጅለ ዕላል ንሓደስቲ መጻእቲ – ብትግርኛ",
        },
        "description": {
            "nl": "Ben je nog niet lang in Nederland? In deze groep praten we in het Tigrinya over inburgering, werk, wonen en je familie. "
            "Een sleutelfiguur uit de buurt leidt het gesprek. Je ontmoet anderen en krijgt tips waar je hulp vindt.",
            "en": "Have you not been in the Netherlands for long? In this group we talk in Tigrinya about civic integration, work, housing and your family. "
            "A key person from the neighbourhood leads the talk. You meet others and get tips on where to find help.",
            "ti": "ኣብ ኔዘርላንድ ነዊሕ ግዜ ኣይጸናሕካን ዲኻ? ኣብዚ ጉጅለ ብዛዕባ ምውህሃድ (inburgering)፡ ስራሕ፡ መንበሪ ገዛን ስድራቤትካን ብትግርኛ ንዘራረብ። "
            "ሓደ ኣብ ከባቢ ዝፍለጥ ተኣማኒ ሰብ ነቲ ዝርርብ ይመርሖ። ምስ ካልኦት ትላለ፡ ሓገዝ ኣበይ ከም እትረክብ ድማ ምኽሪ ትረክብ።",
        },
        "first_visit": {
            "nl": "Je kunt zonder afspraak komen. We drinken koffie en stellen ons kort voor. Je vertelt alleen wat je wilt.",
            "en": "You can come without an appointment. We drink coffee and briefly introduce ourselves. You only tell what you want.",
            "ti": "ብዘይ ቆጸራ ክትመጽእ ትኽእል ኢኻ። ቡን ንሰቲ፡ ብሓጺሩ ድማ ንላለ። ዝደለኻዮ ጥራይ ትዛረብ።",
        },
        "house_rules": {
            "nl": "Wat in de groep gezegd wordt, blijft in de groep. We respecteren elkaar.",
            "en": "What is said in the group stays in the group. We respect each other.",
            "ti": "ኣብ ጉጅለ ዝተባህለ ኣብ ጉጅለ ይተርፍ። ንሓድሕድና ንከባበር።",
        },
    },
    {
        "themes": ["trauma-ptsd", "loneliness", "refugees"],
        "kind": "women",
        "working_method": "conversation",
        "led_by": "key_person",
        "audience": "affected",
        "gender": "women",
        "languages": ["ti", "nl"],
        "intake": "contact_first",
        "online": False,
        "name": {
            "nl": "Vrouwengroep in het Tigrinya: rust en steun",
            "en": "Women's group in Tigrinya: calm and support",
            "ti": "ጉጅለ ደቂ ኣንስትዮ ብትግርኛ፡ ህድኣትን ደገፍን",
        },
        "description": {
            "nl": "Een groep voor vrouwen die veel hebben meegemaakt, bijvoorbeeld tijdens de vlucht. Misschien voel je je alleen of slaap je slecht. "
            "We praten in het Tigrinya en doen ook ontspanningsoefeningen. Je bepaalt zelf wat je deelt.",
            "en": "A group for women who have been through a lot, for example while fleeing. Maybe you feel alone or sleep badly. "
            "We talk in Tigrinya and also do relaxation exercises. You decide yourself what you share.",
            "ti": "እዚ ጉጅለ ንብዙሕ ዘሕለፋ ደቂ ኣንስትዮ እዩ፡ ንኣብነት ኣብ ግዜ ስደት። ምናልባት በይንኺ ከም ዘለኺ ይስምዓኪ፡ ወይ ድማ ድቃስ ይሰኣነኪ ይኸውን። "
            "ብትግርኛ ንዘራረብ፡ ናይ ህድኣት ልምምዳት እውን ንገብር። እንታይ ከም እተካፍሊ ባዕልኺ ትውስኒ።",
        },
        "first_visit": {
            "nl": "Neem eerst contact op met de begeleidster. Zij vertelt je waar en wanneer de groep is. De eerste keer mag je samen met haar naar binnen gaan.",
            "en": "First contact the group leader. She tells you where and when the group meets. The first time you may go in together with her.",
            "ti": "ፈለማ ምስ መራሒት ጉጅለ ተራኸቢ። ጉጅለ ኣበይን መዓስን ከም ዝራኸብ ክትነግረኪ እያ። ንመጀመርታ ግዜ ምሳኣ ብሓባር ክትኣትዊ ትኽእሊ ኢኺ።",
        },
        "house_rules": {
            "nl": "Alleen vrouwen. Wat je vertelt, blijft in de groep. Je hoeft nooit iets te vertellen wat je niet wilt.",
            "en": "Women only. What you tell stays in the group. You never have to tell anything you do not want to.",
            "ti": "ደቂ ኣንስትዮ ጥራይ። ዝነገርክዮ ኣብ ጉጅለ ይተርፍ። ዘይደለኽዮ ክትነግሪ ፈጺምኪ ኣይትግደድን ኢኺ።",
        },
    },
    # ------------------------------------------------------------------ Polish
    {
        "themes": ["alcohol", "addiction"],
        "kind": "self_help",
        "working_method": "twelve_steps",
        "led_by": "peer",
        "audience": "affected",
        "gender": "everyone",
        "languages": ["pl"],
        "intake": "just_come",
        "online": False,
        "name": {
            "nl": "Twaalf-stappengroep alcohol – in het Pools",
            "en": "Twelve-step group alcohol – in Polish",
            "pl": "Grupa 12 kroków dla osób z problemem alkoholowym – po polsku",
        },
        "description": {
            "nl": "Een zelfhulpgroep voor mensen die willen stoppen met drinken. We werken met de twaalf stappen en praten in het Pools. "
            "Iedereen die wil stoppen is welkom. De groep is van en voor de leden.",
            "en": "A self-help group for people who want to stop drinking. We work with the twelve steps and talk in Polish. "
            "Everyone who wants to stop is welcome. The group belongs to its members.",
            "pl": "Grupa samopomocowa dla osób, które chcą przestać pić. Pracujemy według programu dwunastu kroków i rozmawiamy po polsku. "
            "Każdy, kto chce przestać pić, jest mile widziany. Grupa należy do jej uczestników.",
        },
        "first_visit": {
            "nl": "Kom gewoon binnen, ook als je twijfelt. Je hoeft niet te praten en je achternaam is niet nodig. Na afloop kun je vragen stellen aan een van de leden.",
            "en": "Just come in, even if you are in doubt. You do not have to talk and your surname is not needed. Afterwards you can ask one of the members questions.",
            "pl": "Po prostu przyjdź, nawet jeśli masz wątpliwości. Nie musisz nic mówić ani podawać nazwiska. Po spotkaniu możesz zadać pytania komuś z grupy.",
        },
        "house_rules": {
            "nl": "Wie je hier ziet en wat je hier hoort, laat je hier. We komen nuchter naar de bijeenkomst.",
            "en": "Who you see here and what you hear here, you leave here. We come to the meeting sober.",
            "pl": "Kogo tu widzisz i co tu słyszysz, zostaje tutaj. Na spotkania przychodzimy trzeźwi.",
        },
    },
    {
        "themes": ["loneliness", "housing", "unemployment"],
        "kind": "support",
        "working_method": "conversation",
        "led_by": "key_person",
        "audience": "affected",
        "gender": "everyone",
        "languages": ["pl", "nl"],
        "intake": "just_come",
        "online": False,
        "name": {
            "nl": "Ontmoetingsgroep in het Pools: werk, wonen en eenzaamheid",
            "en": "Meeting group in Polish: work, housing and loneliness",
            "pl": "Grupa spotkań po polsku: praca, mieszkanie i samotność",
        },
        "description": {
            "nl": "Voor mensen die hier werken en soms weinig contact hebben. Misschien woon je krap, heb je een tijdelijk contract of mis je je familie. "
            "We praten in het Pools over wat je meemaakt. Een sleutelfiguur weet de weg naar hulp in de buurt.",
            "en": "For people who work here and sometimes have little contact with others. Maybe you live in a cramped place, have a temporary contract or miss your family. "
            "We talk in Polish about what you go through. A key person knows the way to help in the area.",
            "pl": "Dla osób, które tu pracują i często mają mało kontaktu z innymi. Może mieszkasz w ciasnym mieszkaniu, masz umowę na czas określony albo tęsknisz za rodziną. "
            "Rozmawiamy po polsku o tym, co przeżywasz. Osoba zaufania z okolicy wie, gdzie można znaleźć pomoc.",
        },
        "first_visit": {
            "nl": "De groep is 's avonds, zodat je na je werk kunt komen. Je kunt zonder aanmelding komen. Er is koffie en soep.",
            "en": "The group meets in the evening, so you can come after work. You can come without signing up. There is coffee and soup.",
            "pl": "Spotkania są wieczorem, więc możesz przyjść po pracy. Nie trzeba się zapisywać. Jest kawa i zupa.",
        },
        "house_rules": {
            "nl": "Wat je vertelt over je werk of je huis, blijft in de groep. We vertellen niets door aan je werkgever of verhuurder.",
            "en": "What you tell about your work or your home stays in the group. We pass nothing on to your employer or landlord.",
            "pl": "To, co mówisz o swojej pracy lub mieszkaniu, zostaje w grupie. Niczego nie przekazujemy pracodawcy ani wynajmującemu.",
        },
    },
    {
        "themes": ["addiction", "family-and-partners", "alcohol"],
        "kind": "online",
        "working_method": "conversation",
        "led_by": "expert_by_experience",
        "audience": "relatives",
        "gender": "everyone",
        "languages": ["pl"],
        "intake": "contact_first",
        "online": True,
        "name": {
            "nl": "Online groep voor naasten van iemand met een verslaving – in het Pools",
            "en": "Online group for relatives of someone with an addiction – in Polish",
            "pl": "Grupa online dla bliskich osób uzależnionych – po polsku",
        },
        "description": {
            "nl": "Drinkt of gebruikt iemand van wie je houdt te veel? Dat raakt jou ook. "
            "In deze online groep praten naasten in het Pools over zorgen, grenzen en goed voor jezelf zorgen. Een ervaringsdeskundige begeleidt de groep.",
            "en": "Does someone you love drink or use drugs too much? That affects you too. "
            "In this online group relatives talk in Polish about worries, limits and taking care of yourself. An expert by experience leads the group.",
            "pl": "Czy ktoś, kogo kochasz, pije za dużo lub bierze narkotyki? To dotyka również ciebie. "
            "W tej grupie online bliscy rozmawiają po polsku o zmartwieniach, stawianiu granic i dbaniu o siebie. Grupę prowadzi osoba z własnym doświadczeniem.",
        },
        "first_visit": {
            "nl": "Stuur eerst een bericht. We maken een korte belafspraak en daarna krijg je de link. Je mag je camera uit laten.",
            "en": "Send a message first. We arrange a short phone call and after that you get the link. You may keep your camera off.",
            "pl": "Najpierw wyślij wiadomość. Umówimy krótką rozmowę telefoniczną, a potem dostaniesz link. Możesz mieć wyłączoną kamerę.",
        },
        "house_rules": {
            "nl": "We nemen niets op. Wat gedeeld wordt, blijft in de groep. We praten over onszelf, niet over de ander.",
            "en": "We record nothing. What is shared stays in the group. We talk about ourselves, not about the other person.",
            "pl": "Niczego nie nagrywamy. To, co zostaje powiedziane, zostaje w grupie. Mówimy o sobie, a nie o osobie uzależnionej.",
        },
    },
    # ------------------------------------------------------------------ Ukrainian
    {
        "themes": ["war-victims", "trauma-ptsd", "refugees"],
        "kind": "support",
        "working_method": "conversation",
        "led_by": "expert_by_experience",
        "audience": "affected",
        "gender": "everyone",
        "languages": ["uk", "nl"],
        "intake": "trial",
        "online": False,
        "name": {
            "nl": "Steungroep na de oorlog – in het Oekraïens",
            "en": "Support group after the war – in Ukrainian",
            "uk": "Група підтримки після війни – українською",
        },
        "description": {
            "nl": "Voor mensen die door de oorlog hun huis hebben moeten verlaten. Je maakt je zorgen om familie, of je voelt je onrustig en moe. "
            "We praten in het Oekraïens over wat je helpt om door te gaan. Een ervaringsdeskundige begeleidt de groep.",
            "en": "For people who had to leave their home because of the war. You worry about family, or you feel restless and tired. "
            "We talk in Ukrainian about what helps you carry on. An expert by experience leads the group.",
            "uk": "Для людей, які через війну мусили покинути свій дім. Ви хвилюєтеся за рідних або відчуваєте неспокій і втому. "
            "Ми говоримо українською про те, що допомагає жити далі. Групу веде людина з власним досвідом.",
        },
        "first_visit": {
            "nl": "Je kunt eerst één keer komen kijken. Daarna beslis je of je blijft. Je hoeft niets te vertellen.",
            "en": "You can first come once to have a look. After that you decide whether you stay. You do not have to tell anything.",
            "uk": "Спочатку можна прийти один раз, щоб подивитися. Потім ви вирішуєте, чи залишитися. Ви не мусите нічого розповідати.",
        },
        "house_rules": {
            "nl": "Wat je hier hoort, blijft hier. We praten in de groep niet over politiek, maar over hoe het met ons gaat.",
            "en": "What you hear here stays here. In the group we do not talk about politics, but about how we are doing.",
            "uk": "Те, що ви тут чуєте, тут і залишається. У групі ми говоримо не про політику, а про те, як ми почуваємося.",
        },
    },
    {
        "themes": ["parenting", "war-victims"],
        "kind": "online",
        "working_method": "conversation",
        "led_by": "peer",
        "audience": "affected",
        "gender": "everyone",
        "languages": ["uk"],
        "intake": "just_come",
        "online": True,
        "name": {
            "nl": "Online groep voor ouders – in het Oekraïens",
            "en": "Online group for parents – in Ukrainian",
            "uk": "Онлайн-група для батьків – українською",
        },
        "description": {
            "nl": "Voor ouders die met hun kinderen naar Nederland zijn gekomen. Hoe help je je kind op een nieuwe school? Wat doe je als je kind bang of boos is? "
            "We wisselen in het Oekraïens ervaringen en tips uit, online en 's avonds.",
            "en": "For parents who came to the Netherlands with their children. How do you help your child at a new school? What do you do when your child is scared or angry? "
            "We swap experiences and tips in Ukrainian, online and in the evening.",
            "uk": "Для батьків, які приїхали до Нідерландів разом із дітьми. Як допомогти дитині в новій школі? Що робити, коли дитина боїться чи злиться? "
            "Ми ділимося досвідом і порадами українською, онлайн, увечері.",
        },
        "first_visit": {
            "nl": "Vraag de link aan via het contactformulier. Je kunt de volgende keer meteen meedoen. Je stelt je voor met alleen je voornaam.",
            "en": "Ask for the link via the contact form. You can join right away next time. You introduce yourself with your first name only.",
            "uk": "Попросіть посилання через контактну форму. Ви можете долучитися вже наступного разу. Представтеся лише на ім'я.",
        },
        "house_rules": {
            "nl": "We maken geen opnames. Wat ouders over hun kinderen vertellen, blijft in de groep.",
            "en": "We make no recordings. What parents tell about their children stays in the group.",
            "uk": "Ми нічого не записуємо. Те, що батьки розповідають про своїх дітей, залишається в групі.",
        },
    },
    {
        "themes": ["loneliness", "civic-integration"],
        "kind": "self_help",
        "working_method": "activity",
        "led_by": "volunteer",
        "audience": "affected",
        "gender": "everyone",
        "languages": ["uk", "nl"],
        "intake": "just_come",
        "online": False,
        "name": {
            "nl": "Wandel- en praatgroep voor ouderen – in het Oekraïens en Nederlands",
            "en": "Walking and talking group for older people – in Ukrainian and Dutch",
            "uk": "Група прогулянок і розмов для людей старшого віку – українською та нідерландською",
        },
        "description": {
            "nl": "Voor ouderen die zich soms alleen voelen. We maken samen een korte wandeling en drinken daarna thee. "
            "We praten Oekraïens en oefenen ook een beetje Nederlands. Zo leer je mensen en de buurt kennen.",
            "en": "For older people who sometimes feel alone. We take a short walk together and have tea afterwards. "
            "We speak Ukrainian and also practise a little Dutch. That way you get to know people and the neighbourhood.",
            "uk": "Для людей старшого віку, які іноді почуваються самотніми. Ми разом недовго гуляємо, а потім п'ємо чай. "
            "Говоримо українською і трохи вчимося нідерландської. Так ви знайомитеся з людьми та з районом.",
        },
        "first_visit": {
            "nl": "Kom gewoon naar het verzamelpunt. Trek makkelijke schoenen aan. Kun je niet goed lopen? Dan kun je bij de thee aansluiten.",
            "en": "Just come to the meeting point. Wear comfortable shoes. Is walking hard for you? Then you can join us for tea.",
            "uk": "Просто приходьте до місця зустрічі. Взуйте зручне взуття. Якщо вам важко ходити, можете приєднатися до нас за чаєм.",
        },
        "house_rules": {
            "nl": "Iedereen loopt in zijn eigen tempo. Wat we delen, blijft tussen ons.",
            "en": "Everyone walks at their own pace. What we share stays between us.",
            "uk": "Кожен іде у своєму темпі. Те, чим ми ділимося, залишається між нами.",
        },
    },
    # ------------------------------------------------------------------ English
    {
        "themes": ["burnout", "loneliness", "cultural-differences"],
        "kind": "self_help",
        "working_method": "conversation",
        "led_by": "peer",
        "audience": "affected",
        "gender": "everyone",
        "languages": ["en"],
        "intake": "just_come",
        "online": False,
        "name": {
            "nl": "Engelstalige praatgroep: stress en eenzaamheid",
            "en": "English-speaking peer group: stress and loneliness",
        },
        "description": {
            "nl": "Voor mensen die Engels spreken en hier wonen en werken. Een nieuw land, een drukke baan en weinig vrienden kunnen zwaar zijn. "
            "We praten in het Engels over stress, burn-out en je alleen voelen. Iedereen is welkom.",
            "en": "For English speakers who live and work here. A new country, a busy job and few friends can weigh on you. "
            "We talk in English about stress, burnout and feeling alone. Everyone is welcome.",
        },
        "first_visit": {
            "nl": "Kom gewoon langs. We beginnen met een kort rondje: hoe was je week? Je mag ook alleen luisteren.",
            "en": "Just drop in. We start with a short round: how was your week? You may also just listen.",
        },
        "house_rules": {
            "nl": "Wat in de groep gezegd wordt, blijft in de groep. We geven alleen advies als iemand erom vraagt.",
            "en": "What is said in the group stays in the group. We only give advice when someone asks for it.",
        },
    },
    {
        "themes": ["infertility", "miscarriage-child-loss"],
        "kind": "online",
        "working_method": "conversation",
        "led_by": "peer",
        "audience": "both",
        "gender": "everyone",
        "languages": ["en", "nl"],
        "intake": "contact_first",
        "online": True,
        "name": {
            "nl": "Online groep onvervulde kinderwens – in het Engels en Nederlands",
            "en": "Online group: longing for a child – in English and Dutch",
        },
        "description": {
            "nl": "Wil je graag een kind, maar lukt het niet? Of zit je in een vruchtbaarheidsbehandeling? "
            "In deze online groep praten we in het Engels en het Nederlands over hoop, wachten en teleurstelling. Partners zijn ook welkom.",
            "en": "Do you long for a child, but it is not happening? Or are you in fertility treatment? "
            "In this online group we talk in English and Dutch about hope, waiting and disappointment. Partners are welcome too.",
        },
        "first_visit": {
            "nl": "Stuur een bericht. Je krijgt een kort kennismakingsgesprek en daarna de link. Je camera mag uit.",
            "en": "Send a message. You get a short introduction call and after that the link. Your camera may stay off.",
        },
        "house_rules": {
            "nl": "We vragen niet naar medische details. Wat gedeeld wordt, blijft in de groep. We maken geen opnames.",
            "en": "We do not ask about medical details. What is shared stays in the group. We make no recordings.",
        },
    },
]

PLACES: list[dict] = [
    # Eindhoven
    {
        "name": "Buurthuis De Boog",
        "kind": "community_centre",
        "street": "Boogstraat 12",
        "postcode": "5611AB",
        "place": "Eindhoven",
    },
    {
        "name": "Steunpunt Zelfhulp Eindhoven",
        "kind": "support_point",
        "street": "Lichtplein 4",
        "postcode": "5611CE",
        "place": "Eindhoven",
    },
    {
        "name": "Bibliotheek Eindhoven Centrum",
        "kind": "library",
        "street": "Boekenhof 1",
        "postcode": "5612KL",
        "place": "Eindhoven",
    },
    {
        "name": "Gezondheidscentrum Strijp",
        "kind": "health_centre",
        "street": "Lampenmakerslaan 20",
        "postcode": "5616RT",
        "place": "Eindhoven",
    },
    {"name": "Moskee De Brug", "kind": "mosque", "street": "Vredeslaan 7", "postcode": "5622HM", "place": "Eindhoven"},
    {
        "name": "Ontmoetingscentrum De Kastanje",
        "kind": "community_centre",
        "street": "Kastanjelaan 33",
        "postcode": "5623EB",
        "place": "Eindhoven",
    },
    {
        "name": "Bibliotheek Woensel",
        "kind": "library",
        "street": "Winkelpromenade 15",
        "postcode": "5625PL",
        "place": "Eindhoven",
    },
    {
        "name": "Clubhuis Sportpark De Wielewaal",
        "kind": "sports_club",
        "street": "Wielewaalpad 2",
        "postcode": "5627SW",
        "place": "Eindhoven",
    },
    {
        "name": "Gezondheidscentrum Woensel-Noord",
        "kind": "health_centre",
        "street": "Vlierbesstraat 41",
        "postcode": "5629GZ",
        "place": "Eindhoven",
    },
    {
        "name": "Wijkhuis Blixembosch",
        "kind": "community_centre",
        "street": "Boslaan 18",
        "postcode": "5632BW",
        "place": "Eindhoven",
    },
    {
        "name": "Wijkcentrum 't Hofke",
        "kind": "community_centre",
        "street": "Hofstraat 40",
        "postcode": "5641TK",
        "place": "Eindhoven",
    },
    {
        "name": "Huiskamer van de Wijk Doornakkers",
        "kind": "living_room",
        "street": "Doornstraat 9",
        "postcode": "5642DA",
        "place": "Eindhoven",
    },
    {
        "name": "Huiskamer Tongelre",
        "kind": "living_room",
        "street": "Molenveldweg 25",
        "postcode": "5643NB",
        "place": "Eindhoven",
    },
    {
        "name": "Buurtkamer Lakerlopen",
        "kind": "living_room",
        "street": "Lakerweg 6",
        "postcode": "5645LK",
        "place": "Eindhoven",
    },
    {
        "name": "Basisschool De Vlinderboom",
        "kind": "school",
        "street": "Vlinderstraat 3",
        "postcode": "5653VB",
        "place": "Eindhoven",
    },
    {
        "name": "Kerkcentrum De Lichtbron",
        "kind": "church",
        "street": "Klokkenlaan 11",
        "postcode": "5654KC",
        "place": "Eindhoven",
    },
    {
        "name": "Wijkcentrum Meerhoven",
        "kind": "community_centre",
        "street": "Meerplein 2",
        "postcode": "5658MH",
        "place": "Eindhoven",
    },
    # Helmond
    {
        "name": "Steunpunt Zelfhulp Peelland",
        "kind": "support_point",
        "street": "Kanaaldijk 14",
        "postcode": "5701KP",
        "place": "Helmond",
    },
    {
        "name": "Bibliotheek Helmond Centrum",
        "kind": "library",
        "street": "Markthof 3",
        "postcode": "5701MH",
        "place": "Helmond",
    },
    {
        "name": "Wijkhuis De Fonkel",
        "kind": "community_centre",
        "street": "Fonkelstraat 21",
        "postcode": "5702FS",
        "place": "Helmond",
    },
    {
        "name": "Buurthuis Het Binnenhof",
        "kind": "community_centre",
        "street": "Binnenhofweg 8",
        "postcode": "5703BH",
        "place": "Helmond",
    },
    {
        "name": "Ontmoetingskerk De Ark",
        "kind": "church",
        "street": "Arkstraat 1",
        "postcode": "5704AK",
        "place": "Helmond",
    },
    {"name": "Moskee De Vrede", "kind": "mosque", "street": "Vredestraat 30", "postcode": "5706VR", "place": "Helmond"},
    {
        "name": "Huiskamer Mierlo-Hout",
        "kind": "living_room",
        "street": "Houtse Plein 5",
        "postcode": "5707HP",
        "place": "Helmond",
    },
    {
        "name": "Gezondheidshuis De Veste",
        "kind": "health_centre",
        "street": "Vestingweg 12",
        "postcode": "5708VW",
        "place": "Helmond",
    },
    # Municipalities around
    {
        "name": "Dorpshuis De Linde",
        "kind": "community_centre",
        "street": "Lindeplein 4",
        "postcode": "5683LP",
        "place": "Best",
    },
    {
        "name": "Bibliotheek Veldhoven",
        "kind": "library",
        "street": "Citycentrum 20",
        "postcode": "5503CC",
        "place": "Veldhoven",
    },
    {
        "name": "Gezondheidscentrum Zesprong",
        "kind": "health_centre",
        "street": "Zesprongweg 2",
        "postcode": "5664ZW",
        "place": "Geldrop",
    },
    {
        "name": "Ontmoetingsplek Het Weefhuis",
        "kind": "community_centre",
        "street": "Weversstraat 17",
        "postcode": "5731WS",
        "place": "Mierlo",
    },
    {"name": "Huiskamer Nuenen", "kind": "living_room", "street": "Park 28", "postcode": "5671GC", "place": "Nuenen"},
    {
        "name": "Sportclub De Dommelvallei",
        "kind": "sports_club",
        "street": "Sportlaan 5",
        "postcode": "5691SL",
        "place": "Son en Breugel",
    },
    {
        "name": "Welzijnspunt Waalre",
        "kind": "support_point",
        "street": "Dorpsstraat 60",
        "postcode": "5581AH",
        "place": "Waalre",
    },
    {
        "name": "Cultureel Centrum De Hofnar",
        "kind": "community_centre",
        "street": "Marktstraat 9",
        "postcode": "5551EP",
        "place": "Valkenswaard",
    },
    {
        "name": "Parochiezaal Sint-Willibrordus",
        "kind": "church",
        "street": "Kerkstraat 22",
        "postcode": "5751HW",
        "place": "Deurne",
    },
    {
        "name": "Huiskamer De Beiaard",
        "kind": "living_room",
        "street": "Beiaardplein 3",
        "postcode": "5722BA",
        "place": "Asten",
    },
    {
        "name": "Bibliotheek Someren",
        "kind": "library",
        "street": "Wilhelminaplein 6",
        "postcode": "5711EK",
        "place": "Someren",
    },
    {
        "name": "Gemeenschapshuis De Eendracht",
        "kind": "community_centre",
        "street": "Komweg 14",
        "postcode": "5421KE",
        "place": "Gemert",
    },
    {
        "name": "Ontmoetingscentrum De Couwenbergh",
        "kind": "community_centre",
        "street": "Piet van Thielplein 2",
        "postcode": "5741CT",
        "place": "Beek en Donk",
    },
    {
        "name": "Zorgpunt Oirschot",
        "kind": "health_centre",
        "street": "Gasthuisstraat 8",
        "postcode": "5688AZ",
        "place": "Oirschot",
    },
    {
        "name": "Dorpshuis Eersel",
        "kind": "community_centre",
        "street": "Markt 15",
        "postcode": "5521AJ",
        "place": "Eersel",
    },
    {
        "name": "Basisschool De Tweesprong",
        "kind": "school",
        "street": "Schoolstraat 4",
        "postcode": "5531TS",
        "place": "Bladel",
    },
    {
        "name": "Huiskamer Heeze",
        "kind": "living_room",
        "street": "Jan Deckersstraat 10",
        "postcode": "5591HN",
        "place": "Heeze",
    },
    {
        "name": "Ontmoetingscentrum Budel",
        "kind": "community_centre",
        "street": "Capucijnenplein 7",
        "postcode": "6021BB",
        "place": "Budel",
    },
]

ORGANISATIONS: list[dict] = [
    {
        "slug": "steunpunt-zelfhulp-eindhoven",
        "kind": "support_point",
        "name": "Steunpunt Zelfhulp Eindhoven",
        "municipality": "Eindhoven",
        "website": "https://zelfhulp-eindhoven.example.org",
        "email": "info@zelfhulp-eindhoven.example.org",
        "phone": "040 000 1234",
        "description": {
            "nl": "Het steunpunt helpt zelfhulpgroepen in Eindhoven en omgeving. We zoeken een ruimte, geven trainingen en maken groepen bekend. "
            "Wil je een groep vinden of zelf starten? Stel je vraag; je hoeft je naam niet te geven.",
            "en": "The support point helps self-help groups in Eindhoven and the surrounding area. We find rooms, give training and make groups known. "
            "Do you want to find a group or start one? Ask your question; you do not have to give your name.",
        },
    },
    {
        "slug": "steunpunt-zelfhulp-peelland",
        "kind": "support_point",
        "name": "Steunpunt Zelfhulp Peelland",
        "municipality": "Helmond",
        "website": "https://zelfhulp-peelland.example.org",
        "email": "info@zelfhulp-peelland.example.org",
        "phone": "0492 000 123",
        "description": {
            "nl": "Het steunpunt voor zelfhulp in Helmond en de Peel. We helpen groepen met een ruimte, een kleine bijdrage en publiciteit. "
            "Je kunt bij ons ook terecht als je een groep zoekt.",
            "en": "The self-help support point for Helmond and the Peel area. We help groups with a room, a small contribution and publicity. "
            "You can also come to us if you are looking for a group.",
        },
    },
    {
        "slug": "samen-verder-na-kanker",
        "kind": "patient_organisation",
        "name": "Patiëntenvereniging Samen Verder na Kanker",
        "municipality": "Eindhoven",
        "website": "https://samenverder-kanker.example.org",
        "email": "contact@samenverder-kanker.example.org",
        "phone": "040 000 2210",
        "description": {
            "nl": "Een vereniging van en voor mensen met kanker en hun naasten in Zuidoost-Brabant. Vrijwilligers organiseren inloopgroepen en online groepen.",
            "en": "An association of and for people with cancer and their loved ones in South-East Brabant. Volunteers run drop-in groups and online groups.",
        },
    },
    {
        "slug": "platform-chronisch-ziek-peel",
        "kind": "patient_organisation",
        "name": "Patiëntenplatform Chronisch Ziek De Peel",
        "municipality": "Deurne",
        "website": "https://chronischziek-peel.example.org",
        "email": "info@chronischziek-peel.example.org",
        "phone": "0493 000 456",
        "description": {
            "nl": "Een platform voor mensen met een chronische ziekte of langdurige pijn in de Peel. Het platform steunt lotgenotengroepen en informatiebijeenkomsten.",
            "en": "A platform for people with a chronic illness or long-term pain in the Peel area. It supports peer groups and information meetings.",
        },
    },
    {
        "slug": "vrouwenvereniging-goftegoo",
        "kind": "self_organisation",
        "name": "Vrouwenvereniging Goftegoo",
        "municipality": "Eindhoven",
        "website": "https://goftegoo.example.org",
        "email": "info@goftegoo.example.org",
        "phone": "040 000 3345",
        "description": {
            "nl": "Een vereniging van en voor vrouwen die Farsi spreken. Vrouwen ontmoeten elkaar, volgen samen cursussen en steunen elkaar in praatgroepen.",
            "en": "An association of and for women who speak Farsi. Women meet each other, take courses together and support each other in talk groups.",
        },
    },
    {
        "slug": "vereniging-kopru",
        "kind": "self_organisation",
        "name": "Vereniging Köprü",
        "municipality": "Helmond",
        "website": "https://kopru-helmond.example.org",
        "email": "bestuur@kopru-helmond.example.org",
        "phone": "0492 000 311",
        "description": {
            "nl": "Köprü betekent brug. Een buurtvereniging waar Turkstalige bewoners elkaar ontmoeten. Er zijn praatgroepen voor vrouwen, mannen en mantelzorgers.",
            "en": "Köprü means bridge. A neighbourhood association where Turkish-speaking residents meet. There are talk groups for women, men and carers.",
        },
    },
    {
        "slug": "stichting-dhallinyaro",
        "kind": "self_organisation",
        "name": "Stichting Dhallinyaro",
        "municipality": "Eindhoven",
        "website": "https://dhallinyaro.example.org",
        "email": "hallo@dhallinyaro.example.org",
        "phone": "040 000 4471",
        "description": {
            "nl": "Een jongerenstichting voor Somalischtalige jongeren en hun ouders. De stichting organiseert huiswerkhulp, sport en praatgroepen over school, werk en stress.",
            "en": "A youth foundation for Somali-speaking young people and their parents. It organises homework help, sports and talk groups on school, work and stress.",
        },
    },
    {
        "slug": "vereniging-kalyna",
        "kind": "self_organisation",
        "name": "Vereniging Kalyna",
        "municipality": "Eindhoven",
        "website": "https://kalyna-eindhoven.example.org",
        "email": "info@kalyna-eindhoven.example.org",
        "phone": "040 000 5582",
        "description": {
            "nl": "Een vereniging waar Oekraïenstalige bewoners van de regio elkaar ontmoeten. Er zijn steungroepen, taalcafés en activiteiten voor ouderen en kinderen.",
            "en": "An association where Ukrainian-speaking residents of the region meet. There are support groups, language cafés and activities for older people and children.",
        },
    },
    {
        "slug": "stichting-razem",
        "kind": "self_organisation",
        "name": "Stichting Razem",
        "municipality": "Veldhoven",
        "website": "https://razem.example.org",
        "email": "kontakt@razem.example.org",
        "phone": "040 000 6120",
        "description": {
            "nl": "Razem betekent samen. Een stichting voor Poolstalige werknemers en gezinnen in de regio. Ze geeft informatie over wonen en werk en steunt ontmoetingsgroepen.",
            "en": "Razem means together. A foundation for Polish-speaking workers and families in the region. It gives information on housing and work and supports meeting groups.",
        },
    },
    {
        "slug": "stichting-selam",
        "kind": "self_organisation",
        "name": "Stichting Selam",
        "municipality": "Eindhoven",
        "website": "https://selam-eindhoven.example.org",
        "email": "info@selam-eindhoven.example.org",
        "phone": "040 000 6634",
        "description": {
            "nl": "Een stichting die nieuwkomers die Tigrinya spreken helpt hun weg te vinden. Sleutelfiguren begeleiden praatgroepen en gaan mee naar instanties.",
            "en": "A foundation that helps Tigrinya-speaking newcomers find their way. Key persons lead talk groups and go along to agencies.",
        },
    },
    {
        "slug": "geestkracht-brabant-zuidoost",
        "kind": "care_organisation",
        "name": "Stichting Geestkracht Brabant-Zuidoost",
        "municipality": "Eindhoven",
        "website": "https://geestkracht-bzo.example.org",
        "email": "info@geestkracht-bzo.example.org",
        "phone": "040 000 7000",
        "description": {
            "nl": "Een organisatie voor geestelijke gezondheidszorg. Hulpverleners verwijzen cliënten naar lotgenotengroepen en geven soms een training in een groep.",
            "en": "A mental health care organisation. Its professionals refer clients to peer groups and sometimes give a training in a group.",
        },
    },
    {
        "slug": "verslavingszorg-de-overstap",
        "kind": "care_organisation",
        "name": "Verslavingszorg De Overstap",
        "municipality": "Helmond",
        "website": "https://deoverstap.example.org",
        "email": "info@deoverstap.example.org",
        "phone": "0492 000 700",
        "description": {
            "nl": "Hulp bij verslaving aan alcohol, drugs, gokken en gamen. De Overstap werkt samen met zelfhulpgroepen en groepen voor naasten.",
            "en": "Help with addiction to alcohol, drugs, gambling and gaming. De Overstap works together with self-help groups and groups for relatives.",
        },
    },
    {
        "slug": "gemeente-eindhoven",
        "kind": "municipality",
        "name": "Gemeente Eindhoven",
        "municipality": "Eindhoven",
        "website": "https://gemeente-eindhoven.example.org",
        "email": "wmo@gemeente-eindhoven.example.org",
        "phone": "040 000 8000",
        "description": {
            "nl": "De gemeente betaalt mee aan het steunpunt zelfhulp en wil weten welke groepen er zijn en wat nog ontbreekt.",
            "en": "The municipality helps fund the self-help support point and wants to know which groups exist and what is still missing.",
        },
    },
    {
        "slug": "gemeente-helmond",
        "kind": "municipality",
        "name": "Gemeente Helmond",
        "municipality": "Helmond",
        "website": "https://gemeente-helmond.example.org",
        "email": "wmo@gemeente-helmond.example.org",
        "phone": "0492 000 800",
        "description": {
            "nl": "De gemeente steunt zelfhulp en lotgenotencontact in Helmond via het steunpunt en de wijkteams.",
            "en": "The municipality supports self-help and peer contact in Helmond through the support point and the neighbourhood teams.",
        },
    },
    {
        "slug": "stichting-moskee-de-brug",
        "kind": "house_of_worship",
        "name": "Stichting Moskee De Brug",
        "municipality": "Eindhoven",
        "website": "https://moskee-debrug.example.org",
        "email": "secretariaat@moskee-debrug.example.org",
        "phone": "040 000 9120",
        "description": {
            "nl": "Een moskee die haar zalen openstelt voor praatgroepen en voorlichting. Iedereen is welkom bij de groepen, ook als je niet gelovig bent.",
            "en": "A mosque that opens its rooms to talk groups and information meetings. Everyone is welcome at the groups, also if you are not religious.",
        },
    },
    {
        "slug": "ontmoetingskerk-de-ark",
        "kind": "house_of_worship",
        "name": "Ontmoetingskerk De Ark",
        "municipality": "Helmond",
        "website": "https://ontmoetingskerk-deark.example.org",
        "email": "info@ontmoetingskerk-deark.example.org",
        "phone": "0492 000 912",
        "description": {
            "nl": "Een kerk die haar zaal gratis uitleent aan lotgenotengroepen. De groepen zijn open voor iedereen, gelovig of niet.",
            "en": "A church that lends its hall free of charge to peer groups. The groups are open to everyone, religious or not.",
        },
    },
    {
        "slug": "buurtfonds-zuidoost-brabant",
        "kind": "fund",
        "name": "Buurtfonds Zuidoost-Brabant",
        "municipality": "Eindhoven",
        "website": "https://buurtfonds-zob.example.org",
        "email": "aanvragen@buurtfonds-zob.example.org",
        "phone": "040 000 9345",
        "description": {
            "nl": "Een fonds dat kleine bedragen geeft aan bewonersinitiatieven en nieuwe zelfhulpgroepen, bijvoorbeeld voor huur, koffie of een training.",
            "en": "A fund that gives small amounts to residents' initiatives and new self-help groups, for example for rent, coffee or a training.",
        },
    },
    {
        "slug": "welzijn-de-kempen",
        "kind": "other",
        "name": "Stichting Welzijn De Kempen",
        "municipality": "Eersel",
        "website": "https://welzijn-dekempen.example.org",
        "email": "info@welzijn-dekempen.example.org",
        "phone": "0497 000 510",
        "description": {
            "nl": "Welzijnswerk in de Kempen. Buurtwerkers en vrijwilligers helpen bij het starten van groepen en wijzen inwoners de weg naar lotgenotencontact.",
            "en": "Social welfare work in the Kempen area. Community workers and volunteers help start groups and show residents the way to peer contact.",
        },
    },
    {
        "slug": "mantelzorgpunt-peel",
        "kind": "other",
        "name": "Mantelzorgpunt De Peel",
        "municipality": "Deurne",
        "website": "https://mantelzorg-peel.example.org",
        "email": "info@mantelzorg-peel.example.org",
        "phone": "0493 000 620",
        "description": {
            "nl": "Een informatiepunt voor mantelzorgers in de Peel. Het organiseert time-outmomenten en verwijst naar groepen voor naasten.",
            "en": "An information point for carers in the Peel area. It organises time-out moments and refers people to groups for relatives.",
        },
    },
]
