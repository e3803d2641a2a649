//! What a panel asks the app to do. Panels read the dataset and return requests; the app
//! applies them, so every change passes through the document's one edit path.

use crate::model::Edit;

#[derive(Clone, Debug, PartialEq)]
pub enum Request {
    /// Apply an edit as one undoable step with this label.
    Edit { edit: Box<Edit>, label: String },
    /// Show a source (and the claim's quote in it) in the Sources tab.
    ShowSource {
        source: String,
        claim: Option<String>,
    },
    /// Select an actor in the Roster tab.
    ShowActor(String),
    /// Show the whole app as it stood on this day (`None`: everything known).
    SetAsOf(Option<chrono::NaiveDate>),
}

impl Request {
    pub fn edit(edit: Edit, label: impl Into<String>) -> Self {
        Request::Edit {
            edit: Box::new(edit),
            label: label.into(),
        }
    }
}
