//! The life cycle of a status: proposed → invited → reviewing → accepted → signed → member,
//! which declined, withdrawn or invitation withdrawn can end. Two statuses on one path are
//! steps of a history ("proposed" on the 19th, "accepted" on the 21st), never rivals, whatever
//! their dates; two that no path joins (accepted and declined) are incompatible.

use crate::model::data::dataset::Status;

/// A status's step on the main path, `None` for the statuses that end it.
pub fn stage(status: Status) -> Option<u8> {
    Some(match status {
        // An observer may later be proposed, invited or join: the path's first step.
        Status::Observer | Status::Proposed => 0,
        Status::Invited => 1,
        Status::Reviewing => 2,
        Status::Accepted => 3,
        Status::Signed => 4,
        Status::Member => 5,
        Status::Declined | Status::Withdrawn | Status::InvitationWithdrawn => return None,
    })
}

/// Whether an actor can be at `earlier` and later at `later` (or they are the same status).
/// One declines an invitation not yet accepted; an invitation is withdrawn until it is taken
/// up (accepted, not yet signed); one withdraws at any step.
pub fn precedes(earlier: Status, later: Status) -> bool {
    if earlier == later {
        return true;
    }
    let Some(from) = stage(earlier) else {
        return false; // Nothing follows an ending.
    };
    match later {
        Status::Declined => from <= stage(Status::Reviewing).unwrap_or(0),
        Status::InvitationWithdrawn => from <= stage(Status::Accepted).unwrap_or(0),
        Status::Withdrawn => true,
        main => stage(main).is_some_and(|to| from <= to),
    }
}

/// Whether the two statuses lie on one path, in either order: a history, not a conflict.
pub fn on_one_path(a: Status, b: Status) -> bool {
    precedes(a, b) || precedes(b, a)
}

/// Whether being at `status` means the actor is, or has been, at `reached` on the main path:
/// "member" contradicts "not accepted"; "signed" does not contradict "not a member".
pub fn has_reached(status: Status, reached: Status) -> bool {
    status == reached || matches!((stage(status), stage(reached)), (Some(at), Some(r)) if at >= r)
}

/// A status's place in the life cycle, to order the steps of one day: the main path first
/// (proposed … member), then the endings (declined, invitation withdrawn, withdrawn), since an
/// ending comes after the steps it ends.
pub fn cycle_order(status: Status) -> u8 {
    stage(status).unwrap_or(match status {
        Status::Declined => 6,
        Status::InvitationWithdrawn => 7,
        _ => 8,
    })
}

/// Of two statuses on one path, the one further along it (`b` when they are equal).
pub fn further(a: Status, b: Status) -> Status {
    if precedes(b, a) && a != b { a } else { b }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Status::*;

    #[test]
    fn the_cycle_orders_the_main_path_then_the_endings() {
        let mut all = Status::ALL.to_vec();
        all.sort_by_key(|s| cycle_order(*s));
        assert_eq!(
            all,
            [
                Proposed,
                Observer,
                Invited,
                Reviewing,
                Accepted,
                Signed,
                Member,
                Declined,
                InvitationWithdrawn,
                Withdrawn
            ]
        );
    }

    #[test]
    fn an_observer_may_later_be_invited_or_join_and_that_is_a_history() {
        assert!(on_one_path(Observer, Member));
        assert!(precedes(Observer, Invited));
        assert!(precedes(Observer, Declined));
        assert!(!precedes(Member, Observer));
        assert!(!Observer.is_seated());
    }

    #[test]
    fn the_main_path_is_a_history() {
        assert!(on_one_path(Proposed, Accepted));
        assert!(on_one_path(Member, Proposed));
        assert!(on_one_path(Invited, Declined));
        assert!(on_one_path(Accepted, InvitationWithdrawn));
        assert!(on_one_path(Member, Withdrawn));
        assert_eq!(further(Proposed, Member), Member);
        assert_eq!(further(Signed, Invited), Signed);
        assert_eq!(further(Reviewing, Declined), Declined);
    }

    #[test]
    fn endings_and_later_steps_do_not_mix() {
        assert!(!on_one_path(Accepted, Declined));
        assert!(!on_one_path(Member, Declined));
        assert!(!on_one_path(Signed, InvitationWithdrawn));
        assert!(!on_one_path(Declined, Withdrawn));
        assert!(!on_one_path(Declined, InvitationWithdrawn));
    }

    #[test]
    fn reaching_a_step_contradicts_its_negation() {
        assert!(has_reached(Member, Accepted));
        assert!(has_reached(Member, Member));
        assert!(!has_reached(Signed, Member));
        assert!(!has_reached(Withdrawn, Member));
        assert!(has_reached(Declined, Declined));
    }
}
