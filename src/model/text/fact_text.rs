//! Facts written as `property=value` (`status=accepted`, `pledge=1 billion USD`), for the
//! command line and scripts. Values are the app's labels; errors list what is allowed.

use crate::model::data::dataset::{Fact, Role, Status};
use crate::model::data::date::DateError;
use crate::model::data::money::{MoneyError, parse_money};

/// The properties a claim about an actor can set this way, as written.
pub const PROPERTIES: [&str; 7] = [
    "status",
    "role",
    "invited",
    "represents",
    "office",
    "pledge",
    "joined",
];

/// Why a written fact was refused; each message says what is allowed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FactTextError {
    #[error(
        "\"{input}\" is not a fact: write PROPERTY=VALUE, e.g. status=accepted; the \
         properties are {properties}",
        properties = PROPERTIES.join(", ")
    )]
    NotAFact { input: String },
    #[error("\"{input}\" gives no value for {property}")]
    NoValue { input: String, property: String },
    #[error("\"{value}\" is not a {property}; the allowed values are: {allowed}")]
    UnknownValue {
        property: &'static str,
        value: String,
        allowed: String,
    },
    #[error("{0}")]
    Pledge(#[from] MoneyError),
    #[error("joined: {0}")]
    Joined(#[from] DateError),
    #[error(
        "{property} is a date of the body, given with `body date`; a claim about an \
         actor sets one of {properties}",
        properties = PROPERTIES.join(", ")
    )]
    BodyDate { property: String },
    #[error(
        "{property} is one of the body's seat rules, set in the Seats tab; a claim about \
         an actor sets one of {properties}",
        properties = PROPERTIES.join(", ")
    )]
    SeatRule { property: String },
    #[error(
        "unknown property \"{property}\"; the properties are {properties}",
        properties = PROPERTIES.join(", ")
    )]
    UnknownProperty { property: String },
}

/// Reads `property=value`. Labels may use spaces, dashes or underscores and any case
/// ("invitation withdrawn", "invitation-withdrawn"); `represents` takes an actor id, whose
/// existence the caller checks against its dataset.
pub fn parse_fact(input: &str) -> Result<Fact, FactTextError> {
    let Some((property, value)) = input.split_once('=') else {
        return Err(FactTextError::NotAFact {
            input: input.to_string(),
        });
    };
    let property = property.trim().to_lowercase();
    let value = value.trim();
    if value.is_empty() {
        return Err(FactTextError::NoValue {
            input: input.to_string(),
            property,
        });
    }
    let key = label_key(value);
    Ok(match property.as_str() {
        "status" => Fact::Status(
            *Status::ALL
                .iter()
                .find(|s| label_key(s.label()) == key)
                .ok_or_else(|| unknown("status", value, Status::ALL.iter().map(|s| s.label())))?,
        ),
        "role" => Fact::Role(
            *Role::ALL
                .iter()
                .find(|r| label_key(r.label()) == key)
                .ok_or_else(|| unknown("role", value, Role::ALL.iter().map(|r| r.label())))?,
        ),
        // The old way to say it (see `one_meaning`): read as the status; "no" is its
        // negation, which only `parse_stated_fact` can say.
        "invited" => match key.as_str() {
            "yes" | "true" => Fact::Status(Status::Invited),
            _ => return Err(unknown("invited", value, ["yes", "no"].into_iter())),
        },
        "represents" => Fact::Represents(value.to_string()),
        "office" => Fact::Office(value.to_string()),
        "pledge" => Fact::Pledge(parse_money(value)?),
        "joined" => Fact::Joined(value.parse()?),
        "charter signed" | "entry into force" | "in force" => {
            return Err(FactTextError::BodyDate { property });
        }
        "seat threshold" | "seat-threshold" | "term" | "term years" => {
            return Err(FactTextError::SeatRule { property });
        }
        _ => {
            return Err(FactTextError::UnknownProperty { property });
        }
    })
}

/// A fact as a source states it: the value, or that the value does *not* hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatedFact {
    pub fact: Fact,
    pub negated: bool,
}

/// Reads `property=value`, or a negative claim: `property!=value` or `property=not value`
/// ("status!=member", "status=not member": not on the official list).
pub fn parse_stated_fact(input: &str) -> Result<StatedFact, FactTextError> {
    // "invited=no", the old way to say "status=not invited".
    if let Some((property, value)) = input.split_once('=')
        && property.trim().eq_ignore_ascii_case("invited")
        && matches!(label_key(value).as_str(), "no" | "false")
    {
        return Ok(StatedFact {
            fact: Fact::Status(Status::Invited),
            negated: true,
        });
    }
    if let Some((property, value)) = input.split_once("!=") {
        return Ok(StatedFact {
            fact: parse_fact(&format!("{property}={value}"))?,
            negated: true,
        });
    }
    if let Some((property, value)) = input.split_once('=') {
        let value = value.trim_start();
        let lower = value.to_lowercase();
        for prefix in ["not ", "not-", "not_"] {
            if lower.starts_with(prefix) {
                return Ok(StatedFact {
                    fact: parse_fact(&format!("{property}={}", &value[prefix.len()..]))?,
                    negated: true,
                });
            }
        }
    }
    Ok(StatedFact {
        fact: parse_fact(input)?,
        negated: false,
    })
}

