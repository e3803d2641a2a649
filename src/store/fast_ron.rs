//! A fast reader for the RON this program writes. The `ron` crate reads a 300 MB dataset at
//! about 100 MB/s a core; most of a large file is a million claims in one plain layout
//! (records in brackets, `key: value`, quoted strings, variant names), which a byte scan reads
//! several times faster.
//!
//! It only ever gives what the `ron` crate gives. It reads a subset: anything outside it (a
//! block comment, a raw string, a character, a named struct, a number with `_` or in hex,
//! deep nesting, a non-ASCII space) and any error at all make it step aside, and the caller
//! parses with the `ron` crate, so every error message and line is that crate's own. The
//! test at the end of this file holds the two readers to the same values.

use std::borrow::Cow;
use std::fmt;

use serde::de::{
    self, DeserializeOwned, DeserializeSeed, EnumAccess, IntoDeserializer, MapAccess, SeqAccess,
    VariantAccess, Visitor,
};

/// Nesting deeper than this is left to the `ron` crate and its recursion limit. It is well
/// below that limit (32), counting every bracket, option and variant as a level, so that this
/// reader never accepts what the crate would refuse as too deep. Files this program writes
/// nest fewer than ten levels.
const MAX_DEPTH: usize = 16;

/// `text` as `T` with the paths of the fields it ignored (`actors.3.nickname`), as
/// `serde_ignored` over the `ron` crate gives them; `None` where the `ron` crate must decide.
pub fn from_str_with_ignored<T: DeserializeOwned>(text: &str) -> Option<(T, Vec<String>)> {
    let mut reader = Reader::new(text);
    let mut paths = Vec::new();
    let value: T =
        serde_ignored::deserialize(&mut reader, |path| paths.push(path.to_string())).ok()?;
    reader.end().ok()?;
    Some((value, paths))
}

/// The items of a list without its brackets (`(…), (…),`: a piece of a large list cut at
/// item boundaries), with the ignored paths each item's index leads (`3.nickname`); `None`
/// where the `ron` crate must decide. Reading the piece in place spares a copy of it.
pub fn items_with_ignored<T: DeserializeOwned>(piece: &str) -> Option<(Vec<T>, Vec<String>)> {
    let mut reader = Reader::new(piece);
    let mut items = Vec::new();
    let mut paths = Vec::new();
    while reader.peek().ok()?.is_some() {
        let index = items.len();
        let item: T = serde_ignored::deserialize(&mut reader, |path| {
            paths.push(format!("{index}.{path}"));
        })
        .ok()?;
        items.push(item);
        if !reader.eat(b',').ok()? {
            reader.end().ok()?;
        }
    }
    Some((items, paths))
}

/// The one error: "not for this reader". Its message is never shown.
#[derive(Debug)]
pub struct StepAside;

impl fmt::Display for StepAside {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("left to the ron crate")
    }
}

impl std::error::Error for StepAside {}

impl de::Error for StepAside {
    fn custom<M: fmt::Display>(_: M) -> Self {
        StepAside
    }
}

type Result<T> = std::result::Result<T, StepAside>;

pub struct Reader<'de> {
    text: &'de str,
    at: usize,
    depth: usize,
}

impl<'de> Reader<'de> {
    fn new(text: &'de str) -> Self {
        // A byte-order mark is the `ron` crate's to judge.
        Reader {
            text,
            at: 0,
            depth: 0,
        }
    }

