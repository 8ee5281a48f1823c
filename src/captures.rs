//! # Captures: what an arrow reads from outside, and by which path
//!
//! Scans one handler arrow (parameters and body, nested functions, JSX and
//! handlers included) and records every value reference with the static member
//! path it reads, cut by the path rules of BEHAVIOR.md section 3:
//!
//! ```tsx
//! state.counter.set(x)     // callee: its object           → state.counter
//! state.items[state.idx]   // computed: stop before `[`    → state.items, state.idx
//! state.user?.name         // optional: stop before `?.`   → state.user
//! self.#n                  // private: stop before it      → self
//! (s.a as T).b, s.a!.b     // wrapper: stop at it          → s.a
//! state.obj.n = 5          // write: the written object    → state.obj
//! <ui.Dialog />            // value tag                    → ui.Dialog
//! ```
//!
//! Which references are captures (declared outside the arrow, inside a
//! function/class/block) is decided later by the planner with the
//! [`ScopeIndex`](crate::scope_index::ScopeIndex); this module only knows the
//! arrow. It also records what the diagnostics need: identifiers the arrow
//! assigns, `this`/`arguments`/`super`/`new.target`, direct `eval`, the
//! references made by the first parameter, and every name read or bound (for
//! choosing fresh names).
//!
//! ## Implementation
//!
//! A member chain is unrolled into links from its base outward. The path is
//! the run of static `.name` links from an identifier base, ending at the first
//! computed, private or optional link; a callee or write target drops its last
//! link when the whole chain is static. Computed keys are scanned in source
//! order after the base. References are pushed in source (pre-)order, which
//! gives the capture tree its first-occurrence order.

use rustc_hash::FxHashSet;
use smallvec::{smallvec, SmallVec};
use swc_core::{
    common::{BytePos, Mark, Span, Spanned},
    ecma::{
        ast::*,
        atoms::Atom,
        visit::{Visit, VisitWith},
    },
};

use crate::{
    names::NameSet,
    patterns::skip_type_positions,
    patterns::{for_each_binding, unwrap_expr_wrappers},
};

/// A value reference to a non-global binding and the static path it reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub id: Id,
    pub span: Span,
    /// Property names after the root, already cut by the path rules.
    pub path: Vec<Atom>,
}

/// Facts about a handler arrow's own parameter list.
#[derive(Debug, Clone, Default)]
pub struct ParamFacts {
    pub count: usize,
    /// The first parameter's span, if any.
    pub first: Option<Span>,
    /// The second parameter's span, if any (a diagnostic).
    pub second: Option<Span>,
    /// The first parameter is a rest parameter (a diagnostic).
    pub first_is_rest: bool,
    /// The first parameter is marked optional (`e?: E`); the marker is
    /// dropped because a required parameter follows.
    pub first_optional: bool,
    /// Where the first parameter's type annotation starts (its `:`).
    pub first_type_ann: Option<BytePos>,
    /// The end of the arrow's type parameters (`<T,>`), if any.
    pub type_params_end: Option<BytePos>,
}

