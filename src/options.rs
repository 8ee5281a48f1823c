//! # Options
//!
//! The JSON options every front end accepts (the SWC plugin's second array
//! element, the CLI's `--config` file, the wasm module's `transform(code, opts)`).
//! Field names are camelCase; unknown fields are rejected so a typo is an error
//! that names it, not a silently ignored setting.
//!
//! ```json
//! { "helperModule": "commontools", "captureMode": "roots", "exclude": ["onLoad"] }
//! ```
//!
//! `{}` (or no options at all) means every default.

use serde::Deserialize;

/// Transform options. Every field is optional.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct Options {
    /// Module the helper is imported from.
    ///
    /// Defaults to the runtime module the file already imports values from:
    /// `"commonfabric"` (the runtime's current name) or `"commontools"` (its
    /// former one, which is also the default when the file imports neither).
    pub helper_module: Option<String>,

    /// Name the helper is exported under (also its local name unless taken).
    /// Must be an identifier that can name a binding in a module: not a
    /// reserved word, `await`, `eval` or `arguments`.
    ///
    /// Defaults to `"handler"`.
    pub helper_name: String,

    /// How the helper is imported: `"named"` (`import { handler } from "commontools"`)
    /// or `"namespace"` (`import * as __ctHelpers from "commontools"` and
    /// `__ctHelpers.handler(...)`).
    ///
    /// Defaults to `"named"`.
    pub import_style: ImportStyle,

    /// Local name of the namespace import when `importStyle` is `"namespace"`
    /// (the same rules as `helperName`). An existing namespace import of
    /// `helperModule` is reused whatever its name.
    ///
    /// Defaults to `"__ctHelpers"`.
    pub namespace_name: String,

    /// An attribute is an event attribute when its name starts with this
    /// prefix (case-sensitive; namespaced names such as `on:click` are matched
    /// on their full text). Ignored when `attributePattern` is set.
    ///
    /// Defaults to `"on"`.
    pub attribute_prefix: String,

    /// A regular expression the **whole** attribute name must match to be an
    /// event attribute (for example `"on[A-Z].*"`; it is anchored at both
    /// ends, so `"on[A-Z]"` matches `onX` but not `onClick`). Replaces the
    /// prefix rule when set.
    ///
    /// Defaults to none (the prefix rule applies).
    pub attribute_pattern: Option<String>,

    /// Attribute names that are never event attributes, even when they match
    /// (for example `["one", "only"]`).
    ///
    /// Defaults to `[]`.
    pub exclude: Vec<String>,

    /// What a handler captures: `"paths"` (the member paths the body uses,
    /// grouped as a tree) or `"roots"` (only the root bindings, read live).
    ///
    /// Defaults to `"paths"`.
    pub capture_mode: CaptureMode,

    /// What to do when a handler closes over a local function (a function
    /// declaration, or a `const`/`let` initialised with a function or arrow):
    /// `"capture"` it like any other binding, or report an `"error"` (HC008)
    /// and leave the handler as written.
    ///
    /// Defaults to `"capture"`.
    pub local_callables: LocalCallables,

    /// Move each rewritten handler's `handler(callback)` to a module-level
    /// `const` with a stable name (`const _App_button_onClick = handler(...)`)
    /// and keep only the binding in the JSX (BEHAVIOR.md section 5). Handlers
    /// whose callback depends on where it stands stay inline.
    ///
    /// Defaults to `false`.
    pub hoist: bool,

    /// Register each module's hoisted handlers with one call after the
    /// hoisted block: `{ "module": "commonfabric", "name": "__cfReg" }` adds
    /// `__cfReg("src/App.tsx", { "_App_button_onClick": _App_button_onClick })`.
    /// Requires `hoist`. A build-time feature: the CLI refuses it when it
    /// writes, checks or diffs files.
    ///
    /// Defaults to none.
    pub registry: Option<Registry>,

    /// The directory module ids are relative to (`src/App.tsx`): compared
    /// lexically with the file name, never through the file system.
    ///
    /// Defaults to the host's working directory.
    pub root: Option<String>,

    /// The classic JSX factory and fragment the build compiles JSX with
    /// (`["h", "Fragment"]`), besides `React` and the file's `@jsx` and
    /// `@jsxFrag` pragmas: a handler holding JSX is not hoisted where one of
    /// them is a local binding. The esbuild plugin fills it from the build's
    /// `jsxFactory` and `jsxFragment`. `"*"` means the factory is unknown:
    /// no callback holding JSX is hoisted.
    ///
    /// Defaults to `[]`.
    pub jsx_factories: Vec<String>,
}

