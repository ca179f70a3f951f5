//! `extra`: the user's own data, handed to templates: in front matter and
//! in `dossier.yaml`, which is why it lives beside both rather than inside
//! `load/` (`config.rs` reads it too). It is read straight into the JSON
//! values Tera works on, and whatever Tera cannot hold is
//! refused here, at its line, rather than met later by the template engine
//! (which panics on a map key that is not text, such as `{~: 1}`).
//!
//! Accepted: text, numbers that fit in 64 bits, `true`/`false`, null,
//! lists, and maps whose keys are text, whole numbers or `true`/`false`
//! (the last two become text, as in JSON). Refused: other keys (null, a
//! list, a map, a decimal number), `.nan` and `.inf`, numbers too large,
//! and YAML tags (`!foo`), each with what to write instead.

use std::collections::BTreeMap;
use std::fmt;

use crate::diagnostic::HELP;

use serde::Serialize;
use serde::de::{self, Deserialize, Deserializer, EnumAccess, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

/// A free map handed to templates untouched.
pub(crate) type Extra = BTreeMap<String, ExtraValue>;

/// One value of `extra`, already in the form templates read.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(transparent)]
pub(crate) struct ExtraValue(pub Value);

impl<'de> Deserialize<'de> for ExtraValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValueVisitor).map(ExtraValue)
    }
}

/// An error whose help says to quote the value.
fn quote_it<E: de::Error>(problem: &str) -> E {
    E::custom(format!(
        "{problem}{HELP}quote it to keep it as text (`\"…\"`), or remove it"
    ))
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("text, a number, true/false, a list or a map")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Value, E> {
        Err(quote_it(&format!(
            "number `{v}` is too large for templates"
        )))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Value, E> {
        Err(quote_it(&format!(
            "number `{v}` is too large for templates"
        )))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        Number::from_f64(v).map(Value::Number).ok_or_else(|| {
            let written = if v.is_nan() {
                ".nan"
            } else if v > 0.0 {
                ".inf"
            } else {
                "-.inf"
            };
            quote_it(&format!("`{written}` is not a number templates can show"))
        })
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(ExtraValue(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Map::new();
        while let Some(Key(key)) = map.next_key()? {
            let ExtraValue(value) = map.next_value()?;
            entries.insert(key, value);
        }
        Ok(Value::Object(entries))
    }

    /// serde_yaml hands a tagged value (`!foo x`) as an enum named by its tag.
    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Value, A::Error> {
        let (tag, _) = data.variant::<String>()?;
        Err(de::Error::custom(format!(
            "YAML tag `!{tag}` is not supported in `extra`{HELP}remove `!{tag}`, or quote the whole value to keep it as text (`\"!{tag} …\"`)"
        )))
    }
}

/// A map key of `extra`: text, or a whole number or `true`/`false` made text.
struct Key(String);

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(KeyVisitor).map(Key)
    }
}

struct KeyVisitor;

impl KeyVisitor {
    fn refuse<E: de::Error>(found: &str) -> E {
        E::custom(format!(
            "a key under `extra` is {found}: keys must be text{HELP}write the key as text, in quotes (`\"key\": value`)"
        ))
    }
}

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key written as text")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_i128<E: de::Error>(self, _: i128) -> Result<String, E> {
        Err(Self::refuse("a number too large"))
    }

    fn visit_u128<E: de::Error>(self, _: u128) -> Result<String, E> {
        Err(Self::refuse("a number too large"))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<String, E> {
        Err(Self::refuse(&format!("the decimal number `{v}`")))
    }

    fn visit_unit<E: de::Error>(self) -> Result<String, E> {
        Err(Self::refuse("null (`~`, `null` or nothing)"))
    }

    fn visit_none<E: de::Error>(self) -> Result<String, E> {
        Err(Self::refuse("null (`~`, `null` or nothing)"))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<String, A::Error> {
        Err(Self::refuse("a list"))
    }

    fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<String, A::Error> {
        Err(Self::refuse("a map"))
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<String, A::Error> {
        let (tag, _) = data.variant::<String>()?;
        Err(Self::refuse(&format!("tagged `!{tag}`")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(yaml: &str) -> Result<Extra, String> {
        serde_yaml::from_str(yaml).map_err(|e| e.to_string())
    }

    #[test]
    fn plain_data_reads_as_json() {
        let extra = read("a: [1, -2, 1.5, true, ~, x]\n2024: {false: y}\n<<: {b: 1}\n")
            .expect("plain data");
        let json = serde_json::to_string(&extra).expect("serializes");
        assert_eq!(
            json,
            r#"{"2024":{"false":"y"},"<<":{"b":1},"a":[1,-2,1.5,true,null,"x"]}"#
        );
    }

    #[test]
    fn what_templates_cannot_hold_is_refused() {
        for (yaml, says) in [
            ("odd: {~: 1}\n", "is null"),
            ("odd: {[1, 2]: 1}\n", "is a list"),
            ("odd: {1.5: 1}\n", "decimal number"),
            ("n: .nan\n", "`.nan` is not a number"),
            ("n: -.inf\n", "`-.inf` is not a number"),
            ("n: 18446744073709551616\n", "too large"),
            ("t: !foo x\n", "tag `!foo`"),
            (
                &format!("d: {}1{}\n", "[".repeat(200), "]".repeat(200)),
                "recursion",
            ),
        ] {
            let error = read(yaml).expect_err(yaml);
            assert!(error.contains(says), "{yaml}: {error}");
        }
    }
}
