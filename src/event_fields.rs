//! # Event fields: what a handler reads from its event
//!
//! Scans one handler arrow for the uses of its first parameter (the event) and
//! reports the static paths it reads, calls and writes: the manifest's
//! `eventFields` (BEHAVIOR.md section 5). A dispatcher that serialises events
//! sends the `read` fields and runs handlers with `call` or `write` fields on
//! the client.
//!
//! ```tsx
//! (e) => { e.preventDefault(); if (e.key === "Enter") go(); }
//!                        // [key read, preventDefault call]
//! (e) => { const t = e.target; t.value = ""; }   // [target.value write]
//! ({ touches: [first] }) => first.clientX > 0     // [touches.0.clientX read]
//! (e) => setText(e.target.value)                  // [target.value *]
//! (e) => save(e)                                  // "*"
//! ```
//!
//! ## Implementation
//!
//! Every expression is evaluated for the event paths its value may be
//! (`Scanner::values`): a static member link extends the paths of its
//! object; wrappers, `a || b`, `c ? a : b` and `(x, a)` pass their operands'
//! paths through; every other expression consumes its operands and has none.
//! The context gives the kind: a callee or tag is a `call`, an assignment,
//! update or `delete` target a `write`, a test, a comparison, arithmetic, `!`
//! or a template interpolation a `read`, and any other place (`visit_expr`,
//! which every child the visitor reaches goes through) a `*`. A construct
//! without a rule is therefore conservative. A use of the event itself other
//! than a member access makes the whole event `"*"`.
//!
//! `const` declarations and the parameter patterns bind identifiers to paths
//! (aliases); `let`/`var` and assignment copy a value, so its paths are `*`.
//! A function declared above can read an alias declared below, so the scan
//! repeats until the alias map stops changing (twice in practice; the whole
//! event after `MAX_PASSES`). An alias never used is a read of its path
//! (its getter ran when it was bound). Bindings are told apart by
//! [`Ident::to_id`], so a nested parameter of the same name is another value.

use std::collections::BTreeSet;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Serialize, Serializer};
use smallvec::{smallvec, SmallVec};
use swc_core::{
    common::Mark,
    ecma::{
        ast::*,
        visit::{Visit, VisitWith},
    },
};

use crate::patterns::{skip_type_positions, unwrap_expr_wrappers};

/// Globals through which a handler can reach the global `event`.
const GLOBAL_OBJECTS: [&str; 10] = [
    "window",
    "globalThis",
    "self",
    "parent",
    "top",
    "frames",
    "opener",
    "document",
    "eval",
    "Function",
];

/// Their properties that lead to it.
const REACHES_EVENT: [&str; 9] = [
    "event",
    "window",
    "self",
    "globalThis",
    "parent",
    "top",
    "frames",
    "opener",
    "defaultView",
];

/// What a handler reads from its event parameter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum EventFields {
    /// The event escapes whole (serialised as the string `"*"`).
    Any(AnyMarker),
    /// The static paths read from it, sorted by path then kind, deduplicated;
    /// `[]` when it reads nothing.
    Fields(Vec<EventField>),
}

/// The whole event; serialises as the string `"*"`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct AnyMarker;

impl Serialize for AnyMarker {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str("*")
    }
}

/// One path of the event and how the handler uses it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct EventField {
    /// The segments after the parameter, joined by `.`: `target.value`,
    /// `touches.0.clientX`.
    pub path: String,
    pub kind: FieldKind,
}

/// How a handler uses a path of its event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldKind {
    /// Its value is read: tested, compared, converted.
    Read,
    /// It is called, as a method or a template tag.
    Call,
    /// It is assigned, updated or deleted.
    Write,
    /// It escapes: passed, stored, returned, or indexed by a computed key.
    #[serde(rename = "*")]
    Any,
}

/// Scans of one arrow before giving up on its aliases settling.
const MAX_PASSES: usize = 8;

