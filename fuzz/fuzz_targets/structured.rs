//! An arbitrary component spec (modules, components, statements, expressions,
//! JSX with handlers) rendered to TSX, so that most inputs parse and reach
//! the capture analysis: shadowing, destructuring, member paths, optional
//! chains, computed keys, writes, nested handlers, `.map` callbacks, classes,
//! async handlers, and the names the transform must avoid (`event`,
//! `params`, `handler`).
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use std::fmt::Write;

mod common;

#[derive(Arbitrary, Debug)]
struct Input {
    options: u8,
    module: Module,
}

#[derive(Arbitrary, Debug)]
struct Module {
    imports: Vec<Import>,
    top: Vec<Stmt>,
    components: Vec<Component>,
}

#[derive(Arbitrary, Debug)]
enum Import {
    Named(Name),
    Helper,
    HelperAliased,
    HelperFromElsewhere,
    HelperType,
    Namespace,
    Default(Name),
    UseClient,
}

#[derive(Arbitrary, Debug)]
struct Component {
    kind: ComponentKind,
    params: Vec<Param>,
    body: Vec<Stmt>,
    ret: Jsx,
}

#[derive(Arbitrary, Debug)]
enum ComponentKind {
    Function,
    Arrow,
    DefaultExport,
    ClassRender,
}

#[derive(Arbitrary, Debug)]
enum Param {
    Plain(Name),
    Renamed(Name, Name),
    Nested(Name, Name),
    Default(Name, Expr),
    Rest(Name),
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Name {
    State,
    Count,
    Item,
    Items,
    Event,
    Params,
    Handler,
    Handler1,
    E,
    X,
    Data,
    Self_,
    Log,
    Label,
    Value,
}

impl Name {
    fn as_str(self) -> &'static str {
        match self {
            Name::State => "state",
            Name::Count => "count",
            Name::Item => "item",
            Name::Items => "items",
            Name::Event => "event",
            Name::Params => "params",
            Name::Handler => "handler",
            Name::Handler1 => "handler1",
            Name::E => "e",
            Name::X => "x",
            Name::Data => "data",
            Name::Self_ => "self",
            Name::Log => "log",
            Name::Label => "label",
            Name::Value => "value",
        }
    }
}

#[derive(Arbitrary, Debug)]
enum DeclKind {
    Const,
    Let,
    Var,
}

#[derive(Arbitrary, Debug)]
enum Stmt {
    Decl(DeclKind, Pattern, Expr),
    Expr(Expr),
    Assign(Target, AssignOp, Expr),
    Update(Target, bool),
    Delete(Target),
    Block(Vec<Stmt>),
    If(Expr, Vec<Stmt>, Vec<Stmt>),
    ForOf(DeclKind, Name, Expr, Vec<Stmt>),
    ForOfTarget(Target, Expr, Vec<Stmt>),
    ForLet(Name, Vec<Stmt>),
    While(Expr, Vec<Stmt>),
    Function(Name, Vec<Name>, Vec<Stmt>),
    Class(Name, Vec<ClassMember>),
    Try(Vec<Stmt>, Option<Name>, Vec<Stmt>),
    Return(Option<Expr>),
    Labeled(Name, Vec<Stmt>),
    Switch(Expr, Vec<Stmt>),
}

#[derive(Arbitrary, Debug)]
enum ClassMember {
    Field(Name, Expr),
    Private(Name, Expr),
    Method(Name, Vec<Stmt>),
    Static(Name, Vec<Stmt>),
    Getter(Name, Expr),
    Render(Jsx),
}

#[derive(Arbitrary, Debug)]
enum Pattern {
    Ident(Name),
    Object(Vec<(Name, Option<Name>)>),
    NestedObject(Name, Name),
    Array(Vec<Name>),
    WithDefault(Name, Expr),
}

#[derive(Arbitrary, Debug)]
enum Target {
    Ident(Name),
    Member(Name, Vec<Name>),
    Computed(Name, Box<Expr>),
    This(Name),
    DestructObject(Vec<(Name, Name, Vec<Name>)>),
    DestructArray(Vec<Name>),
}

#[derive(Arbitrary, Debug)]
enum AssignOp {
    Eq,
    Add,
    NullishAssign,
    OrAssign,
    AndAssign,
}

