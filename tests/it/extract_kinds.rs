//! The kinds of statement reporters make, each on sentences written for these tests (names of
//! our own where the dataset's actors are not needed): lists in each form, chairs, modality and
//! negation, observers, pledges, people and the states they lead, six languages, another body's
//! dataset, and a rule table of the user's own.

use crate::bin;

use bin::run;
use board_explorer::model::data::builder::DatasetBuilder;
use board_explorer::model::extract::{
    Extractor, RuleSet, SuggestedActor, Suggestion, Table, accept_suggestions, table::parse_table,
};
use board_explorer::model::{ActorKind, Body, Dataset, Fact, Money};
use board_explorer::store::embedded;
use chrono::NaiveDate;

/// (actor, value) pairs.
type Facts = Vec<(String, String)>;

fn published() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2026, 3, 4)
}

fn name(d: &Dataset, s: &Suggestion) -> String {
    match &s.actor {
        SuggestedActor::Known(i) => d.actors[*i].id.clone(),
        SuggestedActor::New(n) => format!("new:{}", n.name),
    }
}

/// (actor, value) of each suggestion for `text` read with `e` over `d`.
fn read(e: &Extractor, d: &Dataset, text: &str) -> Vec<(String, String)> {
    e.suggest(text, published())
        .iter()
        .map(|s| (name(d, s), s.fact.value_label()))
        .collect()
}

fn facts(text: &str) -> Vec<(String, String)> {
    let d = embedded();
    read(&Extractor::new(&d), &d, text)
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, v)| (a.to_string(), v.to_string()))
        .collect()
}

fn all(value: &str, actors: &[&str]) -> Vec<(String, String)> {
    actors
        .iter()
        .map(|a| (a.to_string(), value.to_string()))
        .collect()
}

#[test]
fn a_list_after_a_participle_and_included_gives_every_item() {
    assert_eq!(
        facts("States signing the charter included Portugal, Chile, Kenya and Norway."),
        all(
            "signed",
            &["new:Portugal", "new:Chile", "new:Kenya", "new:Norway"]
        )
    );
}

#[test]
fn a_colon_after_members_of_the_body_opens_a_list_but_one_name_is_no_list() {
    assert_eq!(
        facts("Peru is among nine countries that are members of the Board: Ghana, Laos and Fiji."),
        all("member", &["new:Ghana", "new:Laos", "new:Fiji"])
    );
    assert!(facts("Invited to the Board of Peace: Ireland").is_empty());
}

#[test]
fn a_list_of_people_after_include_counts_new_names_and_takes_each_item_s_head() {
    let f = facts(
        "The members of the Board of Peace include banker Anna Kowalska, Trump envoy Pedro Alvarez; Nordic diplomat Liv Hagen, a former minister; and Israel.",
    );
    assert_eq!(
        f,
        all(
            "member",
            &[
                "new:Anna Kowalska",
                "new:Pedro Alvarez",
                "new:Liv Hagen",
                "israel"
            ]
        )
    );
}

#[test]
fn a_heading_then_lines_of_names_is_a_list() {
    let f = facts("Members of the Board of Peace:\nPortugal\nChile\nIreland\nThe meeting ends.");
    assert_eq!(f, all("member", &["new:Portugal", "new:Chile", "ireland"]));
}

#[test]
fn a_list_ends_at_the_next_cue() {
    let f = facts(
        "Chile and Peru accepted the invitation, while Norway, Sweden and Finland declined it.",
    );
    assert_eq!(
        f,
        pairs(&[
            ("new:Chile", "accepted"),
            ("new:Peru", "accepted"),
            ("new:Norway", "declined"),
            ("new:Sweden", "declined"),
            ("new:Finland", "declined"),
        ])
    );
}

#[test]
fn chairs_in_the_ways_reporters_name_them() {
    assert_eq!(
        facts("Trump is set to chair the board."),
        pairs(&[("trump", "chair")])
    );
    assert_eq!(
        facts("The permanent chairman of the Board of Peace, Donald Trump, opened it."),
        pairs(&[("trump", "chair")])
    );
    assert_eq!(
        facts("The president of the Board of Peace—Donald Trump—spoke first."),
        pairs(&[("trump", "chair")])
    );
    assert_eq!(
        facts("The Board of Peace, chaired by Donald Trump, met."),
        pairs(&[("trump", "chair")])
    );
    // A president of a state is no chair of the body.
    assert!(facts("Argentine President Javier Milei spoke at the Board of Peace.").is_empty());
}