/// The event paths a value may be; `""` is the event itself.
type Paths = SmallVec<[String; 1]>;

/// What `arrow`'s first parameter is used for. `unresolved_mark` is the mark
/// the resolver gave unresolved (global) references.
pub fn event_fields(arrow: &ArrowExpr, unresolved_mark: Mark) -> EventFields {
    let mut scanner = Scanner {
        unresolved_mark,
        aliases: FxHashMap::default(),
        used: FxHashSet::default(),
        fields: BTreeSet::new(),
        whole: false,
    };
    for _ in 0..MAX_PASSES {
        let before = scanner.aliases.clone();
        scanner.pass(arrow);
        if scanner.aliases == before {
            return scanner.finish();
        }
    }
    EventFields::Any(AnyMarker)
}

/// How a pattern's names receive the value they are bound to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// `const` and parameters: each name stands for its path.
    Alias,
    /// `let`, `var`: each name holds a copy; its path escapes.
    Store,
    /// An assignment pattern: each leaf is written; its path escapes.
    Assign,
}

struct Scanner {
    unresolved_mark: Mark,
    /// Bindings that stand for a path of the event (the parameter: `""`).
    aliases: FxHashMap<Id, String>,
    /// Aliases referenced in this pass.
    used: FxHashSet<Id>,
    fields: BTreeSet<EventField>,
    /// The event escapes whole.
    whole: bool,
}

impl Scanner {
    fn pass(&mut self, arrow: &ArrowExpr) {
        self.used.clear();
        self.fields.clear();
        self.whole = false;
        let mut params = arrow.params.iter();
        if let Some(first) = params.next() {
            self.bind(first, Some(String::new()), Mode::Alias);
        }
        for param in params {
            self.bind(param, None, Mode::Alias);
        }
        // An expression body is returned: it goes through `visit_expr`.
        arrow.body.visit_with(self);
    }

    fn finish(mut self) -> EventFields {
        if self.whole {
            return EventFields::Any(AnyMarker);
        }
        for (id, path) in &self.aliases {
            if !path.is_empty() && !self.used.contains(id) {
                self.fields.insert(EventField {
                    path: path.clone(),
                    kind: FieldKind::Read,
                });
            }
        }
        EventFields::Fields(self.fields.into_iter().collect())
    }

    fn record(&mut self, path: &str, kind: FieldKind) {
        if path.is_empty() {
            self.whole = true;
        } else {
            self.fields.insert(EventField {
                path: path.to_owned(),
                kind,
            });
        }
    }

    fn record_all(&mut self, paths: Paths, kind: FieldKind) {
        for path in paths {
            self.record(&path, kind);
        }
    }

    fn escape(&mut self, path: Option<String>) {
        if let Some(path) = path {
            self.record(&path, FieldKind::Any);
        }
    }

    /// `expr`'s value is only read (a test, an operand, a discarded value).
    fn read(&mut self, expr: &Expr) {
        let paths = self.values(expr);
        self.record_all(paths, FieldKind::Read);
    }

    /// The path `ident` stands for, if any; the global `event` is the whole
    /// event.
    /// An unresolved global through which the global event can be reached.
    fn is_global_object(&self, ident: &Ident) -> bool {
        GLOBAL_OBJECTS.contains(&&*ident.sym) && ident.ctxt.outer() == self.unresolved_mark
    }

    fn ident(&mut self, ident: &Ident) -> Paths {
        // The global `event`, or a global object used whole
        // (`const { event } = window`, `Reflect.get(window, k)`, `(0, eval)`).
        let global = ident.ctxt.outer() == self.unresolved_mark;
        if global && (&*ident.sym == "event" || self.is_global_object(ident)) {
            self.whole = true;
        }
        let id = ident.to_id();
        let Some(path) = self.aliases.get(&id) else {
            return Paths::new();
        };
        let path = path.clone();
        self.used.insert(id);
        smallvec![path]
    }

