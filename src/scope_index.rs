//! # Scope index: one walk over the module
//!
//! Records what the capture rules and diagnostics need to know about the
//! whole module, in a single traversal:
//!
//! - every **capturable binding**: declared inside a function, class or block
//!   (module top-level and ambient `declare` bindings are not capturable), with
//!   its kind, scope, enclosing function and where it becomes initialised;
//! - every **write** to an identifier (`=`, compound assignments, `++`,
//!   destructuring targets, `for (x of ...)` heads, `var` initialisers), with
//!   the function it happens in;
//! - every **handler site**: an event attribute holding an inline arrow, with
//!   the function and loops around it and the [`ArrowScan`] of its arrow.
//!
//! ```tsx
//! function App() {            // function #1
//!   let n = 0;                // binding n: Let, scope = App's body, initialised at `0`'s end
//!   for (const x of xs) {     // loop
//!     <b onClick={() => n} /> // handler site: function #1, loops [for-of]
//!   }
//!   n = 1;                    // write to n in function #1
//! }
//! ```
//!
//! ## Implementation
//!
//! Bindings are keyed by [`Id`] (name + syntax context from SWC's resolver),
//! never by name. A stack of frames models scopes: a `var` belongs to the
//! nearest function frame, `let`/`const`/`class`/block-level functions to the
//! innermost frame. Type positions are skipped.

use rustc_hash::FxHashMap;
use swc_core::{
    common::{BytePos, Mark, Span, Spanned},
    ecma::{
        ast::*,
        visit::{Visit, VisitWith},
    },
};

use crate::{
    captures::{scan_arrow, ArrowScan},
    detect::{attr_name, handler_arrow, unwrap_parens, AttributeRule},
    names::NameSet,
    patterns::{
        for_each_assigned, for_each_assigned_in_array, for_each_assigned_in_object,
        for_each_binding, is_function_expr, simple_target_ident, unwrap_expr_wrappers,
    },
};

/// How a binding was declared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BindingKind {
    Var,
    Let,
    Const,
    Using,
    Class,
    Function,
    Param,
    CatchParam,
    Enum,
}

impl BindingKind {
    /// Whether reading the binding before its declaration throws (TDZ).
    pub fn has_tdz(self) -> bool {
        matches!(
            self,
            BindingKind::Let
                | BindingKind::Const
                | BindingKind::Using
                | BindingKind::Class
                | BindingKind::Enum
        )
    }

    /// Whether the binding can be reassigned.
    pub fn is_mutable(self) -> bool {
        !matches!(
            self,
            BindingKind::Const | BindingKind::Using | BindingKind::Enum
        )
    }
}

/// Index of a function-like scope (function, arrow, method, class field
/// initialiser, static block); 0 is the module.
pub type FunctionId = u32;

/// A capturable binding.
#[derive(Debug, Clone)]
pub struct Binding {
    pub kind: BindingKind,
    /// The declaring identifier.
    pub decl_span: Span,
    /// The scope the binding lives in (block, loop head, function).
    pub scope: Span,
    /// The function the binding belongs to.
    pub function: FunctionId,
    /// Where the binding is initialised (end of its declarator or class);
    /// `BytePos(0)` for hoisted and parameter bindings.
    pub initialized_at: BytePos,
    /// Declared as a function, or as a `const`/`let` initialised with one.
    pub callable: bool,
}

/// An assignment to an identifier.
#[derive(Debug, Clone, Copy)]
pub struct Write {
    pub span: Span,
    pub function: FunctionId,
}

/// An event attribute whose value is an inline arrow.
#[derive(Debug)]
pub struct HandlerSite {
    pub attr_name: String,
    pub attr_span: Span,
    /// The function the JSX is evaluated in.
    pub function: FunctionId,
    /// Loops around the attribute, outermost first.
    pub loops: Vec<Span>,
    /// Boxed: sites are pushed one by one, and a scan is large.
    pub scan: Box<ArrowScan>,
}

