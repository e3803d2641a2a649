//! Extraction on sentences written for these tests, against the embedded dataset's actors:
//! who is invited (not the inviter), lists, passives, reported speech, negation, new actors
//! with their office, aliases by office and country, names in other scripts, relative days.

use board_explorer::model::extract::{Extractor, SuggestedActor, Suggestion, sentences};
use board_explorer::model::text::mentions::MentionFinder;
use board_explorer::model::{ActorKind, Dataset, Fact, PartialDate, Role, Status};
use board_explorer::store::embedded;
use chrono::NaiveDate;

/// 2026-01-21 is a Wednesday.
fn published() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2026, 1, 21)
}

fn run(text: &str) -> (Dataset, Vec<Suggestion>) {
    let d = embedded();
    let found = Extractor::new(&d).suggest(text, published());
    (d, found)
}

fn name(d: &Dataset, s: &Suggestion) -> String {
    match &s.actor {
        SuggestedActor::Known(i) => d.actors[*i].id.clone(),
        SuggestedActor::New(n) => format!("new:{}", n.name),
    }
}

/// (actor id or "new:Name", value label) of every suggestion.
fn facts(text: &str) -> Vec<(String, String)> {
    let (d, found) = run(text);
    found
        .iter()
        .map(|s| (name(&d, s), s.fact.value_label()))
        .collect()
}

fn pair(a: &str, v: &str) -> (String, String) {
    (a.to_string(), v.to_string())
}

#[test]
fn the_inviter_is_not_invited() {
    let f = facts(
        "US President Donald Trump has invited Turkish President Recep Tayyip Erdogan to join the board.",
    );
    assert_eq!(f, [pair("erdogan", "invited")]);
}

#[test]
fn every_member_of_a_list_gets_the_fact() {
    let f = facts("Israel, Belarus and Hungary have agreed to join the Board of Peace.");
    assert_eq!(
        f,
        [
            pair("israel", "accepted"),
            pair("belarus", "accepted"),
            pair("new:Hungary", "accepted")
        ]
    );
}

#[test]
fn the_passive_gives_the_fact_to_the_person_named_not_their_state() {
    let f = facts("Officials said Russian President Vladimir Putin was invited.");
    assert_eq!(f, [pair("putin", "invited")]);
}

#[test]
fn reported_speech_goes_to_the_one_who_acts() {
    assert_eq!(
        facts("Peskov said Russia is studying the proposal."),
        [pair("russia", "reviewing")]
    );
    assert_eq!(
        facts("The Kremlin said it is reviewing the invitation."),
        [pair("russia", "reviewing")]
    );
    assert_eq!(
        facts("Netanyahu said on Tuesday that he has accepted the invitation."),
        [pair("netanyahu", "accepted")]
    );
}

#[test]
fn negation_reverses_or_cancels() {
    assert_eq!(
        facts("Ireland will not join the board."),
        [pair("ireland", "declined")]
    );
    assert!(facts("Ireland has not accepted the invitation.").is_empty());
    assert!(facts("Canada refuses to pay the fee to join the board.").is_empty());
    assert_eq!(
        facts("Ireland declined the invitation on Monday."),
        [pair("ireland", "declined")]
    );
}

#[test]
fn invitations_sent_to_leaders_reach_each_state_s_leader() {
    // The leaders of a list of states: the dataset's leader of each where it has one (al-Sisi
    // represents Egypt, Netanyahu Israel), else a new person who represents the state.
    let f = facts("Invitations have also been sent to leaders in Paraguay, Egypt and Israel.");
    assert_eq!(
        f,
        [
            pair("new:Leader of Paraguay", "invited"),
            pair("al-sisi", "invited"),
            pair("netanyahu", "invited")
        ]
    );
    let (_, found) = run("Invitations have also been sent to leaders in Paraguay.");
    let SuggestedActor::New(n) = &found[0].actor else {
        panic!("a new leader")
    };
    assert_eq!(n.kind, ActorKind::Person);
    assert_eq!(n.country, "Paraguay");
    assert_eq!(n.represents.as_deref(), Some("paraguay"));
}