    /// The event paths `expr`'s value may be, after recording what its
    /// operands do.
    fn values(&mut self, expr: &Expr) -> Paths {
        let expr = unwrap_expr_wrappers(expr);
        match expr {
            Expr::Ident(ident) => self.ident(ident),
            Expr::Member(member) => self.member(member),
            Expr::OptChain(OptChainExpr { base, .. }) if base.is_member() => match &**base {
                OptChainBase::Member(member) => self.member(member),
                _ => Paths::new(),
            },
            Expr::Bin(bin) if is_logical(bin.op) => {
                let mut paths = self.values(&bin.left);
                paths.extend(self.values(&bin.right));
                paths
            }
            Expr::Cond(cond) => {
                self.read(&cond.test);
                let mut paths = self.values(&cond.cons);
                paths.extend(self.values(&cond.alt));
                paths
            }
            Expr::Seq(seq) => match seq.exprs.split_last() {
                Some((last, rest)) => {
                    rest.iter().for_each(|e| self.read(e));
                    self.values(last)
                }
                None => Paths::new(),
            },
            _ => {
                self.consume(expr);
                Paths::new()
            }
        }
    }

    /// Records what the operands of `expr` (whose value is no path) do.
    fn consume(&mut self, expr: &Expr) {
        match expr {
            Expr::OptChain(OptChainExpr { base, .. }) => match &**base {
                OptChainBase::Call(call) => self.call(&call.callee, &call.args),
                _ => expr.visit_children_with(self),
            },
            Expr::Call(CallExpr {
                callee: Callee::Expr(callee),
                args,
                ..
            }) => self.call(callee, args),
            Expr::TaggedTpl(tagged) => {
                let tags = self.values(&tagged.tag);
                self.record_all(tags, FieldKind::Call);
                // The interpolations are the tag's arguments.
                tagged.tpl.exprs.iter().for_each(|e| self.visit_expr(e));
            }
            Expr::Tpl(tpl) => tpl.exprs.iter().for_each(|e| self.read(e)),
            Expr::Bin(bin) if bin.op == BinaryOp::In => {
                self.read(&bin.left);
                self.visit_expr(&bin.right);
            }
            Expr::Bin(bin) if bin.op == BinaryOp::InstanceOf => expr.visit_children_with(self),
            Expr::Bin(bin) => {
                self.read(&bin.left);
                self.read(&bin.right);
            }
            Expr::Unary(unary) => match unary.op {
                UnaryOp::Delete => self.write(&unary.arg, false),
                UnaryOp::TypeOf => self.visit_expr(&unary.arg),
                _ => self.read(&unary.arg),
            },
            Expr::Update(update) => self.write(&update.arg, true),
            Expr::Assign(assign) => self.assign(assign),
            // The rest (`await`, `new`, literals, functions, JSX...): the
            // operands escape.
            _ => expr.visit_children_with(self),
        }
    }

    /// A static link extends its object's paths; a computed key makes them
    /// escape.
    fn member(&mut self, member: &MemberExpr) -> Paths {
        // A global object (`window`, `self`, `document`...): a static read
        // of an unrelated property is no event path; `window.event`,
        // `document.defaultView`, `top.window` or a computed key reach the
        // global event.
        if let Expr::Ident(object) = unwrap_expr_wrappers(&member.obj) {
            if self.is_global_object(object) {
                let prop = match &member.prop {
                    MemberProp::Ident(name) => Some(name.sym.to_string()),
                    MemberProp::Computed(key) => literal_key(&key.expr),
                    _ => None,
                };
                match prop {
                    Some(prop) if !REACHES_EVENT.contains(&prop.as_str()) => {}
                    _ => self.whole = true,
                }
                if let MemberProp::Computed(key) = &member.prop {
                    self.read(&key.expr);
                }
                return Paths::new();
            }
        }
        let objects = self.values(&member.obj);
        let segment = match &member.prop {
            MemberProp::Ident(name) => Some(name.sym.to_string()),
            MemberProp::Computed(key) => self.computed_key(&key.expr),
            _ => None,
        };
        match segment {
            Some(segment) => objects.iter().map(|o| join(o, &segment)).collect(),
            None => {
                self.record_all(objects, FieldKind::Any);
                Paths::new()
            }
        }
    }

