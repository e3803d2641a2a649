//! What the Sources tab works out once per edit: the claim matrix, each chosen source's
//! marks (quotes by agreement, known actors' names) and the counts its lists show.

use crate::model::derive::compare::{
    Anchored, ClaimMatrix, Segment, Verdict, anchor_claims, compare, segments, source_counts,
};
use crate::model::text::mentions::{KnownMention, MentionFinder};
use crate::ui::view::ViewCtx;

/// One chosen source's marks, worked out once per edit.
pub(super) struct ColumnMarks {
    /// The source's position in the dataset.
    pub(super) source: usize,
    pub(super) anchored: Anchored,
    pub(super) segments: Vec<Segment>,
    pub(super) mentions: Vec<KnownMention>,
}

/// Everything derived for the tab, rebuilt only when the dataset, the chosen sources or the
/// mentions switch change; never per frame.
pub(super) struct Cache {
    pub(super) key: (u64, Vec<String>, bool),
    pub(super) matrix: ClaimMatrix,
    /// Per dataset source: claims citing it, orphaned quotes among them.
    pub(super) counts: Vec<(usize, usize)>,
    pub(super) columns: Vec<ColumnMarks>,
    pub(super) conflict_rows: Vec<usize>,
    pub(super) all_rows: Vec<usize>,
    /// Rows per verdict, in `Verdict::ALL` order, for the legend.
    pub(super) verdicts: [usize; 4],
    /// The chosen sources' claims whose quotes lost their words.
    pub(super) orphans: Vec<usize>,
}

impl Cache {
    pub(super) fn build(
        cx: &ViewCtx<'_>,
        chosen: &[String],
        finder: Option<&MentionFinder>,
    ) -> Cache {
        let (d, derived) = (cx.dataset, cx.derived);
        let matrix = compare(d, &derived.index, chosen);
        let columns: Vec<ColumnMarks> = chosen
            .iter()
            .filter_map(|id| derived.index.source_by_id.get(id).copied())
            .map(|source| {
                let mut anchored = anchor_claims(d, source);
                // Deprecated claims never count, so they are not coloured as if they did.
                anchored
                    .placed
                    .retain(|p| matrix.claim_verdict(d, p.claim).is_some());
                let segments = segments(&anchored.placed, |c| {
                    matrix.claim_verdict(d, c).unwrap_or(Verdict::Single)
                });
                let mentions = finder
                    .map(|f| f.find(&d.sources[source].text))
                    .unwrap_or_default();
                ColumnMarks {
                    source,
                    anchored,
                    segments,
                    mentions,
                }
            })
            .collect();
        let conflict_rows = (0..matrix.rows.len())
            .filter(|&r| matrix.rows[r].verdict == Verdict::Conflict)
            .collect();
        let verdicts = Verdict::ALL.map(|v| matrix.count(v));
        let orphans = columns
            .iter()
            .flat_map(|c| c.anchored.orphaned.iter().copied())
            .collect();
        Cache {
            verdicts,
            orphans,
            key: (d.revision.get(), chosen.to_vec(), finder.is_some()),
            all_rows: (0..matrix.rows.len()).collect(),
            conflict_rows,
            counts: source_counts(d, &derived.index),
            matrix,
            columns,
        }
    }
}
