//! Writing a dataset's RON with each record's unknown fields back in place.
//!
//! The model keeps a record's unknown fields in its `extra` field (see
//! [`crate::model::Extra`]), which a merge compares as JSON like any other field. In the file
//! they must stand as the fields they were, `nickname: "x"`, not inside a map, or a
//! newer version reading the file back would not find them. [`Inline`] wraps RON's serialiser:
//! it passes everything through, except that a struct's `extra` field is written as its
//! entries, each a field of the struct with its value's RON text as it was read.

use std::collections::HashSet;
use std::sync::Mutex;

use ron::value::RawValue;
use serde::ser::{Error as _, Serialize, SerializeSeq, SerializeStruct, Serializer};

/// The serde name of the records' field that holds their unknown fields (see
/// [`crate::model::Extra`]).
pub(super) const EXTRA_FIELD: &str = "unknown fields";

/// `value` as pretty RON, with every record's unknown fields in place. Datasets, snapshots and
/// the recovery file are all written through here.
pub(super) fn pretty<T: Serialize>(value: &T, config: ron::ser::PrettyConfig) -> String {
    let mut text = String::new();
    let mut serializer =
        ron::Serializer::with_options(&mut text, Some(config), &ron::Options::default())
            .expect("writing to a string does not fail");
    value.serialize(Inline(&mut serializer)).expect(
        "a dataset always serialises: it holds strings, numbers, lists and unknown fields' \
         text as a load checked it",
    );
    text.push('\n');
    text
}

/// A serialiser that writes `extra` fields inline (see the module's note).
struct Inline<S>(S);

/// `value` serialised through [`Inline`].
struct Wrapped<'a, T: ?Sized>(&'a T);

impl<T: ?Sized + Serialize> Serialize for Wrapped<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(Inline(serializer))
    }
}

struct InlineSeq<S>(S);

impl<S: SerializeSeq> SerializeSeq for InlineSeq<S> {
    type Ok = S::Ok;
    type Error = S::Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), S::Error> {
        self.0.serialize_element(&Wrapped(value))
    }
    fn end(self) -> Result<S::Ok, S::Error> {
        self.0.end()
    }
}

struct InlineStruct<S>(S);

impl<S: SerializeStruct> SerializeStruct for InlineStruct<S> {
    type Ok = S::Ok;
    type Error = S::Error;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), S::Error> {
        if key != EXTRA_FIELD {
            return self.0.serialize_field(key, &Wrapped(value));
        }
        let fields = serde_json::to_value(value).map_err(S::Error::custom)?;
        let Some(fields) = fields.as_object() else {
            return Err(S::Error::custom("a record's unknown fields are not a map"));
        };
        for (name, text) in fields {
            // Only what reads back: a load keeps nothing else, but a merge conflict's side is
            // JSON a hand (or a hostile file) may have written. A write never fails on it.
            let Some(raw) = text.as_str().and_then(|t| RawValue::from_ron(t).ok()) else {
                continue;
            };
            if !is_field_name(name) {
                continue;
            }
            self.0.serialize_field(field_name(name), raw)?;
        }
        Ok(())
    }
    fn skip_field(&mut self, key: &'static str) -> Result<(), S::Error> {
        self.0.skip_field(key)
    }
    fn end(self) -> Result<S::Ok, S::Error> {
        self.0.end()
    }
}

/// A name RON writes as a field name as it is: letters, digits and `_`, not starting with a
/// digit.
pub(super) fn is_field_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// RON's serialiser takes field names that live for the whole program: each unknown field's
/// name is kept once. Their number is bounded by what a load keeps (see
/// `unknown_fields::MAX_KEPT_NAMES`), per distinct name, not per record.
fn field_name(name: &str) -> &'static str {
    static NAMES: Mutex<Option<HashSet<&'static str>>> = Mutex::new(None);
    let mut names = NAMES.lock().unwrap_or_else(|e| e.into_inner());
    let names = names.get_or_insert_with(HashSet::new);
    if let Some(&kept) = names.get(name) {
        return kept;
    }
    let kept: &'static str = Box::leak(name.to_string().into_boxed_str());
    names.insert(kept);
    kept
}

/// Passes a call through to the wrapped serialiser.
macro_rules! through {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {
        $(fn $method(self, $($arg: $ty),*) -> Result<S::Ok, S::Error> {
            self.0.$method($($arg),*)
        })*
    };
}

impl<S: Serializer> Serializer for Inline<S> {
    type Ok = S::Ok;
    type Error = S::Error;
    type SerializeSeq = InlineSeq<S::SerializeSeq>;
    type SerializeTuple = S::SerializeTuple;
    type SerializeTupleStruct = S::SerializeTupleStruct;
    type SerializeTupleVariant = S::SerializeTupleVariant;
    type SerializeMap = S::SerializeMap;
    type SerializeStruct = InlineStruct<S::SerializeStruct>;
    type SerializeStructVariant = S::SerializeStructVariant;

    through! {
        serialize_bool(v: bool);
        serialize_i8(v: i8);
        serialize_i16(v: i16);
        serialize_i32(v: i32);
        serialize_i64(v: i64);
        serialize_i128(v: i128);
        serialize_u8(v: u8);
        serialize_u16(v: u16);
        serialize_u32(v: u32);
        serialize_u64(v: u64);
        serialize_u128(v: u128);
        serialize_f32(v: f32);
        serialize_f64(v: f64);
        serialize_char(v: char);
        serialize_str(v: &str);
        serialize_bytes(v: &[u8]);
        serialize_none();
        serialize_unit();
        serialize_unit_struct(name: &'static str);
        serialize_unit_variant(name: &'static str, index: u32, variant: &'static str);
    }

    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<S::Ok, S::Error> {
        self.0.serialize_some(&Wrapped(value))
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<S::Ok, S::Error> {
        self.0.serialize_newtype_struct(name, &Wrapped(value))
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<S::Ok, S::Error> {
        self.0
            .serialize_newtype_variant(name, index, variant, &Wrapped(value))
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Self::SerializeSeq, S::Error> {
        self.0.serialize_seq(len).map(InlineSeq)
    }
    fn serialize_tuple(self, len: usize) -> Result<Self::SerializeTuple, S::Error> {
        self.0.serialize_tuple(len)
    }
    fn serialize_tuple_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleStruct, S::Error> {
        self.0.serialize_tuple_struct(name, len)
    }
    fn serialize_tuple_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleVariant, S::Error> {
        self.0.serialize_tuple_variant(name, index, variant, len)
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Self::SerializeMap, S::Error> {
        self.0.serialize_map(len)
    }
    fn serialize_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStruct, S::Error> {
        self.0.serialize_struct(name, len).map(InlineStruct)
    }
    fn serialize_struct_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStructVariant, S::Error> {
        self.0.serialize_struct_variant(name, index, variant, len)
    }
    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}