    /// The segment a computed key names, if it is a literal; otherwise the
    /// key is read (converted to a property key).
    fn computed_key(&mut self, key: &Expr) -> Option<String> {
        let segment = literal_key(key);
        if segment.is_none() {
            self.read(key);
        }
        segment
    }

    fn call(&mut self, callee: &Expr, args: &[ExprOrSpread]) {
        if let Expr::Ident(ident) = unwrap_expr_wrappers(callee) {
            // A direct `eval` sees every binding.
            self.whole |= &*ident.sym == "eval" && ident.ctxt.outer() == self.unresolved_mark;
        }
        let callees = self.values(callee);
        self.record_all(callees, FieldKind::Call);
        args.iter().for_each(|arg| self.visit_expr(&arg.expr));
    }

    /// `target` is written; `compound` (`+=`, `++`) also reads it.
    fn write(&mut self, target: &Expr, compound: bool) {
        let paths = self.values(target);
        self.written(paths, compound);
    }

    fn written(&mut self, paths: Paths, compound: bool) {
        for path in paths {
            self.record(&path, FieldKind::Write);
            if compound {
                self.record(&path, FieldKind::Read);
            }
        }
    }

    fn assign(&mut self, assign: &AssignExpr) {
        let compound = assign.op != AssignOp::Assign;
        let sources = self.values(&assign.right);
        match &assign.left {
            AssignTarget::Simple(target) => {
                self.simple_target(target, compound);
                self.record_all(sources, FieldKind::Any);
            }
            AssignTarget::Pat(pat) => {
                for source in or_none(sources) {
                    match pat {
                        AssignTargetPat::Array(array) => {
                            self.bind_array(array, source, Mode::Assign)
                        }
                        AssignTargetPat::Object(obj) => self.bind_object(obj, source, Mode::Assign),
                        _ => {}
                    }
                }
            }
            #[cfg(swc_ast_unknown)]
            _ => self.whole = true,
        }
    }

    fn simple_target(&mut self, target: &SimpleAssignTarget, compound: bool) {
        match target {
            SimpleAssignTarget::Ident(ident) => {
                // Assigning an alias (`({ target }) => { target = 1 }`)
                // rebinds a local: its path was read when it was bound, and
                // the event is not written. The parameter itself (path "")
                // makes the whole event escape.
                let paths = self.ident(&ident.id);
                self.record_all(paths, FieldKind::Read);
            }
            SimpleAssignTarget::Member(member) => {
                let paths = self.member(member);
                self.written(paths, compound);
            }
            SimpleAssignTarget::Paren(e) => self.write(&e.expr, compound),
            SimpleAssignTarget::TsAs(e) => self.write(&e.expr, compound),
            SimpleAssignTarget::TsSatisfies(e) => self.write(&e.expr, compound),
            SimpleAssignTarget::TsNonNull(e) => self.write(&e.expr, compound),
            SimpleAssignTarget::TsTypeAssertion(e) => self.write(&e.expr, compound),
            SimpleAssignTarget::TsInstantiation(e) => self.write(&e.expr, compound),
            other => other.visit_children_with(self),
        }
    }

