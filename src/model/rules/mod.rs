//! Rules and checks: the body's seat rules (here) and the checks of a dataset's integrity and
//! values ([`validate`], [`validate_values`]).
//!
//! The body's seat rules as an editor models them; reports word them differently, so every
//! reading ("at least" or "more than", a payment window, renewal) is a setting.

pub mod validate;
pub mod validate_values;

use serde::{Deserialize, Serialize};

use super::data::money::Money;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Comparison {
    /// A pledge equal to the threshold buys a permanent seat.
    #[default]
    AtLeast,
    /// Only a pledge above the threshold does.
    MoreThan,
}

/// The contribution must be paid within `months` of a starting point (e.g. the charter
/// entering into force) to buy a permanent seat.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentWindow {
    pub months: u32,
    /// What the window runs from, in words ("the charter enters into force").
    pub after: String,
    /// The date of that starting point, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<super::data::date::PartialDate>,
}

/// One unit of `currency` is worth `rate` units of the threshold's currency.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExchangeRate {
    pub currency: String,
    pub rate: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SeatRules {
    pub threshold: Money,
    #[serde(default)]
    pub comparison: Comparison,
    #[serde(default)]
    pub window: Option<PaymentWindow>,
    /// Length of a non-permanent term; 0 means terms do not expire.
    pub term_years: u32,
    #[serde(default)]
    pub chair_can_renew: bool,
    #[serde(default)]
    pub exchange_rates: Vec<ExchangeRate>,
}

impl Default for SeatRules {
    fn default() -> Self {
        SeatRules {
            threshold: Money {
                amount: 1_000_000_000,
                currency: "USD".into(),
            },
            comparison: Comparison::AtLeast,
            window: None,
            term_years: 3,
            chair_can_renew: false,
            exchange_rates: Vec::new(),
        }
    }
}

impl SeatRules {
    /// The amount expressed in the threshold's currency, if a rate is known.
    pub fn convert(&self, money: &Money) -> Option<f64> {
        if money.currency == self.threshold.currency {
            return Some(money.amount as f64);
        }
        self.exchange_rates
            .iter()
            .find(|r| r.currency == money.currency)
            .map(|r| money.amount as f64 * r.rate)
    }

    /// Whether an amount (in the threshold's currency) buys a permanent seat.
    pub fn meets_threshold(&self, amount: f64) -> bool {
        let threshold = self.threshold.amount as f64;
        match self.comparison {
            Comparison::AtLeast => amount >= threshold,
            Comparison::MoreThan => amount > threshold,
        }
    }
}
