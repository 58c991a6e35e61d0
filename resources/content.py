"""The shipped content of the resource library, loaded by `manage.py bootstrap` (upsert by slug).

Written for the portal from the facts of shared/CONTENT_FACTS.md: our own words, sources cited as references.
Figures reported only by the press are said to be so; a date not confirmed is marked « sous réserve ».
Editing here and re-running `manage.py bootstrap` updates the pages that nobody edited in the administration;
a resource edited there keeps its edits (resources.services: each row remembers the hash of the version shipped).
"""

from datetime import date
from inspect import cleandoc as md

from common import ai_act
from common.typography import french_typography
from resources.enums import Audience, CollectiviteSize, ResourceKind, SourceStatus

UPDATED_ON = date(2026, 11, 26)
ALL_SIZES: list[str] = []
FROM_3500 = [CollectiviteSize.MEDIUM.value, CollectiviteSize.LARGE.value, CollectiviteSize.XLARGE.value]
LARGE = [CollectiviteSize.LARGE.value, CollectiviteSize.XLARGE.value]

CADRE = "/ressources/?type=cadre"


# Fields whose value is an identifier, a URL or a choice: never retouched by `french_typography`.
RAW_FIELDS = {"slug", "kind", "audience", "source_url", "source_status"}


def _resource(slug: str, kind: ResourceKind, **fields) -> dict:
    fields = {
        name: french_typography(value) if isinstance(value, str) and name not in RAW_FIELDS else value
        for name, value in fields.items()
    }
    return {
        "slug": slug,
        "kind": kind.value,
        "audience": Audience.ALL.value,
        "sizes": ALL_SIZES,
        "is_published": True,
        "updated_on": UPDATED_ON,
        "source_status": SourceStatus.OFFICIAL.value,
        **fields,
    }