#[test]
fn new_people_come_with_their_office_and_whom_they_represent() {
    let (_, found) = run(
        "World Bank President Ajay Banga has accepted an invitation to join the Gaza Executive Board.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    let s = &found[0];
    let SuggestedActor::New(n) = &s.actor else {
        panic!("a new actor: {s:?}")
    };
    assert_eq!(n.name, "Ajay Banga");
    assert_eq!(n.kind, ActorKind::Person);
    assert_eq!(n.office.as_deref(), Some("President"));
    assert_eq!(n.represents.as_deref(), Some("world-bank"));
    assert_eq!(s.fact, Fact::Status(Status::Accepted));
    assert_eq!(s.body.as_deref(), Some("gaza-executive-board"));
}

#[test]
fn an_office_and_a_country_find_the_known_office_holder_and_offer_the_name_as_alias() {
    let (d, found) =
        run("Hungarian Prime Minister Viktor Orbán said on Tuesday he would join the board.");
    assert_eq!(found.len(), 1, "{found:?}");
    let s = &found[0];
    assert_eq!(name(&d, s), "hungary-pm");
    assert_eq!(s.new_alias.as_deref(), Some("Viktor Orbán"));
    assert_eq!(s.fact, Fact::Status(Status::Accepted));
    assert_eq!(s.as_of, Some(PartialDate::day(2026, 1, 20).unwrap()));
}

#[test]
fn names_in_another_script_match_their_actor() {
    let d = embedded();
    let text = "Трамп встретился с Лукашенко.";
    let named: Vec<&str> = MentionFinder::new(&d.actors)
        .find(text)
        .into_iter()
        .map(|m| d.actors[m.actor].id.as_str())
        .collect();
    assert_eq!(named, ["trump", "lukashenko"]);
}

#[test]
fn relative_days_resolve_against_publication() {
    let (_, found) =
        run("Belarus accepted the invitation on Monday. Ireland declined it on Jan. 20.");
    let days: Vec<String> = found.iter().map(|s| s.as_of.unwrap().to_string()).collect();
    assert_eq!(days, ["2026-01-19", "2026-01-20"]);
}

#[test]
fn quotes_are_the_shortest_span_and_sentences_survive_abbreviations() {
    let text = "Putin invited to join board\nThe U.S. envoy said on Jan. 20 that Belarus has accepted the invitation, officials said.";
    let (d, found) = run(text);
    let quotes: Vec<(String, &str)> = found
        .iter()
        .map(|s| (name(&d, s), &text[s.start..s.end]))
        .collect();
    assert_eq!(
        quotes,
        [
            ("putin".to_string(), "Putin invited to join"),
            ("belarus".to_string(), "Belarus has accepted the invitation"),
        ]
    );
    let s = &found[1];
    assert_eq!(
        &text[s.sentence.clone()],
        "The U.S. envoy said on Jan. 20 that Belarus has accepted the invitation, officials said."
    );
    assert_eq!(sentences(text).len(), 2);
}

#[test]
fn executive_board_members_belong_to_that_body_and_founding_roles_are_stated() {
    // The body is the dataset's, found by one of its names ("executive committee").
    let mut d = embedded();
    d.sub_bodies.push(board_explorer::model::Body {
        id: "exec".into(),
        name: "Executive Board".into(),
        aliases: vec!["executive committee".into()],
        parent: Some(d.body.id.clone()),
        ..Default::default()
    });
    let found = Extractor::new(&d).suggest(
        "The board's executive committee, which includes Israel, will meet. Trump invited Belarus to join as a founding member.",
        published(),
    );
    let got: Vec<(String, Fact, Option<&str>)> = found
        .iter()
        .map(|s| (name(&d, s), s.fact.clone(), s.body.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "israel".to_string(),
                Fact::Status(Status::Member),
                Some("exec")
            ),
            ("belarus".to_string(), Fact::Status(Status::Invited), None),
            (
                "belarus".to_string(),
                Fact::Role(Role::FoundingMember),
                None
            ),
        ]
    );
}

#[test]
fn confidence_is_a_probability_and_json_rows_carry_the_labels() {
    let d = embedded();
    let e = Extractor::new(&d);
    let text = "Canada has agreed to join. Ireland won't join the board.";
    let found = e.suggest(text, published());
    assert_eq!(found.len(), 2);
    for s in &found {
        assert!((0.0..=1.0).contains(&s.confidence));
    }
    let row = e.row(text, &found[0]);
    assert_eq!(row.actor_id, None);
    assert!(row.new_actor);
    assert_eq!(row.actor_name, "Canada");
    assert_eq!(row.kind, "state");
    assert_eq!(row.property, "status");
    assert_eq!(row.value, "accepted");
    assert_eq!(row.as_of.as_deref(), Some("2026-01-21"));
    assert_eq!(row.quote, "Canada has agreed to join");
    let row = e.row(text, &found[1]);
    assert_eq!(row.actor_id.as_deref(), Some("ireland"));
    assert_eq!(row.value, "declined");
}

