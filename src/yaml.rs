//! Every YAML parse in factlint goes through here, so the YAML crate can be swapped in one place.

use serde::de::DeserializeOwned;

pub use serde_yaml::{Mapping, Value};

/// A YAML problem with its 1-based line and column when the parser knows them.
#[derive(Debug, Clone)]
pub struct YamlError {
    pub message: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// Byte offset into the parsed text, when known.
    pub offset: Option<usize>,
}

impl YamlError {
    fn from_serde(e: serde_yaml::Error) -> Self {
        let loc = e.location();
        let mut message = e.to_string();
        // serde_yaml appends " at line L column C"; we print the location ourselves.
        if let Some(i) = message.find(" at line ") {
            message.truncate(i);
        }
        YamlError {
            message,
            line: loc.as_ref().map(|l| l.line()),
            column: loc.as_ref().map(|l| l.column()),
            offset: loc.as_ref().map(|l| l.index()),
        }
    }
}

/// Parses a whole document into a typed value.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    serde_yaml::from_str(text).map_err(YamlError::from_serde)
}

/// Converts an already-parsed value (positions are lost at this point).
pub fn from_value<T: DeserializeOwned>(value: Value) -> Result<T, YamlError> {
    serde_yaml::from_value(value).map_err(YamlError::from_serde)
}

pub fn to_string<T: serde::Serialize>(value: &T) -> String {
    serde_yaml::to_string(value).unwrap_or_default()
}