#[derive(Arbitrary, Debug)]
enum Expr {
    Ident(Name),
    Num(u8),
    Str(Name),
    Member(Box<Expr>, Name),
    OptMember(Box<Expr>, Name),
    Computed(Box<Expr>, Box<Expr>),
    Private(Box<Expr>, Name),
    Call(Box<Expr>, Vec<Expr>),
    OptCall(Box<Expr>, Vec<Expr>),
    New(Name, Vec<Expr>),
    Arrow(Vec<Name>, Box<Expr>),
    ArrowBlock(Vec<Name>, Vec<Stmt>),
    Function(Vec<Name>, Vec<Stmt>),
    Object(Vec<Prop>),
    Array(Vec<Expr>),
    Spread(Box<Expr>),
    As(Box<Expr>),
    NonNull(Box<Expr>),
    Satisfies(Box<Expr>),
    Paren(Box<Expr>),
    Template(Vec<Expr>),
    Tagged(Box<Expr>, Vec<Expr>),
    Binary(Box<Expr>, Box<Expr>),
    Cond(Box<Expr>, Box<Expr>, Box<Expr>),
    Typeof(Box<Expr>),
    This,
    Arguments,
    NewTarget,
    Await(Box<Expr>),
    Assignment(Target, Box<Expr>),
    Increment(Target),
    Jsx(Box<Jsx>),
    Map(Box<Expr>, Name, Option<Name>, Box<Jsx>),
    Eval(Box<Expr>),
    Seq(Box<Expr>, Box<Expr>),
    In(Name, Box<Expr>),
}

#[derive(Arbitrary, Debug)]
enum Prop {
    KeyValue(Name, Expr),
    Shorthand(Name),
    Computed(Expr, Expr),
    Spread(Expr),
    Method(Name, Vec<Stmt>),
    Proto(Expr),
    Quoted(Name, Expr),
}

#[derive(Arbitrary, Debug)]
struct Jsx {
    tag: Tag,
    attrs: Vec<Attr>,
    children: Vec<Child>,
}

#[derive(Arbitrary, Debug)]
enum Tag {
    Intrinsic(Name),
    Component(Name),
    Member(Name),
    Fragment,
}

#[derive(Arbitrary, Debug)]
enum Attr {
    Event(EventName, Handler),
    Value(Name, Expr),
    Str(Name),
    Spread(Expr),
}

#[derive(Arbitrary, Debug)]
enum EventName {
    OnClick,
    Onclick,
    OnDash,
    OnColon,
    OnCtChange,
    One,
    OnRender,
    OnChange,
}

impl EventName {
    fn as_str(&self) -> &'static str {
        match self {
            EventName::OnClick => "onClick",
            EventName::Onclick => "onclick",
            EventName::OnDash => "on-click",
            EventName::OnColon => "on:click",
            EventName::OnCtChange => "onct-change",
            EventName::One => "one",
            EventName::OnRender => "onRender",
            EventName::OnChange => "onChange",
        }
    }
}

#[derive(Arbitrary, Debug)]
struct Handler {
    is_async: bool,
    params: HandlerParams,
    body: HandlerBody,
    wrap: Wrap,
}

#[derive(Arbitrary, Debug)]
enum HandlerParams {
    None,
    One(Name),
    Typed(Name),
    Optional(Name),
    Destructured(Vec<Name>),
    DefaultFrom(Name, Expr),
    ComputedKey(Expr, Name),
    Two(Name, Name),
    Rest(Name),
    Generic(Name),
}

#[derive(Arbitrary, Debug)]
enum HandlerBody {
    Expr(Expr),
    Block(Vec<Stmt>),
}

#[derive(Arbitrary, Debug)]
enum Wrap {
    None,
    Paren,
    As,
    NonNull,
    Satisfies,
    Conditional(Expr),
    Call,
}

#[derive(Arbitrary, Debug)]
enum Child {
    Text(Name),
    Expr(Expr),
    Element(Jsx),
    Empty,
}

/// Renders with a size budget so that deep specs stay small.
struct Out {
    text: String,
    budget: usize,
}

impl Out {
    fn spend(&mut self) -> bool {
        if self.budget == 0 {
            return false;
        }
        self.budget -= 1;
        true
    }
    fn s(&mut self, s: &str) {
        self.text.push_str(s);
    }
}