/// Everything the planner needs to know about a module.
#[derive(Debug, Default)]
pub struct ScopeIndex {
    pub bindings: FxHashMap<Id, Binding>,
    pub writes: FxHashMap<Id, Vec<Write>>,
    /// Handler sites in pre-order (an outer handler before the ones in its body).
    pub handlers: Vec<HandlerSite>,
    /// Identifier names in the module (bindings, references, labels) that
    /// could collide with a fresh helper name.
    pub names: NameSet,
    /// An invalid node left by the parser's error recovery.
    pub invalid: Option<Span>,
}

impl ScopeIndex {
    /// Walks `program` once.
    /// `name_bases` are the bases fresh names will be made from.
    pub fn build(
        program: &Program,
        rule: &AttributeRule,
        unresolved_mark: Mark,
        name_bases: [&str; 2],
    ) -> ScopeIndex {
        let mut walker = Walker {
            index: ScopeIndex {
                names: NameSet::new(name_bases),
                ..ScopeIndex::default()
            },
            rule,
            unresolved_mark,
            frames: vec![Frame {
                span: program.span(),
                is_function: true,
                top_level: true,
                function: 0,
            }],
            loops: Vec::new(),
            next_function: 1,
            ambient: 0,
        };
        program.visit_with(&mut walker);
        walker.index
    }

    /// The capturable binding `id`, if it is one.
    pub fn binding(&self, id: &Id) -> Option<&Binding> {
        self.bindings.get(id)
    }

    /// Writes to `id` anywhere in the module.
    pub fn writes_to(&self, id: &Id) -> &[Write] {
        self.writes.get(id).map(Vec::as_slice).unwrap_or(&[])
    }
}

#[derive(Debug, Clone, Copy)]
struct Frame {
    span: Span,
    is_function: bool,
    top_level: bool,
    function: FunctionId,
}

struct Walker<'a> {
    index: ScopeIndex,
    rule: &'a AttributeRule,
    unresolved_mark: Mark,
    frames: Vec<Frame>,
    loops: Vec<Span>,
    next_function: FunctionId,
    /// Depth of `declare` contexts (ambient declarations bind nothing real).
    ambient: u32,
}

/// Where a declaration puts its bindings.
#[derive(Clone, Copy)]
enum Target {
    /// The innermost frame (`let`, `const`, `class`, block functions).
    Block,
    /// The nearest function frame (`var`, parameters).
    Function,
}

