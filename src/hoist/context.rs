//! # Where each handler stands in the module
//!
//! One walk of the module, only with `hoist: true`, collecting what hoisting
//! needs to know about the surroundings of every handler and of the module:
//!
//! ```tsx
//! export const List = memo(({ items }) => (       // named scope "List" (through memo)
//!   <ul>{items.map((item) => (                    // anonymous callback: skipped
//!     <li onClick={() => pick(item)} />           // site: ["List"], element "li"
//!   ))}</ul>
//! ));
//! namespace N { <b onClick={() => 1} /> }         // site inside a namespace body
//! function Form() { "use server"; ... }           // sites under a directive function
//! ```
//!
//! It also records the module-level bindings (values and types, imports
//! included: what a hoisted callback may still read) and the identifier,
//! JSX and property names that hoisted names must not take.
//!
//! ## Implementation
//!
//! A stack of scope names: function and class declarations push their own
//! name; a function, arrow or class expression pushes the name of the
//! position it stands in (its own name first, else the declarator,
//! assignment target, property or method key, or `default` for an anonymous
//! default export), seen through call wrappers (`memo(() => ...)`: a call in
//! a naming position passes the name to its first argument). Anything else
//! pushes nothing, so `.map(item => ...)` callbacks are skipped.

use rustc_hash::{FxHashMap, FxHashSet};
use swc_core::{
    common::{Mark, Span},
    ecma::{
        ast::*,
        atoms::Atom,
        visit::{Visit, VisitWith},
    },
};

use super::{
    callback::{self, CallbackFacts},
    module_level,
};
use crate::{
    detect::{attr_name, handler_arrow, unwrap_parens, AttributeRule},
    patterns::unwrap_expr_wrappers,
};

/// The surroundings of one handler site (keyed by its arrow's span).
#[derive(Debug, Clone, Default)]
pub struct SiteContext {
    /// The enclosing named scopes, outermost first.
    pub scopes: Vec<Atom>,
    /// The element's tag as written (`button`, `ui.Dialog`).
    pub element: String,
    /// Inside a TypeScript `namespace`/`module` body.
    pub in_namespace: bool,
    /// Inside a function whose body starts with a directive other than
    /// `"use strict"` (`"use server"`, `"use cache"`, `"worklet"`).
    pub in_directive_function: bool,
    /// What ties the callback to its place (when hoisting).
    pub callback: Option<CallbackFacts>,
}

/// An event attribute whose inline arrow is left as written without a
/// diagnostic (an inline server action: `"use server"` in its body).
#[derive(Debug, Clone)]
pub struct LeftSite {
    pub attr_name: String,
    pub attr_span: Span,
    pub element: String,
}

/// What the walk found.
#[derive(Debug, Clone, Default)]
pub struct ModuleContext {
    pub sites: FxHashMap<(u32, u32), SiteContext>,
    /// Bindings declared at module level (values and types).
    pub module_level: FxHashSet<Id>,
    /// Identifier, JSX and property names that start with one of the
    /// prefixes asked for.
    pub names: FxHashSet<Atom>,
    /// Event attributes called with an identifier (`onClick={N({...})}`):
    /// the callee, and the attribute's name, span and element.
    pub bound_sites: Vec<(Id, LeftSite)>,
    /// Event attributes with an inline arrow left as written.
    pub left: Vec<LeftSite>,
    /// Each class declaration's name and body span.
    pub class_bodies: Vec<(Id, Span)>,
    /// The module-level consts an earlier run hoisted: (module item index,
    /// name), in order (filled in by the planner).
    pub hoisted_consts: Vec<(usize, Ident)>,
}

impl ModuleContext {
    /// The context of the handler whose arrow spans `arrow`.
    pub fn site(&self, arrow: Span) -> Option<&SiteContext> {
        self.sites.get(&(arrow.lo.0, arrow.hi.0))
    }
}

/// What the walk is asked for.
pub struct Wanted<'a> {
    /// Names starting with these are recorded in [`ModuleContext::names`].
    pub prefixes: &'a [&'a str],
    /// Scan callbacks for what ties them to their place: the values each
    /// handler arrow declares, by arrow span (from the capture scan).
    pub callbacks: Option<&'a FxHashMap<(u32, u32), &'a FxHashSet<Id>>>,
    pub unresolved_mark: Mark,
}