#[test]
fn active_requests_pronoun_lists_and_negated_receipts() {
    assert_eq!(
        facts("The U.S. has asked Ireland to join, while Israel declined to comment."),
        [pair("ireland", "invited")]
    );
    assert_eq!(
        facts("Israel and Belarus said they would not take part in the initiative."),
        [pair("israel", "declined"), pair("belarus", "declined")]
    );
    assert!(facts("Ireland has not received an invitation, its ministry said.").is_empty());
    assert_eq!(
        facts("Putin, who was invited last week, has not responded."),
        [pair("putin", "invited")]
    );
    assert_eq!(
        facts("The Executive Board members are Marco Rubio and Steve Witkoff."),
        [pair("rubio", "member"), pair("witkoff", "member")]
    );
}

#[test]
fn conditions_state_nothing_and_potential_members_are_proposed() {
    assert!(facts("If Putin accepts the invitation, it would be a return.").is_empty());
    assert!(facts("It is unclear whether Ireland will join the board.").is_empty());
    assert_eq!(
        facts("Israel has yet to decide whether to join."),
        [pair("israel", "reviewing")]
    );
    assert_eq!(
        facts("Israel and Ireland have so far declined to join."),
        [pair("israel", "declined"), pair("ireland", "declined")]
    );
    assert_eq!(
        facts("Potential members include Tony Blair and US Secretary of State Marco Rubio."),
        [pair("blair", "proposed"), pair("rubio", "proposed")]
    );
    assert_eq!(
        facts(
            "Trump himself chairs the board, which also includes Trump's son-in-law Jared Kushner and Steve Witkoff."
        ),
        [
            pair("trump", "chair"),
            pair("kushner", "member"),
            pair("witkoff", "member")
        ]
    );
}

#[test]
fn an_owner_after_the_invitation_is_not_the_invited_one() {
    assert!(
        facts("Ireland rejects invitation to Trump's peace council")
            .contains(&pair("ireland", "declined"))
    );
    assert!(
        !facts("Ireland rejects invitation to Trump's peace council")
            .iter()
            .any(|(a, _)| a == "trump")
    );
    let f = facts("Israel accepted an invitation from President Donald Trump on Monday.");
    assert_eq!(f, [pair("israel", "accepted")]);
    let f = facts("Trump withdrew the invitation for Belarus to join the board.");
    assert!(!f.contains(&pair("belarus", "invited")));
}

#[test]
fn companions_after_alongside_share_the_fact() {
    let f = facts(
        "Trump signed the council's charter in Riyadh on Monday alongside several heads of state, including Argentine President Javier Milei and Turkish President Recep Tayyip Erdogan.",
    );
    assert_eq!(
        f,
        [
            pair("trump", "signed"),
            pair("milei", "signed"),
            pair("erdogan", "signed")
        ]
    );
    let f = facts("Marco Rubio was appointed to the Executive Board along with Steve Witkoff.");
    assert_eq!(f, [pair("rubio", "member"), pair("witkoff", "member")]);
}

#[test]
fn an_apposition_between_commas_stands_beside_its_name() {
    let f = facts(
        "Jared Kushner, the president's son-in-law, has been named to the executive committee.",
    );
    assert_eq!(f, [pair("kushner", "member")]);
}

#[test]
fn a_second_verb_shares_the_subject_of_the_first() {
    let f = facts("Ireland had been invited but will not join the board.");
    assert_eq!(f, [pair("ireland", "invited"), pair("ireland", "declined")]);
    // A new clause with its own subject does not borrow it.
    let f = facts("Ireland had been invited, and the ministry will not comment.");
    assert_eq!(f, [pair("ireland", "invited")]);
}

#[test]
fn ranking_first_to_accept_is_an_acceptance() {
    let f = facts("Israel and Belarus were among the first countries to accept.");
    assert_eq!(f, [pair("israel", "accepted"), pair("belarus", "accepted")]);
    assert!(facts("Israel was the last country to be asked.").is_empty());
}

#[test]
fn a_stated_founding_membership_is_a_role_but_a_possible_one_is_not() {
    let f = facts("\"Belarus will be a founding member,\" the minister said.");
    assert_eq!(f, [pair("belarus", "founding member")]);
    assert!(facts("Belarus could be a founding member.").is_empty());
    assert!(facts("Belarus will not be a founding member.").is_empty());
}

