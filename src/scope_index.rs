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
//!   the function it is in, its evaluation-order context and the
//!   [`ArrowScan`] of its arrow;
//! - every **function** and where it is created, and every place that names a
//!   local function declaration: what [`eval_order`](crate::eval_order)
//!   needs to decide when JSX in a nested function runs.
//!
//! ```tsx
//! function App() {            // function #1
//!   let n = 0;                // binding n: Let, scope = App's body, initialised at `0`'s end
//!   for (const x of xs) {     // loop
//!     <b onClick={() => n} /> // handler site: function #1, context [Loop(for-of)]
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
//! innermost frame. Type positions are skipped. Function declarations of a
//! statement list are declared before the list is walked (they are hoisted),
//! so that a call written before the declaration is recorded as a use.
//!
//! SWC's resolver does not hoist the lexical declarations of `switch` cases:
//! in `case 1: f(y); case 2: const y = 1;` the first `y` resolves to an outer
//! binding, or to a global. The walker collects each `switch`'s case-level
//! declarations (function declarations too: hoisted, but not resolved either)
//! and reports a handler that names one before its declaration
//! ([`HandlerSite::switch_tdz`]).

use rustc_hash::FxHashMap;
use swc_core::{
    common::{BytePos, Mark, Span, Spanned},
    ecma::{
        ast::*,
        atoms::Atom,
        visit::{Visit, VisitWith},
    },
};