# ---------------------------------------------------------------------------------------------------------------
# Cadre éthique et juridique
# ---------------------------------------------------------------------------------------------------------------
FRAMEWORK = [
    _resource(
        "rgpd-et-aipd",
        ResourceKind.FRAMEWORK,
        title="Données personnelles : le RGPD et l’analyse d’impact (AIPD)",
        summary=(
            "Un projet d’IA ou de données qui touche des personnes relève du RGPD. Quand faut-il conduire une "
            "analyse d’impact relative à la protection des données, et que disent les recommandations de la CNIL "
            "sur l’IA ?"
        ),
        themes=["donnees", "intelligence-artificielle", "securite-numerique"],
        audience=Audience.ALL.value,
        source_publisher="CNIL ; Comité européen de la protection des données (lignes directrices du G29)",
        source_url="https://www.cnil.fr/fr/liste-traitements-aipd-requise",
        source_date="Délibération n° 2018-327 du 11 octobre 2018",
        source_licence="Textes officiels",
        body=md(
            """
            ## Pourquoi c’est le premier réflexe

            La plupart des projets d’IA d’une collectivité manipulent des données personnelles : dossiers d’usagers,
            courriers, demandes d’aide, données de consommation d’un foyer, images où des personnes sont
            reconnaissables. Dès lors, le règlement général sur la protection des données (RGPD) s’applique :
            finalité déterminée, base légale, minimisation, durée de conservation, information des personnes,
            sécurité, et association du délégué à la protection des données (DPO) dès la conception.

            Une IA n’échappe à aucune de ces règles parce qu’elle est « expérimentale » : un prototype nourri de
            vraies données d’usagers est un traitement de données personnelles.

            ## L’analyse d’impact (AIPD) : quand est-elle exigée ?

            L’article 35 du RGPD impose une analyse d’impact relative à la protection des données lorsqu’un
            traitement est susceptible d’engendrer un risque élevé pour les droits et libertés des personnes.
            Les lignes directrices du groupe de travail « article 29 » (devenu le Comité européen de la protection des
            données), adoptées le 4 octobre 2017, donnent **neuf critères** :

            1. évaluation ou notation (y compris le profilage) ;
            2. décision automatisée produisant un effet juridique ou affectant significativement la personne ;
            3. surveillance systématique ;
            4. données sensibles ou à caractère hautement personnel ;
            5. traitement à grande échelle ;
            6. croisement ou combinaison de jeux de données ;
            7. personnes vulnérables (enfants, personnes âgées, usagers de l’action sociale…) ;
            8. usage innovant ou application de nouvelles solutions technologiques ;
            9. traitement qui empêche d’exercer un droit ou de bénéficier d’un service ou d’un contrat.

            La CNIL retient qu’un traitement qui remplit **au moins deux critères** doit en principe faire l’objet
            d’une AIPD. Un projet d’IA coche souvent « usage innovant » : il suffit alors d’un second critère.

            ## La liste de la CNIL

            Par sa délibération n° 2018-327 du 11 octobre 2018 (publiée au Journal officiel du 6 novembre 2018),
            la CNIL a fixé une liste de **14 types de traitements** pour lesquels l’AIPD est obligatoire. Plusieurs
            concernent directement les collectivités : l’accompagnement social ou médico-social des personnes,
            l’instruction des demandes de logement social, les données de localisation à large échelle, le
            profilage à partir de données externes, le profilage des agents et la surveillance de leur activité.

            ## Les recommandations de la CNIL sur l’IA

            La CNIL a lancé un plan d’action sur l’IA en mai 2023. Elle a publié des fiches pratiques sur la phase
            de développement des systèmes d’IA (avril 2024 : régime juridique, finalité, qualification des acteurs,
            base légale, AIPD, conception, données), puis des recommandations sur l’information des personnes et
            l’exercice de leurs droits (délibération n° 2025-010 du 6 février 2025) et sur l’intérêt légitime et la
            collecte de données en ligne (délibération n° 2025-041 du 10 avril 2025). Dès 2017, elle avait posé
            deux principes fondateurs pour les algorithmes : **loyauté** et **vigilance**.

            ## En pratique pour la collectivité

            - Inscrire le traitement au registre et désigner qui en est responsable (la collectivité, même si un
              prestataire développe l’outil : le prestataire est en général sous-traitant).
            - Passer les neuf critères en revue avec le DPO dès la note de cadrage, et conduire l’AIPD avant la
              mise en service — l’outil PIA de la CNIL aide à la structurer.
            - Prévoir dans le marché les clauses de sous-traitance (article 28 du RGPD), le lieu d’hébergement et
              l’interdiction de réutiliser les données pour entraîner d’autres modèles.
            - Informer les usagers de manière claire, y compris quand l’IA n’intervient qu’en appui d’un agent.

            Voir aussi : [le règlement européen sur l’IA](/ressources/reglement-europeen-ia/) et
            [la transparence des algorithmes publics](/ressources/transparence-algorithmes-publics/).
            """
        ),
    ),
    _resource(
        "reglement-europeen-ia",
        ResourceKind.FRAMEWORK,
        title="Le règlement européen sur l’IA (AI Act) : niveaux de risque et calendrier",
        summary=(
            "Le règlement (UE) 2024/1689 classe les systèmes d’IA selon leur niveau de risque. Ce qui est interdit, "
            "ce qui est « à haut risque » pour une collectivité, les obligations de transparence et les échéances."
        ),
        themes=["intelligence-artificielle", "administration"],
        audience=Audience.ALL.value,
        source_publisher="Union européenne — Règlement (UE) 2024/1689",
        source_url="https://eur-lex.europa.eu/eli/reg/2024/1689/oj",
        source_date="Journal officiel de l’UE du 12 juillet 2024",
        source_licence="Texte officiel",
        body=md(
            """
            ## Un règlement fondé sur le risque

            Le règlement (UE) 2024/1689 établissant des règles harmonisées concernant l’intelligence artificielle a
            été publié au Journal officiel de l’Union européenne le 12 juillet 2024 et il est entré en vigueur le
            1er août 2024. Il s’applique directement, sans transposition, aux fournisseurs comme aux
            **déployeurs** de systèmes d’IA — une collectivité qui utilise un outil d’IA dans ses services est un
            déployeur.

            Il distingue quatre niveaux :

            - **Pratiques interdites** (article 5) : notation sociale, reconnaissance des émotions sur le lieu de
              travail ou à l’école, constitution de bases de reconnaissance faciale par moissonnage non ciblé
              d’images, entre autres.
            - **Systèmes à haut risque** (article 6, annexes I et III) : obligations fortes de gestion des risques,
              de qualité des données, de documentation, de contrôle humain et de surveillance.
            - **Obligations de transparence** (article 50) : dire aux personnes qu’elles échangent avec une IA
              (agent conversationnel), marquer les contenus générés ou manipulés (hypertrucages).
            - **Risque minimal** : pas d’obligation propre, mais les autres textes (RGPD, CRPA) s’appliquent.

            ## Ce qui peut être « à haut risque » pour une collectivité

            L’annexe III vise notamment, au point 5 a), les systèmes utilisés par les autorités publiques pour
            évaluer l’éligibilité des personnes aux prestations et services d’assistance publique essentiels, ou pour
            les octroyer, les réduire, les révoquer ou les récupérer ; au point 5 d), le tri et la régulation des
            appels d’urgence. Le point 2 vise les composants de sécurité des infrastructures critiques (trafic
            routier, eau, gaz, chauffage, électricité) ; les outils de prévision ou d’analyse pour la maintenance
            en sont en général exclus, mais l’analyse doit être faite au cas par cas. L’éducation, l’emploi
            (recrutement des agents), la biométrie et les usages répressifs figurent aussi dans l’annexe.

            ## L’analyse d’impact sur les droits fondamentaux

            L’article 27 impose aux organismes de droit public qui déploient un système à haut risque de l’annexe III
            (hors point 2) de mener, avant la mise en service, une **analyse d’impact sur les droits fondamentaux** :
            processus concerné, fréquence d’utilisation, personnes touchées, risques, mesures de contrôle humain,
            mesures en cas de réalisation des risques et mécanismes de plainte. Le résultat est notifié à l’autorité
            de surveillance du marché. Elle complète l’[AIPD du RGPD](/ressources/rgpd-et-aipd/) sans la remplacer.

            ## Le calendrier

            L’article 113 échelonne l’application ; chaque date est suivie de sa source.
            """
        )
        + "\n\n"
        + ai_act.calendar_markdown()
        + "\n\n## La maîtrise de l’IA (article 4)\n\n"
        + ai_act.literacy()
        + "\n\n"
        + md(
            """
            ## En pratique pour la collectivité

            1. Recenser les outils d’IA utilisés ou en projet (y compris ceux intégrés à des logiciels métier).
            2. Classer chacun : interdit, haut risque, transparence, minimal — et le documenter.
            3. Prendre les mesures de maîtrise de l’IA adaptées aux agents concernés (article 4, déjà applicable).
            4. Exiger des fournisseurs, dans les marchés, la documentation et le marquage CE prévus pour le haut
               risque, et vérifier le contrôle humain prévu.
            """
        ),
    ),
    _resource(
        "transparence-algorithmes-publics",
        ResourceKind.FRAMEWORK,
        title="Transparence des algorithmes publics : ce que le CRPA impose",
        summary=(
            "Une décision individuelle prise sur le fondement d’un traitement algorithmique doit le mentionner, et "
            "l’administration doit pouvoir en expliquer les règles. Les articles L311-3-1, R311-3-1-1, R311-3-1-2 et "
            "L312-1-3 du code des relations entre le public et l’administration."
        ),
        themes=["intelligence-artificielle", "relation-usagers", "administration"],
        audience=Audience.ALL.value,
        source_publisher="Code des relations entre le public et l’administration ; Etalab (DINUM)",
        source_url="https://www.service-public.fr/particuliers/actualites/A11502",
        source_date="Loi n° 2016-1321 du 7 octobre 2016 ; décret n° 2017-330 du 14 mars 2017",
        source_licence="Textes officiels",
        body=md(
            """
            ## D’où viennent ces obligations

            La loi n° 2016-1321 du 7 octobre 2016 pour une République numérique a inscrit dans le code des relations
            entre le public et l’administration (CRPA) un droit à l’explication des décisions administratives
            individuelles prises sur le fondement d’un traitement algorithmique. Un simple tableur qui calcule un
            barème est un traitement algorithmique au sens de ces textes : l’IA n’en est qu’un cas particulier.

            ## La mention explicite (article L311-3-1)

            Toute décision individuelle prise sur le fondement d’un traitement algorithmique comporte une **mention
            explicite** qui en informe l’intéressé. Selon l’article R311-3-1-1 (décret n° 2017-330 du 14 mars 2017,
            en vigueur depuis le 1er septembre 2017), cette mention indique la finalité du traitement, rappelle le
            droit d’obtenir la communication de ses règles, et précise comment l’exercer — ainsi que la possibilité
            de saisir la commission d’accès aux documents administratifs (CADA).

            Le guide d’Etalab rappelle que ces obligations valent quel que soit le degré d’intervention humaine, et
            que depuis le 1er juillet 2020, une décision prise sur le seul fondement d’un traitement automatisé qui
            ne comporte pas la mention est entachée de nullité.

            ## La communication des règles sur demande (article R311-3-1-2)

            À la demande de la personne, l’administration lui communique, sous une forme intelligible et sous réserve
            des secrets protégés par le 2° de l’article L311-5 :

            1. le degré et le mode de contribution du traitement algorithmique à la décision ;
            2. les données traitées et leurs sources ;
            3. les paramètres de traitement et, le cas échéant, leur pondération, appliqués à la situation de
               l’intéressé ;
            4. les opérations effectuées par le traitement.

            Le silence gardé pendant un mois vaut refus ; la personne peut alors saisir la CADA dans un délai de
            deux mois.

            ## La publication en ligne (article L312-1-3)

            Les administrations publient en ligne les règles définissant les **principaux traitements
            algorithmiques** utilisés dans l’accomplissement de leurs missions lorsqu’ils fondent des décisions
            individuelles. Sont exemptées celles qui emploient **moins de 50 agents** en équivalents temps plein
            (article D312-1-4, issu du décret n° 2016-1922 du 28 décembre 2016). Etalab considère comme
            « principal » un traitement qui concerne beaucoup de personnes ou qui a des effets importants pour
            elles.

            ## Faire l’inventaire

            La fiche pratique d’Etalab (11 février 2021) propose de recenser, pour chaque traitement : sa finalité,
            son degré d’automatisation, sa base légale, le volume annuel de décisions, le public concerné, les
            données et leurs sources, et s’il repose sur des règles explicites ou sur de l’apprentissage
            automatique. Des collectivités ont montré la voie : Nantes Métropole a publié en 2020 deux algorithmes
            et leur code sous licence CeCILL-B ; la presse a relaté l’inventaire d’Antibes en février 2021.

            Voir aussi : [le contrôle humain et le droit de contester](/ressources/controle-humain-et-recours/) et
            [le guide d’Etalab](/ressources/etalab-guide-algorithmes-publics/).
            """
        ),
    ),
    _resource(
        "open-data-par-defaut",
        ResourceKind.FRAMEWORK,
        title="L’ouverture des données par défaut",
        summary=(
            "Depuis la loi pour une République numérique, les collectivités d’au moins 3 500 habitants et 50 agents "
            "en ETP publient par défaut leurs documents et données d’intérêt. Qui est concerné, quoi publier, où en "
            "sont les territoires."
        ),
        themes=["donnees", "participation-citoyenne"],
        audience=Audience.ALL.value,
        sizes=FROM_3500,
        source_publisher="CADA ; OpenDataFrance (observatoire ODATER)",
        source_url="https://cada.data.gouv.fr/20192116/",
        source_date="Article L312-1-1 du CRPA (loi du 7 octobre 2016)",
        source_licence="Textes officiels",
        body=md(
            """
            ## Le principe

            L’article 6 de la loi du 7 octobre 2016 pour une République numérique, codifié à l’article L312-1-1 du
            CRPA, a fait de la publication des données publiques la règle. L’obligation est entrée en vigueur par
            étapes et s’applique pleinement depuis octobre 2018.

            ## Qui est concerné

            Une collectivité territoriale y est tenue lorsqu’elle atteint **les deux seuils** : **3 500 habitants et
            plus** (l’article L312-1-1 ne s’applique pas en dessous) et **au moins 50 agents en équivalents temps
            plein (ETP)** (article D312-1-1-1, issu du décret n° 2016-1922 du 28 décembre 2016). Les autres
            administrations y sont tenues à partir de 50 agents en ETP.
            Les plus petites collectivités ne sont pas tenues de publier, mais elles peuvent le faire et y gagnent
            souvent : les données publiées servent d’abord à leurs propres services et partenaires.

            ## Quoi publier

            - les documents communiqués à la suite d’une demande d’accès ;
            - les documents figurant dans le répertoire des informations publiques ;
            - les bases de données mises à jour régulièrement ;
            - les données dont la publication présente un intérêt économique, social, sanitaire ou
              environnemental.

            Les données personnelles ne sont publiées qu’après anonymisation, sauf exception prévue par la loi.

            ## Où en sont les collectivités

            La synthèse 2022 de l’observatoire ODATER d’OpenDataFrance estimait qu’environ 16 % des quelque
            5 000 collectivités concernées respectaient l’obligation ; 868 collectivités et 194 organismes
            rattachés avaient ouvert des données, couvrant environ 60 % de la population.

            ## Le lien avec l’IA

            Un projet d’IA est aussi l’occasion d’ouvrir les données qu’il produit ou qu’il utilise (hors données
            personnelles) : cela facilite le contrôle citoyen, la réutilisation par d’autres collectivités, et la
            [transparence des algorithmes](/ressources/transparence-algorithmes-publics/).

            ## Pour démarrer

            1. Désigner un référent données et dresser la liste des jeux de données existants.
            2. Commencer par les jeux attendus : délibérations, budget, marchés publics, équipements, subventions.
            3. Publier sur data.gouv.fr ou une plateforme régionale, sous Licence Ouverte ou ODbL, avec une
               documentation minimale et une date de mise à jour.
            """
        ),
    ),
    _resource(
        "accessibilite-numerique-rgaa",
        ResourceKind.FRAMEWORK,
        title="L’accessibilité numérique des services de la collectivité : la loi et le RGAA",
        summary=(
            "Sites, intranets, applications et mobilier urbain numérique d’une collectivité doivent être accessibles "
            "aux personnes en situation de handicap : ce que la loi impose, ce que contient le RGAA et par où "
            "commencer."
        ),
        themes=["relation-usagers", "inclusion-numerique"],
        audience=Audience.ALL.value,
        source_publisher="Loi n° 2005-102 du 11 février 2005, article 47 ; décret n° 2019-768 du 24 juillet 2019",
        source_url="https://www.legifrance.gouv.fr/affichTexte.do?cidTexte=JORFTEXT000038811937",
        source_date="Décret n° 2019-768 du 24 juillet 2019",
        source_licence="Textes officiels",
        body=md(
            """
            ## Ce que la loi impose

            L’article 47 de la loi n° 2005-102 du 11 février 2005 oblige les organismes publics, dont les
            collectivités, à rendre accessibles leurs services de communication au public en ligne : sites,
            intranets, extranets, applications mobiles, progiciels utilisés en ligne et mobilier urbain numérique.
            Le décret n° 2019-768 du 24 juillet 2019 en précise la mise en œuvre :

            - publier une **déclaration d’accessibilité** pour chaque service, indiquant son état de conformité ;
            - indiquer cet état sur la page d’accueil ;
            - adopter un **schéma pluriannuel** de mise en accessibilité, décliné en plans d’actions.

            ## Le référentiel : le RGAA

            Le référentiel général d’amélioration de l’accessibilité (RGAA) fixe la méthode et les critères de
            contrôle. Sa version 4 date de septembre 2019 et sa version 4.1 de décembre 2020 ; elle compte
            106 critères. Un service est dit totalement conforme quand il les respecte tous, partiellement
            conforme au-delà de la moitié, non conforme en deçà.

            D’après des sources secondaires, le contrôle du respect de ces obligations relève de l’ARCOM depuis
            l’ordonnance n° 2023-859 du 6 septembre 2023 : vérifiez-le sur Légifrance. Nous n’avons pas pu
            vérifier le montant des sanctions : il n’est pas indiqué ici.

            ## Par où commencer

            1. Recenser les services en ligne de la collectivité, y compris ceux fournis par un prestataire.
            2. Faire réaliser un audit sur un échantillon de pages représentatif, puis publier la déclaration.
            3. Exiger la conformité au RGAA dans les marchés ([le guide de la commande
               publique](/ressources/commande-publique-ia-donnees/)) et la vérifier à la recette.
            4. Garder un accès humain pour chaque démarche : l’accessibilité numérique ne remplace pas l’accueil.
            5. Pour un outil d’IA (agent conversationnel, synthèse vocale), vérifier qu’il reste utilisable au
               clavier et avec un lecteur d’écran, et qu’une autre voie existe.
            """
        ),
    ),
    _resource(
        "controle-humain-et-recours",
        ResourceKind.FRAMEWORK,
        title="Contrôle humain et droit de contester une décision",
        summary=(
            "Une IA peut préparer une décision ; un agent doit pouvoir la comprendre, la corriger et en répondre. "
            "Ce que disent le RGPD, le CRPA, le règlement européen et la Défenseure des droits."
        ),
        themes=["intelligence-artificielle", "relation-usagers", "social-solidarites"],
        audience=Audience.ALL.value,
        source_publisher="Défenseure des droits",
        source_url="https://www.defenseurdesdroits.fr/algorithmes-intelligence-artificielle-et-services-publics-2024",
        source_date="13 novembre 2024",
        source_licence="Publication officielle",
        body=md(
            """
            ## Pourquoi c’est central dans le service public

            Un usager a droit à une décision fondée sur sa situation, motivée, et qu’il peut contester. Une IA qui
            propose un classement, un score ou une réponse type peut se tromper, reproduire des biais présents dans
            les données, ou ne pas tenir compte d’une situation atypique. Le contrôle humain est la garantie que
            quelqu’un, dans la collectivité, reste en mesure de répondre de la décision.

            ## Ce que disent les textes

            - **RGPD, article 22** : une personne a le droit de ne pas faire l’objet d’une décision fondée
              exclusivement sur un traitement automatisé produisant des effets juridiques la concernant ou
              l’affectant de manière significative, sauf exceptions encadrées ; elle peut alors obtenir une
              intervention humaine, exprimer son point de vue et contester la décision.
            - **CRPA** : la mention explicite et la communication des règles
              ([voir la fiche](/ressources/transparence-algorithmes-publics/)) permettent à l’usager de comprendre
              ce qui a pesé dans sa décision, condition pour la contester utilement.
            - **Règlement européen sur l’IA** : les systèmes à haut risque doivent être conçus pour qu’une personne
              puisse en surveiller le fonctionnement, interpréter les résultats, décider de ne pas les suivre et
              arrêter le système ([voir la fiche](/ressources/reglement-europeen-ia/)).

            ## Les points de vigilance de la Défenseure des droits

            Dans son rapport du 13 novembre 2024 sur les algorithmes, les systèmes d’IA et les services publics
            (nous en résumons quelques points : reportez-vous au rapport pour le texte exact), la Défenseure des
            droits alerte sur le risque d’une intervention humaine de pure forme : un agent qui
            valide sans examen réel les propositions d’un outil, faute de temps ou de compréhension, n’exerce pas
            de contrôle. Elle recommande notamment que le contrôle humain soit effectif, que les usagers soient
            informés, et qu’un recours soit toujours possible auprès d’une personne.

            ## Un contrôle humain effectif, concrètement

            1. **Des agents formés** à ce que l’outil sait faire et ne sait pas faire (c’est aussi ce qu’attend
               l’article 4 du règlement européen : des mesures pour assurer, dans toute la mesure du possible, un
               niveau suffisant de maîtrise de l’IA, obligation de moyens plutôt que de formation).
            2. **Du temps** pour examiner les cas : l’outil ne doit pas fixer un rythme qui rend l’examen
               impossible.
            3. **Le droit de s’écarter** de la proposition de l’outil, sans avoir à se justifier davantage que pour
               la suivre, et la traçabilité de ces écarts.
            4. **Un suivi des erreurs** : taux de propositions corrigées, réclamations, biais constatés, revus
               régulièrement par un comité associant élus et agents.
            5. **Un recours identifié** pour l’usager, avec un interlocuteur humain et un délai de réponse.
            """
        ),
    ),
    _resource(
        "empreinte-environnementale-ia",
        ResourceKind.FRAMEWORK,
        title="Empreinte environnementale de l’IA et écoconception des services numériques",
        summary=(
            "Entraîner et utiliser un modèle d’IA consomme de l’énergie, de l’eau et du matériel. Comment mettre "
            "l’empreinte en balance avec le bénéfice attendu, et s’appuyer sur le référentiel d’écoconception "
            "(RGESN)."
        ),
        themes=["environnement-energie", "intelligence-artificielle"],
        audience=Audience.ALL.value,
        source_publisher=(
            "Sénat (rapport « L’IA et l’avenir du service public – IA et environnement ») ; Arcep et Arcom"
        ),
        source_url="https://ecoresponsable.numerique.gouv.fr/publications/referentiel-general-ecoconception/",
        source_date="Février 2025 (rapport du Sénat) ; 2024 (RGESN, sous réserve)",
        source_licence="Publications officielles",
        source_status=SourceStatus.SECONDARY.value,
        body=md(
            """
            ## Un coût souvent invisible

            Un service d’IA mobilise des centres de données, des processeurs spécialisés et des réseaux. Son
            empreinte vient de la fabrication du matériel, de l’entraînement des modèles et surtout, pour une
            collectivité, de l’**usage** : chaque requête à un grand modèle de langage consomme bien plus qu’une
            recherche classique. Le rapport du Sénat *L’IA et l’avenir du service public – IA et environnement*
            (février 2025) invite à intégrer cette dimension dans les choix des administrations.

            ## Mettre en balance

            Une IA peut aussi réduire une empreinte : détecter des fuites d’eau, piloter le chauffage des bâtiments,
            optimiser des tournées de collecte (voir les [cas d’usage](/ressources/?type=cas-usage)). La bonne
            question est donc : **le bénéfice attendu justifie-t-il la consommation ?** Quelques repères :

            - préférer un modèle spécialisé et sobre à un grand modèle généraliste quand il suffit ;
            - mutualiser les outils entre collectivités plutôt que multiplier les déploiements ;
            - héberger en France ou dans l’Union, chez un hébergeur qui publie ses indicateurs énergétiques ;
            - mesurer : nombre de requêtes, énergie estimée, durée de vie du matériel ;
            - prévoir dès le départ les critères d’arrêt d’un outil peu utilisé.

            ## Le référentiel d’écoconception (RGESN)

            Le référentiel général d’écoconception de services numériques (RGESN), publié par l’Arcep et l’Arcom
            avec l’Ademe, la DINUM et d’autres partenaires, propose des critères vérifiables pour concevoir des
            services plus sobres : stratégie, spécifications, architecture, interface, contenus, hébergement,
            algorithmie. Sa version à jour et son statut juridique sont à vérifier sur le site de la mission
            interministérielle numérique responsable (référence indiquée **sous réserve**).

            ## Les obligations des collectivités

            La loi du 15 novembre 2021 visant à réduire l’empreinte environnementale du numérique en France (dite
            « loi REEN ») et la loi du 23 décembre 2021 ont demandé aux communes et intercommunalités de plus de
            50 000 habitants de définir une stratégie numérique responsable. Le détail des seuils et des échéances
            est donné ici **sous réserve** : vérifiez-le dans les textes consolidés avant de vous y référer.

            ## Dans le marché public

            Demander au titulaire l’empreinte estimée du service (énergie par requête ou par usager), le lieu
            d’hébergement, la durée de support du matériel, et la conformité au RGESN ; en faire un critère de
            choix pondéré.
            """
        ),
    ),
]


