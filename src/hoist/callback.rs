//! # Whether a callback can leave its place
//!
//! Scans one handler arrow for what the capture analysis does not see and
//! that ties it to where it stands: type positions naming local types or
//! type parameters, `this` types, private names of an enclosing class, and
//! JSX (whose classic factory must be reachable from module scope).
//!
//! ```tsx
//! function List<T>({ items }: { items: T[] }) {
//!   type Row = { id: string };
//!   return <b onClick={(e: Row) => pick(e as T)} />;   // local type `Row`, type parameter `T`
//! }
//! class Counter { #n = 0; view() { return <b onClick={() => bump(this_.#n)} />; } } // private name
//! ```
//!
//! ## Implementation
//!
//! A type reference's root (`NS` in `NS.T`, `x` in `typeof x`) may be
//! global, module-level or declared inside the callback (its own type
//! parameters, types and values); anything else ties the callback to its
//! place. Private names are resolved lexically by name: a class inside the
//! callback that declares `#x` covers the uses in its body.

use rustc_hash::FxHashSet;
use swc_core::{
    common::{Mark, Span},
    ecma::{
        ast::*,
        atoms::Atom,
        visit::{Visit, VisitWith},
    },
};

/// What ties a callback to its place, as found by [`scan`].
#[derive(Debug, Clone, Default)]
pub struct CallbackFacts {
    /// A type position naming a binding that is not module-level, or a
    /// `this` type.
    pub local_type: Option<Span>,
    /// A private name no class inside the callback declares.
    pub private_name: Option<Span>,
    /// The callback contains JSX.
    pub has_jsx: bool,
    /// `this`, `arguments`, `super` or `new.target` in a class's computed
    /// key, which reads the enclosing function's.
    pub lexical_in_key: Option<Span>,
}

/// Whether an expression uses `this`, `arguments`, `super` or `new.target`
/// outside nested non-arrow functions.
struct Lexical(bool);

impl Visit for Lexical {
    fn visit_this_expr(&mut self, _: &ThisExpr) {
        self.0 = true;
    }
    fn visit_super(&mut self, _: &Super) {
        self.0 = true;
    }
    fn visit_meta_prop_expr(&mut self, _: &MetaPropExpr) {
        self.0 = true;
    }
    fn visit_ident(&mut self, ident: &Ident) {
        if &*ident.sym == "arguments" {
            self.0 = true;
        }
    }
    fn visit_function(&mut self, _: &Function) {}
}

/// Scans `arrow`. `inside` holds the values the arrow declares (from the
/// capture scan); `module_level` the module's own bindings.
pub fn scan(
    arrow: &ArrowExpr,
    unresolved_mark: Mark,
    inside: &FxHashSet<Id>,
    module_level: &FxHashSet<Id>,
) -> CallbackFacts {
    let mut types = TypeDecls::default();
    arrow.visit_with(&mut types);
    let mut scanner = Scanner {
        facts: CallbackFacts::default(),
        unresolved_mark,
        inside,
        local_types: types.0,
        module_level,
        private_scopes: Vec::new(),
    };
    arrow.visit_with(&mut scanner);
    scanner.facts
}

/// The type-level names the callback declares itself.
#[derive(Default)]
struct TypeDecls(FxHashSet<Id>);

impl Visit for TypeDecls {
    fn visit_ts_type_param(&mut self, param: &TsTypeParam) {
        self.0.insert(param.name.to_id());
        param.visit_children_with(self);
    }
    fn visit_ts_interface_decl(&mut self, decl: &TsInterfaceDecl) {
        self.0.insert(decl.id.to_id());
        decl.visit_children_with(self);
    }
    fn visit_ts_type_alias_decl(&mut self, decl: &TsTypeAliasDecl) {
        self.0.insert(decl.id.to_id());
        decl.visit_children_with(self);
    }
    fn visit_ts_enum_decl(&mut self, decl: &TsEnumDecl) {
        self.0.insert(decl.id.to_id());
        decl.visit_children_with(self);
    }
    fn visit_class_decl(&mut self, decl: &ClassDecl) {
        self.0.insert(decl.ident.to_id());
        decl.visit_children_with(self);
    }
    fn visit_ts_module_decl(&mut self, decl: &TsModuleDecl) {
        if let TsModuleName::Ident(ident) = &decl.id {
            self.0.insert(ident.to_id());
        }
        decl.visit_children_with(self);
    }
}

