//! What the real window showed a first-time user after the round-2 merges (issue 15), at
//! 800×600, 1024×700 and 1600×1000, and stays fixed.

use board_explorer::document::Document;
use board_explorer::model::Edit;
use board_explorer::session::Command;
use board_explorer::ui::{BoardExplorerApp, Tab};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use crate::common;

/// A column header, found by its title (the sorted one carries an arrow).
fn header(h: &Harness<'_, BoardExplorerApp>, title: &str) -> Option<egui::Rect> {
    h.query_all_by_role(Role::Button)
        .find(|n| {
            n.accesskit_node()
                .label()
                .is_some_and(|l| l == title || l.starts_with(&format!("{title} ")))
        })
        .map(|n| n.rect())
}

/// Asserts the label showing `text` is as wide as the text needs (not cut with "…").
fn whole(h: &Harness<'_, BoardExplorerApp>, text: &str, style: egui::TextStyle) {
    let rect = h.get_by_label(text).rect();
    let font = style.resolve(&h.ctx.global_style());
    let needed = h
        .ctx
        .fonts_mut(|f| f.layout_no_wrap(text.to_string(), font, egui::Color32::WHITE))
        .size()
        .x;
    assert!(
        rect.width() + 1.0 >= needed,
        "{text} is cut: {} of {needed} px",
        rect.width()
    );
}

/// The app on the embedded dataset saved as `board.ron` in `dir`, snapshots going to `dir`.
fn app_on_file(dir: &std::path::Path) -> Harness<'static, BoardExplorerApp> {
    let mut app = BoardExplorerApp::with_document(Document::embedded());
    app.session.set_snapshots_dir(dir.to_path_buf());
    let saved = app.session.perform(Command::SaveAs(dir.join("board.ron")));
    assert!(!saved.is_error(), "{saved:?}");
    let mut h = Harness::builder()
        .with_size([1024.0, 700.0])
        .with_step_dt(0.05)
        .build_ui_state(|ui, app: &mut BoardExplorerApp| app.ui(ui), app);
    h.run();
    h
}

/// Renames Putin: one unsaved change.
fn rename_putin(h: &mut Harness<'_, BoardExplorerApp>) {
    let d = h.state().session.dataset();
    let at = d.actors.iter().position(|a| a.id == "putin").unwrap();
    let mut actor = d.actors[at].clone();
    actor.name = "V. Putin".into();
    h.state_mut()
        .perform(Command::edit(Edit::ReplaceActor { at, actor }, "Rename"));
    h.run();
}

/// A snapshot of the saved file, then an unsaved change, then the snapshot opened read-only:
/// the working file waits behind it with unsaved work.
fn snapshot_over_unsaved_work(h: &mut Harness<'_, BoardExplorerApp>) -> std::path::PathBuf {
    let taken = h.state_mut().session.perform(Command::TakeSnapshot {
        note: "kept".into(),
    });
    let snapshot = taken.written.expect("snapshot written");
    rename_putin(h);
    h.state_mut()
        .perform(Command::OpenSnapshot(snapshot.clone()));
    h.run();
    assert!(h.state().session.read_only().is_some());
    snapshot
}

fn has_actor_named(h: &Harness<'_, BoardExplorerApp>, name: &str) -> bool {
    h.state()
        .session
        .dataset()
        .actors
        .iter()
        .any(|a| a.name == name)
}

#[test]
fn restoring_the_open_snapshot_over_unsaved_work_asks_and_cancel_keeps_both() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app_on_file(dir.path());
    snapshot_over_unsaved_work(&mut h);
    h.get_by_label("Restore as a new working file").click();
    h.run();
    // The usual question, naming the working file, not the snapshot.
    h.get_by_label("Save the changes to board.ron before restoring the snapshot?");
    h.get_by_label("Cancel").click();
    h.run();
    let ro = h
        .state()
        .session
        .read_only()
        .expect("still viewing the snapshot");
    assert!(ro.working().is_dirty(), "Cancel keeps the unsaved work");
    assert!(h.query_by_label_contains("before restoring").is_none());
    // Nothing was refused: no error in the status bar.
    assert!(h.state().window.notice.as_ref().is_none_or(|n| !n.is_error));
}

#[test]
fn restoring_the_open_snapshot_without_saving_drops_the_work_and_restores() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app_on_file(dir.path());
    snapshot_over_unsaved_work(&mut h);
    h.get_by_label("Restore as a new working file").click();
    h.run();
    h.get_by_label("Don't save").click();
    h.run();
    assert!(h.state().session.read_only().is_none());
    assert!(has_actor_named(&h, "Vladimir Putin"));
    assert!(!has_actor_named(&h, "V. Putin"));
    let title = h.state().session.document().window_title();
    assert!(title.contains("snapshot \"kept\""), "{title}");
    // The file on disk never saw the discarded change.
    let on_disk = std::fs::read_to_string(dir.path().join("board.ron")).unwrap();
    assert!(!on_disk.contains("V. Putin"));
}

