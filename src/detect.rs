//! # Detection: which attributes are handlers
//!
//! A JSX attribute is an event attribute when its name matches the configured
//! rule (by default: starts with `on`, case-sensitive, namespaced names such as
//! `on:click` matched on their full text; an `attributePattern` must match the
//! whole name) and is not excluded. Its value is a handler when it is a `{...}`
//! container holding an inline arrow function, possibly wrapped in
//! parentheses, whose body does not start with a directive other than
//! `"use strict"` (`async () => { "use server"; ... }` is an inline server
//! action and must stay one).
//!
//! ```tsx
//! <b onClick={() => go()} />        // handler
//! <b onClick={(() => go())} />      // handler (parentheses removed)
//! <b onClick={go} />                // left as written: not an inline arrow
//! <b onClick={(() => go()) as F} /> // left as written: behind `as`
//! <f onSave={async () => { "use server"; await save() }} /> // left as written: a server action
//! ```

use std::cell::RefCell;

use regex_lite::Regex;
use swc_core::common::Span;
use swc_core::ecma::{
    ast::{
        ArrowExpr, ArrowFunctionBody, Expr, ExprStmt, Invalid, JSXAttr, JSXAttrName, JSXAttrValue,
        JSXExpr, JSXExprContainer, Lit, Program, Stmt,
    },
    visit::{Visit, VisitWith},
};

use crate::options::Options;

thread_local! {
    /// The last pattern compiled on this thread: a codemod run or a host
    /// build uses one pattern for every file, and compiling it per file cost
    /// 6% of a run.
    static LAST_PATTERN: RefCell<Option<(String, Regex)>> = const { RefCell::new(None) };
}

/// `pattern` compiled, reusing the last compilation of the same pattern.
fn compiled(pattern: &str) -> Option<Regex> {
    LAST_PATTERN.with(|last| {
        let mut last = last.borrow_mut();
        if let Some((source, regex)) = &*last {
            if source == pattern {
                return Some(regex.clone());
            }
        }
        // The whole attribute name must match, not a part of it.
        let regex = Regex::new(&format!("^(?:{pattern})$")).ok()?;
        *last = Some((pattern.to_string(), regex.clone()));
        Some(regex)
    })
}

/// The compiled attribute rule.
#[derive(Debug)]
pub struct AttributeRule {
    prefix: String,
    pattern: Option<Regex>,
    exclude: Vec<String>,
}

impl AttributeRule {
    /// Compiles the rule. Options must have been validated (an invalid regex
    /// then falls back to the prefix rule rather than panicking).
    pub fn new(options: &Options) -> Self {
        AttributeRule {
            prefix: options.attribute_prefix.clone(),
            pattern: options.attribute_pattern.as_deref().and_then(compiled),
            exclude: options.exclude.clone(),
        }
    }

    /// Whether an attribute with this full name is an event attribute.
    pub fn matches(&self, name: &str) -> bool {
        if self.exclude.iter().any(|excluded| excluded == name) {
            return false;
        }
        match &self.pattern {
            Some(pattern) => pattern.is_match(name),
            None => name.starts_with(self.prefix.as_str()),
        }
    }
}

/// The full text of an attribute's name (`onClick`, `on:click`).
pub fn attr_name(attr: &JSXAttr) -> String {
    match &attr.name {
        JSXAttrName::Ident(name) => name.sym.to_string(),
        JSXAttrName::JSXNamespacedName(name) => format!("{}:{}", name.ns.sym, name.name.sym),
        #[cfg(swc_ast_unknown)]
        _ => String::new(),
    }
}

/// The inline arrow of an event attribute, if this attribute is a handler.
pub fn handler_arrow<'a>(attr: &'a JSXAttr, rule: &AttributeRule) -> Option<&'a ArrowExpr> {
    let Some(JSXAttrValue::JSXExprContainer(container)) = &attr.value else {
        return None;
    };
    let JSXExpr::Expr(expr) = &container.expr else {
        return None;
    };
    let arrow = unwrap_parens(expr).as_arrow()?;
    // An arrow without a real position cannot be matched by the back ends.
    if arrow.span.is_dummy() || has_foreign_directive(arrow) || !rule.matches(&attr_name(attr)) {
        return None;
    }
    Some(arrow)
}

/// Whether the arrow's body starts with a directive prologue holding anything
/// but `"use strict"` (`"use server"` makes it an inline server action).
fn has_foreign_directive(arrow: &ArrowExpr) -> bool {
    leading_strings(arrow)
        .take_while(|(_, parenthesized)| !parenthesized)
        .any(|(value, _)| value != Some("use strict"))
}

/// Whether the arrow's directive prologue holds `"use strict"` (which makes a
/// destructured parameter a syntax error). A leading parenthesised
/// `("use strict")` counts too: it is no directive, but SWC's printer drops
/// the parentheses and makes it one.
pub fn has_use_strict(arrow: &ArrowExpr) -> bool {
    leading_strings(arrow).any(|(value, _)| value == Some("use strict"))
}