struct Scanner<'a> {
    facts: CallbackFacts,
    unresolved_mark: Mark,
    inside: &'a FxHashSet<Id>,
    local_types: FxHashSet<Id>,
    module_level: &'a FxHashSet<Id>,
    /// The private names declared by the classes being walked, innermost last.
    private_scopes: Vec<FxHashSet<Atom>>,
}

impl Scanner<'_> {
    fn type_root(&mut self, ident: &Ident) {
        let id = ident.to_id();
        let free = ident.ctxt.outer() == self.unresolved_mark
            || self.module_level.contains(&id)
            || self.local_types.contains(&id)
            || self.inside.contains(&id);
        if !free && self.facts.local_type.is_none() {
            self.facts.local_type = Some(ident.span);
        }
    }

    fn entity_root(&mut self, name: &TsEntityName) {
        match name {
            TsEntityName::Ident(ident) => self.type_root(ident),
            TsEntityName::TsQualifiedName(q) => self.entity_root(&q.left),
            #[cfg(swc_ast_unknown)]
            _ => {}
        }
    }
}

impl Visit for Scanner<'_> {
    fn visit_ts_type_ref(&mut self, r: &TsTypeRef) {
        self.entity_root(&r.type_name);
        r.type_params.visit_with(self);
    }

    fn visit_ts_type_query(&mut self, q: &TsTypeQuery) {
        if let TsTypeQueryExpr::TsEntityName(name) = &q.expr_name {
            self.entity_root(name);
        }
        q.type_args.visit_with(self);
    }

    fn visit_ts_qualified_name(&mut self, q: &TsQualifiedName) {
        self.entity_root(&q.left);
    }

    fn visit_ts_this_type(&mut self, this: &TsThisType) {
        if self.facts.local_type.is_none() {
            self.facts.local_type = Some(this.span);
        }
    }

    fn visit_ts_type_predicate(&mut self, predicate: &TsTypePredicate) {
        if let TsThisTypeOrIdent::TsThisType(this) = &predicate.param_name {
            self.visit_ts_this_type(this);
        }
        predicate.type_ann.visit_with(self);
    }

    fn visit_class(&mut self, class: &Class) {
        let declared = class
            .body
            .iter()
            .filter_map(|member| match member {
                ClassMember::PrivateMethod(m) => Some(m.key.name.clone()),
                ClassMember::PrivateProp(p) => Some(p.key.name.clone()),
                _ => None,
            })
            .collect();
        // `extends` is evaluated outside the class's private scope, and so
        // are computed keys, as for `this` and `arguments`.
        class.super_class.visit_with(self);
        for member in &class.body {
            let key = match member {
                ClassMember::Method(m) => m.key.as_computed(),
                ClassMember::ClassProp(p) => p.key.as_computed(),
                _ => None,
            };
            if let Some(key) = key {
                let mut lexical = Lexical(false);
                key.visit_with(&mut lexical);
                if lexical.0 && self.facts.lexical_in_key.is_none() {
                    self.facts.lexical_in_key = Some(key.span);
                }
            }
        }
        self.private_scopes.push(declared);
        class.decorators.visit_with(self);
        class.body.visit_with(self);
        class.type_params.visit_with(self);
        class.super_type_params.visit_with(self);
        class.implements.visit_with(self);
        self.private_scopes.pop();
    }

    fn visit_private_name(&mut self, name: &PrivateName) {
        let declared = self.private_scopes.iter().any(|s| s.contains(&name.name));
        if !declared && self.facts.private_name.is_none() {
            self.facts.private_name = Some(name.span);
        }
    }

    fn visit_jsx_element(&mut self, element: &JSXElement) {
        self.facts.has_jsx = true;
        element.visit_children_with(self);
    }

    fn visit_jsx_fragment(&mut self, fragment: &JSXFragment) {
        self.facts.has_jsx = true;
        fragment.visit_children_with(self);
    }
}