#[test]
fn modality_and_negation_apply_to_every_rule_alike() {
    assert!(facts("Qatar may sign the charter.").is_empty());
    assert!(facts("Morocco said it would sign the charter.").is_empty());
    assert!(facts("Jordan is ready to participate in the board.").is_empty());
    assert!(facts("If Sweden joins the board, it will pay.").is_empty());
    assert!(facts("Ireland has not accepted the invitation.").is_empty());
    assert_eq!(
        facts("Oman is expected to join the board."),
        pairs(&[("new:Oman", "proposed")])
    );
    assert_eq!(
        facts("Spain will not join the board."),
        pairs(&[("new:Spain", "declined")])
    );
    assert_eq!(
        facts("Spain said it will join the board."),
        pairs(&[("new:Spain", "accepted")])
    );
}

#[test]
fn observers_and_capacities() {
    assert_eq!(
        facts("Germany, Italy and Japan attended as observers."),
        all("observer", &["new:Germany", "new:Italy", "new:Japan"])
    );
    assert_eq!(
        facts("Greece and Malta have accepted invitations to take part as observers."),
        all("observer", &["new:Greece", "new:Malta"])
    );
    assert_eq!(
        facts("Chile has agreed to sit as a member."),
        pairs(&[("new:Chile", "member"), ("new:Chile", "member")])
    );
    assert!(facts("The EU is not joining the board as a formal member.").is_empty());
}

#[test]
fn a_pledge_for_each_actor_with_its_amount_and_none_for_a_joint_total() {
    let d = embedded();
    let e = Extractor::new(&d);
    let text = "Saudi Arabia pledged $1 billion and the UAE $1.2 billion.";
    let found = e.suggest(text, published());
    let money: Vec<(String, Fact)> = found
        .iter()
        .map(|s| (name(&d, s), s.fact.clone()))
        .collect();
    let usd = |amount| {
        Fact::Pledge(Money {
            amount,
            currency: "USD".into(),
        })
    };
    assert_eq!(
        money,
        [
            ("new:Saudi Arabia".to_string(), usd(1_000_000_000)),
            ("new:United Arab Emirates".to_string(), usd(1_200_000_000)),
        ]
    );
    let row = e.row(text, &found[1]);
    assert_eq!(row.amount, Some(1_200_000_000));
    assert_eq!(row.currency.as_deref(), Some("USD"));
    assert!(facts("Oman and Kuwait pledged a total of $3 billion.").is_empty());
    assert!(facts("Canada will not pay $1 billion.").is_empty());
    assert_eq!(
        facts("Indonesia has committed troops to the stabilization force."),
        pairs(&[("new:Indonesia", "member")])
    );
}

#[test]
fn the_leaders_of_states_are_their_leaders() {
    // The dataset knows Hungary's prime minister (by office and country): the leader of Hungary
    // is that person; France's is a new person who represents France.
    let d = embedded();
    let found = Extractor::new(&d).suggest(
        "The leaders of France and Hungary signed the charter.",
        published(),
    );
    let got: Vec<String> = found.iter().map(|s| name(&d, s)).collect();
    assert_eq!(got, ["new:Leader of France", "hungary-pm"]);
    let SuggestedActor::New(n) = &found[0].actor else {
        panic!("a new person")
    };
    assert_eq!(n.kind, ActorKind::Person);
    assert_eq!(n.represents.as_deref(), Some("france"));
}

#[test]
fn every_suggestion_names_its_rule_and_the_words_it_read() {
    let d = embedded();
    let found = Extractor::new(&d).suggest(
        "States signing the charter included Chile and Peru. Ireland declined the invitation.",
        published(),
    );
    assert!(
        found[0]
            .rule
            .contains("list after 'signing the charter included'"),
        "{}",
        found[0].rule
    );
    assert!(
        found[2].rule.contains("'declined the invitation'"),
        "{}",
        found[2].rule
    );
}