/// Walks `program`.
pub fn collect(program: &Program, rule: &AttributeRule, wanted: &Wanted<'_>) -> ModuleContext {
    let mut walker = Walker {
        context: ModuleContext::default(),
        rule,
        prefixes: wanted.prefixes,
        callbacks: wanted.callbacks,
        unresolved_mark: wanted.unresolved_mark,
        scopes: Vec::new(),
        pending: None,
        element: String::new(),
        namespace_depth: 0,
        directive_depth: 0,
    };
    if let Program::Module(module) = program {
        for item in &module.body {
            module_level::item_bindings(item, &mut walker.context.module_level);
        }
    }
    program.visit_with(&mut walker);
    walker.context
}

struct Walker<'a> {
    context: ModuleContext,
    rule: &'a AttributeRule,
    prefixes: &'a [&'a str],
    callbacks: Option<&'a FxHashMap<(u32, u32), &'a FxHashSet<Id>>>,
    unresolved_mark: Mark,
    scopes: Vec<Atom>,
    /// The name of the naming position the next expression stands in.
    pending: Option<Atom>,
    element: String,
    namespace_depth: u32,
    directive_depth: u32,
}

impl Walker<'_> {
    fn note(&mut self, name: &Atom) {
        if self.prefixes.iter().any(|p| name.starts_with(p)) {
            self.context.names.insert(name.clone());
        }
    }

    /// Visits `node` inside a scope named `name` (when there is one), and
    /// inside a directive function when `directive` holds.
    fn scoped(&mut self, name: Option<Atom>, directive: bool, visit: impl FnOnce(&mut Self)) {
        let pushed = name.is_some();
        if let Some(name) = name {
            self.scopes.push(name);
        }
        self.directive_depth += u32::from(directive);
        let pending = self.pending.take();
        visit(self);
        self.pending = pending;
        self.directive_depth -= u32::from(directive);
        if pushed {
            self.scopes.pop();
        }
    }

    /// Visits `expr` standing in a naming position called `name`.
    fn named_expr(&mut self, name: Option<Atom>, expr: &Expr) {
        self.pending = name;
        expr.visit_with(self);
        self.pending = None;
    }
}

fn prop_name_atom(key: &PropName) -> Option<Atom> {
    match key {
        PropName::Ident(ident) => Some(ident.sym.clone()),
        PropName::Str(s) => Some(s.value.to_atom_lossy().into_owned()),
        PropName::Num(n) => Some(n.value.to_string().into()),
        _ => None,
    }
}

/// Whether a block body starts with a directive other than `"use strict"`.
fn has_directive(body: Option<&FunctionBody>) -> bool {
    let Some(body) = body else { return false };
    body.stmts
        .iter()
        .map_while(|stmt| match stmt {
            Stmt::Expr(ExprStmt { expr, .. }) => match &**expr {
                Expr::Lit(Lit::Str(s)) => Some(s.value.as_str() != Some("use strict")),
                _ => None,
            },
            _ => None,
        })
        .any(|foreign| foreign)
}

/// `ui.Dialog`, `svg:rect`, `button`.
fn element_text(name: &JSXElementName) -> String {
    fn object(obj: &JSXObject) -> String {
        match obj {
            JSXObject::Ident(ident) => ident.sym.to_string(),
            JSXObject::JSXMemberExpr(member) => {
                format!("{}.{}", object(&member.obj), member.prop.sym)
            }
            #[cfg(swc_ast_unknown)]
            _ => String::new(),
        }
    }
    match name {
        JSXElementName::Ident(ident) => ident.sym.to_string(),
        JSXElementName::JSXMemberExpr(member) => {
            format!("{}.{}", object(&member.obj), member.prop.sym)
        }
        JSXElementName::JSXNamespacedName(ns) => format!("{}:{}", ns.ns.sym, ns.name.sym),
        #[cfg(swc_ast_unknown)]
        _ => String::new(),
    }
}