fn module(m: &Module, o: &mut Out) {
    for i in &m.imports {
        match i {
            Import::Named(n) => {
                let _ = writeln!(o.text, "import {{ {} }} from \"./ui\";", n.as_str());
            }
            Import::Helper => o.s("import { handler } from \"commontools\";\n"),
            Import::HelperAliased => o.s("import { handler as h } from \"commontools\";\n"),
            Import::HelperFromElsewhere => o.s("import { handler } from \"./events\";\n"),
            Import::HelperType => o.s("import type { handler } from \"commontools\";\n"),
            Import::Namespace => o.s("import * as __ctHelpers from \"commontools\";\n"),
            Import::Default(n) => {
                let _ = writeln!(o.text, "import {} from \"./default\";", n.as_str());
            }
            Import::UseClient => o.s("\"use client\";\n"),
        }
    }
    for s in &m.top {
        stmt(s, o);
        o.s("\n");
    }
    for (i, c) in m.components.iter().enumerate() {
        component(c, i, o);
    }
}

fn component(c: &Component, i: usize, o: &mut Out) {
    let mut params = String::from("{ ");
    for p in &c.params {
        match p {
            Param::Plain(n) => {
                let _ = write!(params, "{}, ", n.as_str());
            }
            Param::Renamed(a, b) => {
                let _ = write!(params, "{}: {}, ", a.as_str(), b.as_str());
            }
            Param::Nested(a, b) => {
                let _ = write!(params, "{}: {{ {} }}, ", a.as_str(), b.as_str());
            }
            Param::Default(a, e) => {
                let mut inner = Out {
                    text: String::new(),
                    budget: o.budget,
                };
                expr(e, &mut inner);
                o.budget = inner.budget;
                let _ = write!(params, "{} = {}, ", a.as_str(), inner.text);
            }
            Param::Rest(n) => {
                let _ = write!(params, "...{}", n.as_str());
                break;
            }
        }
    }
    params.push_str("}: any");
    match c.kind {
        ComponentKind::Function => {
            let _ = writeln!(o.text, "export function C{i}({params}) {{");
        }
        ComponentKind::Arrow => {
            let _ = writeln!(o.text, "export const C{i} = ({params}) => {{");
        }
        ComponentKind::DefaultExport if i == 0 => {
            let _ = writeln!(o.text, "export default function ({params}) {{");
        }
        ComponentKind::DefaultExport => {
            let _ = writeln!(o.text, "function C{i}({params}) {{");
        }
        ComponentKind::ClassRender => {
            let _ = writeln!(o.text, "export class C{i} extends Base {{\n  render() {{\n    const {params} = this.props;");
        }
    }
    for s in &c.body {
        stmt(s, o);
        o.s("\n");
    }
    o.s("return ");
    jsx(&c.ret, o);
    o.s(";\n");
    match c.kind {
        ComponentKind::Arrow => o.s("};\n"),
        ComponentKind::ClassRender => o.s("}\n}\n"),
        _ => o.s("}\n"),
    }
}

fn block(stmts: &[Stmt], o: &mut Out) {
    o.s("{\n");
    for s in stmts {
        stmt(s, o);
        o.s("\n");
    }
    o.s("}");
}