#[test]
fn restoring_the_open_snapshot_after_saving_keeps_the_work_in_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app_on_file(dir.path());
    snapshot_over_unsaved_work(&mut h);
    h.get_by_label("Restore as a new working file").click();
    h.run();
    h.get_by_label("Save").click();
    h.run();
    let on_disk = std::fs::read_to_string(dir.path().join("board.ron")).unwrap();
    assert!(
        on_disk.contains("V. Putin"),
        "the work was saved to its file"
    );
    assert!(h.state().session.read_only().is_none());
    assert!(
        has_actor_named(&h, "Vladimir Putin"),
        "the snapshot is restored"
    );
    let doc = h.state().session.document();
    assert!(doc.path.is_none() && doc.window_title().contains("snapshot \"kept\""));
}

#[test]
fn a_wide_roster_shares_its_room_instead_of_leaving_a_gulf_after_the_name() {
    let h = common::app_on(Tab::Roster, [1600.0, 1000.0]);
    let name = header(&h, "Name").unwrap();
    let kind = header(&h, "Kind").unwrap();
    // The longest name is about 170 points; the Name column stays near that, not 600.
    assert!(
        kind.left() - name.left() < 320.0,
        "Name column {} wide at 1600",
        kind.left() - name.left()
    );
    // And the table still fills the window: ⚠ ends near the right edge.
    assert!(header(&h, "⚠").unwrap().right() > 1500.0);
}

#[test]
fn at_1024_the_roster_keeps_every_column_and_whole_names() {
    let h = common::app_on(Tab::Roster, [1024.0, 700.0]);
    for title in ["Kind", "Country", "Sources", "⚠"] {
        assert!(header(&h, title).is_some(), "{title} hidden at 1024");
    }
    whole(&h, "Prime Minister of Hungary", egui::TextStyle::Body);
}

#[test]
fn the_bodies_window_is_centred_and_shows_whole_names() {
    for size in [[800.0, 600.0], [1024.0, 700.0], [1600.0, 1000.0]] {
        let mut h = common::app_on(Tab::Roster, size);
        h.get_by_label("Bodies…").click();
        h.run();
        let title = h.get_by_label("Bodies").rect();
        assert!(
            (title.center().x - size[0] / 2.0).abs() < 40.0,
            "the Bodies window is not centred at {size:?}: its title at {title:?}"
        );
        assert!(title.top() > 60.0, "the Bodies window covers the menu");
        // Every body's name is readable in its field.
        let names: Vec<String> = {
            let d = h.state().session.dataset();
            std::iter::once(d.body.name.clone())
                .chain(d.sub_bodies.iter().map(|b| b.name.clone()))
                .collect()
        };
        let font = egui::TextStyle::Body.resolve(&h.ctx.global_style());
        let fields: Vec<egui::Rect> = h
            .get_all_by_role_and_label(Role::TextInput, "Name")
            .map(|n| n.rect())
            .collect();
        assert_eq!(fields.len(), names.len());
        for (name, field) in names.iter().zip(fields) {
            let needed = h
                .ctx
                .fonts_mut(|f| f.layout_no_wrap(name.clone(), font.clone(), egui::Color32::WHITE))
                .size()
                .x;
            assert!(
                field.width() >= needed.min(240.0),
                "{name} shows in a field {} wide at {size:?}",
                field.width()
            );
        }
    }
}

#[test]
fn the_conflict_column_stays_left_of_the_detail_pane_after_resizing() {
    let mut h = common::app_on(Tab::Roster, [1600.0, 1000.0]);
    h.get_by_label("Donald Trump").click();
    h.run();
    for size in [
        [1024.0, 700.0],
        [800.0, 600.0],
        [1600.0, 1000.0],
        [1300.0, 800.0],
        [1600.0, 1000.0],
    ] {
        h.set_size(egui::vec2(size[0], size[1]));
        h.run();
        let pane = h.get_by_label("Details").rect();
        let warn = header(&h, "⚠").unwrap_or_else(|| panic!("⚠ gone at {size:?}"));
        assert!(
            warn.right() < pane.left(),
            "⚠ at {warn:?} is under the detail pane at {pane:?} at {size:?}"
        );
    }
}

#[test]
fn the_seat_rules_fold_away_when_the_window_is_narrowed_and_come_back_when_widened() {
    let mut h = common::app_on(Tab::Seats, [1024.0, 700.0]);
    h.get_by_label("◀ Rules");
    h.set_size(egui::vec2(800.0, 600.0));
    h.run();
    h.get_by_label("▶ Rules");
    let reason = h.get_by_label("Reason").rect();
    assert!(
        reason.right() <= 800.0,
        "Reason at {reason:?} is cut at 800"
    );
    whole(&h, "Shortfall", egui::TextStyle::Body);
    // A choice made at this width holds while the width stays on this side.
    h.get_by_label("▶ Rules").click();
    h.run();
    h.set_size(egui::vec2(820.0, 600.0));
    h.run();
    h.get_by_label("◀ Rules");
    h.set_size(egui::vec2(1600.0, 1000.0));
    h.run();
    h.get_by_label("◀ Rules");
}