impl Walker<'_> {
    fn current_function(&self) -> FunctionId {
        self.frames.last().map_or(0, |f| f.function)
    }

    fn frame_for(&self, target: Target) -> Frame {
        let frame = match target {
            Target::Block => self.frames.last(),
            Target::Function => self.frames.iter().rev().find(|f| f.is_function),
        };
        frame.copied().unwrap_or(Frame {
            span: Span::default(),
            is_function: true,
            top_level: true,
            function: 0,
        })
    }

    fn with_frame(&mut self, span: Span, is_function: bool, f: impl FnOnce(&mut Self)) {
        let function = if is_function {
            let id = self.next_function;
            self.next_function += 1;
            id
        } else {
            self.current_function()
        };
        self.frames.push(Frame {
            span,
            is_function,
            top_level: false,
            function,
        });
        f(self);
        self.frames.pop();
    }

    fn with_loop(&mut self, span: Span, f: impl FnOnce(&mut Self)) {
        self.loops.push(span);
        f(self);
        self.loops.pop();
    }

    fn declare(
        &mut self,
        ident: &Ident,
        kind: BindingKind,
        target: Target,
        initialized_at: BytePos,
        callable: bool,
    ) {
        self.index.names.note(&ident.sym);
        let frame = self.frame_for(target);
        if frame.top_level || self.ambient > 0 || ident.ctxt.outer() == self.unresolved_mark {
            return;
        }
        let binding = self.index.bindings.entry(ident.to_id()).or_insert(Binding {
            kind,
            decl_span: ident.span,
            scope: frame.span,
            function: frame.function,
            initialized_at,
            callable,
        });
        binding.callable |= callable;
    }

    fn declare_pat(
        &mut self,
        pat: &Pat,
        kind: BindingKind,
        target: Target,
        init: BytePos,
        callable: bool,
    ) {
        for_each_binding(pat, &mut |ident| {
            self.declare(ident, kind, target, init, callable)
        });
    }

    fn write(&mut self, ident: &Ident) {
        let function = self.current_function();
        self.index
            .writes
            .entry(ident.to_id())
            .or_default()
            .push(Write {
                span: ident.span,
                function,
            });
    }

    fn write_pat(&mut self, pat: &Pat) {
        for_each_assigned(pat, &mut |ident| self.write(ident));
    }

    fn var_decl(&mut self, decl: &VarDecl) {
        let (kind, target) = match decl.kind {
            VarDeclKind::Var => (BindingKind::Var, Target::Function),
            VarDeclKind::Let => (BindingKind::Let, Target::Block),
            VarDeclKind::Const => (BindingKind::Const, Target::Block),
            #[cfg(swc_ast_unknown)]
            _ => return,
        };
        if decl.declare {
            return;
        }
        for declarator in &decl.decls {
            let callable = declarator
                .init
                .as_deref()
                .is_some_and(|init| is_function_expr(unwrap_parens(init)));
            self.declare_pat(&declarator.name, kind, target, declarator.span.hi, callable);
            if kind == BindingKind::Var && declarator.init.is_some() {
                self.write_pat(&declarator.name);
            }
        }
    }
}