/// Everything the planner needs to know about one handler arrow.
#[derive(Debug, Clone, Default)]
pub struct ArrowScan {
    pub arrow_span: Span,
    pub params: ParamFacts,
    /// References to non-global bindings, in source order.
    pub refs: Vec<Reference>,
    /// Identifiers the arrow (or a function inside it) assigns.
    pub ident_writes: Vec<(Id, Span)>,
    /// `this`, `arguments`, `super`, `new.target` outside nested functions.
    pub lexical: Vec<(&'static str, Span)>,
    /// Direct `eval(...)` calls.
    pub direct_evals: Vec<Span>,
    /// Bindings declared inside the arrow (its parameters included).
    pub declared: FxHashSet<Id>,
    /// Names the arrow reads or binds (globals included) that could collide
    /// with the synthesized `event` and `params`.
    pub names: NameSet,
    /// References made by the parameters' defaults and computed keys.
    pub param_refs: Vec<(Id, Span)>,
    /// The body's directive prologue holds `"use strict"`, which forbids the
    /// destructured second parameter.
    pub use_strict: bool,
}

/// Scans `arrow` (its parameters and body).
pub fn scan_arrow(arrow: &ArrowExpr, unresolved_mark: Mark) -> ArrowScan {
    let mut scanner = Scanner {
        scan: ArrowScan {
            arrow_span: arrow.span,
            params: ParamFacts {
                count: arrow.params.len(),
                first: arrow.params.first().map(Spanned::span),
                second: arrow.params.get(1).map(Spanned::span),
                first_is_rest: matches!(arrow.params.first(), Some(Pat::Rest(_))),
                first_optional: arrow.params.first().is_some_and(is_optional),
                first_type_ann: arrow.params.first().and_then(type_ann_start),
                type_params_end: arrow.type_params.as_ref().map(|t| t.span.hi),
            },
            names: NameSet::new(["event", "params"]),
            use_strict: crate::detect::has_use_strict(arrow),
            ..ArrowScan::default()
        },
        unresolved_mark,
        function_depth: 0,
        in_params: false,
    };
    scanner.in_params = true;
    for param in &arrow.params {
        scanner.bind_pat(param);
    }
    scanner.in_params = false;
    arrow.body.visit_with(&mut scanner);
    scanner.scan
}

fn is_optional(pat: &Pat) -> bool {
    match pat {
        Pat::Ident(ident) => ident.id.optional,
        Pat::Object(object) => object.optional,
        Pat::Array(array) => array.optional,
        _ => false,
    }
}

fn type_ann_start(pat: &Pat) -> Option<BytePos> {
    let ann = match pat {
        Pat::Ident(ident) => ident.type_ann.as_ref(),
        Pat::Object(object) => object.type_ann.as_ref(),
        Pat::Array(array) => array.type_ann.as_ref(),
        _ => None,
    };
    ann.map(|ann| ann.span.lo)
}

/// How a member chain is used.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Use {
    /// Read as a value: the whole static path.
    Read,
    /// Called, tagged or written: the object of the last property.
    ObjectOfLast,
}

/// One `.prop` / `[key]` / `?.prop` step of a member chain.
struct Link<'a> {
    prop: &'a MemberProp,
    optional: bool,
}

/// A member chain's links, outermost first; most chains are short.
type Links<'a> = SmallVec<[Link<'a>; 4]>;

struct Scanner {
    scan: ArrowScan,
    unresolved_mark: Mark,
    /// Nesting of non-arrow functions and class bodies (they rebind `this`).
    function_depth: u32,
    in_params: bool,
}

impl Scanner {
    fn is_global(&self, ident: &Ident) -> bool {
        ident.ctxt.outer() == self.unresolved_mark
    }

    fn reference(&mut self, ident: &Ident, path: Vec<Atom>) {
        self.scan.names.note(&ident.sym);
        if self.is_global(ident) {
            if &*ident.sym == "arguments" && self.function_depth == 0 {
                self.scan.lexical.push(("arguments", ident.span));
            }
            return;
        }
        if self.in_params {
            self.scan.param_refs.push((ident.to_id(), ident.span));
        }
        self.scan.refs.push(Reference {
            id: ident.to_id(),
            span: ident.span,
            path,
        });
    }

    fn declare(&mut self, ident: &Ident) {
        self.scan.names.note(&ident.sym);
        self.scan.declared.insert(ident.to_id());
    }

    fn lexical(&mut self, what: &'static str, span: Span) {
        if self.function_depth == 0 {
            self.scan.lexical.push((what, span));
        }
    }

    fn write_ident(&mut self, ident: &Ident) {
        self.scan.ident_writes.push((ident.to_id(), ident.span));
        self.reference(ident, Vec::new());
    }

    /// A member chain starting at `expr` (a member or optional-chain member).
    fn chain(&mut self, expr: &Expr, use_: Use) {
        let mut links = Links::new();
        let base = unroll(expr, &mut links);
        self.links(base, &links, use_);
    }

