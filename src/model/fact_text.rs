//! Facts written as `property=value` (`status=accepted`, `pledge=1 billion USD`), for the
//! command line and scripts. Values are the app's labels; errors list what is allowed.

use super::dataset::{Fact, Role, Status};
use super::money::parse_money;

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

/// Reads `property=value`. Labels may use spaces, dashes or underscores and any case
/// ("invitation withdrawn", "invitation-withdrawn"); `represents` takes an actor id, whose
/// existence the caller checks against its dataset.
pub fn parse_fact(input: &str) -> Result<Fact, String> {
    let Some((property, value)) = input.split_once('=') else {
        return Err(format!(
            "\"{input}\" is not a fact: write PROPERTY=VALUE, e.g. status=accepted; the \
             properties are {}",
            PROPERTIES.join(", ")
        ));
    };
    let property = property.trim().to_lowercase();
    let value = value.trim();
    if value.is_empty() {
        return Err(format!("\"{input}\" gives no value for {property}"));
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
        "invited" => Fact::Invited(match key.as_str() {
            "yes" | "true" => true,
            "no" | "false" => false,
            _ => return Err(unknown("invited", value, ["yes", "no"].into_iter())),
        }),
        "represents" => Fact::Represents(value.to_string()),
        "office" => Fact::Office(value.to_string()),
        "pledge" => Fact::Pledge(parse_money(value).map_err(|e| e.to_string())?),
        "joined" => Fact::Joined(value.parse().map_err(|e| format!("joined: {e}"))?),
        "charter signed" | "entry into force" | "in force" => {
            return Err(format!(
                "{property} is a date of the body, given with `body date`; a claim about an \
                 actor sets one of {}",
                PROPERTIES.join(", ")
            ));
        }
        "seat threshold" | "seat-threshold" | "term" | "term years" => {
            return Err(format!(
                "{property} is one of the body's seat rules, set in the Seats tab; a claim about \
                 an actor sets one of {}",
                PROPERTIES.join(", ")
            ));
        }
        _ => {
            return Err(format!(
                "unknown property \"{property}\"; the properties are {}",
                PROPERTIES.join(", ")
            ));
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
pub fn parse_stated_fact(input: &str) -> Result<StatedFact, String> {
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

fn unknown<'a>(property: &str, value: &str, allowed: impl Iterator<Item = &'a str>) -> String {
    format!(
        "\"{value}\" is not a {property}; the allowed values are: {}",
        allowed.collect::<Vec<_>>().join(", ")
    )
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
        assert_eq!(parse_fact("invited=no"), Ok(Fact::Invited(false)));
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
        let e = parse_fact("status=acepted").unwrap_err();
        assert!(e.contains("\"acepted\" is not a status"), "{e}");
        assert!(e.contains("invitation withdrawn"), "{e}");
        let e = parse_fact("colour=red").unwrap_err();
        assert!(e.contains("unknown property \"colour\""), "{e}");
        assert!(e.contains("status, role, invited"), "{e}");
        assert!(
            parse_fact("accepted")
                .unwrap_err()
                .contains("PROPERTY=VALUE")
        );
        assert!(parse_fact("invited=maybe").unwrap_err().contains("yes, no"));
        assert!(parse_fact("pledge=1 billion").is_err());
        assert!(
            parse_fact("joined=yesterday")
                .unwrap_err()
                .contains("not a date")
        );
        assert!(parse_fact("status=").unwrap_err().contains("no value"));
        assert!(parse_fact("term=3").unwrap_err().contains("seat rules"));
    }
}