use crate::{
    captures::{scan_arrow, ArrowScan},
    detect::{attr_name, handler_arrow, unwrap_parens, AttributeRule},
    eval_order::{self, Ctx, FnUse, FunctionInfo, Point, Step, StmtFlags},
    names::NameSet,
    patterns::skip_type_positions,
    patterns::{
        for_each_assigned, for_each_assigned_in_array, for_each_assigned_in_object,
        for_each_binding, for_each_param_binding, is_function_expr, simple_target_ident,
        unwrap_expr_wrappers,
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
                | BindingKind::Param
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
    /// Where the binding is initialised (end of its declarator, class or
    /// parameter element, default included); `BytePos(0)` for hoisted bindings.
    pub initialized_at: BytePos,
    /// Declared as a function, or as a `const`/`let` initialised with one.
    pub callable: bool,
    /// An enum declared more than once (declaration merging): a later
    /// declaration writes members of the enum object.
    pub merged: bool,
    /// An exported `var`/`let` of a namespace: TypeScript compiles it to a
    /// property of the namespace object, which any code can assign
    /// (`N.x = 5`, or `x = 5` in another `namespace N` block).
    pub written_elsewhere: bool,
    /// A class declaration: the member bodies (methods, constructor, field
    /// initialisers, static blocks), where the name is the class's own inner
    /// binding, initialised before any of them runs.
    pub inner: Vec<Span>,
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
    /// The attribute's position and the control flow around it.
    pub at: Point,
    /// Lexically inside a `with` statement (names resolve dynamically).
    pub in_with: bool,
    /// A name the arrow reads before its declaration in a later `case` of an
    /// enclosing `switch`.
    pub switch_tdz: Option<SwitchUse>,
    /// Boxed: sites are pushed one by one, and a scan is large.
    pub scan: Box<ArrowScan>,
}

/// A use of a name declared in a later `switch` case (see [`ScopeIndex`]).
#[derive(Debug, Clone)]
pub struct SwitchUse {
    pub name: Atom,
    pub reference: Span,
    pub declared: Span,
    /// Declared by a function declaration (hoisted, so initialised, but still
    /// not resolved by SWC).
    pub function: bool,
}

/// Everything the planner needs to know about a module.
#[derive(Debug, Default)]
pub struct ScopeIndex {
    pub bindings: FxHashMap<Id, Binding>,
    pub writes: FxHashMap<Id, Vec<Write>>,
    /// Handler sites in pre-order (an outer handler before the ones in its body).
    pub handlers: Vec<HandlerSite>,
    /// Every function-like scope, indexed by [`FunctionId`] (0: the module).
    pub functions: Vec<FunctionInfo>,
    /// Every direct `eval(...)` call: it can read and write any binding in
    /// scope, and call any function.
    pub direct_evals: Vec<Span>,
    /// The places that name each local function declaration.
    pub fn_uses: FxHashMap<Id, Vec<FnUse>>,
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
            ctx: None,
            stmt_flags: StmtFlags::default(),
            pending_decl: None,
            early_fns: FxHashMap::default(),
            switch_names: Vec::new(),
            ambient: 0,
            with_depth: 0,
        };
        walker.index.functions.push(FunctionInfo {
            parent: 0,
            created: Point {
                pos: BytePos(0),
                ctx: None,
            },
            declared_as: None,
        });
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

    /// The places that name the function declaration `id`.
    pub fn fn_uses_of(&self, id: &Id) -> &[FnUse] {
        self.fn_uses.get(id).map(Vec::as_slice).unwrap_or(&[])
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
    /// The control flow around the current position, in its own function.
    ctx: Ctx,
    stmt_flags: StmtFlags,
    /// The binding of the function declaration whose function is visited next.
    pending_decl: Option<Id>,
    /// Function declarations that may run without being named (by the
    /// function's position), counted as created at a given point: those
    /// directly in `switch` cases (SWC's resolver may not resolve a call
    /// before them; the start of the `switch`) and the exported ones of a
    /// namespace (`N.Render()` names the namespace; the start of its body).
    early_fns: FxHashMap<BytePos, Point>,
    /// Case-level declarations of the enclosing `switch` statements (name,
    /// span, whether a function).
    switch_names: Vec<Vec<(Atom, Span, bool)>>,
    /// Depth of `declare` contexts (ambient declarations bind nothing real).
    ambient: u32,
    /// Depth of `with` statements.
    with_depth: u32,
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
        if !is_function {
            let function = self.current_function();
            self.frames.push(Frame {
                span,
                is_function,
                top_level: false,
                function,
            });
            f(self);
            self.frames.pop();
            return;
        }
        let function = self.index.functions.len() as FunctionId;
        let declared_as = self.pending_decl.take();
        let created = match &declared_as {
            // Only its uses say when a declaration runs.
            Some(_) => Point {
                pos: span.lo,
                ctx: None,
            },
            None => self
                .early_fns
                .get(&span.lo)
                .cloned()
                .unwrap_or_else(|| self.point(span.lo)),
        };
        self.index.functions.push(FunctionInfo {
            parent: self.current_function(),
            created,
            declared_as,
        });
        self.frames.push(Frame {
            span,
            is_function,
            top_level: false,
            function,
        });
        // Control flow facts stop at a function boundary.
        let outer = self.ctx.take();
        f(self);
        self.ctx = outer;
        self.frames.pop();
    }

    fn with_step(&mut self, step: Option<Step>, f: impl FnOnce(&mut Self)) {
        let Some(step) = step else {
            return f(self);
        };
        let outer = self.ctx.clone();
        self.ctx = eval_order::push(&outer, step);
        f(self);
        self.ctx = outer;
    }

    fn with_loop(&mut self, span: Span, f: impl FnOnce(&mut Self)) {
        self.with_step(Some(Step::Loop(span)), f);
    }

    fn point(&self, pos: BytePos) -> Point {
        Point {
            pos,
            ctx: self.ctx.clone(),
        }
    }

    /// Function declarations are hoisted: declared before their list is
    /// walked, so that uses written before them are recorded.
    fn predeclare_functions<'s>(&mut self, stmts: impl IntoIterator<Item = &'s Stmt>) {
        self.predeclare(stmts.into_iter().filter_map(|stmt| match stmt {
            Stmt::Decl(Decl::Fn(decl)) => Some(decl),
            _ => None,
        }));
    }

    fn predeclare<'s>(&mut self, decls: impl IntoIterator<Item = &'s FnDecl>) {
        for decl in decls {
            if !decl.declare {
                self.declare(
                    &decl.ident,
                    BindingKind::Function,
                    Target::Block,
                    BytePos(0),
                    true,
                );
            }
        }
    }

    /// Declares a function's parameters, each initialised at the end of its
    /// element (parameters are initialised left to right).
    fn declare_params<'p>(&mut self, params: impl IntoIterator<Item = &'p Pat>) {
        for param in params {
            for_each_param_binding(param, BytePos(0), &mut |ident, init| {
                self.declare(ident, BindingKind::Param, Target::Function, init, false)
            });
        }
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
        let id = ident.to_id();
        if let Some(binding) = self.index.bindings.get_mut(&id) {
            binding.callable |= callable;
            binding.merged |= kind == BindingKind::Enum && binding.decl_span != ident.span;
            return;
        }
        self.index.bindings.insert(
            id,
            Binding {
                kind,
                decl_span: ident.span,
                scope: frame.span,
                function: frame.function,
                initialized_at,
                callable,
                merged: false,
                written_elsewhere: false,
                inner: Vec::new(),
            },
        );
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

    /// `initialized_at`: where the bindings are initialised when not at the end
    /// of their declarator (a `for (const x of xs)` head: after `xs`).
    fn var_decl(&mut self, decl: &VarDecl, initialized_at: Option<BytePos>) {
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
            let init = initialized_at.unwrap_or(declarator.span.hi);
            self.declare_pat(&declarator.name, kind, target, init, callable);
            if kind == BindingKind::Var && declarator.init.is_some() {
                self.write_pat(&declarator.name);
            }
        }
    }
}