#[test]
fn refusing_to_sign_and_signing_up() {
    let f = facts("Ireland said it would not sign the charter.");
    assert_eq!(f, [pair("ireland", "declined")]);
    let f = facts("Belarus signed up to the board on Monday.");
    assert_eq!(f, [pair("belarus", "accepted")]);
}

#[test]
fn lower_case_offices_and_titles_before_one_name_make_new_people() {
    let f = facts("Austria's foreign minister Karin Weber declined the invitation.");
    assert_eq!(f, [pair("new:Karin Weber", "declined")]);
    let f = facts("King Harald was invited to join.");
    assert_eq!(f, [pair("new:Harald", "invited")]);
}

#[test]
fn his_country_stands_for_the_person_named_before() {
    let f = facts("Turkish President Recep Tayyip Erdogan said his country would join the board.");
    assert_eq!(f, [pair("erdogan", "accepted")]);
}

#[test]
fn the_datasets_own_sub_body_id_replaces_the_extractors() {
    let (_, found) = run("Mark Carney was named to the Palestinian technocratic committee.");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].body.as_deref(), Some("gaza-committee"));
    let (_, found) = run("Mark Carney was named to the Gaza Executive Board.");
    assert_eq!(found[0].body.as_deref(), Some("gaza-executive-board"));
}

#[test]
fn a_possible_invitation_is_no_invitation() {
    assert!(facts("Ireland may be invited to join later.").is_empty());
    assert!(facts("Ireland is expected to be invited.").is_empty());
    assert_eq!(facts("Ireland was invited."), [pair("ireland", "invited")]);
}

#[test]
fn a_pledge_to_join_is_an_acceptance_and_a_comma_may_precede_together_with() {
    let f = facts("Israel, Belarus pledge to join peace council");
    assert_eq!(f, [pair("israel", "accepted"), pair("belarus", "accepted")]);
    let f = facts("Marco Rubio was named to the Executive Board, together with Jared Kushner.");
    assert_eq!(f, [pair("rubio", "member"), pair("kushner", "member")]);
}

#[test]
fn list_members_with_lower_case_offices_and_joined_particles() {
    let f = facts(
        "The Gaza Executive Board will include Jordanian intelligence chief Omar Haddad and Saudi envoy Faisal al-Rashidi.",
    );
    assert_eq!(
        f,
        [
            pair("new:Omar Haddad", "member"),
            pair("new:Faisal al-Rashidi", "member")
        ]
    );
}

#[test]
fn named_to_head_a_body_is_its_chair() {
    let (d, found) = run(
        "The board named Tony Blair, a former prime minister, to head the Palestinian technocratic committee.",
    );
    let f: Vec<_> = found
        .iter()
        .map(|s| (name(&d, s), s.fact.value_label(), s.body.clone()))
        .collect();
    assert_eq!(
        f,
        [(
            "blair".to_string(),
            "chair".to_string(),
            Some("gaza-committee".to_string())
        )]
    );
}

/// The actors a list names, known and new, each once: what the claim form offers one claim
/// each for, whether or not a rule reads a fact in the sentence.
#[test]
fn a_list_of_states_names_each_once_known_or_new() {
    use board_explorer::model::extract::{Extractor, SuggestedActor};
    let d = board_explorer::store::embedded();
    let x = Extractor::new(&d);
    let text = "The charter was signed on Thursday by Armenia, Azerbaijan, Bahrain, Bulgaria, \
                Hungary, Indonesia, Jordan, Kazakhstan, Kosovo, Mongolia, Morocco, Pakistan, \
                Paraguay, Qatar, Saudi Arabia, Turkey, the United Arab Emirates, Uzbekistan, \
                Albania, Belarus, Egypt, Argentina, Vietnam, Kuwait and Oman.";
    let named = x.actors_named(text, 0..text.len(), "en");
    let names: Vec<String> = named
        .iter()
        .map(|a| match a {
            SuggestedActor::Known(k) => d.actors[*k].name.clone(),
            SuggestedActor::New(n) => format!("new {}", n.name),
        })
        .collect();
    assert_eq!(names.len(), 25, "{names:?}");
    assert!(names.iter().any(|n| n == "new Armenia"), "{names:?}");
    // Only inside the span.
    let from = text.find("Qatar").unwrap();
    let fewer = x.actors_named(text, from..text.len(), "en");
    assert_eq!(fewer.len(), 12, "{fewer:?}");
}