    /// Binds (or, in [`Mode::Assign`], assigns) `pat` to the value at `path`;
    /// `None`: a value that is not the event. Defaults escape.
    fn bind(&mut self, pat: &Pat, path: Option<String>, mode: Mode) {
        match pat {
            Pat::Ident(ident) => self.leaf(&ident.id, path, mode),
            Pat::Object(object) => self.bind_object(object, path, mode),
            Pat::Array(array) => self.bind_array(array, path, mode),
            Pat::Rest(rest) => {
                self.escape(path);
                self.bind(&rest.arg, None, mode);
            }
            Pat::Assign(assign) => {
                self.visit_expr(&assign.right);
                self.bind(&assign.left, path, mode);
            }
            Pat::Expr(target) => {
                self.escape(path);
                self.write(target, false);
            }
            _ => {}
        }
    }

    fn leaf(&mut self, ident: &Ident, path: Option<String>, mode: Mode) {
        match (mode, path) {
            (Mode::Alias, Some(path)) => {
                self.aliases.insert(ident.to_id(), path);
            }
            (Mode::Alias, None) => {}
            (Mode::Store, path) => self.escape(path),
            (Mode::Assign, path) => {
                self.escape(path);
                let paths = self.ident(ident);
                self.written(paths, false);
            }
        }
    }

    fn bind_object(&mut self, object: &ObjectPat, path: Option<String>, mode: Mode) {
        for prop in &object.props {
            match prop {
                ObjectPatProp::KeyValue(kv) => {
                    let sub = self.pattern_key(&kv.key, path.as_deref());
                    self.bind(&kv.value, sub, mode);
                }
                ObjectPatProp::Assign(assign) => {
                    assign.value.visit_with(self);
                    let sub = path.as_deref().map(|p| join(p, &assign.key.sym));
                    self.leaf(&assign.key.id, sub, mode);
                }
                ObjectPatProp::Rest(rest) => {
                    self.escape(path.clone());
                    self.bind(&rest.arg, None, mode);
                }
                #[cfg(swc_ast_unknown)]
                _ => self.escape(path.clone()),
            }
        }
    }

    fn bind_array(&mut self, array: &ArrayPat, path: Option<String>, mode: Mode) {
        for (index, elem) in array.elems.iter().enumerate() {
            match elem {
                Some(rest @ Pat::Rest(_)) => self.bind(rest, path.clone(), mode),
                Some(elem) => {
                    let sub = path.as_deref().map(|p| join(p, &index.to_string()));
                    self.bind(elem, sub, mode);
                }
                None => {}
            }
        }
    }

    /// The path an object pattern's key reads under `path`; a key that is not
    /// a literal makes `path` escape.
    fn pattern_key(&mut self, key: &PropName, path: Option<&str>) -> Option<String> {
        let segment = match key {
            PropName::Ident(name) => Some(name.sym.to_string()),
            PropName::Str(s) => str_segment(s),
            PropName::Num(n) => number_segment(n.value),
            PropName::Computed(key) => self.computed_key(&key.expr),
            _ => None,
        };
        let path = path?;
        match segment {
            Some(segment) => Some(join(path, &segment)),
            None => {
                self.record(path, FieldKind::Any);
                None
            }
        }
    }

    /// A `const` whose value is a path stands for it; other declarations copy.
    fn declarator(&mut self, declarator: &VarDeclarator, mode: Mode) {
        let Some(init) = &declarator.init else {
            return self.bind(&declarator.name, None, mode);
        };
        let mode = if is_chain(init) { mode } else { Mode::Store };
        for path in or_none(self.values(init)) {
            self.bind(&declarator.name, path, mode);
        }
    }
}

impl Visit for Scanner {
    skip_type_positions!();
    fn visit_ts_expr_with_type_args(&mut self, _: &TsExprWithTypeArgs) {}

    /// Any value the scanner has no rule for escapes.
    fn visit_expr(&mut self, expr: &Expr) {
        let paths = self.values(expr);
        self.record_all(paths, FieldKind::Any);
    }

    /// An identifier outside an expression (`{ t }`, `<t.X />`) escapes.
    fn visit_ident(&mut self, ident: &Ident) {
        let paths = self.ident(ident);
        self.record_all(paths, FieldKind::Any);
    }