    fn bytes(&self) -> &'de [u8] {
        self.text.as_bytes()
    }

    /// Skips spaces and `//` comments; a block comment or a non-ASCII space steps aside.
    fn skip_space(&mut self) -> Result<()> {
        let bytes = self.bytes();
        loop {
            match bytes.get(self.at) {
                Some(b' ' | b'\n' | b'\t' | b'\r') => self.at += 1,
                Some(b'/') => match bytes.get(self.at + 1) {
                    Some(b'/') => {
                        self.at = memchr::memchr(b'\n', &bytes[self.at..])
                            .map_or(bytes.len(), |n| self.at + n + 1);
                    }
                    _ => return Err(StepAside),
                },
                _ => return Ok(()),
            }
        }
    }

    fn peek(&mut self) -> Result<Option<u8>> {
        self.skip_space()?;
        Ok(self.bytes().get(self.at).copied())
    }

    fn eat(&mut self, byte: u8) -> Result<bool> {
        let here = self.peek()? == Some(byte);
        if here {
            self.at += 1;
        }
        Ok(here)
    }

    fn expect(&mut self, byte: u8) -> Result<()> {
        if self.eat(byte)? {
            Ok(())
        } else {
            Err(StepAside)
        }
    }

    fn end(&mut self) -> Result<()> {
        match self.peek()? {
            None => Ok(()),
            Some(_) => Err(StepAside),
        }
    }

    fn deeper(&mut self) -> Result<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(StepAside);
        }
        Ok(())
    }

    /// An identifier, `[A-Za-z_][A-Za-z0-9_]*`; a raw one (`r#…`) steps aside.
    fn ident(&mut self) -> Result<&'de str> {
        self.skip_space()?;
        let bytes = self.bytes();
        let start = self.at;
        match bytes.get(start) {
            Some(b) if b.is_ascii_alphabetic() || *b == b'_' => {}
            _ => return Err(StepAside),
        }
        let mut end = start + 1;
        while bytes
            .get(end)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
        {
            end += 1;
        }
        if bytes.get(end) == Some(&b'#') || bytes.get(end) == Some(&b'"') {
            return Err(StepAside); // r#name, r"raw", b"bytes"
        }
        self.at = end;
        Ok(&self.text[start..end])
    }

    /// Whether the next thing is an identifier followed by `:` (a record's first field).
    fn field_follows(&self) -> bool {
        let mut probe = Reader {
            text: self.text,
            at: self.at,
            depth: 0,
        };
        probe.ident().is_ok() && probe.peek().ok().flatten() == Some(b':')
    }

    /// A quoted string: borrowed when it holds no escape.
    fn string(&mut self) -> Result<Cow<'de, str>> {
        self.expect(b'"')?;
        let bytes = self.bytes();
        let start = self.at;
        let stop = memchr::memchr2(b'"', b'\\', &bytes[start..]).ok_or(StepAside)? + start;
        if bytes[stop] == b'"' {
            self.at = stop + 1;
            return Ok(Cow::Borrowed(&self.text[start..stop]));
        }
        let mut out = String::with_capacity(stop - start + 16);
        let mut from = start;
        loop {
            let stop = memchr::memchr2(b'"', b'\\', &bytes[from..]).ok_or(StepAside)? + from;
            out.push_str(&self.text[from..stop]);
            if bytes[stop] == b'"' {
                self.at = stop + 1;
                return Ok(Cow::Owned(out));
            }
            let (c, next) = self.escape(stop + 1)?;
            out.push(c);
            from = next;
        }
    }

    /// The character an escape stands for (`at` is just after the backslash) and where the
    /// text goes on. Byte escapes (`\x…`) step aside.
    fn escape(&self, at: usize) -> Result<(char, usize)> {
        let bytes = self.bytes();
        let simple = match bytes.get(at) {
            Some(b'\'') => '\'',
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'0') => '\0',
            Some(b'u') => return self.unicode_escape(at + 1),
            _ => return Err(StepAside),
        };
        Ok((simple, at + 1))
    }

    /// `{1 to 6 hex digits}` after `\u`.
    fn unicode_escape(&self, at: usize) -> Result<(char, usize)> {
        let bytes = self.bytes();
        if bytes.get(at) != Some(&b'{') {
            return Err(StepAside);
        }
        let digits = bytes[at + 1..]
            .iter()
            .take(7)
            .take_while(|b| b.is_ascii_hexdigit())
            .count();
        if !(1..=6).contains(&digits) || bytes.get(at + 1 + digits) != Some(&b'}') {
            return Err(StepAside);
        }
        let hex = &self.text[at + 1..at + 1 + digits];
        let code = u32::from_str_radix(hex, 16).map_err(|_| StepAside)?;
        let c = char::from_u32(code).ok_or(StepAside)?;
        Ok((c, at + 2 + digits))
    }

    /// A number's text: an optional sign, digits, a fraction and an exponent. Anything else
    /// that could be a number in RON (`_`, `0x`, `inf`, a type suffix) steps aside.
    fn number_text(&mut self) -> Result<(&'de str, bool)> {
        self.skip_space()?;
        let bytes = self.bytes();
        let start = self.at;
        let mut end = start;
        if matches!(bytes.get(end), Some(b'-' | b'+')) {
            end += 1;
        }
        let digits_from = end;
        let mut float = false;
        while let Some(&b) = bytes.get(end) {
            match b {
                b'0'..=b'9' => {}
                b'.' | b'e' | b'E' => float = true,
                b'-' | b'+' if matches!(bytes[end - 1], b'e' | b'E') => {}
                _ => break,
            }
            end += 1;
        }
        let first_digit = bytes.get(digits_from).is_some_and(u8::is_ascii_digit);
        let next_is_word = bytes
            .get(end)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_');
        if !first_digit || next_is_word {
            return Err(StepAside);
        }
        // A leading zero before more digits ("007") is the ron crate's to judge.
        let unsigned = &bytes[digits_from..end];
        if unsigned.len() > 1 && unsigned[0] == b'0' && unsigned[1].is_ascii_digit() {
            return Err(StepAside);
        }
        self.at = end;
        Ok((&self.text[start..end], float))
    }

    fn integer<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value> {
        let (text, float) = self.number_text()?;
        if float {
            return Err(StepAside);
        }
        if text.starts_with('-') {
            visitor.visit_i64(text.parse().map_err(|_| StepAside)?)
        } else {
            visitor.visit_u64(text.parse().map_err(|_| StepAside)?)
        }
    }

    /// Skips one value of any shape, for a field this version does not know, as strictly as
    /// the `ron` crate reads it: commas between items, `key: value` in maps and records.
    fn skip_value(&mut self) -> Result<()> {
        match self.peek()?.ok_or(StepAside)? {
            b'"' => self.string().map(drop),
            b'[' => {
                self.at += 1;
                self.skip_items(b']', Shape::Values)
            }
            b'{' => {
                self.at += 1;
                self.skip_items(b'}', Shape::Pairs)
            }
            b'(' => self.skip_parens(),
            b'0'..=b'9' | b'-' | b'+' => self.number_text().map(drop),
            _ => {
                self.ident()?;
                if self.peek()? == Some(b'(') {
                    self.skip_parens()?;
                }
                Ok(())
            }
        }
    }

    /// `(…)`: a record when its first item is `name:`, else a tuple.
    fn skip_parens(&mut self) -> Result<()> {
        self.expect(b'(')?;
        let shape = if self.field_follows() {
            Shape::Fields
        } else {
            Shape::Values
        };
        self.skip_items(b')', shape)
    }

    fn skip_items(&mut self, close: u8, shape: Shape) -> Result<()> {
        self.deeper()?;
        let mut items = Items {
            reader: &mut *self,
            close,
            first: true,
        };
        while items.has_next()? {
            match shape {
                Shape::Values => items.reader.skip_value()?,
                Shape::Pairs => {
                    items.reader.skip_value()?;
                    items.reader.expect(b':')?;
                    items.reader.skip_value()?;
                }
                Shape::Fields => {
                    items.reader.ident()?;
                    items.reader.expect(b':')?;
                    items.reader.skip_value()?;
                }
            }
        }
        self.expect(close)?;
        self.depth -= 1;
        Ok(())
    }

    /// A bracketed list of values or of `key: value` pairs, closed by `close`.
    fn list<V: Visitor<'de>>(&mut self, close: u8, visitor: V, pairs: bool) -> Result<V::Value> {
        self.deeper()?;
        let value = if pairs {
            visitor.visit_map(Items {
                reader: self,
                close,
                first: true,
            })?
        } else {
            visitor.visit_seq(Items {
                reader: self,
                close,
                first: true,
            })?
        };
        self.expect(close)?;
        self.depth -= 1;
        Ok(value)
    }
}

