//! # The manifest: every handler of a module, described
//!
//! One entry per event attribute with an inline arrow (and per attribute
//! bound to a handler a previous run hoisted), for a server that dispatches
//! events by id or a tool that lists handlers (BEHAVIOR.md section 5).
//!
//! ```json
//! { "id": "src/App.tsx#_App_button_onClick", "name": "_App_button_onClick",
//!   "file": "src/App.tsx", "line": 3, "column": 18, "element": "button",
//!   "attribute": "onClick", "status": "rewritten", "hoisted": true,
//!   "captures": ["state.counter"],
//!   "eventFields": [{ "path": "target.value", "kind": "read" }] }
//! ```
//!
//! ## Implementation
//!
//! Built from the plan and the program before it is rewritten: the event
//! fields come from each arrow ([`event_fields`]); an attribute bound to an
//! existing hoisted const (`onClick={N({...})}`) takes them from the const's
//! arrow and its captures from the params object's member paths.

use rustc_hash::FxHashMap;
use serde::Serialize;
use swc_core::{
    common::{BytePos, Mark, Span},
    ecma::{
        ast::*,
        visit::{Visit, VisitWith},
    },
};

use crate::{
    capture_tree::{CaptureNode, CaptureTree},
    detect::unwrap_parens,
    event_fields::{event_fields, EventFields},
    hoist::{existing::const_call_arrow, NotHoisted},
    plan::Plan,
};

/// One handler, as the manifest lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HandlerEntry {
    /// `moduleId#name` when hoisted, else `null`.
    pub id: Option<String>,
    /// The hoisted binding's name, else `null`.
    pub name: Option<String>,
    /// The module id.
    pub file: String,
    /// 1-based line and column (characters) of the attribute.
    pub line: usize,
    pub column: usize,
    pub element: String,
    pub attribute: String,
    /// `rewritten`, `refused` or `left`.
    pub status: &'static str,
    /// The error that refused it (`HC001`), when refused.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<&'static str>,
    pub hoisted: bool,
    /// Why it is not hoisted (`this`, `local-type`, `disabled`...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<&'static str>,
    /// The captured paths (`state.counter`), in the params object's order.
    pub captures: Vec<String>,
    /// What it reads from its event; `null` when not rewritten.
    pub event_fields: Option<EventFields>,
}

/// Describes `plan`'s handlers. `program` must be the one the plan was made
/// from, not yet rewritten; `place` gives a position's 1-based line and column.
pub fn describe(
    program: &Program,
    plan: &Plan,
    module_id: &str,
    unresolved_mark: Mark,
    place: impl Fn(BytePos) -> (usize, usize),
) -> Vec<HandlerEntry> {
    let mut arrows = Fields {
        wanted: plan
            .rewrites()
            .map(|(handler, _)| key(handler.arrow_span))
            .collect(),
        unresolved_mark,
        by_span: FxHashMap::default(),
        hoisted_consts: plan
            .context
            .iter()
            .flat_map(|c| &c.hoisted_consts)
            .map(|(_, name)| name.to_id())
            .collect(),
        hoisted: FxHashMap::default(),
        bound_params: FxHashMap::default(),
    };
    program.visit_with(&mut arrows);
    let mut entries = Vec::new();
    for handler in &plan.handlers {
        let (line, column) = place(handler.attr_span.lo);
        let hoisted = handler.hoisted.as_ref().map(|n| n.sym.to_string());
        let fields = handler
            .rewrite
            .as_ref()
            .and_then(|_| arrows.by_span.remove(&key(handler.arrow_span)));
        entries.push(HandlerEntry {
            id: hoisted.as_ref().map(|name| format!("{module_id}#{name}")),
            name: hoisted,
            file: module_id.to_string(),
            line,
            column,
            element: handler.element.clone(),
            attribute: handler.attr_name.clone(),
            status: match (&handler.rewrite, handler.refused) {
                (Some(_), _) => "rewritten",
                (None, Some(_)) => "refused",
                (None, None) => "left",
            },
            code: handler.refused.map(|code| code.as_str()),
            hoisted: handler.hoisted.is_some(),
            reason: handler.not_hoisted.map(NotHoisted::as_str),
            captures: handler
                .rewrite
                .as_ref()
                .map(|r| capture_paths(&r.captures))
                .unwrap_or_default(),
            event_fields: fields,
        });
    }
    let Some(context) = &plan.context else {
        return entries;
    };
    for left in &context.left {
        let (line, column) = place(left.attr_span.lo);
        entries.push(HandlerEntry {
            id: None,
            name: None,
            file: module_id.to_string(),
            line,
            column,
            element: left.element.clone(),
            attribute: left.attr_name.clone(),
            status: "left",
            code: None,
            hoisted: false,
            reason: Some(NotHoisted::NotRewritten.as_str()),
            captures: Vec::new(),
            event_fields: None,
        });
    }
    for (callee, bound) in &context.bound_sites {
        let Some(fields) = arrows.hoisted.get(callee) else {
            continue;
        };
        let (line, column) = place(bound.attr_span.lo);
        let name = callee.0.to_string();
        entries.push(HandlerEntry {
            id: Some(format!("{module_id}#{name}")),
            name: Some(name),
            file: module_id.to_string(),
            line,
            column,
            element: bound.element.clone(),
            attribute: bound.attr_name.clone(),
            status: "rewritten",
            code: None,
            hoisted: true,
            reason: None,
            captures: arrows
                .bound_params
                .get(&key(bound.attr_span))
                .cloned()
                .unwrap_or_default(),
            event_fields: Some(fields.clone()),
        });
    }
    entries.sort_by_key(|e| (e.line, e.column));
    entries
}