/// A label compared without case, and with any run of spaces, dashes or underscores as one.
fn label_key(label: &str) -> String {
    label
        .to_lowercase()
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn unknown<'a>(
    property: &'static str,
    value: &str,
    allowed: impl Iterator<Item = &'a str>,
) -> FactTextError {
    FactTextError::UnknownValue {
        property,
        value: value.to_string(),
        allowed: allowed.collect::<Vec<_>>().join(", "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Money;

    #[test]
    fn reads_every_property() {
        assert_eq!(
            parse_fact("status=accepted"),
            Ok(Fact::Status(Status::Accepted))
        );
        assert_eq!(
            parse_fact("Status = Invitation-Withdrawn"),
            Ok(Fact::Status(Status::InvitationWithdrawn))
        );
        assert_eq!(
            parse_fact("role=founding_member"),
            Ok(Fact::Role(Role::FoundingMember))
        );
        assert_eq!(parse_fact("invited=yes"), Ok(Fact::Status(Status::Invited)));
        assert_eq!(
            parse_stated_fact("invited=no"),
            Ok(StatedFact {
                fact: Fact::Status(Status::Invited),
                negated: true
            })
        );
        assert_eq!(
            parse_fact("represents=israel"),
            Ok(Fact::Represents("israel".into()))
        );
        assert_eq!(
            parse_fact("office=Prime Minister of Canada"),
            Ok(Fact::Office("Prime Minister of Canada".into()))
        );
        assert_eq!(
            parse_fact("pledge=1 billion USD"),
            Ok(Fact::Pledge(Money {
                amount: 1_000_000_000,
                currency: "USD".into()
            }))
        );
        assert_eq!(
            parse_fact("joined=2026-01"),
            Ok(Fact::Joined("2026-01".parse().unwrap()))
        );
    }

    #[test]
    fn reads_negative_claims() {
        let not_member = StatedFact {
            fact: Fact::Status(Status::Member),
            negated: true,
        };
        assert_eq!(parse_stated_fact("status!=member"), Ok(not_member.clone()));
        assert_eq!(
            parse_stated_fact("status=not member"),
            Ok(not_member.clone())
        );
        assert_eq!(parse_stated_fact("Status = Not-Member"), Ok(not_member));
        assert_eq!(
            parse_stated_fact("office=Notary"),
            Ok(StatedFact {
                fact: Fact::Office("Notary".into()),
                negated: false
            })
        );
        assert!(parse_stated_fact("status!=nothing").is_err());
    }

    #[test]
    fn errors_list_what_is_allowed() {
        let err = |input: &str| parse_fact(input).unwrap_err().to_string();
        let e = err("status=acepted");
        assert!(e.contains("\"acepted\" is not a status"), "{e}");
        assert!(e.contains("invitation withdrawn"), "{e}");
        let e = err("colour=red");
        assert!(e.contains("unknown property \"colour\""), "{e}");
        assert!(e.contains("status, role, invited"), "{e}");
        assert!(err("accepted").contains("PROPERTY=VALUE"));
        assert!(err("invited=maybe").contains("yes, no"));
        assert!(parse_fact("pledge=1 billion").is_err());
        assert!(err("joined=yesterday").contains("not a date"));
        assert!(err("status=").contains("no value"));
        assert!(err("term=3").contains("seat rules"));
    }

    #[test]
    fn messages_are_written_out_in_full() {
        let err = |input: &str| parse_fact(input).unwrap_err().to_string();
        let all = "status, role, invited, represents, office, pledge, joined";
        assert_eq!(
            err("accepted"),
            format!(
                "\"accepted\" is not a fact: write PROPERTY=VALUE, e.g. status=accepted; the \
                 properties are {all}"
            )
        );
        assert_eq!(err("Status = "), "\"Status = \" gives no value for status");
        assert_eq!(
            err("invited=maybe"),
            "\"maybe\" is not a invited; the allowed values are: yes, no"
        );
        assert_eq!(
            err("in force=2026"),
            format!(
                "in force is a date of the body, given with `body date`; a claim about an actor \
                 sets one of {all}"
            )
        );
        assert_eq!(
            err("term=3"),
            format!(
                "term is one of the body's seat rules, set in the Seats tab; a claim about an \
                 actor sets one of {all}"
            )
        );
        assert_eq!(
            err("colour=red"),
            format!("unknown property \"colour\"; the properties are {all}")
        );
        let joined = "2026-13".parse::<crate::model::PartialDate>().unwrap_err();
        assert_eq!(err("joined=2026-13"), format!("joined: {joined}"));
    }
}