/// What a bracket holds, for skipping it.
#[derive(Clone, Copy)]
enum Shape {
    Values,
    Pairs,
    Fields,
}

/// The items of a list or a record, for serde's `SeqAccess` and `MapAccess`.
struct Items<'a, 'de> {
    reader: &'a mut Reader<'de>,
    close: u8,
    first: bool,
}

impl Items<'_, '_> {
    /// Whether another item follows: a `,` separates items and may end the list.
    fn has_next(&mut self) -> Result<bool> {
        let closed = |items: &mut Self| Ok(items.reader.peek()? == Some(items.close));
        if self.first {
            self.first = false;
        } else if !self.reader.eat(b',')? {
            return if closed(self)? {
                Ok(false)
            } else {
                Err(StepAside)
            };
        }
        Ok(!closed(self)?)
    }
}

impl<'de> SeqAccess<'de> for Items<'_, 'de> {
    type Error = StepAside;

    fn next_element_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<Option<S::Value>> {
        if !self.has_next()? {
            return Ok(None);
        }
        seed.deserialize(&mut *self.reader).map(Some)
    }
}

impl<'de> MapAccess<'de> for Items<'_, 'de> {
    type Error = StepAside;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if !self.has_next()? {
            return Ok(None);
        }
        seed.deserialize(&mut *self.reader).map(Some)
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value> {
        self.reader.expect(b':')?;
        seed.deserialize(&mut *self.reader)
    }
}