    fn visit_var_decl(&mut self, decl: &VarDecl) {
        let mode = match decl.kind {
            VarDeclKind::Const => Mode::Alias,
            _ => Mode::Store,
        };
        for declarator in &decl.decls {
            self.declarator(declarator, mode);
        }
    }

    fn visit_for_head(&mut self, head: &ForHead) {
        match head {
            ForHead::Pat(pat) => self.bind(pat, None, Mode::Assign),
            _ => head.visit_children_with(self),
        }
    }

    fn visit_expr_stmt(&mut self, stmt: &ExprStmt) {
        self.read(&stmt.expr);
    }

    fn visit_if_stmt(&mut self, stmt: &IfStmt) {
        self.read(&stmt.test);
        stmt.cons.visit_with(self);
        stmt.alt.visit_with(self);
    }

    fn visit_while_stmt(&mut self, stmt: &WhileStmt) {
        self.read(&stmt.test);
        stmt.body.visit_with(self);
    }

    fn visit_do_while_stmt(&mut self, stmt: &DoWhileStmt) {
        stmt.body.visit_with(self);
        self.read(&stmt.test);
    }

    fn visit_for_stmt(&mut self, stmt: &ForStmt) {
        match &stmt.init {
            Some(VarDeclOrExpr::Expr(init)) => self.read(init),
            init => init.visit_with(self),
        }
        stmt.test.iter().for_each(|test| self.read(test));
        stmt.update.iter().for_each(|update| self.read(update));
        stmt.body.visit_with(self);
    }

    fn visit_switch_stmt(&mut self, stmt: &SwitchStmt) {
        self.read(&stmt.discriminant);
        stmt.cases.visit_with(self);
    }

    fn visit_switch_case(&mut self, case: &SwitchCase) {
        case.test.iter().for_each(|test| self.read(test));
        case.cons.visit_with(self);
    }
}

fn is_logical(op: BinaryOp) -> bool {
    matches!(
        op,
        BinaryOp::LogicalOr | BinaryOp::LogicalAnd | BinaryOp::NullishCoalescing
    )
}

fn join(path: &str, segment: &str) -> String {
    if path.is_empty() {
        segment.to_owned()
    } else {
        format!("{path}.{segment}")
    }
}

/// One `None` for a value that is not the event, else each path.
fn or_none(paths: Paths) -> SmallVec<[Option<String>; 1]> {
    if paths.is_empty() {
        smallvec![None]
    } else {
        paths.into_iter().map(Some).collect()
    }
}

/// Whether `expr` is an identifier or a member chain on one.
fn is_chain(mut expr: &Expr) -> bool {
    loop {
        expr = match unwrap_expr_wrappers(expr) {
            Expr::Ident(_) => return true,
            Expr::Member(member) => &member.obj,
            Expr::OptChain(chain) => match &*chain.base {
                OptChainBase::Member(member) => &member.obj,
                _ => return false,
            },
            _ => return false,
        };
    }
}

/// The segment a literal key names: a string or a non-negative integer.
fn literal_key(key: &Expr) -> Option<String> {
    match unwrap_expr_wrappers(key) {
        Expr::Lit(Lit::Str(s)) => str_segment(s),
        Expr::Lit(Lit::Num(n)) => number_segment(n.value),
        _ => None,
    }
}

/// A string key, unless empty or holding the path separator `.`.
fn str_segment(s: &Str) -> Option<String> {
    let key = s.value.as_atom()?;
    (!key.is_empty() && !key.contains('.')).then(|| key.to_string())
}

/// An integer key as JavaScript spells it (`-0` is `0`).
fn number_segment(value: f64) -> Option<String> {
    let integer = value.fract() == 0.0 && (0.0..1e15).contains(&value);
    integer.then(|| (value as u64).to_string())
}