impl Visit for Walker<'_> {
    fn visit_expr(&mut self, expr: &Expr) {
        let pending = self.pending.take();
        match unwrap_expr_wrappers(expr) {
            Expr::Arrow(arrow) => {
                let directive = matches!(&*arrow.body, ArrowFunctionBody::FunctionBody(b) if has_directive(Some(b)));
                self.scoped(pending, directive, |w| arrow.visit_children_with(w));
            }
            Expr::Fn(function) => {
                let name = function.ident.as_ref().map(|i| i.sym.clone()).or(pending);
                let directive = has_directive(function.function.body.as_ref());
                self.scoped(name, directive, |w| function.visit_children_with(w));
            }
            Expr::Class(class) => {
                let name = class.ident.as_ref().map(|i| i.sym.clone()).or(pending);
                self.scoped(name, false, |w| class.visit_children_with(w));
            }
            Expr::Call(call) if pending.is_some() && is_wrapper_callee(&call.callee) => {
                call.callee.visit_with(self);
                for (i, arg) in call.args.iter().enumerate() {
                    if i == 0 && arg.spread.is_none() {
                        self.named_expr(pending.clone(), &arg.expr);
                    } else {
                        arg.visit_with(self);
                    }
                }
                call.type_args.visit_with(self);
            }
            _ => expr.visit_children_with(self),
        }
    }

    fn visit_fn_decl(&mut self, decl: &FnDecl) {
        self.note(&decl.ident.sym);
        let directive = has_directive(decl.function.body.as_ref());
        self.scoped(Some(decl.ident.sym.clone()), directive, |w| {
            decl.function.visit_with(w)
        });
    }

    fn visit_class_decl(&mut self, decl: &ClassDecl) {
        self.note(&decl.ident.sym);
        // In its own body a class's name is its immutable inner binding.
        self.context
            .class_bodies
            .push((decl.ident.to_id(), decl.class.span));
        self.scoped(Some(decl.ident.sym.clone()), false, |w| {
            decl.class.visit_with(w)
        });
    }

    fn visit_export_default_decl(&mut self, decl: &ExportDefaultDecl) {
        match &decl.decl {
            DefaultDecl::Fn(function) => {
                let name = function
                    .ident
                    .as_ref()
                    .map_or("default".into(), |i| i.sym.clone());
                let directive = has_directive(function.function.body.as_ref());
                self.scoped(Some(name), directive, |w| function.visit_children_with(w));
            }
            DefaultDecl::Class(class) => {
                let name = class
                    .ident
                    .as_ref()
                    .map_or("default".into(), |i| i.sym.clone());
                self.scoped(Some(name), false, |w| class.visit_children_with(w));
            }
            _ => decl.visit_children_with(self),
        }
    }

    fn visit_export_default_expr(&mut self, export: &ExportDefaultExpr) {
        self.named_expr(Some("default".into()), &export.expr);
    }

    fn visit_var_declarator(&mut self, declarator: &VarDeclarator) {
        declarator.name.visit_with(self);
        if let Some(init) = &declarator.init {
            let name = match &declarator.name {
                Pat::Ident(ident) => Some(ident.id.sym.clone()),
                _ => None,
            };
            self.named_expr(name, init);
        }
    }

    fn visit_assign_expr(&mut self, assign: &AssignExpr) {
        assign.left.visit_with(self);
        let name = match &assign.left {
            AssignTarget::Simple(SimpleAssignTarget::Ident(ident)) => Some(ident.id.sym.clone()),
            AssignTarget::Simple(SimpleAssignTarget::Member(member)) => match &member.prop {
                MemberProp::Ident(prop) => Some(prop.sym.clone()),
                _ => None,
            },
            _ => None,
        };
        self.named_expr(name, &assign.right);
    }

    fn visit_key_value_prop(&mut self, prop: &KeyValueProp) {
        prop.key.visit_with(self);
        self.named_expr(prop_name_atom(&prop.key), &prop.value);
    }

    fn visit_method_prop(&mut self, method: &MethodProp) {
        method.key.visit_with(self);
        let directive = has_directive(method.function.body.as_ref());
        self.scoped(prop_name_atom(&method.key), directive, |w| {
            method.function.visit_with(w)
        });
    }

    fn visit_getter_prop(&mut self, getter: &GetterProp) {
        getter.key.visit_with(self);
        self.scoped(prop_name_atom(&getter.key), false, |w| {
            getter.function.visit_with(w)
        });
    }

    fn visit_setter_prop(&mut self, setter: &SetterProp) {
        setter.key.visit_with(self);
        self.scoped(prop_name_atom(&setter.key), false, |w| {
            setter.function.visit_with(w)
        });
    }

    fn visit_class_method(&mut self, method: &ClassMethod) {
        method.key.visit_with(self);
        let directive = has_directive(method.function.body.as_ref());
        self.scoped(prop_name_atom(&method.key), directive, |w| {
            method.function.visit_with(w)
        });
    }

    fn visit_private_method(&mut self, method: &PrivateMethod) {
        let directive = has_directive(method.function.body.as_ref());
        let name = format!("#{}", method.key.name).into();
        self.scoped(Some(name), directive, |w| method.function.visit_with(w));
    }

    fn visit_constructor(&mut self, ctor: &Constructor) {
        self.scoped(Some("constructor".into()), false, |w| {
            ctor.params.visit_with(w);
            ctor.body.visit_with(w);
        });
    }

    fn visit_class_prop(&mut self, prop: &ClassProp) {
        prop.key.visit_with(self);
        if let Some(value) = &prop.value {
            self.named_expr(prop_name_atom(&prop.key), value);
        }
    }

    fn visit_private_prop(&mut self, prop: &PrivateProp) {
        if let Some(value) = &prop.value {
            self.named_expr(Some(format!("#{}", prop.key.name).into()), value);
        }
    }

    fn visit_ts_module_decl(&mut self, decl: &TsModuleDecl) {
        self.namespace_depth += 1;
        decl.visit_children_with(self);
        self.namespace_depth -= 1;
    }

    /// An enum body is a scope of its own (members name each other), like
    /// a namespace body.
    fn visit_ts_enum_decl(&mut self, decl: &TsEnumDecl) {
        self.namespace_depth += 1;
        decl.visit_children_with(self);
        self.namespace_depth -= 1;
    }

    fn visit_jsx_opening_element(&mut self, element: &JSXOpeningElement) {
        let outer = std::mem::replace(&mut self.element, element_text(&element.name));
        element.visit_children_with(self);
        self.element = outer;
    }

    fn visit_jsx_attr(&mut self, attr: &JSXAttr) {
        if let Some(arrow) = handler_arrow(attr, self.rule) {
            let key = (arrow.span.lo.0, arrow.span.hi.0);
            let callback = self.callbacks.and_then(|c| c.get(&key)).map(|declared| {
                let module_level = &self.context.module_level;
                callback::scan(arrow, self.unresolved_mark, declared, module_level)
            });
            let site = SiteContext {
                scopes: self.scopes.clone(),
                element: self.element.clone(),
                in_namespace: self.namespace_depth > 0,
                in_directive_function: self.directive_depth > 0,
                callback,
            };
            self.context.sites.insert(key, site);
        } else if self.rule.matches(&attr_name(attr)) {
            let site = || LeftSite {
                attr_name: attr_name(attr),
                attr_span: attr.span,
                element: self.element.clone(),
            };
            match attribute_expr(attr) {
                Some(expr) if unwrap_parens(expr).is_arrow() => {
                    let left = site();
                    self.context.left.push(left);
                }
                Some(expr) => {
                    if let Expr::Call(call) = unwrap_expr_wrappers(expr) {
                        if let Some(Expr::Ident(ident)) = call.callee.as_expr().map(|c| &**c) {
                            let bound = site();
                            self.context.bound_sites.push((ident.to_id(), bound));
                        }
                    }
                }
                None => {}
            }
        }
        attr.visit_children_with(self);
    }

    fn visit_ident(&mut self, ident: &Ident) {
        self.note(&ident.sym);
    }

    fn visit_ident_name(&mut self, ident: &IdentName) {
        self.note(&ident.sym);
    }

    fn visit_jsx_element_name(&mut self, name: &JSXElementName) {
        name.visit_children_with(self);
    }

    fn visit_private_name(&mut self, name: &PrivateName) {
        self.note(&name.name);
    }

    fn visit_str(&mut self, s: &Str) {
        // String keys are property names (`{ "_A": 1 }`).
        if let Some(value) = s.value.as_str() {
            if self.prefixes.iter().any(|p| value.starts_with(p)) {
                self.context.names.insert(value.into());
            }
        }
    }
}

/// The expression of an attribute's `{...}` value.
fn attribute_expr(attr: &JSXAttr) -> Option<&Expr> {
    match &attr.value {
        Some(JSXAttrValue::JSXExprContainer(JSXExprContainer {
            expr: JSXExpr::Expr(expr),
            ..
        })) => Some(expr),
        _ => None,
    }
}

/// `memo`, `React.memo`, `forwardRef`: an identifier or a static member
/// chain of identifiers.
fn is_wrapper_callee(callee: &Callee) -> bool {
    fn static_chain(expr: &Expr) -> bool {
        match expr {
            Expr::Ident(_) => true,
            Expr::Member(member) => member.prop.is_ident() && static_chain(&member.obj),
            _ => false,
        }
    }
    matches!(callee, Callee::Expr(expr) if static_chain(unwrap_expr_wrappers(expr)))
}