/// A record's fields: keys are identifiers, not values.
struct Fields<'a, 'de>(Items<'a, 'de>);

impl<'de> MapAccess<'de> for Fields<'_, 'de> {
    type Error = StepAside;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if !self.0.has_next()? {
            return Ok(None);
        }
        let name = self.0.reader.ident()?;
        seed.deserialize(name.into_deserializer()).map(Some)
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value> {
        self.0.next_value_seed(seed)
    }
}

/// A variant's name and what follows it.
struct Variant<'a, 'de>(&'a mut Reader<'de>);

impl<'de> EnumAccess<'de> for Variant<'_, 'de> {
    type Error = StepAside;
    type Variant = Self;

    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, Self)> {
        let name = self.0.ident()?;
        let value = seed.deserialize(name.into_deserializer())?;
        Ok((value, self))
    }
}

impl<'de> VariantAccess<'de> for Variant<'_, 'de> {
    type Error = StepAside;

    fn unit_variant(self) -> Result<()> {
        if self.0.peek()? == Some(b'(') {
            return Err(StepAside);
        }
        Ok(())
    }

    fn newtype_variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<S::Value> {
        self.0.expect(b'(')?;
        self.0.deeper()?;
        let value = seed.deserialize(&mut *self.0)?;
        self.0.expect(b')')?;
        self.0.depth -= 1;
        Ok(value)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        self.0.expect(b'(')?;
        self.0.list(b')', visitor, false)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.0.expect(b'(')?;
        record(self.0, visitor)
    }
}