fn stmt(s: &Stmt, o: &mut Out) {
    if !o.spend() {
        o.s(";");
        return;
    }
    match s {
        Stmt::Decl(k, p, e) => {
            o.s(match k {
                DeclKind::Const => "const ",
                DeclKind::Let => "let ",
                DeclKind::Var => "var ",
            });
            pattern(p, o);
            o.s(" = ");
            expr(e, o);
            o.s(";");
        }
        Stmt::Expr(e) => {
            // keep statements from starting with `{`, `function` or `class`
            o.s("(");
            expr(e, o);
            o.s(");");
        }
        Stmt::Assign(t, op, e) => {
            let wrap = matches!(t, Target::DestructObject(_));
            if wrap {
                o.s("(");
            }
            target(t, o);
            o.s(match op {
                AssignOp::Eq => " = ",
                AssignOp::Add => " += ",
                AssignOp::NullishAssign => " ??= ",
                AssignOp::OrAssign => " ||= ",
                AssignOp::AndAssign => " &&= ",
            });
            expr(e, o);
            if wrap {
                o.s(")");
            }
            o.s(";");
        }
        Stmt::Update(t, prefix) => {
            if *prefix {
                o.s("++");
                simple_target(t, o);
            } else {
                simple_target(t, o);
                o.s("--");
            }
            o.s(";");
        }
        Stmt::Delete(t) => {
            o.s("delete ");
            member_target(t, o);
            o.s(";");
        }
        Stmt::Block(b) => block(b, o),
        Stmt::If(c, a, b) => {
            o.s("if (");
            expr(c, o);
            o.s(") ");
            block(a, o);
            o.s(" else ");
            block(b, o);
        }
        Stmt::ForOf(k, n, e, b) => {
            o.s("for (");
            o.s(match k {
                DeclKind::Const => "const ",
                DeclKind::Let => "let ",
                DeclKind::Var => "var ",
            });
            o.s(n.as_str());
            o.s(" of ");
            expr(e, o);
            o.s(") ");
            block(b, o);
        }
        Stmt::ForOfTarget(t, e, b) => {
            o.s("for (");
            member_target(t, o);
            o.s(" of ");
            expr(e, o);
            o.s(") ");
            block(b, o);
        }
        Stmt::ForLet(n, b) => {
            let n = n.as_str();
            let _ = write!(o.text, "for (let {n} = 0; {n} < 2; {n}++) ");
            block(b, o);
        }
        Stmt::While(c, b) => {
            o.s("while (");
            expr(c, o);
            o.s(") ");
            block(b, o);
        }
        Stmt::Function(n, ps, b) => {
            let _ = write!(o.text, "function {}({}) ", n.as_str(), names(ps));
            block(b, o);
        }
        Stmt::Class(n, members) => {
            let _ = write!(o.text, "class {} ", n.as_str().to_uppercase());
            class_body(members, o);
        }
        Stmt::Try(a, n, b) => {
            o.s("try ");
            block(a, o);
            match n {
                Some(n) => {
                    let _ = write!(o.text, " catch ({}) ", n.as_str());
                }
                None => o.s(" catch "),
            }
            block(b, o);
        }
        Stmt::Return(e) => {
            o.s("return");
            if let Some(e) = e {
                o.s(" ");
                expr(e, o);
            }
            o.s(";");
        }
        Stmt::Labeled(n, b) => {
            let _ = write!(o.text, "{}: ", n.as_str());
            block(b, o);
        }
        Stmt::Switch(e, b) => {
            o.s("switch (");
            expr(e, o);
            o.s(") { case 1: ");
            block(b, o);
            o.s(" }");
        }
    }
}

fn class_body(members: &[ClassMember], o: &mut Out) {
    o.s("{\n");
    for m in members {
        if !o.spend() {
            break;
        }
        match m {
            ClassMember::Field(n, e) => {
                let _ = write!(o.text, "{} = ", n.as_str());
                expr(e, o);
                o.s(";\n");
            }
            ClassMember::Private(n, e) => {
                let _ = write!(o.text, "#{} = ", n.as_str());
                expr(e, o);
                o.s(";\n");
            }
            ClassMember::Method(n, b) => {
                let _ = write!(o.text, "{}() ", n.as_str());
                block(b, o);
                o.s("\n");
            }
            ClassMember::Static(n, b) => {
                let _ = write!(o.text, "static {}() ", n.as_str());
                block(b, o);
                o.s("\n");
            }
            ClassMember::Getter(n, e) => {
                let _ = write!(o.text, "get {}() {{ return ", n.as_str());
                expr(e, o);
                o.s("; }\n");
            }
            ClassMember::Render(j) => {
                o.s("render() { return ");
                jsx(j, o);
                o.s("; }\n");
            }
        }
    }
    o.s("}");
}

fn names(ns: &[Name]) -> String {
    let mut seen = Vec::new();
    for n in ns {
        if !seen.contains(&n.as_str()) {
            seen.push(n.as_str());
        }
    }
    seen.join(", ")
}

fn pattern(p: &Pattern, o: &mut Out) {
    match p {
        Pattern::Ident(n) => o.s(n.as_str()),
        Pattern::Object(props) => {
            o.s("{ ");
            for (k, v) in props {
                match v {
                    Some(v) => {
                        let _ = write!(o.text, "{}: {}, ", k.as_str(), v.as_str());
                    }
                    None => {
                        let _ = write!(o.text, "{}, ", k.as_str());
                    }
                }
            }
            o.s("}");
        }
        Pattern::NestedObject(a, b) => {
            let _ = write!(o.text, "{{ {}: {{ {} }} }}", a.as_str(), b.as_str());
        }
        Pattern::Array(ns) => {
            let _ = write!(o.text, "[{}]", names(ns));
        }
        Pattern::WithDefault(n, e) => {
            let _ = write!(o.text, "{{ {} = ", n.as_str());
            expr(e, o);
            o.s(" }");
        }
    }
}

