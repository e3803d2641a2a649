//! Model functions checked against the embedded Board of Peace dataset. They live here, not
//! beside the code, because the model never reaches the store, not even in its unit tests.

mod timeline {
    use board_explorer::model::Index;
    use board_explorer::model::derive::timeline::{LaneMode, lanes};

    #[test]
    fn lanes_group_the_embedded_events() {
        let d = board_explorer::store::embedded();
        let index = Index::build(&d);
        let by_source = lanes(&d, &index, LaneMode::Source, |_| true);
        let labels: Vec<&str> = by_source.iter().map(|l| l.label.as_str()).collect();
        assert_eq!(labels, vec!["DPA", "Unnamed outlet"]);
        let by_actor = lanes(&d, &index, LaneMode::Actor, |_| true);
        assert!(by_actor.iter().any(|l| l.label == "Vladimir Putin"));
        let kinds = lanes(&d, &index, LaneMode::Kind, |_| true);
        assert!(kinds.iter().any(|l| l.label == "state"));
    }
}

mod diff {
    use board_explorer::model::merge::diff::*;
    use chrono::NaiveDate;

    fn day(s: &str) -> Option<NaiveDate> {
        Some(s.parse().unwrap())
    }

    #[test]
    fn the_day_the_invitations_became_known() {
        let d = board_explorer::store::embedded();
        let changes = diff(
            Side {
                dataset: &d,
                as_of: day("2026-01-18"),
            },
            Side {
                dataset: &d,
                as_of: day("2026-01-19"),
            },
        );
        let joined: Vec<&str> = changes
            .iter()
            .filter(|c| c.kind == ChangeKind::Joined)
            .map(|c| c.subject.as_str())
            .collect();
        for name in [
            "Vladimir Putin",
            "Alexander Lukashenko",
            "Recep Tayyip Erdoğan",
            "Javier Milei",
            "Abdel Fattah al-Sisi",
        ] {
            assert!(joined.contains(&name), "{name} missing from {joined:?}");
        }
        let putin = changes
            .iter()
            .find(|c| c.subject == "Vladimir Putin")
            .unwrap();
        assert_eq!(putin.text, "Vladimir Putin appears: status reviewing");
        let text = report(&changes);
        assert!(text.starts_with("Joined the roster:\n"), "{text}");
        // Nothing was added or removed: the same dataset, two days.
        assert!(!changes.iter().any(|c| c.kind == ChangeKind::ClaimAdded));
    }

    #[test]
    fn edits_between_two_datasets_are_listed() {
        let old = board_explorer::store::embedded();
        let mut new = old.clone();
        let putin = new
            .claims
            .iter()
            .position(|c| {
                c.id.contains("putin") && matches!(c.fact, board_explorer::model::Fact::Status(_))
            })
            .unwrap();
        new.claims[putin].rank = board_explorer::model::Rank::Deprecated;
        new.claims.retain(|c| !c.id.starts_with("c-witkoff"));
        new.sources.push(board_explorer::model::Source {
            id: "new".into(),
            title: "Later report".into(),
            outlet: "AFP".into(),
            ..Default::default()
        });
        let changes = diff(
            Side {
                dataset: &old,
                as_of: None,
            },
            Side {
                dataset: &new,
                as_of: None,
            },
        );
        let text = report(&changes);
        assert!(
            text.contains("Steve Witkoff no longer has a standing"),
            "{text}"
        );
        assert!(
            text.contains("claim removed: Steve Witkoff status member"),
            "{text}"
        );
        assert!(text.contains("source added: Later report (AFP)"), "{text}");
        assert_eq!(
            report(&diff(
                Side {
                    dataset: &old,
                    as_of: None
                },
                Side {
                    dataset: &old,
                    as_of: None
                }
            )),
            "No changes.\n"
        );
    }
}

mod source_ops {
    use board_explorer::model::data::source_ops::*;
    use board_explorer::model::rules::validate::validate;
    use board_explorer::model::text::content_hash;
    use board_explorer::model::{Anchor, Dataset, Edit, Fact, PartialDate, Status, Subject};

    fn day() -> PartialDate {
        "2026-01-20".parse().unwrap()
    }

    fn draft(text: &str) -> SourceDraft {
        SourceDraft {
            outlet: "Wire".into(),
            title: "A report".into(),
            published: Some(day()),
            text: text.into(),
            ..Default::default()
        }
    }