# ---------------------------------------------------------------------------------------------------------------
# Cas d’usage
# ---------------------------------------------------------------------------------------------------------------
USE_CASES = [
    _resource(
        "prevision-qualite-air",
        ResourceKind.USE_CASE,
        title="Prévoir la qualité de l’air à l’échelle de la rue",
        summary=(
            "Des capteurs embarqués sur les bus et un modèle de calcul permettent d’estimer la pollution rue par "
            "rue et de la prévoir. L’exemple du projet AQMO de Rennes Métropole et d’Air Breizh."
        ),
        themes=["environnement-energie", "mobilite", "intelligence-artificielle", "donnees"],
        audience=Audience.ALL.value,
        sizes=LARGE,
        problem=md(
            """
            Les stations de mesure réglementaires de la qualité de l’air sont peu nombreuses : elles donnent une
            tendance pour l’agglomération, pas la situation d’une rue, d’une école ou d’un carrefour. Or les
            décisions locales — plan de mobilité, zones à faibles émissions, implantation d’équipements sensibles,
            information des habitants lors d’un pic — demandent une image plus fine et, si possible, une
            prévision à quelques heures ou jours.
            """
        ),
        data_used=md(
            """
            - mesures de capteurs de particules installés sur des bus du réseau de transport, géolocalisées ;
            - mesures des stations de référence de l’association agréée de surveillance de la qualité de l’air
              (AASQA), qui servent à calibrer les capteurs ;
            - données météorologiques, trafic, topographie et occupation du sol ;
            - sorties des modèles de dispersion et de prévision régionaux.
            """
        ),
        approach=md(
            """
            Le projet AQMO, lancé en 2018 par Rennes Métropole avec Air Breizh, l’AASQA de Bretagne, a équipé
            des bus de capteurs : le réseau de transport devient un réseau de mesure mobile. Les données
            remontent en continu et alimentent un modèle exécuté sur des moyens de
            calcul haute performance, qui croise mesures et simulation pour produire des cartes à fine échelle.
            La source ne détaille pas les méthodes employées : dans ce type de projet, l’apprentissage
            automatique sert généralement à corriger les capteurs à bas coût et à combiner les sources, la
            prévision restant adossée aux modèles physiques de l’AASQA.
            """
        ),
        results=md(
            """
            - **Résultats** : une connaissance de la pollution de proximité que les stations fixes ne donnent pas,
              utile pour cibler des actions (abords d’écoles, axes chargés) et pour informer les habitants.
            - **Limites** : les capteurs à bas coût dérivent et doivent être recalibrés ; une mesure mobile ne
              couvre une rue qu’au passage du bus ; les cartes fines ont une incertitude qu’il faut afficher.
              Les données et cartes produites ne remplacent pas la surveillance réglementaire assurée par l’AASQA.
            - **Coût** : capteurs, maintenance, calcul et compétences en science des données ; un tel projet se
              monte en partenariat (AASQA, université, opérateur de transport) plutôt que seul.
            """
        ),
        adopters=md(
            """
            Rennes Métropole et Air Breizh (projet AQMO, depuis 2018), selon la présentation publiée par la
            fédération Atmo France.
            """
        ),
        ethics=md(
            """
            - **Données personnelles** : des capteurs embarqués ne collectent pas de données personnelles s’ils ne
              mesurent que l’air ; si des caméras ou la géolocalisation de personnes s’y ajoutent, une
              [analyse d’impact (AIPD)](/ressources/rgpd-et-aipd/) doit être examinée.
            - **Transparence** : publier les données en open data et expliquer la marge d’erreur des cartes
              (voir [l’ouverture des données par défaut](/ressources/open-data-par-defaut/)).
            - **Décision** : une carte prédictive éclaire une décision (restriction de circulation, fermeture d’une
              aire de jeux), elle ne la prend pas ; l’élu reste responsable et doit pouvoir l’expliquer.
            - **Sobriété** : mettre en balance le coût environnemental du calcul et des capteurs avec le bénéfice
              sanitaire attendu ([empreinte environnementale](/ressources/empreinte-environnementale-ia/)).

            Pour aller plus loin, voir le [cadre éthique et juridique](/ressources/?type=cadre).
            """
        ),
        source_publisher="Atmo France — fédération des associations agréées de surveillance de la qualité de l’air",
        source_url="https://www.atmo-france.org/aqmo-un-reseau-de-transport-public-au-service-de-la-qualite-de-lair/",
        source_date="Projet lancé en 2018",
        source_licence="Tous droits réservés (présentation de l’éditeur)",
    ),
    _resource(
        "maintenance-predictive-reseaux-eau",
        ResourceKind.USE_CASE,
        title="Aide à la décision : cibler les fuites et le renouvellement des réseaux d’eau",
        summary=(
            "Des modèles croisent l’historique des canalisations, la sectorisation et le terrain pour indiquer où "
            "chercher les fuites et quelles conduites renouveler en priorité. Exemples en Isère, en Haute-Garonne, "
            "en Essonne et dans la Nièvre."
        ),
        themes=["environnement-energie", "intelligence-artificielle", "donnees"],
        audience=Audience.ALL.value,
        problem=md(
            """
            Une part importante de l’eau potable produite se perd dans les fuites des réseaux. Les services d’eau
            ne peuvent ni inspecter des centaines de kilomètres de conduites en continu, ni tout renouveler :
            ils doivent choisir où chercher et quoi remplacer, avec un budget contraint.
            """
        ),
        data_used=md(
            """
            - inventaire des canalisations (matériau, diamètre, âge, historique des casses) ;
            - débits de sectorisation et télérelève des compteurs ;
            - nature des sols, trafic routier, pression, température ;
            - résultats des campagnes de recherche de fuites précédentes.
            """
        ),
        approach=md(
            """
            Un modèle d’apprentissage automatique estime, tronçon par tronçon, la probabilité d’une fuite ou d’une
            casse. Les équipes de terrain concentrent leurs recherches acoustiques sur les zones les mieux classées ;
            pour le renouvellement, le classement alimente le programme pluriannuel d’investissement, avec les
            autres critères (travaux de voirie coordonnés, enjeux sanitaires).
            """
        ),
        results=md(
            """
            - La Communauté d’agglomération Porte de l’Isère (CAPI) a croisé une centaine de jeux de données en
              2023 et a localisé 15 fuites en 10 jours, selon la Banque des Territoires.
            - Le Sicoval (Haute-Garonne), 1 000 km de réseau et un rendement de 78 %, a détecté 12 fuites,
              représentant plus de 110 000 m³ par an, selon Numérique 360.
            - La régie Eau Cœur d’Essonne utilise un outil d’IA pour prioriser le renouvellement, et Nevers
              Agglomération rapporte une réduction de 95 % du temps d’analyse grâce à 70 enregistreurs : ces deux
              derniers résultats viennent de la presse spécialisée et sont **à vérifier**.
            - **Limites** : la qualité dépend de l’inventaire du réseau, souvent incomplet ; le modèle indique des
              zones probables, il ne remplace ni la recherche acoustique ni l’expertise des fontainiers ; les gains
              annoncés portent sur des périodes courtes et ne sont pas toujours comparés à une campagne classique.
            """
        ),
        adopters=md(
            """
            - Communauté d’agglomération Porte de l’Isère (38), 2023.
            - Sicoval (31).
            - Régie Eau Cœur d’Essonne (91) — source secondaire.
            - Nevers Agglomération (58), 2022 — source secondaire.
            """
        ),
        ethics=md(
            """
            - Peu de données personnelles sont en jeu, sauf la télérelève des compteurs des abonnés : minimiser,
              agréger, et vérifier la nécessité d’une [AIPD](/ressources/rgpd-et-aipd/).
            - Au regard du [règlement européen sur l’IA](/ressources/reglement-europeen-ia/), les outils d’analyse
              pour la maintenance sont en général exclus des systèmes à haut risque liés aux infrastructures
              critiques, mais un outil qui pilote directement des organes de sécurité du réseau doit être examiné.
            - Garder la maîtrise des données du réseau dans le marché : format ouvert, réversibilité, propriété des
              données produites.
            """
        ),
        source_publisher="Banque des Territoires ; Numérique 360",
        source_url=(
            "https://www.banquedesterritoires.fr/experience/"
            "grace-lintelligence-artificielle-la-capi-fait-la-chasse-aux-fuites-deau-38"
        ),
        source_date="2023",
        source_licence="Tous droits réservés (retour d’expérience publié par l’éditeur)",
    ),
    _resource(
        "energie-batiments-publics",
        ResourceKind.USE_CASE,
        title="Réduire la consommation d’énergie des bâtiments publics",
        summary=(
            "Suivre les consommations, repérer les bâtiments les plus énergivores et prioriser les travaux : les "
            "données et les modèles aident à choisir. Les exemples de Noisy-le-Grand et de l’outil Prioréno."
        ),
        themes=["environnement-energie", "donnees", "finances-achats"],
        audience=Audience.ALL.value,
        problem=md(
            """
            Écoles, gymnases, mairies : le patrimoine bâti pèse lourd dans la facture énergétique et les émissions
            d’une collectivité, et le décret tertiaire impose des objectifs de réduction aux bâtiments de plus de
            1 000 m². Il faut savoir où agir d’abord — réglages, comportement, travaux — sans attendre un audit
            complet de chaque bâtiment.
            """
        ),
        data_used=md(
            """
            - factures et courbes de charge (électricité, gaz, réseaux de chaleur) ;
            - caractéristiques des bâtiments (surface, usage, année, équipements) ;
            - données météorologiques (degrés-jours) pour comparer d’une année à l’autre ;
            - pour le repérage à grande échelle, données des gestionnaires de réseaux.
            """
        ),
        approach=md(
            """
            À Noisy-le-Grand, le projet RECITAL a consisté à instrumenter et suivre environ 200 bâtiments, puis à
            engager des actions ciblées. À une autre échelle, l’outil Prioréno lancé par la Banque des Territoires
            en février 2022 croiserait des données (notamment d’Enedis et de GRDF) sur environ 500 000 bâtiments
            publics pour aider les collectivités à repérer ceux à rénover en priorité (description rapportée par
            la presse, **à vérifier** auprès de la Banque des Territoires). L’IA intervient surtout dans
            l’estimation des consommations attendues et la détection d’anomalies (chauffage allumé le week-end,
            dérive d’une chaudière).
            """
        ),
        results=md(
            """
            - Noisy-le-Grand rapporte 173 actions menées et une baisse d’environ 10 % des consommations, selon
              Numérique 360.
            - Prioréno a été expérimenté par une soixantaine de collectivités pilotes, selon la presse (chiffres
              **à vérifier**).
            - **Limites** : sans compteurs communicants ni relevés fiables, le modèle travaille sur des factures
              annuelles peu exploitables ; un classement ne remplace pas l’audit avant travaux ; les gains
              durables viennent autant des réglages et de l’exploitation que de l’outil lui-même.
            """
        ),
        adopters=md(
            """
            - Noisy-le-Grand (93), projet RECITAL.
            - Collectivités pilotes de Prioréno (Banque des Territoires, 2022) — source secondaire.
            """
        ),
        ethics=md(
            """
            - Les courbes de charge d’un logement de fonction ou d’un local occupé par une seule personne peuvent
              être des données personnelles : les exclure ou les agréger.
            - Partager les résultats avec les usagers des bâtiments (enseignants, associations) : la sobriété est
              aussi une affaire de comportements.
            - Publier les consommations agrégées du patrimoine en [open data](/ressources/open-data-par-defaut/).
            """
        ),
        source_publisher="Numérique 360 (Banque des Territoires)",
        source_url=(
            "https://numerique360.banquedesterritoires.fr/transition-ecologique-energetique/retours-experiences/"
            "le-projet-recital-comme-vecteur-deconomies-denergie-a-noisy-le-grand-93/"
        ),
        source_date="Non précisée",
        source_licence="Tous droits réservés (retour d’expérience publié par l’éditeur)",
    ),
    _resource(
        "assistant-courrier-ia-generative",
        ResourceKind.USE_CASE,
        title="IA générative : aider les agents à répondre aux courriers et aux questions des usagers",
        summary=(
            "Assistants conversationnels sur le site, aide à la rédaction des réponses, comptes rendus de réunion : "
            "l’IA générative entre dans la relation aux usagers. Exemples de Plaisir, Issy-les-Moulineaux, Suresnes, "
            "du Syane et de l’outil Albert de l’État."
        ),
        themes=["relation-usagers", "intelligence-artificielle", "administration"],
        audience=Audience.ALL.value,
        problem=md(
            """
            Les services reçoivent chaque jour des appels, courriels et courriers dont beaucoup portent sur des
            questions récurrentes (horaires, démarches, pièces à fournir). Les agents y passent un temps important,
            au détriment des demandes complexes, et les usagers attendent parfois longtemps une réponse simple.
            """
        ),
        data_used=md(
            """
            - les contenus du site de la collectivité, les fiches de procédure et les foires aux questions ;
            - pour l’aide à la réponse : le courrier reçu, qui contient souvent des données personnelles ;
            - pour les comptes rendus : l’enregistrement ou la transcription des réunions.
            """
        ),
        approach=md(
            """
            Plusieurs formes coexistent. Un **agent conversationnel** répond aux questions sur le site à partir des
            contenus validés par la collectivité. Un **assistant de rédaction** propose à l’agent un projet de
            réponse, que l’agent relit, corrige et signe. D’autres outils **trient** les courriels entrants vers le
            bon service ou produisent des **synthèses de réunion**. L’État développe de son côté Albert, une IA
            générative souveraine destinée aux agents publics, conçue par la DINUM ; ses conditions d’accès pour
            les collectivités sont à vérifier auprès de la DINUM. Ces outils reposent sur des grands modèles de
            langage, le plus souvent « ancrés » dans les documents de la collectivité pour limiter les réponses
            inventées.
            """
        ),
        results=md(
            """
            - À Plaisir (78), un agent vocal répondait au téléphone depuis 2022, avec 284 questions prévues et
              environ 400 appels par jour, pour un coût annoncé d’environ 10 000 € par an (presse, **à vérifier**).
            - Issy-les-Moulineaux (92) a ouvert en décembre 2023 un assistant fondé sur le contenu de son site
              (presse spécialisée).
            - Suresnes (92) utilise l’IA générative pour les comptes rendus et un agent conversationnel, avec
              environ 10 minutes gagnées par réunion selon la Banque des Territoires.
            - Le Syane (74) utilise un agent conversationnel interne et le tri des courriels, selon Numérique 360.
            - **Limites** : une IA générative peut produire des réponses fausses mais plausibles ; elle doit être
              cantonnée aux contenus validés et signaler quand elle ne sait pas. Les gains de temps annoncés sont
              rarement mesurés sur la durée. Une partie des usagers, notamment les personnes éloignées du
              numérique, doit toujours pouvoir joindre un agent.
            """
        ),
        adopters=md(
            """
            - Plaisir (78), 2022 — source secondaire.
            - Issy-les-Moulineaux (92), décembre 2023 — source secondaire.
            - Suresnes (92).
            - Syane (74).
            """
        ),
        ethics=md(
            """
            - **Transparence (règlement européen, article 50)** : dire clairement à l’usager qu’il échange avec une
              IA ; cette obligation s’applique depuis le 2 août 2026
              ([voir la fiche](/ressources/reglement-europeen-ia/)).
            - **Données personnelles** : un courrier d’usager ne doit pas partir vers un service d’IA hébergé hors
              de l’Union ni servir à entraîner le modèle d’un fournisseur ; vérifier le contrat, l’hébergement et la
              nécessité d’une [AIPD](/ressources/rgpd-et-aipd/).
            - **Responsabilité** : la réponse envoyée engage la collectivité ; un agent la relit et la signe
              ([contrôle humain](/ressources/controle-humain-et-recours/)).
            - **Inclusion** : garder un accès humain et accessible (RGAA) pour tous les usagers.
            """
        ),
        source_publisher="Banque des Territoires ; Numérique 360 ; presse spécialisée",
        source_url=(
            "https://www.banquedesterritoires.fr/experience/"
            "suresnes-mobilise-lia-pour-une-democratie-locale-plus-inclusive-92"
        ),
        source_date="2022-2024",
        source_licence="Tous droits réservés (retours d’expérience publiés par les éditeurs)",
        source_status=SourceStatus.SECONDARY.value,
    ),
    _resource(
        "optimisation-collecte-dechets",
        ResourceKind.USE_CASE,
        title="Optimiser la collecte des déchets avec des capteurs de remplissage",
        summary=(
            "Des capteurs mesurent le remplissage des conteneurs ; les tournées ne passent que là où c’est utile. "
            "L’exemple de Pays de Montbéliard Agglomération."
        ),
        themes=["environnement-energie", "donnees", "mobilite"],
        audience=Audience.ALL.value,
        problem=md(
            """
            Les tournées de collecte des points d’apport volontaire (verre, emballages, papier) suivent souvent un
            calendrier fixe : des camions passent vider des conteneurs à moitié vides, tandis que d’autres
            débordent. Carburant, temps des équipes, usure des véhicules et propreté de l’espace public en pâtissent.
            """
        ),
        data_used=md(
            """
            - taux de remplissage mesuré par des capteurs installés dans les conteneurs ;
            - localisation des conteneurs, capacités des camions, contraintes de circulation ;
            - historique de remplissage (saisonnalité, événements, jours de marché).
            """
        ),
        approach=md(
            """
            Pays de Montbéliard Agglomération a équipé environ 1 100 conteneurs de capteurs de remplissage à
            partir de 2021. Les données permettent de prévoir le remplissage et de calculer chaque jour des
            tournées qui ne passent que par les conteneurs à vider. L’« intelligence » tient surtout à la
            prévision du remplissage et à l’optimisation des itinéraires.
            """
        ),
        results=md(
            """
            - Une baisse de 31 % de la consommation de carburant est rapportée par Numérique 360.
            - **Limites** : les capteurs ont un coût d’achat, de maintenance et de renouvellement des batteries, et
              une empreinte matérielle ; les tournées dynamiques changent l’organisation du travail des équipes,
              qui doivent être associées ; le gain dépend de la densité du territoire et du type de flux.
            """
        ),
        adopters=md(
            """
            - Pays de Montbéliard Agglomération (25), depuis 2021.
            - D’autres collectivités, comme Lorient, ont été citées par la presse spécialisée (source secondaire).
            """
        ),
        ethics=md(
            """
            - Les données de remplissage ne sont pas personnelles ; mais le suivi GPS des véhicules peut permettre
              de surveiller les agents : information des équipes et du comité social territorial, finalité limitée,
              et [AIPD](/ressources/rgpd-et-aipd/) si un suivi de l’activité des agents est envisagé.
            - Mettre en balance l’empreinte des capteurs et le carburant économisé
              ([empreinte environnementale](/ressources/empreinte-environnementale-ia/)).
            """
        ),
        source_publisher="Numérique 360 (Banque des Territoires)",
        source_url="https://numerique360.banquedesterritoires.fr/?p=26551",
        source_date="Depuis 2021",
        source_licence="Tous droits réservés (retour d’expérience publié par l’éditeur)",
    ),
    _resource(
        "urbanisme-donnees-geographiques",
        ResourceKind.USE_CASE,
        title="Urbanisme et fiscalité : analyser les images aériennes et les données géographiques",
        summary=(
            "Repérer sur des images aériennes les piscines non déclarées ou les occupations illégales du sol : des "
            "usages de l’IA déjà déployés par l’État, qui intéressent l’urbanisme des collectivités."
        ),
        themes=["urbanisme-amenagement", "cartographie", "intelligence-artificielle", "finances-achats"],
        audience=Audience.ALL.value,
        problem=md(
            """
            Les services d’urbanisme et de fiscalité disposent de peu de moyens pour vérifier sur le terrain que les
            constructions sont déclarées et que l’occupation du sol respecte les règles (zones naturelles,
            littoral, zones inondables). Les images aériennes existent, mais les examiner à l’œil est impossible à
            grande échelle.
            """
        ),
        data_used=md(
            """
            - orthophotographies de l’IGN et images satellites ;
            - plan cadastral et fichiers fonciers ;
            - documents d’urbanisme (PLU, zonages) et autorisations délivrées.
            """
        ),
        approach=md(
            """
            Un modèle de vision par ordinateur détecte des objets (piscines, bâtiments) sur les images, puis les
            compare au cadastre et aux déclarations. Les écarts sont transmis à des agents qui vérifient avant
            toute suite. La DGFiP a expérimenté cette démarche (« Foncier innovant ») dans neuf départements en
            2021 avant de la généraliser à partir de mai 2023. La DDTM de l’Hérault, lauréate de l’appel à
            manifestation d’intérêt IA de 2018, a travaillé sur la détection de l’occupation illégale du sol à
            partir d’images aériennes et satellites.
            """
        ),
        results=md(
            """
            - Selon la presse juridique, 20 356 piscines non déclarées auraient été détectées lors de
              l’expérimentation, pour environ 10 millions d’euros de recettes pour les communes (chiffres **à
              vérifier** auprès de la DGFiP).
            - **Limites** : des faux positifs (bâches, bassins, ombres) et des faux négatifs (végétation, images
              anciennes) imposent une vérification humaine systématique ; la fraîcheur des images conditionne la
              qualité ; ces outils sont opérés par l’État, et leurs résultats ne sont pas directement des outils
              d’urbanisme pour les communes.
            """
        ),
        adopters=md(
            """
            - DGFiP, « Foncier innovant » : 9 départements en 2021, généralisation à partir de mai 2023 — source
              secondaire.
            - DDTM de l’Hérault (service de l’État), lauréate de l’AMI IA de 2018.
            """
        ),
        ethics=md(
            """
            - Ces traitements visent des propriétaires identifiables et peuvent conduire à une imposition ou à une
              procédure : **décision individuelle fondée sur un traitement algorithmique**, avec les obligations de
              [mention explicite et d’explication](/ressources/transparence-algorithmes-publics/).
            - Un agent doit vérifier chaque détection avant toute suite
              ([contrôle humain](/ressources/controle-humain-et-recours/)).
            - Croisement de jeux de données et usage innovant : deux critères de l’[AIPD](/ressources/rgpd-et-aipd/).
            """
        ),
        source_publisher="Etalab (appel à manifestation d’intérêt IA, 2018) ; presse juridique",
        source_url=(
            "https://www.etalab.gouv.fr/intelligence-artificielle-decouvrez-les-6-projets-laureats-de-"
            "lappel-a-manifestation-dinteret-ia"
        ),
        source_date="2018-2023",
        source_licence="Licence Ouverte (site Etalab) ; tous droits réservés (presse)",
        source_status=SourceStatus.SECONDARY.value,
    ),
    _resource(
        "prevision-repas-restauration-scolaire",
        ResourceKind.USE_CASE,
        title="Aide à la décision : prévoir le nombre de repas en restauration scolaire",
        summary=(
            "Prévoir la fréquentation des cantines pour commander et préparer au plus juste, et réduire le "
            "gaspillage alimentaire. L’exemple de la Ville de Nantes."
        ),
        themes=["education-jeunesse", "intelligence-artificielle", "environnement-energie"],
        audience=Audience.ALL.value,
        problem=md(
            """
            La cuisine centrale doit commander et préparer les repas plusieurs jours à l’avance, sans connaître
            exactement le nombre d’enfants présents. Par prudence, elle prépare davantage : le surplus finit en
            grande partie jeté.
            """
        ),
        data_used=md(
            """
            - une dizaine d’années d’historique de fréquentation ;
            - les menus, la météo, les grèves, les vacances et les événements du calendrier.
            """
        ),
        approach=md(
            """
            La Ville de Nantes a mis en place en 2020 un modèle de prévision de la fréquentation par restaurant et
            par jour, avec des prestataires spécialisés. La prévision est proposée aux gestionnaires, qui gardent
            la décision de la commande.
            """
        ),
        results=md(
            """
            - La part de surplus serait passée de 9,6 % à 6,5 %, soit environ 430 repas par jour, selon Nantes
              Métropole.
            - **Limites** : un modèle entraîné sur le passé se trompe lors d’événements inédits (crise sanitaire,
              nouveau mode d’inscription) ; il faut un suivi de l’écart entre prévu et réel et la possibilité pour
              les équipes de corriger.
            """
        ),
        adopters=md("""Ville de Nantes (44), 2020."""),
        ethics=md(
            """
            - Travailler sur des effectifs agrégés par restaurant, sans données nominatives d’enfants.
            - Informer les familles et les équipes de la démarche ; publier la méthode.
            """
        ),
        source_publisher="Nantes Métropole",
        source_url=(
            "https://metropole.nantes.fr/actualites/2020/services-administratifs/intelligence-restauration-scolai"
        ),
        source_date="2020",
        source_licence="Tous droits réservés (actualité de l’éditeur)",
    ),
]