fn key(span: Span) -> (u32, u32) {
    (span.lo.0, span.hi.0)
}

/// `state.counter`, `item` for each leaf of the tree.
fn capture_paths(tree: &CaptureTree) -> Vec<String> {
    fn walk(prefix: String, node: &CaptureNode, out: &mut Vec<String>) {
        match node {
            CaptureNode::Whole => out.push(prefix),
            CaptureNode::Props(children) => {
                for (key, child) in children {
                    walk(format!("{prefix}.{key}"), child, out);
                }
            }
        }
    }
    let mut out = Vec::new();
    for root in &tree.roots {
        walk(root.name().to_string(), &root.node, &mut out);
    }
    out
}

/// The event fields of the wanted attribute arrows, by span; of the arrows
/// of module-level hoisted consts, by name; and the captured paths of
/// attributes bound with `N({...})`, by attribute span.
struct Fields {
    wanted: rustc_hash::FxHashSet<(u32, u32)>,
    unresolved_mark: Mark,
    by_span: FxHashMap<(u32, u32), EventFields>,
    /// The consts an earlier run hoisted, whose arrows are described.
    hoisted_consts: rustc_hash::FxHashSet<Id>,
    hoisted: FxHashMap<Id, EventFields>,
    bound_params: FxHashMap<(u32, u32), Vec<String>>,
}

impl Fields {
    fn module_item(&mut self, item: &ModuleItem) {
        let Some((name, _, arrow)) = const_call_arrow(item) else {
            return;
        };
        let id = name.to_id();
        if self.hoisted_consts.contains(&id) {
            let fields = event_fields(arrow, self.unresolved_mark);
            self.hoisted.insert(id, fields);
        }
    }
}

impl Visit for Fields {
    fn visit_module(&mut self, module: &Module) {
        for item in &module.body {
            self.module_item(item);
        }
        module.visit_children_with(self);
    }

    fn visit_jsx_attr(&mut self, attr: &JSXAttr) {
        if let Some(JSXAttrValue::JSXExprContainer(JSXExprContainer {
            expr: JSXExpr::Expr(expr),
            ..
        })) = &attr.value
        {
            match unwrap_parens(expr) {
                Expr::Arrow(arrow) if self.wanted.contains(&key(arrow.span)) => {
                    let fields = event_fields(arrow, self.unresolved_mark);
                    self.by_span.insert(key(arrow.span), fields);
                }
                Expr::Call(call) => {
                    if let Some(Expr::Object(object)) = call.args.first().map(|a| &*a.expr) {
                        let mut paths = Vec::new();
                        object_paths(object, &mut paths);
                        self.bound_params.insert(key(attr.span), paths);
                    }
                }
                _ => {}
            }
        }
        attr.visit_children_with(self);
    }
}

/// The member paths that a params object's values read.
fn object_paths(object: &ObjectLit, out: &mut Vec<String>) {
    for prop in &object.props {
        let Some(prop) = prop.as_prop() else { continue };
        match &**prop {
            Prop::Shorthand(ident) => out.push(ident.sym.to_string()),
            Prop::KeyValue(kv) => match &*kv.value {
                Expr::Object(inner) => object_paths(inner, out),
                value => {
                    if let Some(path) = member_path(value) {
                        out.push(path);
                    }
                }
            },
            _ => {}
        }
    }
}

fn member_path(expr: &Expr) -> Option<String> {
    match expr {
        Expr::Ident(ident) => Some(ident.sym.to_string()),
        Expr::Member(member) => {
            let prop = member.prop.as_ident()?;
            Some(format!("{}.{}", member_path(&member.obj)?, prop.sym))
        }
        _ => None,
    }
}