    fn with_claim() -> Dataset {
        let mut d = board_explorer::store::embedded();
        let (edit, _) = add_source(&d, draft("Putin was invited.\nTrump chairs."), day()).unwrap();
        edit.apply(&mut d).unwrap();
        let s = d.sources.len() - 1;
        let at = d.sources[s].text.find("Trump chairs").unwrap();
        quoted_claim(
            &d,
            s,
            (at, at + "Trump chairs".len()),
            Subject::Actor("trump".into()),
            Fact::Status(Status::Member),
        )
        .unwrap()
        .apply(&mut d)
        .unwrap();
        d
    }

    #[test]
    fn an_imported_source_is_stored_normalised_with_a_fresh_id() {
        let d = board_explorer::store::embedded();
        let mut html =
            draft("<p>Putin &amp; Lukashenko</p><script>x()</script><p>were invited.</p>");
        html.html = true;
        let (edit, id) = add_source(&d, html, day()).unwrap();
        assert_eq!(id, "wire-2026-01-20");
        let Edit::InsertSource { source, .. } = edit else {
            panic!("not an insert")
        };
        assert!(
            source.text.contains("Putin & Lukashenko"),
            "{}",
            source.text
        );
        assert!(!source.text.contains("x()"));
        assert_eq!(source.hash, content_hash(&source.text));
    }

    #[test]
    fn refuses_a_source_without_text_or_name() {
        let d = board_explorer::store::embedded();
        assert!(add_source(&d, draft("  \n "), day()).is_err());
        let mut nameless = draft("text");
        (nameless.outlet, nameless.title) = (String::new(), " ".into());
        assert!(add_source(&d, nameless, day()).is_err());
    }

    #[test]
    fn a_claim_from_a_selection_quotes_it_and_validates() {
        let d = with_claim();
        let claim = d.claims.last().unwrap();
        assert_eq!(claim.quote.as_ref().unwrap().exact, "Trump chairs");
        assert_eq!(claim.as_of, Some(day()));
        assert!(
            validate(&d)
                .iter()
                .all(|p| p.severity != board_explorer::model::rules::validate::Severity::Error)
        );
        let s = d.sources.len() - 1;
        assert!(quoted_claim(&d, s, (3, 3), claim.subject.clone(), claim.fact.clone()).is_err());
    }

    #[test]
    fn editing_the_text_re_anchors_moved_quotes_and_flags_lost_ones() {
        let mut d = with_claim();
        let s = d.sources.len() - 1;
        let mut prefixed = SourceDraft::of(&d.sources[s]);
        prefixed.text = format!("Update: {}", prefixed.text);
        let (edit, report) = edit_source(&d, s, prefixed).unwrap();
        assert_eq!(
            report,
            Reanchored {
                moved: 1,
                orphaned: 0
            }
        );
        edit.apply(&mut d).unwrap();
        let q = d.claims.last().unwrap().quote.clone().unwrap();
        assert_eq!(q.anchor(&d.sources[s].text), Anchor::Exact);

        let mut changed = SourceDraft::of(&d.sources[s]);
        changed.text = changed.text.replace("Trump chairs", "Trump leads");
        let (edit, report) = edit_source(&d, s, changed).unwrap();
        assert_eq!(
            report,
            Reanchored {
                moved: 0,
                orphaned: 1
            }
        );
        edit.apply(&mut d).unwrap();
        assert_eq!(
            d.claims.last().unwrap().quote.as_ref(),
            Some(&q),
            "kept, not moved"
        );
    }

    #[test]
    fn deleting_a_source_takes_its_claims_and_undoes_exactly() {
        let d = board_explorer::store::embedded();
        let before = d.clone();
        let at = d
            .sources
            .iter()
            .position(|s| s.id == "dpa-2026-01-19")
            .unwrap();
        let cited = d
            .claims
            .iter()
            .filter(|c| c.source == "dpa-2026-01-19")
            .count();
        let (edit, claims) = delete_source(&d, at);
        assert_eq!(claims, cited);
        let mut after = d;
        let undo = edit.apply(&mut after).unwrap();
        assert!(after.claims.iter().all(|c| c.source != "dpa-2026-01-19"));
        assert!(
            after
                .events
                .iter()
                .all(|e| !e.sources.iter().any(|s| s == "dpa-2026-01-19"))
        );
        assert!(
            validate(&after)
                .iter()
                .all(|p| p.severity != board_explorer::model::rules::validate::Severity::Error)
        );
        undo.apply(&mut after).unwrap();
        assert_eq!(after, before);
    }
}