/// See [`Options::registry`].
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Registry {
    /// Module the registry function is imported from.
    pub module: String,
    /// Name the registry function is exported under (the same rules as
    /// `helperName`).
    pub name: String,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            helper_module: None,
            helper_name: "handler".into(),
            import_style: ImportStyle::Named,
            namespace_name: "__ctHelpers".into(),
            attribute_prefix: "on".into(),
            attribute_pattern: None,
            exclude: Vec::new(),
            capture_mode: CaptureMode::Paths,
            local_callables: LocalCallables::Capture,
            hoist: false,
            registry: None,
            root: None,
            jsx_factories: Vec::new(),
        }
    }
}

/// See [`Options::import_style`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ImportStyle {
    Named,
    Namespace,
}

/// See [`Options::capture_mode`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum CaptureMode {
    Paths,
    Roots,
}

/// See [`Options::local_callables`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum LocalCallables {
    Capture,
    Error,
}

/// Options that failed to parse or validate. The message names the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionsError {
    /// The offending field as a JSON path (`captureMode`, `exclude[2]`), or
    /// empty when the document itself is malformed.
    pub field: String,
    pub message: String,
}

impl std::fmt::Display for OptionsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.field.is_empty() {
            write!(f, "invalid handler-closures options: {}", self.message)
        } else {
            write!(
                f,
                "invalid handler-closures option `{}`: {}",
                self.field, self.message
            )
        }
    }
}

impl std::error::Error for OptionsError {}

impl Options {
    /// Parses options from JSON text (what every front end receives) and
    /// validates them. Empty text and `null` mean defaults.
    pub fn from_json(text: &str) -> Result<Options, OptionsError> {
        let text = text.trim();
        if text.is_empty() || text == "null" {
            return Ok(Options::default());
        }
        let de = &mut serde_json::Deserializer::from_str(text);
        let options: Options = serde_path_to_error::deserialize(de).map_err(|err| {
            let field = err.path().to_string();
            OptionsError {
                field: if field == "." { String::new() } else { field },
                message: err.into_inner().to_string(),
            }
        })?;
        options.validate()?;
        Ok(options)
    }

    /// The module the helper is imported from when the file imports from
    /// none of the runtime's modules.
    pub const DEFAULT_HELPER_MODULE: &'static str = "commontools";

