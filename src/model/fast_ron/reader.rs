//! The serde side of the fast reader: lists and structs as sequences and maps, enum
//! variants, and the `Deserializer` that dispatches on the schema's types.

use std::borrow::Cow;

use serde::de::{self, DeserializeSeed, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor};

use super::{Parser, Refused, Result, is_ident_start, refuse};

/// Elements of a list, or fields of a struct, separated by commas.
pub(super) struct Items<'a, 'de> {
    pub(super) parser: &'a mut Parser<'de>,
    pub(super) close: u8,
    pub(super) first: bool,
    pub(super) done: bool,
}

impl<'de> Items<'_, 'de> {
    /// True when another item follows (the separator taken), false at the close (taken).
    pub(super) fn more(&mut self) -> Result<bool> {
        if self.done {
            return Ok(false);
        }
        let next = self.parser.peek()?;
        if next == Some(self.close) {
            self.parser.pos += 1;
            self.done = true;
            return Ok(false);
        }
        if !self.first {
            if next != Some(b',') {
                return refuse("expected a comma");
            }
            self.parser.pos += 1;
            if self.parser.peek()? == Some(self.close) {
                self.parser.pos += 1;
                self.done = true;
                return Ok(false);
            }
        }
        self.first = false;
        Ok(true)
    }

    pub(super) fn finish(self) -> Result<()> {
        if self.done {
            Ok(())
        } else {
            self.parser.close(self.close)
        }
    }
}

impl<'de> SeqAccess<'de> for Items<'_, 'de> {
    type Error = Refused;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if !self.more()? {
            return Ok(None);
        }
        seed.deserialize(&mut *self.parser).map(Some)
    }
}

impl<'de> MapAccess<'de> for Items<'_, 'de> {
    type Error = Refused;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if !self.more()? {
            return Ok(None);
        }
        let key = self.parser.ident()?;
        self.parser.expect(b':')?;
        seed.deserialize(de::value::BorrowedStrDeserializer::new(key))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        seed.deserialize(&mut *self.parser)
    }
}

struct Variant<'a, 'de> {
    parser: &'a mut Parser<'de>,
}

impl<'a, 'de> EnumAccess<'de> for Variant<'a, 'de> {
    type Error = Refused;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self)> {
        let name = self.parser.ident()?;
        let value = seed.deserialize(de::value::BorrowedStrDeserializer::<Refused>::new(name))?;
        Ok((value, self))
    }
}

impl<'de> VariantAccess<'de> for Variant<'_, 'de> {
    type Error = Refused;

    fn unit_variant(self) -> Result<()> {
        if self.parser.peek()? == Some(b'(') {
            return refuse("unit variant with parentheses");
        }
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        self.parser.expect(b'(')?;
        self.parser.enter()?;
        let value = seed.deserialize(&mut *self.parser)?;
        self.parser.leave();
        self.parser.expect(b')')?;
        Ok(value)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, _visitor: V) -> Result<V::Value> {
        refuse("tuple variants are left to ron")
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value> {
        refuse("struct variants are left to ron")
    }
}

impl<'de> de::Deserializer<'de> for &mut Parser<'de> {
    type Error = Refused;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.peek()? {
            Some(b'"') => self.deserialize_str(visitor),
            Some(b'[') => self.deserialize_seq(visitor),
            Some(b'-' | b'0'..=b'9') => self.number(visitor),
            Some(b't' | b'f') => self.deserialize_bool(visitor),
            _ => refuse("value form left to ron"),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.ident()? {
            "true" => visitor.visit_bool(true),
            "false" => visitor.visit_bool(false),
            _ => refuse("expected a boolean"),
        }
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.number(visitor)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.number(visitor)
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

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.ident()? {
            "None" => visitor.visit_none(),
            "Some" => {
                self.expect(b'(')?;
                self.enter()?;
                let value = visitor.visit_some(&mut *self)?;
                self.leave();
                self.expect(b')')?;
                Ok(value)
            }
            _ => refuse("expected Some(…) or None"),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.expect(b'[')?;
        self.enter()?;
        let mut items = Items {
            parser: &mut *self,
            close: b']',
            first: true,
            done: false,
        };
        let value = visitor.visit_seq(&mut items)?;
        items.finish()?;
        self.leave();
        Ok(value)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        if self.peek()?.is_some_and(is_ident_start) && self.ident()? != name {
            return refuse("struct name does not match");
        }
        self.expect(b'(')?;
        self.enter()?;
        let mut items = Items {
            parser: &mut *self,
            close: b')',
            first: true,
            done: false,
        };
        let value = visitor.visit_map(&mut items)?;
        items.finish()?;
        self.leave();
        Ok(value)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_enum(Variant { parser: self })
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_borrowed_str(self.ident()?)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        refuse("unknown content is left to ron")
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i32 i128 u8 u16 u32 u128 f32 f64 char bytes byte_buf unit unit_struct
        newtype_struct tuple tuple_struct map
    }
}