/// An assignment target.
fn target(t: &Target, o: &mut Out) {
    match t {
        Target::DestructObject(parts) => {
            o.s("{ ");
            for (k, root, path) in parts {
                let _ = write!(o.text, "{}: {}", k.as_str(), root.as_str());
                for p in path {
                    let _ = write!(o.text, ".{}", p.as_str());
                }
                o.s(", ");
            }
            o.s("}");
        }
        Target::DestructArray(ns) => {
            let _ = write!(
                o.text,
                "[{}]",
                ns.iter().map(|n| n.as_str()).collect::<Vec<_>>().join(", ")
            );
        }
        other => simple_target(other, o),
    }
}

/// An identifier or member target (updates, for-of heads).
fn simple_target(t: &Target, o: &mut Out) {
    match t {
        Target::Ident(n) => o.s(n.as_str()),
        other => member_target(other, o),
    }
}

/// A member target (delete needs one in strict code).
fn member_target(t: &Target, o: &mut Out) {
    match t {
        Target::Member(root, path) => {
            o.s(root.as_str());
            if path.is_empty() {
                o.s(".value");
            }
            for p in path {
                let _ = write!(o.text, ".{}", p.as_str());
            }
        }
        Target::Computed(root, key) => {
            let _ = write!(o.text, "{}.items[", root.as_str());
            expr(key, o);
            o.s("]");
        }
        Target::This(n) => {
            let _ = write!(o.text, "this.{}", n.as_str());
        }
        Target::Ident(n) => {
            let _ = write!(o.text, "{}.value", n.as_str());
        }
        Target::DestructArray(_) | Target::DestructObject(_) => o.s("state.value"),
    }
}