    /// `links` are outermost first.
    fn links(&mut self, base: &Expr, links: &[Link<'_>], use_: Use) {
        match base {
            Expr::Ident(ident) => {
                let mut path = Vec::with_capacity(links.len());
                let mut complete = true;
                for link in links.iter().rev() {
                    match link.prop {
                        MemberProp::Ident(name) if !link.optional => path.push(name.sym.clone()),
                        _ => {
                            complete = false;
                            break;
                        }
                    }
                }
                if use_ == Use::ObjectOfLast && complete {
                    path.pop();
                }
                self.reference(ident, path);
            }
            _ => self.visit_expr(base),
        }
        for link in links.iter().rev() {
            if let MemberProp::Computed(key) = link.prop {
                self.visit_expr(&key.expr);
            }
        }
    }

    /// A callee or a tag: it captures its object, seen through wrappers.
    fn callee(&mut self, callee: &Expr) {
        let inner = unwrap_expr_wrappers(callee);
        match inner {
            Expr::Member(_) => self.chain(inner, Use::ObjectOfLast),
            Expr::OptChain(chain) if chain.base.is_member() => self.chain(inner, Use::ObjectOfLast),
            _ => self.visit_expr(inner),
        }
    }

    /// An expression being written (`x = `, `x++`, `delete x`, `[x] = `).
    fn write_target(&mut self, target: &Expr) {
        let inner = unwrap_expr_wrappers(target);
        match inner {
            Expr::Ident(ident) => self.write_ident(ident),
            Expr::Member(_) | Expr::OptChain(_) => self.chain(inner, Use::ObjectOfLast),
            _ => self.visit_expr(inner),
        }
    }

    fn simple_target(&mut self, target: &SimpleAssignTarget) {
        match target {
            SimpleAssignTarget::Ident(ident) => self.write_ident(&ident.id),
            SimpleAssignTarget::Member(member) => {
                let mut links: Links = smallvec![Link {
                    prop: &member.prop,
                    optional: false,
                }];
                let base = unroll(&member.obj, &mut links);
                self.links(base, &links, Use::ObjectOfLast);
            }
            SimpleAssignTarget::SuperProp(prop) => {
                self.lexical("super", prop.span);
                prop.prop.visit_with(self);
            }
            SimpleAssignTarget::Paren(e) => self.write_target(&e.expr),
            SimpleAssignTarget::TsAs(e) => self.write_target(&e.expr),
            SimpleAssignTarget::TsSatisfies(e) => self.write_target(&e.expr),
            SimpleAssignTarget::TsNonNull(e) => self.write_target(&e.expr),
            SimpleAssignTarget::TsTypeAssertion(e) => self.write_target(&e.expr),
            SimpleAssignTarget::TsInstantiation(e) => self.write_target(&e.expr),
            // Not valid JavaScript; scan its parts.
            SimpleAssignTarget::OptChain(e) => e.visit_children_with(self),
            SimpleAssignTarget::Invalid(_) => {}
            #[cfg(swc_ast_unknown)]
            _ => {}
        }
    }

    /// A destructuring-assignment pattern: its leaves are written.
    fn assign_pat(&mut self, pat: &Pat) {
        match pat {
            Pat::Ident(ident) => self.write_ident(&ident.id),
            Pat::Array(array) => {
                for elem in array.elems.iter().flatten() {
                    self.assign_pat(elem);
                }
            }
            Pat::Object(object) => self.assign_object_pat(object),
            Pat::Rest(rest) => self.assign_pat(&rest.arg),
            Pat::Assign(assign) => {
                self.assign_pat(&assign.left);
                self.visit_expr(&assign.right);
            }
            Pat::Expr(expr) => self.write_target(expr),
            Pat::Invalid(_) => {}
            #[cfg(swc_ast_unknown)]
            _ => {}
        }
    }

    fn assign_object_pat(&mut self, object: &ObjectPat) {
        for prop in &object.props {
            match prop {
                ObjectPatProp::KeyValue(kv) => {
                    kv.key.visit_with(self);
                    self.assign_pat(&kv.value);
                }
                ObjectPatProp::Assign(assign) => {
                    self.write_ident(&assign.key.id);
                    assign.value.visit_with(self);
                }
                ObjectPatProp::Rest(rest) => self.assign_pat(&rest.arg),
                #[cfg(swc_ast_unknown)]
                _ => {}
            }
        }
    }

    /// A binding pattern: its leaves are declared; defaults and computed
    /// keys are read.
    fn bind_pat(&mut self, pat: &Pat) {
        for_each_binding(pat, &mut |ident| {
            self.scan.names.note(&ident.sym);
            self.scan.declared.insert(ident.to_id());
        });
        pat.visit_children_with(self);
    }

    fn jsx_element_name(&mut self, name: &JSXElementName) {
        match name {
            JSXElementName::Ident(ident) if is_value_tag(&ident.sym) => {
                self.reference(ident, Vec::new());
            }
            JSXElementName::Ident(_) => {}
            JSXElementName::JSXMemberExpr(member) => {
                let mut path = vec![member.prop.sym.clone()];
                let mut object = &member.obj;
                loop {
                    match object {
                        JSXObject::JSXMemberExpr(inner) => {
                            path.push(inner.prop.sym.clone());
                            object = &inner.obj;
                        }
                        JSXObject::Ident(ident) => {
                            path.reverse();
                            if &*ident.sym == "this" {
                                self.lexical("this", ident.span);
                            } else {
                                self.reference(ident, path);
                            }
                            break;
                        }
                        #[cfg(swc_ast_unknown)]
                        _ => break,
                    }
                }
            }
            JSXElementName::JSXNamespacedName(_) => {}
            #[cfg(swc_ast_unknown)]
            _ => {}
        }
    }
}

/// Follows member links from `expr` to the chain's base, pushing them
/// outermost first.
fn unroll<'a>(mut expr: &'a Expr, links: &mut Links<'a>) -> &'a Expr {
    loop {
        match expr {
            Expr::Member(member) => {
                links.push(Link {
                    prop: &member.prop,
                    optional: false,
                });
                expr = &member.obj;
            }
            Expr::OptChain(chain) => match &*chain.base {
                OptChainBase::Member(member) => {
                    links.push(Link {
                        prop: &member.prop,
                        optional: chain.optional,
                    });
                    expr = &member.obj;
                }
                _ => return expr,
            },
            _ => return expr,
        }
    }
}

/// `<Item/>` and `<ui.X/>` are values; `<div/>` and `<my-el/>` are not.
fn is_value_tag(name: &str) -> bool {
    let starts_lower = name.chars().next().is_some_and(|c| c.is_ascii_lowercase());
    !starts_lower && !name.contains('-') && name != "this"
}

impl Visit for Scanner {
    skip_type_positions!();
    fn visit_ts_expr_with_type_args(&mut self, _: &TsExprWithTypeArgs) {}