/// The leading string-literal statements of a block body, seen through
/// parentheses: each value (`None` when not valid UTF-8) and whether it was
/// parenthesised (the directive prologue is the run before the first one).
fn leading_strings(arrow: &ArrowExpr) -> impl Iterator<Item = (Option<&str>, bool)> {
    let stmts = match &*arrow.body {
        ArrowFunctionBody::FunctionBody(body) => body.stmts.as_slice(),
        _ => &[],
    };
    stmts.iter().map_while(|stmt| match stmt {
        Stmt::Expr(ExprStmt { expr, .. }) => match unwrap_parens(expr) {
            Expr::Lit(Lit::Str(value)) => Some((value.value.as_str(), expr.is_paren())),
            _ => None,
        },
        _ => None,
    })
}

/// What a first look at a program found.
pub struct FirstLook {
    /// At least one handler.
    pub has_handler: bool,
    /// An event attribute bound by a call of an identifier
    /// (`onClick={_App_b_onClick({...})}`, a handler an earlier run hoisted),
    /// seen before the first handler.
    pub has_bound: bool,
    /// An invalid node left by the parser's error recovery, if seen before
    /// the first handler (after it, the scope index walk looks).
    pub invalid: Option<Span>,
}

/// Whether `program` has at least one handler. Stops descending at the first
/// one, so a file with handlers pays for a prefix of the walk and a file
/// without any skips the full analysis.
pub fn first_look(program: &Program, rule: &AttributeRule) -> FirstLook {
    let mut finder = Finder {
        rule,
        found: false,
        bound: false,
        invalid: None,
    };
    program.visit_with(&mut finder);
    FirstLook {
        has_handler: finder.found,
        has_bound: finder.bound,
        invalid: finder.invalid,
    }
}

struct Finder<'a> {
    rule: &'a AttributeRule,
    found: bool,
    bound: bool,
    invalid: Option<Span>,
}

impl Visit for Finder<'_> {
    fn visit_invalid(&mut self, invalid: &Invalid) {
        self.invalid.get_or_insert(invalid.span);
    }

    fn visit_stmt(&mut self, stmt: &Stmt) {
        if !self.found {
            stmt.visit_children_with(self);
        }
    }

    fn visit_expr(&mut self, expr: &Expr) {
        if !self.found {
            expr.visit_children_with(self);
        }
    }

    fn visit_jsx_attr(&mut self, attr: &JSXAttr) {
        if handler_arrow(attr, self.rule).is_some() {
            self.found = true;
        } else if !self.found {
            if !self.bound && is_bound(attr) && self.rule.matches(&attr_name(attr)) {
                self.bound = true;
            }
            attr.visit_children_with(self);
        }
    }
}

/// `{N(...)}`: the value is a call of an identifier.
fn is_bound(attr: &JSXAttr) -> bool {
    let Some(JSXAttrValue::JSXExprContainer(JSXExprContainer {
        expr: JSXExpr::Expr(expr),
        ..
    })) = &attr.value
    else {
        return false;
    };
    matches!(unwrap_parens(expr), Expr::Call(call) if call.callee.as_expr().is_some_and(|c| c.is_ident()))
}

/// The expression inside any number of parentheses.
pub fn unwrap_parens(mut expr: &Expr) -> &Expr {
    while let Expr::Paren(paren) = expr {
        expr = &paren.expr;
    }
    expr
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(json: Options) -> AttributeRule {
        AttributeRule::new(&json)
    }

    #[test]
    fn default_prefix_rule_is_case_sensitive_and_raw() {
        let r = rule(Options::default());
        for name in [
            "onClick",
            "onclick",
            "on-click",
            "onct-change",
            "on:click",
            "one",
            "only",
        ] {
            assert!(r.matches(name), "{name}");
        }
        for name in ["On", "ON", "click", "xon"] {
            assert!(!r.matches(name), "{name}");
        }
    }

    #[test]
    fn pattern_and_exclusions() {
        let r = rule(Options {
            attribute_pattern: Some("on[A-Z].*".into()),
            exclude: vec!["onLoad".into()],
            ..Options::default()
        });
        assert!(r.matches("onClick"));
        assert!(!r.matches("one"));
        assert!(!r.matches("onLoad"));
    }

    #[test]
    fn a_pattern_matches_the_whole_name() {
        let r = rule(Options {
            attribute_pattern: Some("on[A-Z]".into()),
            ..Options::default()
        });
        // A substring search would take `buttonClick` and `onClick`.
        assert!(!r.matches("buttonClick") && !r.matches("onClick") && r.matches("onX"));
        let alternation = rule(Options {
            attribute_pattern: Some("onClick|onInput".into()),
            ..Options::default()
        });
        assert!(alternation.matches("onInput") && !alternation.matches("onClickOutside"));
        let empty = rule(Options {
            attribute_pattern: Some(String::new()),
            ..Options::default()
        });
        assert!(!empty.matches("ref") && !empty.matches("onClick"));
    }

    #[test]
    fn a_new_pattern_replaces_the_cached_one() {
        let with = |pattern: &str| {
            rule(Options {
                attribute_pattern: Some(pattern.into()),
                ..Options::default()
            })
        };
        assert!(with("on[A-Z].*").matches("onClick"));
        let other = with("handle.*");
        assert!(other.matches("handleClick") && !other.matches("onClick"));
        assert!(with("on[A-Z].*").matches("onClick"));
    }
}