# ---------------------------------------------------------------------------------------------------------------
# Sélection bibliographique
# ---------------------------------------------------------------------------------------------------------------
def _reference(slug: str, *, title: str, summary: str, body: str, themes: list[str], **source) -> dict:
    return _resource(
        slug, ResourceKind.BIBLIOGRAPHY, title=title, summary=summary, body=md(body), themes=themes, **source
    )


BIBLIOGRAPHY = [
    _reference(
        "barometres-data-publica",
        title="Observatoire Data Publica : baromètres de la data et de l’IA dans les territoires (2022-2025)",
        summary=(
            "Chaque année depuis 2022, une enquête nationale auprès des collectivités sur leurs usages des données "
            "et de l’IA, leurs freins et leur gouvernance. Le meilleur point de comparaison pour situer sa "
            "collectivité."
        ),
        themes=["donnees", "intelligence-artificielle"],
        source_publisher="Observatoire Data Publica (avec Ipsos pour le terrain)",
        source_url="https://enquete.data-publica.eu/rapport/Rapport.html",
        source_date="Éditions 2022, 2023, 2024 et 2025",
        source_licence="Voir le site de l’éditeur",
        body="""
        ## De quoi s’agit-il ?

        L’Observatoire Data Publica est une association créée en janvier 2020 par Civiteo, Datactivist,
        Innopublica et Parme Avocat. Ses baromètres sont réalisés avec des partenaires (Banque des Territoires,
        La Poste, Orange, La Gazette des communes ; l’ANCT pour l’édition 2023) et un terrain conduit par Ipsos.

        ## Ce qu’on y trouve

        Motivations et freins, usages des données par compétence (administration, énergie et éclairage,
        mobilité, eau, déchets, urbanisme), gouvernance des données (règles, clauses des contrats, chartes),
        hébergement, cybersécurité, open data et, depuis 2024, un module consacré à l’IA (déployée, testée ou
        envisagée ; générative ou prédictive). Il n’existe pas de score composite : les réponses sont
        déclaratives ; l’édition 2025 ajoute une auto-évaluation de la maturité.

        ## Quelques enseignements (rapportés par la presse, à vérifier dans les rapports)

        - En 2023, le premier frein cité est la faible culture de la donnée (47 %), devant le manque de temps et
          de compétences.
        - En 2024, 65 % des répondants avaient mené un projet de données dans les deux ans (41 % en 2022) ; la
          part des communes de moins de 3 500 habitants est passée de 7 % à 42 %.
        - En 2025, 77 % des collectivités de plus de 3 500 habitants se disaient engagées dans l’IA, dont 84 %
          avec de l’IA générative.

        ## Pourquoi le lire

        Pour situer sa collectivité parmi celles de même taille, et nourrir une note aux élus avec des
        références partagées.
        """,
    ),
    _reference(
        "barometre-ey-maturite-numerique",
        title="EY et associations d’élus : Baromètre de la maturité numérique des territoires",
        summary=(
            "Un baromètre réalisé par EY avec France urbaine, Intercommunalités de France et Les Interconnectés, "
            "qui mesure la maturité numérique par grands domaines, dont les données et l’IA."
        ),
        themes=["donnees", "administration", "relation-usagers"],
        audience=Audience.ELUS.value,
        sizes=LARGE,
        source_publisher="EY, France urbaine, Intercommunalités de France, Les Interconnectés",
        source_url=(
            "https://www.ey.com/fr_fr/government-public-sector/barometre-de-la-maturite-numerique-des-territoires-2023"
        ),
        source_date="Éditions 2018, 2021, 2023 et 2025",
        source_licence="Voir le site de l’éditeur",
        body="""
        ## De quoi s’agit-il ?

        Un questionnaire adressé surtout aux métropoles, grandes villes et intercommunalités (101 réponses en
        2023). L’édition 2025 couvre le numérique responsable, la relation à l’usager, la conformité
        réglementaire, l’inclusion numérique, la cybersécurité, les services aux agents, les données et l’IA,
        avec une échelle allant de « sujet non traité » à « mise en œuvre effective et amélioration continue ».

        ## Quelques résultats de 2023

        Dématérialisation de bout en bout des démarches chez 73 % des répondants (42 % des communautés de
        communes), sensibilisation des élus et des agents à la cybersécurité (69 %), plan d’inclusion numérique
        (69 %), services conformes au RGAA (56 %). Les domaines les moins avancés : coopération territoriale,
        numérique responsable et service public de la donnée.

        ## Pourquoi le lire

        Pour disposer d’une grille de lecture par domaine, utile à une stratégie numérique, et comparer sa
        collectivité à des pairs de taille comparable.
        """,
    ),
    _reference(
        "ocde-ia-digne-de-confiance-administration",
        title=(
            "OCDE : Governing with Artificial Intelligence — le cadre pour une IA digne de confiance dans "
            "l’administration"
        ),
        original_title="Governing with Artificial Intelligence",
        original_language="en",
        summary=(
            "Le rapport de l’OCDE de juin 2025 propose un cadre en trois volets pour l’IA dans le secteur public : "
            "conditions de réussite, garde-fous et association des citoyens et des agents."
        ),
        themes=["intelligence-artificielle", "administration"],
        audience=Audience.ELUS.value,
        source_publisher="OCDE",
        source_url=(
            "https://www.oecd.org/en/publications/2025/06/governing-with-artificial-intelligence_398fa287/"
            "full-report/enablers-guardrails-and-engagement-for-unlocking-trustworthy-ai_2f817983.html"
        ),
        source_date="Juin 2025",
        source_licence="Voir les conditions de l’OCDE",
        body="""
        ## Le cadre

        - **Conditions de réussite** : gouvernance, données, infrastructures, compétences, investissement, achat
          public, partenariats.
        - **Garde-fous** : règles, transparence, gestion des risques, contrôle.
        - **Association** : des citoyens et des agents publics.

        ## Pourquoi le lire

        Le rapport est écrit pour les administrations nationales, mais sa grille s’applique à une collectivité :
        elle aide à vérifier qu’un projet d’IA n’avance pas sur la technique seule. Il est en anglais.
        """,
    ),
    _reference(
        "altai-liste-evaluation-ia",
        title="Groupe d’experts de la Commission européenne : lignes directrices et liste d’évaluation ALTAI",
        summary=(
            "Les lignes directrices pour une IA digne de confiance (2019) et leur liste d’auto-évaluation ALTAI "
            "(2020) : sept exigences à passer en revue avant de déployer un système d’IA."
        ),
        themes=["intelligence-artificielle"],
        audience=Audience.AGENTS.value,
        source_publisher="Groupe d’experts de haut niveau sur l’IA (Commission européenne)",
        source_url="https://altai.insight-centre.org",
        source_date="8 avril 2019 (lignes directrices) ; 17 juillet 2020 (ALTAI)",
        source_licence="Voir le site de l’éditeur",
        body="""
        ## Les sept exigences

        1. action humaine et contrôle humain ;
        2. robustesse technique et sécurité ;
        3. respect de la vie privée et gouvernance des données ;
        4. transparence ;
        5. diversité, non-discrimination et équité ;
        6. bien-être sociétal et environnemental ;
        7. responsabilité.

        ## Pourquoi l’utiliser

        La liste ALTAI se présente comme un questionnaire : c’est un bon support d’atelier entre le service
        métier, le DPO et le prestataire au moment du cadrage. Elle précède le règlement européen sur l’IA et
        n’a pas de valeur juridique, mais ses exigences s’y retrouvent largement. Elle est en anglais.
        """,
    ),
    _reference(
        "unesco-methodologie-evaluation-etat-preparation",
        title="UNESCO : Readiness Assessment Methodology (méthodologie d’évaluation de l’état de préparation à l’IA)",
        original_title="Readiness Assessment Methodology",
        original_language="en",
        summary=(
            "Un outil de la Recommandation de l’UNESCO sur l’éthique de l’IA (2023) pour évaluer, avec des "
            "indicateurs qualitatifs et quantitatifs, si un territoire est prêt à une IA éthique."
        ),
        themes=["intelligence-artificielle"],
        audience=Audience.ELUS.value,
        source_publisher="UNESCO",
        source_url=(
            "https://www.ai4europe.eu/education/education-catalog/"
            "readiness-assessment-methodology-tool-recommendation-ethics-artificial"
        ),
        source_date="2023",
        source_licence="Voir le site de l’éditeur",
        source_status=SourceStatus.SECONDARY.value,
        body="""
        ## Cinq dimensions

        Juridique et réglementaire, sociale et culturelle, économique, scientifique et éducative, technologique
        et infrastructurelle.

        ## Pourquoi le lire

        Conçue pour des États, la méthode inspire un diagnostic territorial : elle rappelle que la préparation à
        l’IA ne se résume pas aux outils, mais inclut le droit, les compétences et l’acceptabilité sociale. La
        référence a été relevée dans un catalogue européen ; consultez la version de l’UNESCO.
        """,
    ),
    _reference(
        "cnil-recommandations-ia",
        title="CNIL : recommandations sur l’intelligence artificielle et le RGPD",
        summary=(
            "Fiches pratiques et recommandations de la CNIL (2024-2025) pour développer et utiliser des systèmes "
            "d’IA conformes au RGPD, et sa réflexion fondatrice de 2017 sur les algorithmes."
        ),
        themes=["intelligence-artificielle", "donnees", "securite-numerique"],
        audience=Audience.AGENTS.value,
        source_publisher="CNIL",
        source_url="https://www.vie-publique.fr/en-bref/293705",
        source_date="2017 ; avril 2024 ; février, avril et juillet 2025",
        source_licence="Voir le site de l’éditeur",
        source_status=SourceStatus.SECONDARY.value,
        body="""
        ## Ce que contient l’ensemble

        - *Comment permettre à l’Homme de garder la main ?* (décembre 2017) : synthèse du débat public, six
          recommandations, principes de loyauté et de vigilance.
        - Un plan d’action sur l’IA (mai 2023), puis sept fiches pratiques sur la phase de développement (avril
          2024) : régime juridique, finalité, qualification des acteurs, base légale, AIPD, conception, données.
        - Des recommandations sur l’information des personnes et leurs droits (délibération n° 2025-010 du
          6 février 2025) et sur l’intérêt légitime et la collecte en ligne (délibération n° 2025-041 du 10 avril
          2025) ; l’ensemble a été finalisé en juillet 2025 selon la presse spécialisée.

        ## Pourquoi le lire

        C’est la référence pour un DPO de collectivité. Voir notre fiche
        [RGPD et analyse d’impact](/ressources/rgpd-et-aipd/).
        """,
    ),
    _reference(
        "etalab-guide-algorithmes-publics",
        title="Etalab : guide des algorithmes publics et fiche pratique d’inventaire",
        summary=(
            "Le guide « Les algorithmes publics : enjeux et obligations » (2019) et la fiche pratique pour recenser "
            "les principaux traitements algorithmiques (2021) : la méthode de l’État pour appliquer le CRPA."
        ),
        themes=["intelligence-artificielle", "administration", "relation-usagers"],
        audience=Audience.AGENTS.value,
        source_publisher="Etalab (DINUM)",
        source_url="https://github.com/etalab/guides.etalab.gouv.fr",
        source_date="8 mars 2019 (guide) ; 11 février 2021 (fiche inventaire)",
        source_licence="Licence Ouverte",
        body="""
        ## Ce que contient le guide

        Pourquoi la transparence des algorithmes publics, ce que le code des relations entre le public et
        l’administration impose, comment rédiger la mention explicite et répondre à une demande d’explication,
        et comment publier les règles des principaux traitements.

        ## La fiche inventaire

        Une grille pour recenser les traitements : finalité, degré d’automatisation, base légale, volume annuel
        de décisions, public concerné, données et sources, règles explicites ou apprentissage automatique.

        ## Pourquoi le lire

        C’est la mise en pratique la plus directe des obligations résumées dans notre fiche
        [transparence des algorithmes publics](/ressources/transparence-algorithmes-publics/).
        """,
    ),
    _reference(
        "reglement-ue-2024-1689",
        title="Règlement (UE) 2024/1689 du 13 juin 2024 établissant des règles harmonisées concernant l’IA",
        summary=(
            "Le texte officiel du règlement européen sur l’IA, publié au Journal officiel de l’Union européenne le "
            "12 juillet 2024."
        ),
        themes=["intelligence-artificielle"],
        audience=Audience.AGENTS.value,
        source_publisher="Parlement européen et Conseil de l’Union européenne",
        source_url="https://eur-lex.europa.eu/eli/reg/2024/1689/oj",
        source_date="12 juillet 2024 (publication)",
        source_licence="Texte officiel",
        body="""
        ## Les articles à connaître pour une collectivité

        Article 4 (maîtrise de l’IA), article 5 (pratiques interdites), article 6 et annexe III (systèmes à
        haut risque), article 26 (obligations des déployeurs), article 27 (analyse d’impact sur les droits
        fondamentaux), article 50 (transparence), article 113 (calendrier).

        Notre synthèse : [le règlement européen sur l’IA](/ressources/reglement-europeen-ia/).
        """,
    ),
    _reference(
        "senat-rapport-ia-collectivites-2025",
        title="Sénat : rapport relatif à l’intelligence artificielle dans l’univers des collectivités territoriales",
        summary=(
            "Le rapport d’information de P. Gruny et G. Senée (mars 2025), avec onze recommandations pour les "
            "décideurs locaux."
        ),
        themes=["intelligence-artificielle", "administration"],
        audience=Audience.ELUS.value,
        source_publisher="Sénat — rapport d’information n° 447 (2024-2025)",
        source_url="https://www.senat.fr/rap/r24-447/r24-4470.html",
        source_date="13 mars 2025",
        source_licence="Publication officielle",
        body="""
        ## De quoi s’agit-il ?

        Un rapport d’information du Sénat consacré à l’IA dans les collectivités territoriales, qui formule
        onze recommandations à destination des décideurs locaux.

        ## Pourquoi le lire

        C’est le document parlementaire le plus directement centré sur les collectivités. À lire avec le
        rapport de la délégation à la prospective *IA, territoires et proximité* (février 2025) et celui sur
        *L’IA et l’avenir du service public – IA et environnement* (février 2025).
        """,
    ),
    _reference(
        "defenseure-droits-algorithmes-services-publics",
        title=(
            "Défenseure des droits : Algorithmes, systèmes d’IA et services publics : quels droits pour les usagers ?"
        ),
        summary=(
            "Points de vigilance et recommandations (novembre 2024) pour que l’usage des algorithmes dans les "
            "services publics respecte les droits des usagers."
        ),
        themes=["intelligence-artificielle", "relation-usagers", "social-solidarites"],
        source_publisher="Défenseure des droits",
        source_url="https://www.defenseurdesdroits.fr/algorithmes-intelligence-artificielle-et-services-publics-2024",
        source_date="13 novembre 2024",
        source_licence="Publication officielle",
        body="""
        ## Pourquoi le lire

        Il part des réclamations des usagers : décisions incompréhensibles, impossibilité de joindre un agent,
        intervention humaine de pure forme. Ses recommandations sont une bonne liste de contrôle avant de mettre
        en service un outil qui touche des décisions individuelles. Voir notre fiche
        [contrôle humain et droit de contester](/ressources/controle-humain-et-recours/).
        """,
    ),
    _reference(
        "conseil-etat-ia-action-publique",
        title=(
            "Conseil d’État : Intelligence artificielle et action publique : construire la confiance, servir la "
            "performance"
        ),
        summary=(
            "L’étude à la demande du Premier ministre (août 2022) qui propose sept principes d’une IA publique de "
            "confiance et appelle à ne pas renoncer à ses bénéfices."
        ),
        themes=["intelligence-artificielle", "administration"],
        audience=Audience.ELUS.value,
        source_publisher="Conseil d’État",
        source_url="https://www.mouillere.com/universconvergents/2022/10/12/ia-action-publique",
        source_date="30 août 2022",
        source_licence="Publication officielle",
        source_status=SourceStatus.SECONDARY.value,
        body="""
        ## Pourquoi le lire

        Le Conseil d’État y défend une position équilibrée : l’administration ne doit pas se priver de l’IA,
        mais doit l’encadrer par des principes de confiance (primauté humaine, performance, équité et
        non-discrimination, transparence, sûreté, soutenabilité environnementale, autonomie stratégique).
        L’intitulé exact des sept principes est à vérifier dans l’étude elle-même.
        """,
    ),
    _reference(
        "interconnectes-manifeste-ia-responsable",
        title="Les Interconnectés : Manifeste pour une IA responsable au service des territoires",
        summary=(
            "Un manifeste (mars 2025) porté par un réseau de collectivités, organisé autour de quatre axes : social, "
            "démocratie, formation et proportionnalité."
        ),
        themes=["intelligence-artificielle", "participation-citoyenne"],
        audience=Audience.ELUS.value,
        source_publisher="Les Interconnectés",
        source_url="https://www.banquedesterritoires.fr/les-interconnectes-publient-un-manifeste-sur-lia-territoriale",
        source_date="11 mars 2025",
        source_licence="Voir le site de l’éditeur",
        source_status=SourceStatus.SECONDARY.value,
        body="""
        ## Pourquoi le lire

        Écrit par et pour des collectivités, il aide un exécutif local à formuler sa propre doctrine d’usage de
        l’IA : pour quoi faire, avec quelles limites, et en associant qui. Une base de discussion pour une
        délibération ou une charte.
        """,
    ),
    _reference(
        "mission-villani-donner-un-sens",
        title="Mission Villani : Donner un sens à l’intelligence artificielle",
        summary=(
            "Le rapport de la mission parlementaire confiée à Cédric Villani (mars 2018), qui a posé les bases de la "
            "stratégie nationale pour l’IA."
        ),
        themes=["intelligence-artificielle"],
        audience=Audience.ELUS.value,
        source_publisher="Mission parlementaire (C. Villani et al.)",
        source_url=(
            "https://mashable.france24.com/tech-business/20180328-rapport-cedric-villaniintelligence-artificielle-donnees"
        ),
        source_date="28 mars 2018",
        source_licence="Publication officielle",
        source_status=SourceStatus.SECONDARY.value,
        body="""
        ## Pourquoi le lire

        Pour comprendre d’où vient la politique française de l’IA, et ses chapitres sur l’éthique, l’écologie
        et l’administration. Il date de 2018 : les outils ont beaucoup changé depuis, pas les questions posées.
        """,
    ),
]