#[test]
fn each_language_is_read_with_its_table() {
    let cases: &[(&str, &str, Facts)] = &[
        (
            "ru",
            "Премьер Чехии заявил, что Лукашенко подписал устав Совета мира. Армения отказалась от приглашения.",
            pairs(&[("lukashenko", "signed"), ("new:Armenia", "declined")]),
        ),
        (
            "es",
            "Entre los firmantes de la carta figuran Hungría, Chile y Perú. Colombia fue invitada a formar parte de la Junta de Paz.",
            pairs(&[
                ("new:Hungary", "signed"),
                ("new:Chile", "signed"),
                ("new:Peru", "signed"),
                ("new:Colombia", "invited"),
            ]),
        ),
        (
            "de",
            "Ungarn hat die Einladung zum Friedensrat angenommen. Kanada hat die Teilnahme abgelehnt.",
            pairs(&[("new:Hungary", "accepted"), ("new:Canada", "declined")]),
        ),
        (
            "fr",
            "La Hongrie a accepté l'invitation à rejoindre le Conseil de paix. Le Canada a refusé l'invitation.",
            pairs(&[("new:Hungary", "accepted"), ("new:Canada", "declined")]),
        ),
        (
            "tr",
            "Macaristan, Arjantin ve Kazakistan tüzüğü imzaladı. Türkiye'nin daveti kabul ettiği açıklandı.",
            pairs(&[
                ("new:Hungary", "signed"),
                ("new:Argentina", "signed"),
                ("new:Kazakhstan", "signed"),
            ]),
        ),
    ];
    let d = embedded();
    let e = Extractor::new(&d);
    for (language, text, expected) in cases {
        assert_eq!(e.language(text), *language, "{text}");
        let got: Vec<(String, String)> = e
            .suggest(text, published())
            .iter()
            .map(|s| (name(&d, s), s.fact.value_label()))
            .collect();
        assert_eq!(&got, expected, "{language}: {text}");
    }
}

#[test]
fn withdrawals_admissions_and_observer_status() {
    assert_eq!(
        facts("Canada's invitation was rescinded on Monday."),
        pairs(&[("new:Canada", "invitation withdrawn")])
    );
    assert_eq!(
        facts("Norway announced its withdrawal from the board."),
        pairs(&[("new:Norway", "withdrawn")])
    );
    assert_eq!(
        facts("Kosovo became the latest country to join the board."),
        pairs(&[("new:Kosovo", "member")])
    );
    assert_eq!(
        facts("Malta was granted observer status."),
        pairs(&[("new:Malta", "observer")])
    );
}

#[test]
fn a_capacity_before_a_verb_that_comes_last() {
    let d = embedded();
    let e = Extractor::new(&d);
    assert_eq!(
        read(
            &e,
            &d,
            "İtalya toplantıya gözlemci olarak katıldı ve Macaristan kurula üye oldu."
        ),
        pairs(&[("new:Italy", "observer"), ("new:Hungary", "member")])
    );
}

#[test]
fn inflected_names_and_amounts_in_other_languages() {
    let d = embedded();
    let e = Extractor::new(&d);
    let got = read(
        &e,
        &d,
        "В состав Совета мира вошли Венгрия, Казахстан и Узбекистан.",
    );
    assert_eq!(
        got,
        all(
            "member",
            &["new:Hungary", "new:Kazakhstan", "new:Uzbekistan"]
        )
    );
    let found = e.suggest(
        "Katar zahlt eine Milliarde Dollar für den Friedensrat.",
        published(),
    );
    assert_eq!(
        found[0].fact,
        Fact::Pledge(Money {
            amount: 1_000_000_000,
            currency: "USD".into()
        })
    );
}

/// A dataset about another body: nothing of the Board of Peace in it.
fn arctic() -> Dataset {
    let mut d = DatasetBuilder::new("Arctic Council")
        .actor("norway", "Norway", ActorKind::State)
        .build();
    d.body.aliases = vec!["the Council".into()];
    d.sub_bodies.push(Body {
        id: "shipping".into(),
        name: "Working Group on Shipping".into(),
        aliases: vec!["shipping group".into()],
        parent: Some(d.body.id.clone()),
        ..Default::default()
    });
    d
}

#[test]
fn another_body_s_names_are_found_from_its_dataset() {
    let d = arctic();
    let e = Extractor::new(&d);
    let found = e.suggest(
        "Norway joined the Arctic Council in 1996. Iceland was named to the Working Group on Shipping.",
        published(),
    );
    let got: Vec<(String, String, Option<&str>)> = found
        .iter()
        .map(|s| (name(&d, s), s.fact.value_label(), s.body.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("norway".to_string(), "member".to_string(), None),
            (
                "new:Iceland".to_string(),
                "member".to_string(),
                Some("shipping")
            ),
        ]
    );
}