impl Visit for Walker<'_> {
    skip_type_positions!();

    fn visit_ident(&mut self, ident: &Ident) {
        self.index.names.note(&ident.sym);
        if ident.ctxt.outer() == self.unresolved_mark {
            return;
        }
        let id = ident.to_id();
        if self
            .index
            .bindings
            .get(&id)
            .is_some_and(|b| b.kind == BindingKind::Function)
        {
            let use_ = FnUse {
                function: self.current_function(),
                at: self.point(ident.span.lo),
            };
            self.index.fn_uses.entry(id).or_default().push(use_);
        }
    }

    fn visit_stmts(&mut self, stmts: &[Stmt]) {
        self.predeclare_functions(stmts);
        let exits = self.stmt_flags.exits(stmts);
        for (stmt, exit) in stmts.iter().zip(exits) {
            self.with_step(exit.map(Step::Exit), |w| stmt.visit_with(w));
        }
    }

    fn visit_if_stmt(&mut self, stmt: &IfStmt) {
        stmt.test.visit_with(self);
        let cons_exit = self.stmt_flags.exit(&stmt.cons);
        let cons_step = stmt
            .alt
            .as_ref()
            .map(|alt| Step::Branch { other: alt.span() });
        self.with_step(cons_step, |w| {
            w.with_step(cons_exit.map(Step::Exit), |w| stmt.cons.visit_with(w))
        });
        if let Some(alt) = &stmt.alt {
            let alt_exit = self.stmt_flags.exit(alt);
            let other = stmt.cons.span();
            self.with_step(Some(Step::Branch { other }), |w| {
                w.with_step(alt_exit.map(Step::Exit), |w| alt.visit_with(w))
            });
        }
    }

    fn visit_cond_expr(&mut self, expr: &CondExpr) {
        expr.test.visit_with(self);
        let other = expr.alt.span();
        self.with_step(Some(Step::Branch { other }), |w| expr.cons.visit_with(w));
        let other = expr.cons.span();
        self.with_step(Some(Step::Branch { other }), |w| expr.alt.visit_with(w));
    }

    fn visit_try_stmt(&mut self, stmt: &TryStmt) {
        let resume = stmt.block.span.hi;
        self.with_step(Some(Step::Try { resume }), |w| stmt.block.visit_with(w));
        if let Some(handler) = &stmt.handler {
            let resume = handler.span.hi;
            self.with_step(Some(Step::Try { resume }), |w| handler.visit_with(w));
        }
        stmt.finalizer.visit_with(self);
    }

    fn visit_call_expr(&mut self, call: &CallExpr) {
        if let Callee::Expr(callee) = &call.callee {
            if let Expr::Ident(ident) = &**callee {
                if &*ident.sym == "eval" && ident.ctxt.outer() == self.unresolved_mark {
                    self.index.direct_evals.push(call.span);
                }
            }
        }
        call.visit_children_with(self);
    }

    fn visit_with_stmt(&mut self, stmt: &WithStmt) {
        stmt.obj.visit_with(self);
        self.with_depth += 1;
        stmt.body.visit_with(self);
        self.with_depth -= 1;
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
        self.var_decl(decl, None);
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
        // A declaration directly in a `switch` case counts as created at the
        // start of the `switch` (see `early_fns`); any other runs where named.
        if !self.early_fns.contains_key(&decl.function.span.lo) {
            self.pending_decl = Some(decl.ident.to_id());
        }
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
            w.declare_params(&arrow.params);
            arrow.params.visit_with(w);
            arrow.body.visit_with(w);
        });
    }

    fn visit_constructor(&mut self, ctor: &Constructor) {
        self.with_frame(ctor.span, true, |w| {
            for param in &ctor.params {
                match param {
                    ParamOrTsParamProp::Param(param) => w.declare_params([&param.pat]),
                    ParamOrTsParamProp::TsParamProp(prop) => match &prop.param {
                        TsParamPropParam::Ident(ident) => w.declare(
                            &ident.id,
                            BindingKind::Param,
                            Target::Function,
                            ident.span.hi,
                            false,
                        ),
                        TsParamPropParam::Assign(assign) => {
                            for_each_param_binding(&assign.left, assign.span.hi, &mut |id, init| {
                                w.declare(id, BindingKind::Param, Target::Function, init, false)
                            })
                        }
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
        if let Some(binding) = self.index.bindings.get_mut(&decl.ident.to_id()) {
            binding.inner = member_bodies(&decl.class);
        }
        decl.class.visit_with(self);
    }

    fn visit_module_items(&mut self, items: &[ModuleItem]) {
        if self.frames.last().is_some_and(|f| !f.top_level) {
            // A namespace body: its exported functions can be called as
            // `N.Render()` from anywhere, so count them as created at its start.
            let start = self.point(items.first().map_or(BytePos(0), |i| i.span().lo));
            for item in items {
                if let ModuleItem::ModuleDecl(ModuleDecl::ExportDecl(ExportDecl {
                    decl: Decl::Fn(decl),
                    ..
                })) = item
                {
                    self.early_fns.insert(decl.function.span.lo, start.clone());
                }
            }
        }
        // A namespace body's function declarations are hoisted too.
        self.predeclare(items.iter().filter_map(|item| match item {
            ModuleItem::Stmt(Stmt::Decl(Decl::Fn(decl))) => Some(decl),
            ModuleItem::ModuleDecl(ModuleDecl::ExportDecl(ExportDecl {
                decl: Decl::Fn(decl),
                ..
            })) => Some(decl),
            _ => None,
        }));
        items.visit_children_with(self);
    }

    fn visit_export_decl(&mut self, export: &ExportDecl) {
        export.visit_children_with(self);
        // Outside the module's top level, an export is a namespace member.
        let in_namespace = self.frames.last().is_some_and(|f| !f.top_level);
        if let (true, Decl::Var(var)) = (in_namespace, &export.decl) {
            if var.kind != VarDeclKind::Const {
                for declarator in &var.decls {
                    for_each_binding(&declarator.name, &mut |ident| {
                        if let Some(binding) = self.index.bindings.get_mut(&ident.to_id()) {
                            binding.written_elsewhere = true;
                        }
                    });
                }
            }
        }
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
        let case_stmts = || stmt.cases.iter().flat_map(|case| &case.cons);
        let mut names = Vec::new();
        for item in case_stmts() {
            match item {
                Stmt::Decl(Decl::Var(decl)) if decl.kind != VarDeclKind::Var => {
                    for declarator in &decl.decls {
                        for_each_binding(&declarator.name, &mut |i| {
                            names.push((i.sym.clone(), i.span, false))
                        });
                    }
                }
                Stmt::Decl(Decl::Class(decl)) => {
                    names.push((decl.ident.sym.clone(), decl.ident.span, false))
                }
                Stmt::Decl(Decl::Fn(decl)) => {
                    // Hoisted, so initialised, but SWC's resolver does not
                    // resolve a use written before it either.
                    names.push((decl.ident.sym.clone(), decl.ident.span, true));
                    let start = self.point(stmt.span.lo);
                    self.early_fns.insert(decl.function.span.lo, start);
                }
                _ => {}
            }
        }
        self.switch_names.push(names);
        self.with_frame(stmt.span, false, |w| {
            w.predeclare_functions(case_stmts());
            stmt.cases.visit_with(w);
        });
        self.switch_names.pop();
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
                w.for_head(&stmt.left, stmt.right.span().hi);
                stmt.body.visit_with(w);
            });
        });
    }

    fn visit_for_of_stmt(&mut self, stmt: &ForOfStmt) {
        stmt.right.visit_with(self);
        self.with_frame(stmt.span, false, |w| {
            w.with_loop(stmt.span, |w| {
                w.for_head(&stmt.left, stmt.right.span().hi);
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
            let scan = Box::new(scan_arrow(arrow, self.unresolved_mark));
            let switch_tdz = self.switch_tdz(arrow, &scan);
            let site = HandlerSite {
                attr_name: attr_name(attr),
                attr_span: attr.span,
                function: self.current_function(),
                at: self.point(attr.span.lo),
                in_with: self.with_depth > 0,
                switch_tdz,
                scan,
            };
            self.index.handlers.push(site);
        }
        attr.visit_children_with(self);
    }
}

impl Walker<'_> {
    /// The first name `arrow` reads before its declaration in a later case of
    /// an enclosing `switch` (which SWC's resolver resolves elsewhere), unless
    /// it resolves to a binding of the arrow or of a block inside the `switch`.
    fn switch_tdz(&self, arrow: &ArrowExpr, scan: &ArrowScan) -> Option<SwitchUse> {
        if self.switch_names.iter().all(Vec::is_empty) {
            return None;
        }
        let mut finder = SwitchNameFinder {
            names: &self.switch_names,
            scan,
            bindings: &self.index.bindings,
            found: None,
        };
        arrow.visit_with(&mut finder);
        finder.found
    }

    fn visit_function_inner(&mut self, function: &Function) {
        self.declare_params(function.params.iter().map(|param| &param.pat));
        function.decorators.visit_with(self);
        function.params.visit_with(self);
        // The body block shares the function's frame for `var` purposes but
        // is its own block frame for `let`; both are fine as one more frame.
        function.body.visit_with(self);
    }

    /// A `for-in`/`for-of` head; its bindings are initialised on each
    /// iteration, after the iterated expression (which ends at `right_end`)
    /// was evaluated in their dead zone.
    fn for_head(&mut self, head: &ForHead, right_end: BytePos) {
        match head {
            ForHead::VarDecl(decl) => {
                self.var_decl(decl, Some(right_end));
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

/// Finds, in a handler arrow, a value name declared later in a case of an
/// enclosing `switch` (see [`Walker::switch_tdz`]).
struct SwitchNameFinder<'a> {
    names: &'a [Vec<(Atom, Span, bool)>],
    scan: &'a ArrowScan,
    bindings: &'a FxHashMap<Id, Binding>,
    found: Option<SwitchUse>,
}

impl Visit for SwitchNameFinder<'_> {
    skip_type_positions!();
    fn visit_labeled_stmt(&mut self, stmt: &LabeledStmt) {
        stmt.body.visit_with(self);
    }
    fn visit_break_stmt(&mut self, _: &BreakStmt) {}
    fn visit_continue_stmt(&mut self, _: &ContinueStmt) {}

    fn visit_ident(&mut self, ident: &Ident) {
        if self.found.is_some() {
            return;
        }
        let id = ident.to_id();
        if self.scan.declared.contains(&id) {
            return;
        }
        for names in self.names {
            for (name, decl, function) in names {
                if *name != ident.sym || ident.span.lo >= decl.lo {
                    continue;
                }
                // A binding of a block between the `switch` and the arrow,
                // declared before it, is resolved correctly.
                let resolved_inside = self
                    .bindings
                    .get(&id)
                    .is_some_and(|b| b.decl_span.lo < ident.span.lo && names_in(b.scope, decl));
                if !resolved_inside {
                    self.found = Some(SwitchUse {
                        name: ident.sym.clone(),
                        reference: ident.span,
                        declared: *decl,
                        function: *function,
                    });
                    return;
                }
            }
        }
    }
}

/// Whether a binding scope lies inside the `switch` whose case declares
/// `decl`: approximated by the scope not containing that declaration.
fn names_in(scope: Span, decl: &Span) -> bool {
    !scope.contains(*decl)
}

/// The spans of a class's member bodies (see [`Binding::inner`]): parameter
/// lists and bodies of methods and the constructor, field initialisers and
/// static blocks; not computed keys, decorators or `extends`, which run
/// before the class binding exists.
fn member_bodies(class: &Class) -> Vec<Span> {
    let function = |f: &Function| {
        let lo = f.params.first().map_or(f.span.hi, |p| p.span.lo);
        f.body
            .as_ref()
            .map(|body| Span::new(lo.min(body.span.lo), body.span.hi))
    };
    class
        .body
        .iter()
        .filter_map(|member| match member {
            ClassMember::Method(m) => function(&m.function),
            ClassMember::PrivateMethod(m) => function(&m.function),
            ClassMember::Constructor(c) => c.body.as_ref().map(|body| {
                let lo = c.params.first().map_or(body.span.lo, |p| p.span().lo);
                Span::new(lo.min(body.span.lo), body.span.hi)
            }),
            ClassMember::ClassProp(p) => p.value.as_ref().map(|v| v.span()),
            ClassMember::PrivateProp(p) => p.value.as_ref().map(|v| v.span()),
            ClassMember::AutoAccessor(p) => p.value.as_ref().map(|v| v.span()),
            ClassMember::StaticBlock(b) => Some(b.body.span),
            _ => None,
        })
        .collect()
}