/// The label of the legend entry that ends with `verdict` or, folded, its tooltip's words.
fn legend_counts_on_one_line(h: &Harness<'_, BoardExplorerApp>, size: [f32; 2]) {
    let import = h.get_by_label("Import source…").rect();
    let total: usize = h
        .state()
        .panels
        .sources
        .chosen_sources()
        .map_or(0, |c| c.len());
    assert!(total >= 2, "the embedded reports are compared");
    // The conflict count is the legend's last entry: it ends on the toolbar's line, inside.
    let conflicts = h.state().session.derived().conflicts;
    let last = h
        .query_all_by_label(&conflicts.to_string())
        .chain(h.query_all_by_label(&format!("{conflicts} conflict")))
        .map(|n| n.rect())
        .filter(|r| (r.center().y - import.center().y).abs() < 6.0)
        .max_by(|a, b| a.right().total_cmp(&b.right()))
        .unwrap_or_else(|| panic!("the legend's conflict count left the toolbar at {size:?}"));
    assert!(last.right() <= size[0], "cut at {size:?}: {last:?}");
}

#[test]
fn the_sources_legend_stays_on_the_toolbar_line_at_every_size() {
    for size in [[800.0, 600.0], [1024.0, 700.0], [1600.0, 1000.0]] {
        let h = common::app_on(Tab::Sources, size);
        legend_counts_on_one_line(&h, size);
    }
    // Folded at 800, the words are on hover.
    let mut h = common::app_on(Tab::Sources, [800.0, 600.0]);
    // The legend's first entry, leftmost of the bare counts on the toolbar line: agree.
    let (agree, at) = (0..1000)
        .map(|n| n.to_string())
        .filter_map(|n| {
            let rect = h
                .query_all_by_label(&n)
                .map(|node| node.rect())
                .find(|r| r.left() > 300.0 && r.top() < 90.0)?;
            Some((n, rect))
        })
        .min_by(|a, b| a.1.left().total_cmp(&b.1.left()))
        .expect("bare counts in the toolbar");
    h.hover_at(at.center());
    h.run_steps(20);
    h.get_by_label(&format!("{agree} agree"));
}

#[test]
fn small_text_is_readable() {
    let h = common::app_on(Tab::Roster, [1024.0, 700.0]);
    let small = egui::TextStyle::Small.resolve(&h.ctx.global_style()).size;
    assert!(small >= 10.0, "small text is {small} points");
}

#[test]
fn the_timeline_says_what_its_marks_mean_inside_the_window() {
    for size in [[800.0, 600.0], [1024.0, 700.0], [1600.0, 1000.0]] {
        let h = common::app_on(Tab::Timeline, size);
        let legend = h.get_by_label(board_explorer::ui::MARKS_LEGEND).rect();
        assert!(
            legend.right() <= size[0] && legend.bottom() <= size[1],
            "the legend at {legend:?} is outside {size:?}"
        );
    }
}

#[test]
fn an_empty_timeline_says_how_to_start_without_explaining_marks_it_has_none_of() {
    let mut h = common::app_on(Tab::Timeline, [1024.0, 700.0]);
    h.state_mut()
        .perform(Command::Confirmed(Box::new(Command::New)));
    h.run();
    assert!(h.state().session.dataset().events.is_empty());
    assert!(h.query_by_label(board_explorer::ui::MARKS_LEGEND).is_none());
}

/// The saved totals count the members without a seat, as `seats` on the command line does.
#[test]
fn the_totals_name_the_members_without_a_seat() {
    let h = common::app_on(Tab::Seats, [1600.0, 1000.0]);
    h.get_by_label("0 permanent, 0 term, 1 chair, 4 without a seat; $0 pledged");
}

/// Every character the window's own words use (buttons, tooltips, messages in `src/ui`) is in
/// its fonts: a missing glyph shows as an empty box ("Shift+↑/↓" once did).
#[test]
fn every_character_the_window_writes_is_in_its_fonts() {
    let h = egui_kittest::Harness::builder()
        .with_size([400.0, 300.0])
        .build_ui(|ui| {
            ui.label("fonts");
        });
    let mut chars = std::collections::BTreeSet::new();
    let mut files = vec![std::path::PathBuf::from("src/ui")];
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            for line in text.lines() {
                // Words shown to people are in string literals; comments are not shown.
                let code = line.trim_start();
                if code.starts_with("//") {
                    continue;
                }
                let Some(first) = code.find('"') else {
                    continue;
                };
                chars.extend(code[first..].chars().filter(|c| !c.is_ascii()));
            }
        }
    }
    assert!(chars.contains(&'…'), "the scan reads the literals");
    let font = egui::FontId::proportional(14.0);
    let missing: String = h
        .ctx
        .fonts_mut(|f| chars.iter().filter(|&&c| !f.has_glyph(&font, c)).collect());
    assert!(missing.is_empty(), "not in the fonts: {missing:?}");
}