fn expr(e: &Expr, o: &mut Out) {
    if !o.spend() {
        o.s("0");
        return;
    }
    match e {
        Expr::Ident(n) => o.s(n.as_str()),
        Expr::Num(n) => {
            let _ = write!(o.text, "{n}");
        }
        Expr::Str(n) => {
            let _ = write!(o.text, "\"{}\"", n.as_str());
        }
        Expr::Member(e, n) => {
            operand(e, o);
            let _ = write!(o.text, ".{}", n.as_str());
        }
        Expr::OptMember(e, n) => {
            operand(e, o);
            let _ = write!(o.text, "?.{}", n.as_str());
        }
        Expr::Computed(e, k) => {
            operand(e, o);
            o.s("[");
            expr(k, o);
            o.s("]");
        }
        Expr::Private(e, n) => {
            // valid only inside a class declaring it; other inputs do not parse
            operand(e, o);
            let _ = write!(o.text, ".#{}", n.as_str());
        }
        Expr::Call(e, args) => {
            operand(e, o);
            call_args(args, o);
        }
        Expr::OptCall(e, args) => {
            operand(e, o);
            o.s("?.");
            call_args(args, o);
        }
        Expr::New(n, args) => {
            let _ = write!(o.text, "new {}", n.as_str().to_uppercase());
            call_args(args, o);
        }
        Expr::Arrow(ps, body) => {
            let _ = write!(o.text, "(({}) => ", names(ps));
            operand(body, o);
            o.s(")");
        }
        Expr::ArrowBlock(ps, body) => {
            let _ = write!(o.text, "(({}) => ", names(ps));
            block(body, o);
            o.s(")");
        }
        Expr::Function(ps, body) => {
            let _ = write!(o.text, "(function ({}) ", names(ps));
            block(body, o);
            o.s(")");
        }
        Expr::Object(props) => {
            o.s("({ ");
            for p in props {
                match p {
                    Prop::KeyValue(k, v) => {
                        let _ = write!(o.text, "{}: ", k.as_str());
                        expr(v, o);
                    }
                    Prop::Shorthand(k) => o.s(k.as_str()),
                    Prop::Computed(k, v) => {
                        o.s("[");
                        expr(k, o);
                        o.s("]: ");
                        expr(v, o);
                    }
                    Prop::Spread(v) => {
                        o.s("...");
                        operand(v, o);
                    }
                    Prop::Method(k, b) => {
                        let _ = write!(o.text, "{}() ", k.as_str());
                        block(b, o);
                    }
                    Prop::Proto(v) => {
                        o.s("__proto__: ");
                        expr(v, o);
                    }
                    Prop::Quoted(k, v) => {
                        let _ = write!(o.text, "\"{}-key\": ", k.as_str());
                        expr(v, o);
                    }
                }
                o.s(", ");
            }
            o.s("})");
        }
        Expr::Array(xs) => {
            o.s("[");
            for x in xs {
                expr(x, o);
                o.s(", ");
            }
            o.s("]");
        }
        Expr::Spread(e) => {
            o.s("[...");
            operand(e, o);
            o.s("]");
        }
        Expr::As(e) => {
            o.s("(");
            operand(e, o);
            o.s(" as any)");
        }
        Expr::NonNull(e) => {
            operand(e, o);
            o.s("!");
        }
        Expr::Satisfies(e) => {
            o.s("(");
            operand(e, o);
            o.s(" satisfies unknown)");
        }
        Expr::Paren(e) => {
            o.s("(");
            expr(e, o);
            o.s(")");
        }
        Expr::Template(parts) => {
            o.s("`a");
            for p in parts {
                o.s("${");
                expr(p, o);
                o.s("}b");
            }
            o.s("`");
        }
        Expr::Tagged(tag, parts) => {
            operand(tag, o);
            o.s("`t");
            for p in parts {
                o.s("${");
                expr(p, o);
                o.s("}");
            }
            o.s("`");
        }
        Expr::Binary(a, b) => {
            o.s("(");
            expr(a, o);
            o.s(" + ");
            expr(b, o);
            o.s(")");
        }
        Expr::Cond(a, b, c) => {
            o.s("(");
            expr(a, o);
            o.s(" ? ");
            expr(b, o);
            o.s(" : ");
            expr(c, o);
            o.s(")");
        }
        Expr::Typeof(e) => {
            o.s("(typeof ");
            operand(e, o);
            o.s(")");
        }
        Expr::This => o.s("this"),
        Expr::Arguments => o.s("arguments"),
        Expr::NewTarget => o.s("new.target"),
        Expr::Await(e) => {
            o.s("(await ");
            operand(e, o);
            o.s(")");
        }
        Expr::Assignment(t, e) => {
            o.s("(");
            target(t, o);
            o.s(" = ");
            expr(e, o);
            o.s(")");
        }
        Expr::Increment(t) => {
            o.s("(");
            simple_target(t, o);
            o.s("++)");
        }
        Expr::Jsx(j) => {
            o.s("(");
            jsx(j, o);
            o.s(")");
        }
        Expr::Map(list, item, index, j) => {
            operand(list, o);
            let _ = write!(o.text, ".map(({}", item.as_str());
            if let Some(i) = index {
                if i.as_str() != item.as_str() {
                    let _ = write!(o.text, ", {}", i.as_str());
                }
            }
            o.s(") => ");
            jsx(j, o);
            o.s(")");
        }
        Expr::Eval(e) => {
            o.s("eval(");
            expr(e, o);
            o.s(")");
        }
        Expr::Seq(a, b) => {
            o.s("(");
            expr(a, o);
            o.s(", ");
            expr(b, o);
            o.s(")");
        }
        Expr::In(n, e) => {
            let _ = write!(o.text, "(\"{}\" in ", n.as_str());
            operand(e, o);
            o.s(")");
        }
    }
}

/// An expression in operand position (parenthesised unless trivially safe).
fn operand(e: &Expr, o: &mut Out) {
    match e {
        Expr::Ident(_) | Expr::Member(..) | Expr::Call(..) | Expr::Computed(..) | Expr::This => {
            expr(e, o)
        }
        _ => {
            o.s("(");
            expr(e, o);
            o.s(")");
        }
    }
}

fn call_args(args: &[Expr], o: &mut Out) {
    o.s("(");
    for a in args {
        expr(a, o);
        o.s(", ");
    }
    o.s(")");
}