/// `(key: value, …)` after its `(`.
fn record<'de, V: Visitor<'de>>(reader: &mut Reader<'de>, visitor: V) -> Result<V::Value> {
    reader.deeper()?;
    let value = visitor.visit_map(Fields(Items {
        reader: &mut *reader,
        close: b')',
        first: true,
    }))?;
    reader.expect(b')')?;
    reader.depth -= 1;
    Ok(value)
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = StepAside;

    /// Untyped values: strings, numbers, lists, maps, records, options and booleans. A bare
    /// name (a variant or a unit struct) steps aside: only the target type can read it.
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.peek()?.ok_or(StepAside)? {
            b'"' => self.deserialize_str(visitor),
            b'[' => self.deserialize_seq(visitor),
            b'{' => self.deserialize_map(visitor),
            b'(' => {
                self.at += 1;
                match self.peek()? {
                    Some(b')') => Err(StepAside),
                    _ if self.field_follows() => record(self, visitor),
                    _ => self.list(b')', visitor, false),
                }
            }
            b'0'..=b'9' | b'-' | b'+' => {
                let (text, float) = self.number_text()?;
                if float {
                    visitor.visit_f64(text.parse().map_err(|_| StepAside)?)
                } else if text.starts_with('-') {
                    visitor.visit_i64(text.parse().map_err(|_| StepAside)?)
                } else {
                    visitor.visit_u64(text.parse().map_err(|_| StepAside)?)
                }
            }
            _ => match self.ident()? {
                "true" => visitor.visit_bool(true),
                "false" => visitor.visit_bool(false),
                "None" => visitor.visit_none(),
                "Some" => self.some(visitor),
                _ => Err(StepAside),
            },
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.ident()? {
            "true" => visitor.visit_bool(true),
            "false" => visitor.visit_bool(false),
            _ => Err(StepAside),
        }
    }

    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.integer(visitor)
    }
    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.integer(visitor)
    }
    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.integer(visitor)
    }
    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.integer(visitor)
    }
    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.integer(visitor)
    }
    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.integer(visitor)
    }
    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.integer(visitor)
    }
    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.integer(visitor)
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let (text, _) = self.number_text()?;
        visitor.visit_f32(text.parse().map_err(|_| StepAside)?)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let (text, _) = self.number_text()?;
        visitor.visit_f64(text.parse().map_err(|_| StepAside)?)
    }

    fn deserialize_char<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(StepAside)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.string()? {
            Cow::Borrowed(s) => visitor.visit_borrowed_str(s),
            Cow::Owned(s) => visitor.visit_string(s),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(StepAside)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(StepAside)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.ident()? {
            "None" => visitor.visit_none(),
            "Some" => self.some(visitor),
            _ => Err(StepAside),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.expect(b'(')?;
        self.expect(b')')?;
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        self.expect(b'(')?;
        self.deeper()?;
        let value = visitor.visit_newtype_struct(&mut *self)?;
        self.expect(b')')?;
        self.depth -= 1;
        Ok(value)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.expect(b'[')?;
        self.list(b']', visitor, false)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        self.expect(b'(')?;
        self.list(b')', visitor, false)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_tuple(len, visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.expect(b'{')?;
        self.list(b'}', visitor, true)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.expect(b'(')?;
        record(self, visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.deeper()?;
        let value = visitor.visit_enum(Variant(&mut *self))?;
        self.depth -= 1;
        Ok(value)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_borrowed_str(self.ident()?)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.skip_value()?;
        visitor.visit_unit()
    }
}

impl<'de> Reader<'de> {
    /// `Some(value)` after its `Some`.
    fn some<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value> {
        self.expect(b'(')?;
        self.deeper()?;
        let value = visitor.visit_some(&mut *self)?;
        self.expect(b')')?;
        self.depth -= 1;
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::super::format::{FileIn, to_ron};
    use crate::model::Dataset;
    use crate::model::data::generate::{Spec, generate};

    /// What the `ron` crate gives, with the ignored paths.
    fn by_ron<T: serde::de::DeserializeOwned>(text: &str) -> Option<(T, Vec<String>)> {
        let options = ron::Options::default().with_recursion_limit(32);
        let mut de = ron::Deserializer::from_str_with_options(text, &options).ok()?;
        let mut paths = Vec::new();
        let value = serde_ignored::deserialize(&mut de, |p| paths.push(p.to_string())).ok()?;
        de.end().ok()?;
        Some((value, paths))
    }

    /// The fast reader gives the `ron` crate's answer, or steps aside; `read`: it must read.
    fn agrees(text: &str, read: bool) {
        let fast = super::from_str_with_ignored::<FileIn>(text);
        assert!(!read || fast.is_some(), "the fast reader stepped aside");
        if let Some(fast) = fast {
            assert_eq!(Some(fast), by_ron::<FileIn>(text));
        }
    }

    fn generated(seed: u64) -> String {
        to_ron(&generate(Spec {
            actors: 40,
            claims_per_actor: 6,
            sources: 5,
            events: 4,
            seed,
        }))
    }

    #[test]
    fn reads_what_this_program_writes_as_the_ron_crate_does() {
        agrees(&to_ron(&crate::store::embedded()), true);
        for seed in 1..6 {
            agrees(&generated(seed), true);
        }
        // Not a trivial agreement: the generated file has claims, quotes and dates.
        let (file, _) = super::from_str_with_ignored::<FileIn>(&generated(1)).unwrap();
        assert_eq!(file.dataset.claims.len(), 240);
        assert!(file.dataset.claims.iter().any(|c| c.quote.is_some()));
    }

    #[test]
    fn escapes_comments_and_unknown_fields_read_alike() {
        let mut d = Dataset::default();
        d.body.name = "Tab\tquote\" back\\slash \u{200f} new\nline 'apostrophe' \u{0}".into();
        d.body.description = "plain ünïcödé".into();
        let text = to_ron(&d).replace(
            "    version:",
            "    // a comment: with \"quotes\" (and brackets\n    nickname: Named(\"x\", [1, -2.5e3], { \"k\": (a: Some(true), b: None) }),\n    version:",
        );
        agrees(&text, true);
        let (_, paths) = super::from_str_with_ignored::<FileIn>(&text).unwrap();
        assert_eq!(paths, ["nickname"]);
        let (file, _) = super::from_str_with_ignored::<FileIn>(&text).unwrap();
        assert_eq!(file.dataset.body.name, d.body.name);
    }

    #[test]
    fn what_it_does_not_read_it_leaves_to_the_ron_crate() {
        let text = to_ron(&Dataset::default());
        for (from, to) in [
            ("    version:", "    /* block */ version:"),
            ("    version:", "    nick: r#\"raw\"#,\n    version:"),
            ("    version:", "    nick: 'c',\n    version:"),
            ("    version:", "    nick: 1_000,\n    version:"),
            ("    version:", "    nick: 0x1F,\n    version:"),
            ("    version:", "    nick: (1 2),\n    version:"),
            ("    version:", "    nick: \"\\x41\",\n    version:"),
            ("format:", "format:\u{2028}"),
        ] {
            let changed = text.replacen(from, to, 1);
            assert_ne!(changed, text, "{to}");
            assert!(
                super::from_str_with_ignored::<FileIn>(&changed).is_none(),
                "{to}"
            );
        }
    }

    #[test]
    fn a_piece_of_a_list_reads_as_the_list_would() {
        let d = generate(Spec {
            actors: 10,
            claims_per_actor: 5,
            sources: 3,
            events: 0,
            seed: 2,
        });
        let list = ron::ser::to_string_pretty(&d.claims, Default::default())
            .unwrap()
            .replacen("id:", "weight: Some(2), id:", 2);
        let inner = list
            .trim()
            .strip_prefix('[')
            .unwrap()
            .strip_suffix(']')
            .unwrap();
        let piece = format!("{inner} // the end of a piece\n");
        let (claims, paths) = super::items_with_ignored::<crate::model::Claim>(&piece).unwrap();
        let (by_ron, ron_paths) = by_ron::<Vec<crate::model::Claim>>(&list).unwrap();
        assert_eq!(claims, by_ron);
        assert_eq!(claims.len(), 50);
        assert_eq!(paths, ron_paths);
        assert_eq!(paths, ["0.weight", "1.weight"]);
        // Two items without a comma between them are not a list.
        let glued = piece.replacen("),", ")", 1);
        assert!(super::items_with_ignored::<crate::model::Claim>(&glued).is_none());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        /// A damaged file: whatever the fast reader accepts, the `ron` crate reads the same.
        #[test]
        fn a_damaged_file_is_read_alike_or_left_to_the_ron_crate(
            at in 0usize..6000,
            cut in 0usize..4,
            insert in prop::sample::select(vec!["", ",", "(", ")", "\"", ":", "\\", "//", "Some(", " ", "x", "[", "]", "1", "-"]),
        ) {
            let text = generated(3);
            let at = text.char_indices().map(|(i, _)| i).nth(at % text.chars().count()).unwrap_or(0);
            let end = text[at..].char_indices().map(|(i, _)| at + i).nth(cut).unwrap_or(text.len());
            let damaged = format!("{}{insert}{}", &text[..at], &text[end..]);
            agrees(&damaged, false);
        }
    }
}