impl Visit for Walker<'_> {
    // Types never hold values.
    fn visit_ts_type(&mut self, _: &TsType) {}
    fn visit_ts_type_ann(&mut self, _: &TsTypeAnn) {}
    fn visit_ts_type_param_decl(&mut self, _: &TsTypeParamDecl) {}
    fn visit_ts_type_param_instantiation(&mut self, _: &TsTypeParamInstantiation) {}
    fn visit_ts_interface_decl(&mut self, _: &TsInterfaceDecl) {}
    fn visit_ts_type_alias_decl(&mut self, _: &TsTypeAliasDecl) {}

    fn visit_ident(&mut self, ident: &Ident) {
        self.index.names.note(&ident.sym);
    }

    fn visit_invalid(&mut self, invalid: &Invalid) {
        self.index.invalid.get_or_insert(invalid.span);
    }

    fn visit_ts_module_decl(&mut self, decl: &TsModuleDecl) {
        let ambient = decl.declare || decl.global;
        self.ambient += u32::from(ambient);
        self.with_frame(decl.span, true, |w| decl.body.visit_with(w));
        self.ambient -= u32::from(ambient);
    }

    fn visit_var_decl(&mut self, decl: &VarDecl) {
        self.var_decl(decl);
        decl.visit_children_with(self);
    }

    fn visit_using_decl(&mut self, decl: &UsingDecl) {
        for declarator in &decl.decls {
            self.declare_pat(
                &declarator.name,
                BindingKind::Using,
                Target::Block,
                declarator.span.hi,
                false,
            );
        }
        decl.visit_children_with(self);
    }

    fn visit_fn_decl(&mut self, decl: &FnDecl) {
        if decl.declare {
            return;
        }
        self.declare(
            &decl.ident,
            BindingKind::Function,
            Target::Block,
            BytePos(0),
            true,
        );
        decl.function.visit_with(self);
    }

    fn visit_fn_expr(&mut self, expr: &FnExpr) {
        let span = expr.function.span;
        self.with_frame(span, true, |w| {
            if let Some(ident) = &expr.ident {
                w.declare(
                    ident,
                    BindingKind::Function,
                    Target::Function,
                    BytePos(0),
                    true,
                );
            }
            w.visit_function_inner(&expr.function);
        });
    }

    fn visit_function(&mut self, function: &Function) {
        self.with_frame(function.span, true, |w| w.visit_function_inner(function));
    }

    fn visit_arrow_expr(&mut self, arrow: &ArrowExpr) {
        self.with_frame(arrow.span, true, |w| {
            for param in &arrow.params {
                w.declare_pat(
                    param,
                    BindingKind::Param,
                    Target::Function,
                    BytePos(0),
                    false,
                );
            }
            arrow.params.visit_with(w);
            arrow.body.visit_with(w);
        });
    }

    fn visit_constructor(&mut self, ctor: &Constructor) {
        self.with_frame(ctor.span, true, |w| {
            for param in &ctor.params {
                match param {
                    ParamOrTsParamProp::Param(param) => w.declare_pat(
                        &param.pat,
                        BindingKind::Param,
                        Target::Function,
                        BytePos(0),
                        false,
                    ),
                    ParamOrTsParamProp::TsParamProp(prop) => match &prop.param {
                        TsParamPropParam::Ident(ident) => w.declare(
                            &ident.id,
                            BindingKind::Param,
                            Target::Function,
                            BytePos(0),
                            false,
                        ),
                        TsParamPropParam::Assign(assign) => w.declare_pat(
                            &assign.left,
                            BindingKind::Param,
                            Target::Function,
                            BytePos(0),
                            false,
                        ),
                        #[cfg(swc_ast_unknown)]
                        _ => {}
                    },
                    #[cfg(swc_ast_unknown)]
                    _ => {}
                }
            }
            ctor.params.visit_with(w);
            ctor.body.visit_with(w);
        });
    }

    fn visit_class_decl(&mut self, decl: &ClassDecl) {
        if decl.declare {
            return;
        }
        self.declare(
            &decl.ident,
            BindingKind::Class,
            Target::Block,
            decl.class.span.hi,
            false,
        );
        decl.class.visit_with(self);
    }

    fn visit_class_expr(&mut self, expr: &ClassExpr) {
        self.with_frame(expr.class.span, false, |w| {
            if let Some(ident) = &expr.ident {
                w.declare(ident, BindingKind::Class, Target::Block, BytePos(0), false);
            }
            expr.class.visit_with(w);
        });
    }

    fn visit_class_prop(&mut self, prop: &ClassProp) {
        prop.key.visit_with(self);
        prop.decorators.visit_with(self);
        if let Some(value) = &prop.value {
            self.with_frame(value.span(), true, |w| value.visit_with(w));
        }
    }

    fn visit_private_prop(&mut self, prop: &PrivateProp) {
        prop.decorators.visit_with(self);
        if let Some(value) = &prop.value {
            self.with_frame(value.span(), true, |w| value.visit_with(w));
        }
    }

    fn visit_static_block(&mut self, block: &StaticBlock) {
        self.with_frame(block.span, true, |w| block.body.visit_children_with(w));
    }

    fn visit_block_stmt(&mut self, block: &BlockStmt) {
        self.with_frame(block.span, false, |w| block.visit_children_with(w));
    }

    fn visit_switch_stmt(&mut self, stmt: &SwitchStmt) {
        stmt.discriminant.visit_with(self);
        self.with_frame(stmt.span, false, |w| stmt.cases.visit_with(w));
    }

    fn visit_catch_clause(&mut self, clause: &CatchClause) {
        self.with_frame(clause.span, false, |w| {
            if let Some(param) = &clause.param {
                w.declare_pat(
                    param,
                    BindingKind::CatchParam,
                    Target::Block,
                    BytePos(0),
                    false,
                );
            }
            clause.visit_children_with(w);
        });
    }

    fn visit_for_stmt(&mut self, stmt: &ForStmt) {
        self.with_frame(stmt.span, false, |w| {
            w.with_loop(stmt.span, |w| stmt.visit_children_with(w));
        });
    }

    fn visit_for_in_stmt(&mut self, stmt: &ForInStmt) {
        stmt.right.visit_with(self);
        self.with_frame(stmt.span, false, |w| {
            w.with_loop(stmt.span, |w| {
                w.for_head(&stmt.left);
                stmt.body.visit_with(w);
            });
        });
    }

    fn visit_for_of_stmt(&mut self, stmt: &ForOfStmt) {
        stmt.right.visit_with(self);
        self.with_frame(stmt.span, false, |w| {
            w.with_loop(stmt.span, |w| {
                w.for_head(&stmt.left);
                stmt.body.visit_with(w);
            });
        });
    }

    fn visit_while_stmt(&mut self, stmt: &WhileStmt) {
        self.with_loop(stmt.span, |w| stmt.visit_children_with(w));
    }

    fn visit_do_while_stmt(&mut self, stmt: &DoWhileStmt) {
        self.with_loop(stmt.span, |w| stmt.visit_children_with(w));
    }

    fn visit_ts_enum_decl(&mut self, decl: &TsEnumDecl) {
        if decl.declare {
            return;
        }
        self.declare(
            &decl.id,
            BindingKind::Enum,
            Target::Block,
            decl.span.hi,
            false,
        );
        decl.members.visit_with(self);
    }

    fn visit_assign_expr(&mut self, expr: &AssignExpr) {
        match &expr.left {
            AssignTarget::Simple(target) => {
                if let Some(ident) = simple_target_ident(target) {
                    self.write(ident);
                }
            }
            AssignTarget::Pat(pat) => match pat {
                AssignTargetPat::Array(array) => {
                    for_each_assigned_in_array(array, &mut |i| self.write(i))
                }
                AssignTargetPat::Object(object) => {
                    for_each_assigned_in_object(object, &mut |i| self.write(i))
                }
                AssignTargetPat::Invalid(_) => {}
                #[cfg(swc_ast_unknown)]
                _ => {}
            },
            #[cfg(swc_ast_unknown)]
            _ => {}
        }
        expr.visit_children_with(self);
    }

    fn visit_update_expr(&mut self, expr: &UpdateExpr) {
        if let Expr::Ident(ident) = unwrap_expr_wrappers(&expr.arg) {
            self.write(ident);
        }
        expr.visit_children_with(self);
    }

    fn visit_jsx_attr(&mut self, attr: &JSXAttr) {
        if let Some(arrow) = handler_arrow(attr, self.rule) {
            let site = HandlerSite {
                attr_name: attr_name(attr),
                attr_span: attr.span,
                function: self.current_function(),
                loops: self.loops.clone(),
                scan: Box::new(scan_arrow(arrow, self.unresolved_mark)),
            };
            self.index.handlers.push(site);
        }
        attr.visit_children_with(self);
    }
}

impl Walker<'_> {
    fn visit_function_inner(&mut self, function: &Function) {
        for param in &function.params {
            self.declare_pat(
                &param.pat,
                BindingKind::Param,
                Target::Function,
                BytePos(0),
                false,
            );
        }
        function.decorators.visit_with(self);
        function.params.visit_with(self);
        // The body block shares the function's frame for `var` purposes but
        // is its own block frame for `let`; both are fine as one more frame.
        function.body.visit_with(self);
    }

    fn for_head(&mut self, head: &ForHead) {
        match head {
            ForHead::VarDecl(decl) => {
                self.var_decl(decl);
                // `for (var x of xs)` assigns x on every iteration.
                if decl.kind == VarDeclKind::Var {
                    for declarator in &decl.decls {
                        self.write_pat(&declarator.name);
                    }
                }
                decl.decls.visit_children_with(self);
            }
            ForHead::UsingDecl(decl) => decl.visit_with(self),
            ForHead::Pat(pat) => {
                self.write_pat(pat);
                pat.visit_with(self);
            }
            #[cfg(swc_ast_unknown)]
            _ => {}
        }
    }
}