fn jsx(j: &Jsx, o: &mut Out) {
    if !o.spend() {
        o.s("<i />");
        return;
    }
    let tag = match j.tag {
        Tag::Intrinsic(n) => n.as_str().to_string(),
        Tag::Component(n) => {
            let s = n.as_str();
            format!("{}{}", s[..1].to_uppercase(), &s[1..])
        }
        Tag::Member(n) => format!("{}.Item", n.as_str()),
        Tag::Fragment => String::new(),
    };
    let _ = write!(o.text, "<{tag}");
    if !tag.is_empty() {
        for a in &j.attrs {
            o.s(" ");
            match a {
                Attr::Event(name, h) => {
                    let _ = write!(o.text, "{}={{", name.as_str());
                    handler(h, o);
                    o.s("}");
                }
                Attr::Value(n, e) => {
                    let _ = write!(o.text, "{}={{", n.as_str());
                    expr(e, o);
                    o.s("}");
                }
                Attr::Str(n) => {
                    let _ = write!(o.text, "{}=\"s\"", n.as_str());
                }
                Attr::Spread(e) => {
                    o.s("{...");
                    operand(e, o);
                    o.s("}");
                }
            }
        }
    }
    o.s(">");
    for c in &j.children {
        match c {
            Child::Text(n) => o.s(n.as_str()),
            Child::Expr(e) => {
                o.s("{");
                expr(e, o);
                o.s("}");
            }
            Child::Element(e) => jsx(e, o),
            Child::Empty => o.s("{}"),
        }
    }
    let _ = write!(o.text, "</{tag}>");
}

fn handler(h: &Handler, o: &mut Out) {
    let mut arrow = Out {
        text: String::new(),
        budget: o.budget,
    };
    if h.is_async {
        arrow.s("async ");
    }
    match &h.params {
        HandlerParams::None => arrow.s("()"),
        HandlerParams::One(n) => {
            let _ = write!(arrow.text, "({})", n.as_str());
        }
        HandlerParams::Typed(n) => {
            let _ = write!(arrow.text, "({}: MouseEvent): void", n.as_str());
        }
        HandlerParams::Optional(n) => {
            let _ = write!(arrow.text, "({}?: Event)", n.as_str());
        }
        HandlerParams::Destructured(ns) => {
            let _ = write!(arrow.text, "({{ {} }})", names(ns));
        }
        HandlerParams::DefaultFrom(n, e) => {
            let _ = write!(arrow.text, "({} = ", n.as_str());
            expr(e, &mut arrow);
            arrow.s(")");
        }
        HandlerParams::ComputedKey(k, n) => {
            arrow.s("({ [");
            expr(k, &mut arrow);
            let _ = write!(arrow.text, "]: {} }})", n.as_str());
        }
        HandlerParams::Two(a, b) if a.as_str() != b.as_str() => {
            let _ = write!(arrow.text, "({}, {})", a.as_str(), b.as_str());
        }
        HandlerParams::Two(a, _) => {
            let _ = write!(arrow.text, "({})", a.as_str());
        }
        HandlerParams::Rest(n) => {
            let _ = write!(arrow.text, "(...{})", n.as_str());
        }
        HandlerParams::Generic(n) => {
            let _ = write!(arrow.text, "<T,>({}: T)", n.as_str());
        }
    }
    arrow.s(" => ");
    match &h.body {
        HandlerBody::Expr(e) => operand(e, &mut arrow),
        HandlerBody::Block(b) => block(b, &mut arrow),
    }
    o.budget = arrow.budget;
    let a = arrow.text;
    match &h.wrap {
        Wrap::None => o.s(&a),
        Wrap::Paren => {
            let _ = write!(o.text, "({a})");
        }
        Wrap::As => {
            let _ = write!(o.text, "({a}) as any");
        }
        Wrap::NonNull => {
            let _ = write!(o.text, "({a})!");
        }
        Wrap::Satisfies => {
            let _ = write!(o.text, "({a}) satisfies unknown");
        }
        Wrap::Conditional(c) => {
            expr(c, o);
            let _ = write!(o.text, " ? {a} : undefined");
        }
        Wrap::Call => {
            let _ = write!(o.text, "(() => {a})()");
        }
    }
}

fuzz_target!(init: common::init(), |input: Input| {
    let mut out = Out {
        text: String::new(),
        budget: 400,
    };
    module(&input.module, &mut out);
    let options = common::options(input.options);
    common::check(&out.text, "input.tsx", &options);
});
