//! Comparing the two embedded articles, finding known actors in their text, and importing a
//! new report: the model behind the Sources tab and the `compare` / `import-source` commands.

use board_explorer::model::derive::compare::{
    ClaimMatrix, Verdict, anchor_claims, compare, segments,
};
use board_explorer::model::extract::{Extractor, SuggestedActor};
use board_explorer::model::text::mentions::{MentionFinder, sentence};
use board_explorer::model::{Dataset, Fact, Index, Property, Role, Status, Subject};
use board_explorer::store::embedded;

const A: &str = "report-a";
const DPA: &str = "dpa-2026-01-19";

fn matrix(d: &Dataset) -> ClaimMatrix {
    compare(d, &Index::build(d), &[A.to_string(), DPA.to_string()])
}

fn verdict(m: &ClaimMatrix, subject: Subject, property: Property) -> Verdict {
    m.rows
        .iter()
        .find(|r| r.subject == subject && r.property == property)
        .unwrap_or_else(|| panic!("no row for {subject:?} {property:?}"))
        .verdict
}

fn actor(id: &str) -> Subject {
    Subject::Actor(id.into())
}

#[test]
fn trump_expected_to_chair_against_chairs_is_a_conflict_of_status() {
    let d = embedded();
    let m = matrix(&d);
    // Both say he chairs; one says the board is only proposed with him expected to chair,
    // the other that he "himself chairs" it.
    assert_eq!(verdict(&m, actor("trump"), Property::Role), Verdict::Agree);
    // Under the one rule (issue #12) "proposed" then "member" is one life-cycle path: the
    // sources differ, and the row says so, but it is history, not a conflict.
    assert_eq!(
        verdict(&m, actor("trump"), Property::Status),
        Verdict::History
    );
    let row = m
        .rows
        .iter()
        .find(|r| r.subject == actor("trump") && r.property == Property::Status)
        .unwrap();
    assert_eq!(row.values(&d, 0), [&Fact::Status(Status::Proposed)]);
    assert_eq!(row.values(&d, 1), [&Fact::Status(Status::Member)]);
}

#[test]
fn the_member_lists_differ() {
    let d = embedded();
    let m = matrix(&d);
    // Source A names Carney among potential members; DPA names Kushner and Witkoff.
    assert_eq!(
        verdict(&m, actor("carney"), Property::Status),
        Verdict::Single
    );
    for who in ["kushner", "witkoff"] {
        assert_eq!(verdict(&m, actor(who), Property::Status), Verdict::Single);
        assert_eq!(verdict(&m, actor(who), Property::Role), Verdict::Single);
    }
    // Blair and Rubio: "potential members" against "the board also includes".
    for who in ["blair", "rubio"] {
        assert_eq!(verdict(&m, actor(who), Property::Status), Verdict::History);
    }
}

#[test]
fn the_seat_rule_and_the_other_invitees_come_from_one_source() {
    let d = embedded();
    let m = matrix(&d);
    let body = Subject::Body(d.body.id.clone());
    assert_eq!(
        verdict(&m, body.clone(), Property::SeatThreshold),
        Verdict::Single
    );
    assert_eq!(verdict(&m, body, Property::TermYears), Verdict::Single);
    // An invitation is a status (one meaning per fact: the file's old `invited: yes` reads so).
    for who in ["hungary-pm", "india-pm"] {
        assert_eq!(verdict(&m, actor(who), Property::Status), Verdict::Single);
    }
    // Both report Putin's invitation and that the Kremlin is reviewing it.
    assert_eq!(
        verdict(&m, actor("putin"), Property::Status),
        Verdict::Agree
    );
    assert!(
        m.rows.iter().all(|r| r.property != Property::Invited),
        "no second row for the same meaning"
    );
}

#[test]
fn highlights_cover_every_quote_coloured_by_its_claim() {
    let d = embedded();
    let m = matrix(&d);
    let s = d.sources.iter().position(|s| s.id == DPA).unwrap();
    let anchored = anchor_claims(&d, s);
    assert!(anchored.orphaned.is_empty() && anchored.moved.is_empty());
    let segs = segments(&anchored.placed, |c| {
        m.claim_verdict(&d, c).expect("every DPA claim is compared")
    });
    let text = &d.sources[s].text;
    let chairs = text.find("Trump himself chairs").unwrap();
    let seg = segs
        .iter()
        .find(|g| g.start <= chairs && chairs < g.end)
        .expect("the chair sentence is highlighted");
    // "Himself chairs" against "expected to chair": a history under the one rule.
    assert_eq!(seg.verdict, Verdict::History);
    let kushner = text.find("Jared Kushner").unwrap();
    let seg = segs
        .iter()
        .find(|g| g.start <= kushner && kushner < g.end)
        .unwrap();
    assert!(
        seg.claims
            .iter()
            .any(|&c| d.claims[c].fact == Fact::Role(Role::Member))
    );
}

#[test]
fn mentions_of_known_actors_are_found_in_both_articles() {
    let d = embedded();
    let finder = MentionFinder::new(&d.actors);
    let a = &d.source(A).unwrap().text;
    let named: Vec<&str> = finder
        .find(a)
        .iter()
        .map(|m| d.actors[m.actor].id.as_str())
        .collect();
    for who in [
        "putin",
        "trump",
        "lukashenko",
        "blair",
        "carney",
        "rubio",
        "netanyahu",
    ] {
        assert!(named.contains(&who), "{who} not found in report A");
    }
    let leader = a.find("the Russian leader").unwrap();
    let m = finder.find(a);
    let at = m.iter().find(|m| m.start == leader).expect("alias found");
    assert_eq!(d.actors[at.actor].id, "putin");
    // "Russian President Vladimir Putin" is one mention, not three.
    let first = a.find("Russian President Vladimir Putin").unwrap();
    let mention = m.iter().find(|m| m.start == first).unwrap();
    assert_eq!(
        &a[mention.start..mention.end],
        "Russian President Vladimir Putin"
    );

    let dpa = &d.source(DPA).unwrap().text;
    // The first sentence naming Kushner that the extractor reads something of him in (as the
    // claim-from-text form asks it): he is a member.
    let kushner = d.actors.iter().position(|a| a.id == "kushner").unwrap();
    let extractor = Extractor::new(&d);
    let (start, end, fact) = finder
        .find(dpa)
        .iter()
        .filter(|m| m.actor == kushner)
        .find_map(|m| {
            let (start, end) = sentence(dpa, m.start, m.end);
            let said = extractor.suggest(&dpa[start..end], None).into_iter();
            said.filter(|s| s.actor == SuggestedActor::Known(kushner))
                .map(|s| (start, end, s.fact))
                .next()
        })
        .unwrap();
    assert!(dpa[start..end].contains("Jared Kushner"));
    assert_eq!(fact, Fact::Status(Status::Member));
}