    fn visit_expr(&mut self, expr: &Expr) {
        match expr {
            Expr::Ident(ident) => self.reference(ident, Vec::new()),
            Expr::Member(_) => self.chain(expr, Use::Read),
            Expr::OptChain(chain) => match &*chain.base {
                OptChainBase::Member(_) => self.chain(expr, Use::Read),
                OptChainBase::Call(call) => {
                    self.callee(&call.callee);
                    call.args.visit_with(self);
                }
                #[cfg(swc_ast_unknown)]
                _ => {}
            },
            Expr::Call(call) => {
                match &call.callee {
                    Callee::Expr(callee) => {
                        if let Expr::Ident(ident) = &**callee {
                            if &*ident.sym == "eval" && self.is_global(ident) {
                                self.scan.direct_evals.push(call.span);
                            }
                        }
                        self.callee(callee);
                    }
                    Callee::Super(s) => self.lexical("super", s.span),
                    Callee::Import(_) => {}
                    #[cfg(swc_ast_unknown)]
                    _ => {}
                }
                call.args.visit_with(self);
            }
            Expr::TaggedTpl(tagged) => {
                self.callee(&tagged.tag);
                tagged.tpl.visit_with(self);
            }
            Expr::Assign(assign) => {
                match &assign.left {
                    AssignTarget::Simple(target) => self.simple_target(target),
                    AssignTarget::Pat(AssignTargetPat::Array(array)) => {
                        for elem in array.elems.iter().flatten() {
                            self.assign_pat(elem);
                        }
                    }
                    AssignTarget::Pat(AssignTargetPat::Object(object)) => {
                        self.assign_object_pat(object)
                    }
                    AssignTarget::Pat(_) => {}
                    #[cfg(swc_ast_unknown)]
                    _ => {}
                }
                self.visit_expr(&assign.right);
            }
            Expr::Update(update) => self.write_target(&update.arg),
            Expr::Unary(unary) if unary.op == UnaryOp::Delete => self.write_target(&unary.arg),
            Expr::This(this) => self.lexical("this", this.span),
            Expr::SuperProp(prop) => {
                self.lexical("super", prop.span);
                prop.prop.visit_with(self);
            }
            Expr::MetaProp(meta) if meta.kind == MetaPropKind::NewTarget => {
                self.lexical("new.target", meta.span)
            }
            _ => expr.visit_children_with(self),
        }
    }