    /// The runtime's module names, current first, that a file's existing
    /// import selects when `helperModule` is not set.
    pub const RUNTIME_MODULES: [&'static str; 2] = ["commonfabric", "commontools"];

    /// Checks what serde cannot: identifier-valued fields and the regex.
    pub fn validate(&self) -> Result<(), OptionsError> {
        let bad = |field: &str, message: String| OptionsError {
            field: field.into(),
            message,
        };
        if self.helper_module.as_deref() == Some("") {
            return Err(bad("helperModule", "must not be empty".into()));
        }
        let registry_name = self.registry.as_ref().map(|r| &r.name);
        for (field, value) in [
            ("helperName", Some(&self.helper_name)),
            ("namespaceName", Some(&self.namespace_name)),
            ("registry.name", registry_name),
        ] {
            let Some(value) = value else { continue };
            if !is_identifier_name(value) {
                return Err(bad(
                    field,
                    format!("`{value}` is not a JavaScript identifier"),
                ));
            }
            if is_reserved_in_modules(value) {
                return Err(bad(
                    field,
                    format!(
                        "`{value}` cannot name a binding in a module (a reserved word, or \
                         `eval`/`arguments` in strict mode)"
                    ),
                ));
            }
        }
        if let Some(registry) = &self.registry {
            if !self.hoist {
                return Err(bad(
                    "registry",
                    "needs `hoist: true` (only hoisted handlers have a name to register)".into(),
                ));
            }
            if registry.module.is_empty() {
                return Err(bad("registry.module", "must not be empty".into()));
            }
        }
        if self.attribute_pattern.is_none() && self.attribute_prefix.is_empty() {
            return Err(bad(
                "attributePrefix",
                "must not be empty (it would make every attribute an event attribute)".into(),
            ));
        }
        if let Some(pattern) = &self.attribute_pattern {
            regex_lite::Regex::new(pattern)
                .map_err(|err| bad("attributePattern", format!("invalid regex: {err}")))?;
        }
        Ok(())
    }
}

/// Whether `name` cannot be a binding in module code, which is strict: the
/// reserved words, the strict-mode ones, `await`, `eval` and `arguments`.
pub(crate) fn is_reserved_in_modules(name: &str) -> bool {
    const RESERVED: [&str; 46] = [
        "await",
        "break",
        "case",
        "catch",
        "class",
        "const",
        "continue",
        "debugger",
        "default",
        "delete",
        "do",
        "else",
        "enum",
        "export",
        "extends",
        "false",
        "finally",
        "for",
        "function",
        "if",
        "import",
        "in",
        "instanceof",
        "new",
        "null",
        "return",
        "super",
        "switch",
        "this",
        "throw",
        "true",
        "try",
        "typeof",
        "var",
        "void",
        "while",
        "with",
        "yield",
        "let",
        "static",
        "implements",
        "interface",
        "package",
        "private",
        "protected",
        "public",
    ];
    RESERVED.contains(&name) || name == "eval" || name == "arguments"
}

/// Whether `name` can be written as an identifier (ASCII letters, digits, `_`
/// and `$`, or any non-ASCII alphanumeric, not starting with a digit).
pub(crate) fn is_identifier_name(name: &str) -> bool {
    let mut chars = name.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let start = |c: char| c == '_' || c == '$' || c.is_alphabetic();
    start(first)
        && chars.all(|c| start(c) || c.is_alphanumeric() || c == '\u{200c}' || c == '\u{200d}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_null_mean_defaults() {
        assert_eq!(Options::from_json("").unwrap(), Options::default());
        assert_eq!(Options::from_json("null").unwrap(), Options::default());
        assert_eq!(Options::from_json("{}").unwrap(), Options::default());
    }

    #[test]
    fn registry_needs_hoist_and_an_identifier() {
        let registry = r#""registry": {"module": "commonfabric", "name": "__cfReg"}"#;
        let err = Options::from_json(&format!("{{{registry}}}")).unwrap_err();
        assert_eq!(err.field, "registry");
        let options = Options::from_json(&format!(r#"{{"hoist": true, {registry}}}"#)).unwrap();
        assert_eq!(options.registry.unwrap().name, "__cfReg");
        let err = Options::from_json(
            r#"{"hoist": true, "registry": {"module": "m", "name": "not-a-name"}}"#,
        )
        .unwrap_err();
        assert_eq!(err.field, "registry.name");
        let err =
            Options::from_json(r#"{"hoist": true, "registry": {"module": "m"}}"#).unwrap_err();
        assert_eq!(err.field, "registry");
        let err = Options::from_json(
            r#"{"hoist": true, "registry": {"module": "m", "name": "r", "x": 1}}"#,
        )
        .unwrap_err();
        assert!(err.message.contains('x'), "{err}");
    }

    #[test]
    fn unknown_field_is_named() {
        let err = Options::from_json(r#"{"captureMod": "roots"}"#).unwrap_err();
        assert!(err.message.contains("captureMod"), "{err}");
    }

    #[test]
    fn bad_variant_names_the_field() {
        let err = Options::from_json(r#"{"captureMode": "all"}"#).unwrap_err();
        assert_eq!(err.field, "captureMode");
        assert!(err.to_string().contains("`captureMode`"), "{err}");
    }

    #[test]
    fn bad_type_names_the_nested_field() {
        let err = Options::from_json(r#"{"exclude": ["onA", 3]}"#).unwrap_err();
        assert_eq!(err.field, "exclude[1]");
    }

    #[test]
    fn bad_regex_and_identifiers_are_rejected() {
        let err = Options::from_json(r#"{"attributePattern": "(on"}"#).unwrap_err();
        assert_eq!(err.field, "attributePattern");
        let err = Options::from_json(r#"{"helperName": "not-an-ident"}"#).unwrap_err();
        assert_eq!(err.field, "helperName");
    }

    #[test]
    fn names_that_cannot_be_bindings_in_a_module_are_rejected() {
        // Each would print `import { class } from ...` or similar, which does
        // not parse (or, for `eval`/`arguments`, is a strict-mode error).
        for name in [
            "class",
            "await",
            "default",
            "eval",
            "arguments",
            "yield",
            "let",
            "static",
        ] {
            for field in ["helperName", "namespaceName"] {
                let err = Options::from_json(&format!(r#"{{"{field}": "{name}"}}"#)).unwrap_err();
                assert_eq!(err.field, field, "{name}");
            }
        }
        // Contextual keywords are fine as bindings.
        for name in ["of", "as", "from", "async", "get", "type", "undefined"] {
            assert!(
                Options::from_json(&format!(r#"{{"helperName": "{name}"}}"#)).is_ok(),
                "{name}"
            );
        }
    }
}