#[test]
fn a_body_the_dataset_lacks_is_suggested_and_accepting_creates_it() {
    let mut d = arctic();
    let text = "Finland was named to the Polar Research Committee.";
    d.sources.push(board_explorer::model::Source {
        id: "wire".into(),
        title: "Wire".into(),
        text: text.into(),
        ..Default::default()
    });
    let found = Extractor::new(&d).suggest(text, published());
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].body.as_deref(), Some("polar-research-committee"));
    assert_eq!(
        found[0].new_body.as_deref(),
        Some("Polar Research Committee")
    );
    let edit = accept_suggestions(&d, "wire", &found);
    edit.apply(&mut d).expect("the edit applies");
    let body = d.body_by_id("polar-research-committee").expect("created");
    assert_eq!(body.name, "Polar Research Committee");
    assert_eq!(
        d.claims.last().unwrap().body.as_deref(),
        Some("polar-research-committee")
    );
}

const USER_TABLE: &str = r#"
#![enable(implicit_some)]
(
    language: "en",
    classes: { ListIntro: ["roll call"] },
    rules: [
        (name: "rallied behind", forms: ["rallied behind"], voice: Active, actor: Subject,
            states: Fact("status=accepted"), weight: 0.7, lists: true),
    ],
)
"#;

#[test]
fn a_user_s_table_adds_a_rule_and_a_list_introducer_without_a_rebuild() {
    let d = embedded();
    let text = "Those who rallied behind the board, a roll call Chile, Peru and Ireland, met.";
    assert!(read(&Extractor::new(&d), &d, text).is_empty());
    let table: Table = parse_table("mine.rules.ron", USER_TABLE).expect("parses");
    let rules = RuleSet::with(&[table]).expect("compiles");
    let e = Extractor::with_rules(&d, std::sync::Arc::new(rules));
    assert_eq!(
        read(&e, &d, text),
        all("accepted", &["new:Chile", "new:Peru", "ireland"])
    );
}

#[test]
fn a_table_beside_the_dataset_is_read_by_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("d.ron");
    std::fs::write(&data, board_explorer::store::to_ron(&embedded())).unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "Chile rallied behind the board.").unwrap();
    let args = [
        "suggest",
        data.to_str().unwrap(),
        "--text",
        article.to_str().unwrap(),
        "--date",
        "2026-03-04",
        "--format",
        "json",
    ];
    let (ok, out, err) = run(&args);
    assert!(ok, "{err}");
    assert_eq!(out.trim(), "[]");
    std::fs::write(dir.path().join("mine.rules.ron"), USER_TABLE).unwrap();
    let (ok, out, err) = run(&args);
    assert!(ok, "{err}");
    let rows: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(rows[0]["actor_name"], "Chile");
    assert_eq!(rows[0]["value"], "accepted");
    assert_eq!(rows[0]["rule"], "rallied behind: 'rallied behind'");
    // A table that does not parse is refused with its file and position.
    std::fs::write(dir.path().join("bad.rules.ron"), "(language: ").unwrap();
    let (ok, _, err) = run(&args);
    assert!(!ok);
    assert!(err.contains("bad.rules.ron"), "{err}");
}

#[test]
fn the_language_can_be_chosen_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "Chile aceptó la invitación.").unwrap();
    let (ok, out, err) = run(&[
        "suggest",
        "--text",
        article.to_str().unwrap(),
        "--date",
        "2026-03-04",
        "--language",
        "es",
    ]);
    assert!(ok, "{err}");
    assert!(out.starts_with("Read as es\n"), "{out}");
    let (ok, _, err) = run(&[
        "suggest",
        "--text",
        article.to_str().unwrap(),
        "--date",
        "2026-03-04",
        "--language",
        "xx",
    ]);
    assert!(!ok);
    assert!(err.contains("no rule table reads \"xx\""), "{err}");
    // What was typed cannot forge a line of the message.
    let (ok, _, err) = run(&[
        "suggest",
        "--text",
        article.to_str().unwrap(),
        "--date",
        "2026-03-04",
        "--language",
        "x\nerror: forged",
    ]);
    assert!(!ok);
    assert_eq!(
        err.lines().filter(|l| l.starts_with("error:")).count(),
        1,
        "{err}"
    );
}