    fn visit_prop(&mut self, prop: &Prop) {
        match prop {
            Prop::Shorthand(ident) => self.reference(ident, Vec::new()),
            _ => prop.visit_children_with(self),
        }
    }

    fn visit_pat(&mut self, pat: &Pat) {
        self.bind_pat(pat);
    }

    fn visit_for_head(&mut self, head: &ForHead) {
        match head {
            ForHead::Pat(pat) => self.assign_pat(pat),
            _ => head.visit_children_with(self),
        }
    }

    fn visit_var_declarator(&mut self, declarator: &VarDeclarator) {
        self.bind_pat(&declarator.name);
        declarator.init.visit_with(self);
    }

    fn visit_fn_decl(&mut self, decl: &FnDecl) {
        self.declare(&decl.ident);
        decl.function.visit_with(self);
    }

    fn visit_fn_expr(&mut self, expr: &FnExpr) {
        if let Some(ident) = &expr.ident {
            self.declare(ident);
        }
        expr.function.visit_with(self);
    }

    fn visit_function(&mut self, function: &Function) {
        self.function_depth += 1;
        function.visit_children_with(self);
        self.function_depth -= 1;
    }

    fn visit_class_decl(&mut self, decl: &ClassDecl) {
        self.declare(&decl.ident);
        decl.class.visit_with(self);
    }

    fn visit_class_expr(&mut self, expr: &ClassExpr) {
        if let Some(ident) = &expr.ident {
            self.declare(ident);
        }
        expr.class.visit_with(self);
    }

    fn visit_class(&mut self, class: &Class) {
        class.decorators.visit_with(self);
        class.super_class.visit_with(self);
        self.function_depth += 1;
        class.body.visit_with(self);
        self.function_depth -= 1;
    }

    /// `constructor(public x: number)` binds `x` like a parameter.
    fn visit_ts_param_prop(&mut self, prop: &TsParamProp) {
        prop.decorators.visit_with(self);
        match &prop.param {
            TsParamPropParam::Ident(ident) => self.declare(&ident.id),
            TsParamPropParam::Assign(assign) => {
                self.bind_pat(&assign.left);
                assign.right.visit_with(self);
            }
            #[cfg(swc_ast_unknown)]
            _ => {}
        }
    }

    fn visit_ts_enum_decl(&mut self, decl: &TsEnumDecl) {
        self.declare(&decl.id);
        decl.members.visit_with(self);
    }

    fn visit_jsx_opening_element(&mut self, element: &JSXOpeningElement) {
        self.jsx_element_name(&element.name);
        element.attrs.visit_with(self);
    }

    fn visit_jsx_closing_element(&mut self, _: &JSXClosingElement) {}

    fn visit_labeled_stmt(&mut self, stmt: &LabeledStmt) {
        stmt.body.visit_with(self);
    }

    fn visit_break_stmt(&mut self, _: &BreakStmt) {}
    fn visit_continue_stmt(&mut self, _: &ContinueStmt) {}
}
