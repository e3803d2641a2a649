//! One meaning per fact. Early datasets said "X was invited" with the property `invited: yes`;
//! the extractor and the forms say it with the status `invited`, which also orders it against
//! accepted, signed or declined. Two sources saying the same thing in the two forms showed as
//! two single-source rows, so the old form is rewritten to the new one wherever a dataset is
//! read (window, command line, merge driver), and the next write of any of them writes the
//! new form.

use super::dataset::{Dataset, Fact, Status};

/// Rewrites every `invited: yes` claim as `status: invited`, and every `invited: no` as
/// `status: not invited` (a negative claim). Returns how many claims changed.
pub fn one_meaning_per_fact(d: &mut Dataset) -> usize {
    let mut changed = 0;
    for claim in &mut d.claims {
        if let Fact::Invited(yes) = claim.fact {
            claim.fact = Fact::Status(Status::Invited);
            // "Not invited: no" is invited; "invited: no" is not.
            claim.negated ^= !yes;
            changed += 1;
        }
    }
    if changed > 0 {
        d.touch();
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::data::builder::DatasetBuilder;

    #[test]
    fn invited_yes_and_no_become_the_status_and_its_negation() {
        let mut d = DatasetBuilder::new("Board")
            .actor("x", "X", crate::model::ActorKind::Person)
            .source("s", "S", None, "X was invited.")
            .claim("x", Fact::Invited(true), "s", None, None)
            .claim("x", Fact::Invited(false), "s", None, None)
            .claim("x", Fact::Status(Status::Member), "s", None, None)
            .build();
        assert_eq!(one_meaning_per_fact(&mut d), 2);
        assert_eq!(d.claims[0].fact, Fact::Status(Status::Invited));
        assert!(!d.claims[0].negated);
        assert_eq!(d.claims[1].fact, Fact::Status(Status::Invited));
        assert!(d.claims[1].negated);
        assert_eq!(d.claims[2].fact, Fact::Status(Status::Member));
        assert_eq!(one_meaning_per_fact(&mut d), 0, "once is enough");
    }
}