# ---------------------------------------------------------------------------------------------------------------
# Guides pratiques
# ---------------------------------------------------------------------------------------------------------------
GUIDES = [
    _resource(
        "financer-un-projet-donnees-ia",
        ResourceKind.GUIDE,
        title="Financer un projet de données ou d’IA : dotations de l’État, fonds européens, Banque des Territoires",
        summary=(
            "Qui peut demander la DETR, la DSIL ou la DSID, ce qu’elles financent (l’investissement, pas un "
            "abonnement), les appels à projets, les fonds européens, l’offre de la Banque des Territoires, et où "
            "chercher les aides ouvertes à sa collectivité."
        ),
        themes=["finances-achats", "administration", "donnees", "intelligence-artificielle"],
        audience=Audience.ALL.value,
        source_publisher="Territoires IA (ANCT), d’après le code général des collectivités territoriales",
        source_url="https://aides-territoires.beta.gouv.fr/",
        source_date="Novembre 2026",
        source_licence="Licence Ouverte 2.0",
        body=md(
            """
            ## Avant de chercher une aide : le coût complet, et sa nature

            Chiffrez le coût complet sur trois ans : achat ou développement, installation, formation, puis
            abonnements, hébergement, maintenance et temps des agents. Séparez ensuite les dépenses
            d’**investissement** (acquisition ou développement d’un outil que la collectivité inscrit à son
            patrimoine) des dépenses de **fonctionnement** (abonnement à un logiciel ou à un service en ligne,
            prestations récurrentes). La plupart des aides de l’État ne financent que l’investissement : un
            abonnement n’y est pas éligible. Le classement d’une dépense relève des règles comptables de la
            collectivité : vérifiez-le avec votre service financier et votre comptable public.

            ## Les dotations d’investissement de l’État

            Elles sont attribuées par le préfet, selon des priorités et un calendrier de dépôt fixés chaque année
            dans le département : renseignez-vous tôt auprès de la préfecture ou de la sous-préfecture.

            - **DETR** (dotation d’équipement des territoires ruraux) : pour les communes et les EPCI à fiscalité
              propre qui remplissent ses critères d’éligibilité (article L2334-33 du code général des collectivités
              territoriales) ; une commission d’élus fixe les catégories d’opérations prioritaires (article
              L2334-37).
            - **DSIL** (dotation de soutien à l’investissement local) : pour les communes et les EPCI à fiscalité
              propre, sur des priorités nationales, dont le développement du numérique (article L2334-42).
            - **DSID** (dotation de soutien à l’investissement des départements) : pour les départements
              (article L3334-10).
            - Les **régions** ne bénéficient d’aucune de ces trois dotations.

            Le projet de loi de finances pour 2026 proposait de fusionner la DETR, la DSIL et la dotation
            politique de la ville dans un « fonds d’investissement pour les territoires » ; le Sénat a supprimé
            cette fusion en décembre 2025. À la date du 27 novembre 2026, nous n’avons pas vérifié le texte
            définitif de la loi de finances : demandez à la préfecture le nom et les règles de la dotation en
            vigueur avant de déposer un dossier.

            ## Les appels à projets

            France 2030 finance des projets d’innovation par appels à projets, opérés notamment par Bpifrance et la
            Banque des Territoires. Les appels ouverts changent souvent : cherchez-les sur Aides-territoires
            (ci-dessous) plutôt que de vous fier à une liste figée.

            ## Les fonds européens

            En France, la plupart des programmes du FEDER (Fonds européen de développement régional) pour
            2021-2027 sont gérés par les **régions**, qui en fixent les priorités, dont souvent le numérique.
            Adressez-vous au service des fonds européens de votre région. Un financement européen demande une
            capacité de gestion (dossier, justificatifs, contrôles) : une intercommunalité ou un syndicat peut
            porter le dossier pour plusieurs communes.

            ## La Banque des Territoires

            La Banque des Territoires (groupe Caisse des Dépôts) prête aux collectivités et cofinance des études et
            de l’ingénierie pour des projets numériques et de données. Son site Numérique 360
            (numerique360.banquedesterritoires.fr) présente ses retours d’expérience, un glossaire et une demande
            d’accompagnement personnalisé. Elle a aussi proposé une formation-action sur les données (dix
            collectivités, trente heures sur huit semaines) ; renseignez-vous auprès de sa direction régionale.

            ## L’ANCT et ses programmes

            L’ANCT apporte une ingénierie sur mesure (expertise, étude, accompagnement) aux collectivités qui en
            manquent ; le préfet de département est son délégué territorial. Les communes d’Action Cœur de Ville,
            de Petites Villes de Demain ou de Villages d’Avenir ont en plus un interlocuteur dédié : parlez-lui du
            projet tôt. Depuis l’étape « Financement » du parcours, vous pouvez formuler une demande d’appui.

            ## Où chercher : Aides-territoires

            Aides-territoires (aides-territoires.beta.gouv.fr), service public numérique, recense les aides
            financières et en ingénierie ouvertes aux collectivités, avec des filtres par territoire, type de
            porteur et thème. C’est le point de départ le plus sûr : les dispositifs et leurs dates changent
            d’une année sur l’autre.

            ## Le plan de financement

            Un tableau simple suffit : dépenses d’un côté, recettes et aides de l’autre, avec l’état de chaque
            demande (envisagée, déposée, accordée). Ne commencez pas les dépenses avant le dépôt du dossier : la
            plupart des financeurs refusent une opération déjà engagée.

            Pour acheter ensuite la solution :
            [le guide de la commande publique](/ressources/commande-publique-ia-donnees/).
            """
        ),
    ),
    _resource(
        "commande-publique-ia-donnees",
        ResourceKind.GUIDE,
        title="Acheter une solution d’IA ou de données : la commande publique pas à pas",
        summary=(
            "Les seuils en vigueur et leurs textes, les centrales d’achat comme l’UGAP, les achats innovants, les "
            "clauses sur les données et la propriété intellectuelle, et le critère environnemental obligatoire."
        ),
        themes=["finances-achats", "administration", "donnees", "intelligence-artificielle"],
        audience=Audience.AGENTS.value,
        source_publisher="Territoires IA (ANCT), d’après le code de la commande publique",
        source_url="https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000037701019",
        source_date="Novembre 2026",
        source_licence="Licence Ouverte 2.0",
        body=md(
            """
            ## 1. Définir le besoin avant de choisir l’outil

            L’acheteur détermine la nature et l’étendue de ses besoins avec précision avant de lancer la
            consultation, en tenant compte d’objectifs de développement durable (article L2111-1 du code de la
            commande publique). Décrivez le problème à résoudre et les résultats attendus plutôt qu’une
            technologie : cela ouvre la porte à des solutions plus simples ou déjà mutualisées. Additionnez tous
            les achats de même nature sur la durée du marché : c’est ce montant qui détermine la procédure.

            ## 2. Les seuils et leurs textes

            - **Sans publicité ni mise en concurrence** : le décret n° 2025-1386 du 29 décembre 2025 a porté ce
              seuil à **60 000 € HT pour les fournitures et services** (marchés dont la consultation est engagée
              à partir du 1er avril 2026) et à **100 000 € HT pour les travaux** (depuis le 1er janvier 2026)
              (article R2122-8). En dessous, l’acheteur choisit une offre pertinente, fait une bonne utilisation
              des deniers publics et ne contracte pas systématiquement avec le même opérateur : demander plusieurs
              devis reste la bonne pratique. Vérifiez la rédaction en vigueur de l’article R2122-8 sur Légifrance.
            - **Achats innovants** : un marché de travaux, fournitures ou services innovants répondant à un besoin
              inférieur à 100 000 € HT peut être passé sans publicité ni mise en concurrence (article R2122-9-1,
              créé par le décret n° 2021-1634 du 13 décembre 2021, qui a pérennisé l’expérimentation du décret
              n° 2018-1225 du 24 décembre 2018). L’innovation s’entend au sens de l’article L2172-3 : une
              solution nouvelle ou sensiblement améliorée.
            - **Procédure adaptée, puis procédure formalisée** : au-dessus du seuil de dispense, l’acheteur
              organise une procédure adaptée ; au-delà des seuils européens, révisés tous les deux ans et publiés
              dans un avis annexé au code de la commande publique, une procédure formalisée (appel d’offres,
              procédure avec négociation, dialogue compétitif) est obligatoire. Consultez l’avis en vigueur pour
              2026-2027 : nous ne reprenons pas ici ses montants.

            ## 3. Les centrales d’achat

            Un acheteur qui passe par une centrale d’achat est réputé avoir respecté ses obligations de publicité
            et de mise en concurrence pour ce qu’il lui achète (article L2113-4). L’**UGAP**, centrale d’achat
            publique nationale, propose des logiciels, des services informatiques et de l’accompagnement ; des
            centrales d’achat et des groupements de commandes existent aussi à l’échelle régionale ou
            départementale (syndicats mixtes numériques, opérateurs publics de services numériques). Comparez
            toujours le prix et les conditions avec votre besoin réel.

            ## 4. Les clauses sur les données et la propriété intellectuelle

            - **Données** : la collectivité reste propriétaire de ses données et des données produites pour elle ;
              prévoyez leur restitution dans un format ouvert et documenté en fin de marché (réversibilité) et
              l’interdiction de les réutiliser, notamment pour entraîner un modèle, sans accord écrit.
            - **Données personnelles** : le contrat de sous-traitance exigé par l’article 28 du RGPD (instructions,
              sécurité, sous-traitants ultérieurs, lieu d’hébergement, sort des données) ; associez votre DPO.
            - **Propriété intellectuelle** : le cahier des clauses administratives générales des marchés de
              techniques de l’information et de la communication (CCAG-TIC, arrêté du 30 mars 2021) organise les
              droits sur les résultats ; choisissez explicitement, dans le marché, le régime qui vous convient
              plutôt que de laisser jouer l’option par défaut. Demandez le code source sous licence libre quand
              c’est possible : la collectivité et d’autres pourront le réutiliser.
            - **IA** : exigez la documentation du fournisseur (fonctionnement, limites, données d’entraînement
              quand elle est disponible), les informations prévues par le règlement européen sur l’IA pour les
              systèmes à haut risque, et les moyens du contrôle humain
              ([la fiche](/ressources/reglement-europeen-ia/)).

            ## 5. Le critère environnemental

            Depuis le 21 août 2026, au moins un des critères d’attribution d’un marché public prend en compte les
            caractéristiques environnementales de l’offre (article L2152-7, issu de l’article 35 de la loi
            n° 2021-1104 du 22 août 2021 « climat et résilience », date fixée par le décret n° 2022-767 du 2 mai
            2022). Pour un outil numérique : sobriété du calcul et du stockage, durée de vie des équipements,
            hébergement, mesure de l’empreinte ([la fiche](/ressources/empreinte-environnementale-ia/)).

            ## Pour aller plus loin

            [Financer le projet](/ressources/financer-un-projet-donnees-ia/) ; les services numériques déjà
            utilisés par des collectivités : [le catalogue](/catalogue/?theme=finances-achats).
            """
        ),
    ),
    _resource(
        "demarrer-un-projet-ia",
        ResourceKind.GUIDE,
        title="Lancer un premier projet d’IA dans sa collectivité : les questions à se poser",
        summary=(
            "Du besoin à l’évaluation, les étapes d’un premier projet d’IA ou de données, et les questions que les "
            "élus et les agents doivent se poser à chacune."
        ),
        themes=["intelligence-artificielle", "donnees", "administration"],
        audience=Audience.ALL.value,
        source_publisher="Territoires IA (ANCT)",
        source_date="Novembre 2026",
        source_licence="Licence Ouverte 2.0",
        body=md(
            """
            ## 1. Partir d’un besoin, pas d’une technologie

            Un bon projet commence par un problème concret, mesurable et partagé par un service : des fuites
            d’eau, des délais de réponse aux usagers, une facture énergétique. Formulez-le en une phrase, avec un
            indicateur de réussite (« réduire de 20 % le temps de traitement des demandes simples »). Demandez-vous
            si une solution sans IA suffirait : souvent, un meilleur formulaire ou un tableau de bord règle
            l’essentiel.

            ## 2. Regarder ce qui existe déjà

            D’autres collectivités ont peut-être résolu le même problème : consultez les
            [cas d’usage](/ressources/?type=cas-usage) et le [catalogue des services numériques](/catalogue/).
            Réutiliser un commun numérique ou mutualiser avec une collectivité voisine coûte moins cher et réduit
            les risques.

            ## 3. Faire l’état des données

            Quelles données faut-il ? Existent-elles, sont-elles fiables, à jour, documentées ? Qui en est
            responsable ? Contiennent-elles des données personnelles ? Un projet d’IA échoue plus souvent faute de
            données exploitables que faute d’algorithme.

            ## 4. Vérifier le cadre éthique et juridique dès le cadrage

            - RGPD et analyse d’impact : [la fiche](/ressources/rgpd-et-aipd/) ;
            - niveau de risque au sens du règlement européen : [la fiche](/ressources/reglement-europeen-ia/) ;
            - transparence si des décisions individuelles sont en jeu :
              [la fiche](/ressources/transparence-algorithmes-publics/) ;
            - contrôle humain et recours : [la fiche](/ressources/controle-humain-et-recours/) ;
            - empreinte environnementale : [la fiche](/ressources/empreinte-environnementale-ia/).

            ## 5. Associer les agents et les usagers

            Les agents qui utiliseront l’outil doivent participer à sa conception et savoir ce qu’il fait et ne
            fait pas : depuis février 2025, l’article 4 du règlement européen oblige à prendre des mesures pour
            assurer, dans toute la mesure du possible, un niveau suffisant de maîtrise de l’IA (une obligation de
            moyens, pas une obligation de formation). Les usagers concernés, ou leurs représentants,
            peuvent être consultés : cela évite les mauvaises surprises et renforce la confiance.

            ## 6. Expérimenter petit, évaluer honnêtement

            Lancez une expérimentation limitée dans le temps et le périmètre, avec des critères d’arrêt décidés à
            l’avance. Mesurez l’indicateur défini au départ, comparez à la situation sans outil, et publiez le
            bilan, y compris quand le résultat est décevant.

            ## 7. Acheter et déployer en gardant la maîtrise

            Dans le marché : propriété et réversibilité des données, hébergement, documentation, clauses RGPD,
            engagement sur la qualité et l’empreinte, code ouvert lorsque c’est possible. Prévoyez le coût de
            fonctionnement et de maintenance, pas seulement celui du développement.
            """
        ),
    ),
    _resource(
        "inventaire-algorithmes-publics",
        ResourceKind.GUIDE,
        title="Recenser les algorithmes de sa collectivité : une méthode en cinq étapes",
        summary=(
            "Les collectivités de 50 agents et plus en ETP doivent publier les règles de leurs principaux traitements "
            "algorithmiques. Une méthode simple pour en dresser l’inventaire, inspirée de la fiche d’Etalab."
        ),
        themes=["administration", "relation-usagers", "intelligence-artificielle"],
        audience=Audience.AGENTS.value,
        source_publisher="Territoires IA (ANCT), d’après Etalab",
        source_url="https://github.com/etalab/guides.etalab.gouv.fr",
        source_date="Novembre 2026",
        source_licence="Licence Ouverte 2.0",
        body=md(
            """
            ## 1. Repérer les décisions individuelles

            Listez, service par service, les décisions qui concernent une personne : attribution d’une place en
            crèche, tarification de la cantine selon le quotient familial, aides sociales facultatives, logement,
            inscriptions scolaires, subventions. Pour chacune, demandez comment elle est préparée.

            ## 2. Identifier les traitements algorithmiques

            Un barème calculé dans un tableur, une grille de points, un logiciel métier qui classe les dossiers, un
            outil d’IA : tous sont des traitements algorithmiques au sens du CRPA, que la décision soit signée par
            un agent ou non.

            ## 3. Décrire chaque traitement

            Reprenez les champs proposés par Etalab : finalité, degré d’automatisation, base légale, volume annuel
            de décisions, public concerné, données utilisées et leurs sources, règles explicites ou apprentissage
            automatique, service responsable.

            ## 4. Choisir les « principaux » traitements et publier

            Sont principaux ceux qui concernent beaucoup de personnes ou ont des effets importants pour elles.
            Publiez leurs règles en ligne, en langage clair (article L312-1-3 du CRPA), et ajoutez la mention
            explicite sur les décisions (article L311-3-1).

            ## 5. Tenir l’inventaire à jour

            Désignez un responsable, intégrez la question à chaque nouveau projet et à chaque changement de
            logiciel, et revoyez l’inventaire chaque année.

            Le détail des obligations :
            [transparence des algorithmes publics](/ressources/transparence-algorithmes-publics/).
            """
        ),
    ),
]

RESOURCES: list[dict] = [*FRAMEWORK, *USE_CASES, *GUIDES, *BIBLIOGRAPHY]
