"""Safe, bounded formula language for ``GET /plot?f=sin(x)*exp(-x/5)&x0=0&x1=10``.

Formulas arrive from URLs, so they are handled by a small whitelist tokenizer and a
precedence-climbing parser that builds an AST of frozen dataclasses, evaluated with numpy
float64.  Nothing here calls eval/exec/compile, getattr on user text, or imports anything.

Grammar (EBNF; whitespace = ASCII space, tab, CR, LF, allowed between tokens)::

    formula  = expr ;
    expr     = term , { ( "+" | "-" ) , term } ;             (* left-associative *)
    term     = unary , { ( "*" | "/" ) , unary } ;           (* left-associative *)
    unary    = { "+" | "-" } , power ;                       (* -x^2 = -(x^2) *)
    power    = primary , [ ( "^" | "**" ) , unary ] ;        (* right-assoc: 2^3^2 = 2^9; 2^-x ok *)
    primary  = number | "x" | constant | call | "(" , expr , ")" ;
    call     = func1 , "(" , expr , ")" | func2 , "(" , expr , "," , expr , ")" ;
    constant = "pi" | "e" | "tau" ;
    func1    = "sin" | "cos" | "tan" | "asin" | "acos" | "atan" | "sinh" | "cosh" | "tanh"
             | "exp" | "log" | "ln" | "log10" | "log2" | "sqrt" | "abs" | "floor" | "ceil"
             | "round" | "sign" ;
    func2    = "min" | "max" | "atan2" | "pow" ;
    number   = ( digits , [ "." , [ digits ] ] | "." , digits ) ,
               [ ( "e" | "E" ) , [ "+" | "-" ] , digits ] ;    (* at most 30 characters *)
    digits   = ( "0" | ... | "9" ) , { "0" | ... | "9" } ;

Implicit multiplication (``2x``) is an error.  Two operands separated only by whitespace
(``sin(x) cos(x)``) get a hint that a URL-query ``+`` must be sent as ``%2B``.  Only ASCII is
accepted: look-alikes (fullwidth/math letters, U+2212 minus, NBSP) are rejected, not normalised.

Limits (module constants; every violation raises FormulaError without deep recursion):

    =====================  =====  ======================================================
    MAX_FORMULA_LENGTH       500  characters, checked before tokenizing
    MAX_NESTING_DEPTH         32  open levels of "(", function calls and unary signs
    MAX_NODES                200  AST nodes (numbers, x, constants, operators, calls)
    MAX_EXPONENT            1000  |exponent| when the exponent is constant (no x)
    MAX_NUMBER_LENGTH         30  characters in one numeric literal
    =====================  =====  ======================================================

Evaluation is float64 under ``np.errstate(all="ignore")``: undefined points are NaN,
overflow/poles are +-inf, nothing raises or warns.  ``round`` is numpy's half-to-even.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

import numpy as np
import numpy.typing as npt

__all__ = [
    "FORMULA_CHARACTERS_PATTERN",
    "MAX_EXPONENT",
    "MAX_FORMULA_LENGTH",
    "MAX_NESTING_DEPTH",
    "MAX_NODES",
    "MAX_NUMBER_LENGTH",
    "Formula",
    "FormulaError",
    "FormulaWork",
    "parse_formula",
]

MAX_FORMULA_LENGTH = 500
MAX_NESTING_DEPTH = 32
MAX_NODES = 200
MAX_EXPONENT = 1000
MAX_NUMBER_LENGTH = 30

FloatArray = npt.NDArray[np.float64]
_Ufunc = Callable[..., FloatArray]

_CONSTANTS: dict[str, float] = {"pi": math.pi, "e": math.e, "tau": math.tau}
_FUNCS1: dict[str, _Ufunc] = {
    "sin": np.sin, "cos": np.cos, "tan": np.tan, "asin": np.arcsin, "acos": np.arccos,
    "atan": np.arctan, "sinh": np.sinh, "cosh": np.cosh, "tanh": np.tanh, "exp": np.exp,
    "log": np.log, "log10": np.log10, "log2": np.log2, "sqrt": np.sqrt, "abs": np.abs,
    "floor": np.floor, "ceil": np.ceil, "round": np.round, "sign": np.sign,
}  # fmt: skip
_FUNCS2: dict[str, _Ufunc] = {"min": np.minimum, "max": np.maximum, "atan2": np.arctan2}
_ALIASES = {"ln": "log"}
_BINOPS: dict[str, _Ufunc] = {
    "+": np.add, "-": np.subtract, "*": np.multiply, "/": np.divide, "^": np.power,
}  # fmt: skip
# pow(a, b) is parsed straight into the ^ operator so both spellings share a canonical form.
_NAMES = ("x", *_CONSTANTS, *_FUNCS1, "ln", *_FUNCS2, "pow")


def _characters_pattern() -> str:
    """A regular expression (ECMA-262 and Python alike) for an OpenAPI ``pattern``: the
    characters a formula can hold, at least one of them not whitespace. The grammar itself is
    no regular language (parentheses nest), so a text that matches may still be refused; one
    that does not match never parses: only letters of the names and ``E`` of exponents pass."""
    letters = "".join(sorted({c for c in "".join(_NAMES) if c.isalpha()} | {"E"}))
    token = f"0-9{letters}+*/^(),.\\-"
    return f"^[ \\t\\r\\n]*[{token}][ \\t\\r\\n{token}]*$"


FORMULA_CHARACTERS_PATTERN = _characters_pattern()

_PLUS_HINT = (
    "a literal '+' in a URL query arrives as a space, so send '+' as %2B "
    "(f=sin(x)%2Bcos(x)); otherwise put an operator between the terms"
)


class FormulaError(ValueError):
    """Invalid or too costly formula; ``position`` is a 0-based offset into the text."""

    def __init__(self, message: str, position: int | None = None, hint: str = "") -> None:
        super().__init__(message, position, hint)
        self.message = message
        self.position = position
        self.hint = hint

    def __str__(self) -> str:
        where = "" if self.position is None else f" at position {self.position}"
        return f"{self.message}{where}" + (f"; {self.hint}" if self.hint else "")


@dataclass(slots=True)
class FormulaWork:
    """What one parse cost, counted rather than timed: tests check that a costly formula is
    refused after little work, which holds on a busy machine as on an idle one."""

    characters: int = 0  # how far into the text the tokenizer has read
    nodes: int = 0  # AST nodes built, plus nodes walked to check constant exponents


@dataclass(frozen=True, slots=True)
class Num:
    value: float


@dataclass(frozen=True, slots=True)
class Var:
    pass


@dataclass(frozen=True, slots=True)
class Const:
    name: str


@dataclass(frozen=True, slots=True)
class Neg:
    operand: Node


@dataclass(frozen=True, slots=True)
class BinOp:
    op: str  # one of + - * / ^
    left: Node
    right: Node


@dataclass(frozen=True, slots=True)
class Call:
    name: str
    args: tuple[Node, ...]


Node = Num | Var | Const | Neg | BinOp | Call


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # "num", "name", "op" or "end"
    text: str
    pos: int
    spaced: bool  # whitespace before it: tells a lost URL '+' apart from implicit multiplication
    value: float = 0.0


_NUMBER_RE = re.compile(r"(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")  # [0-9], not \d
_NAME_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_SPACES = " \t\r\n"


def _tokenize(text: str, work: FormulaWork) -> Iterator[_Token]:
    # A generator: the parser pulls tokens on demand, so it stops at the first error without
    # scanning the rest (cheap even if MAX_FORMULA_LENGTH is raised a lot).
    i, spaced = 0, False
    while i < len(text):
        work.characters = i + 1
        ch = text[i]
        if ch in _SPACES:
            i, spaced = i + 1, True
            continue
        if m := _NUMBER_RE.match(text, i):
            work.characters = m.end()
            lit, nxt = m.group(), text[m.end() : m.end() + 1]
            if len(lit) > MAX_NUMBER_LENGTH:
                raise FormulaError(f"number is too long (limit {MAX_NUMBER_LENGTH} characters)", i)
            if lit == "0" and nxt in ("x", "X"):
                raise FormulaError("hexadecimal numbers are not supported", i)
            if nxt in ("_", "."):
                raise FormulaError(f"malformed number {text[i : m.end() + 1]!r}", i)
            value = float(lit)
            if math.isinf(value):
                raise FormulaError(f"number {lit!r} is too large", i)
            yield _Token("num", lit, i, spaced, value)
        elif m := _NAME_RE.match(text, i):
            work.characters = m.end()
            name = m.group()
            if name not in _NAMES:
                hint = "allowed names: " + ", ".join(_NAMES)
                if name.lower() in _NAMES:
                    hint = "names are case-sensitive; " + hint
                raise FormulaError(f"unknown name {name!r}", i, hint)
            yield _Token("name", name, i, spaced)
        elif text.startswith("**", i):
            yield _Token("op", "^", i, spaced)
            i += 1
        elif ch in "+-*/^(),":
            yield _Token("op", ch, i, spaced)
        else:
            hint = ""
            if ch.isspace():
                hint = "only ASCII space, tab, CR and LF may separate tokens"
            elif not ch.isascii():
                hint = "only ASCII letters, digits and + - * / ^ ( ) , . are allowed"
            raise FormulaError(f"character {ch!r} (U+{ord(ch):04X}) is not allowed", i, hint)
        i, spaced = (m.end() if m else i + 1), False
    yield _Token("end", "", len(text), spaced)


class _Parser:
    """Precedence climbing; only '(' and calls recurse, each bounded by MAX_NESTING_DEPTH."""

    def __init__(self, tokens: Iterator[_Token], work: FormulaWork) -> None:
        self.tokens, self.depth, self.nodes, self.work = tokens, 0, 0, work
        self.tok = self.prev = next(tokens)

    def advance(self) -> _Token:
        self.prev = self.tok
        if self.tok.kind != "end":
            self.tok = next(self.tokens)
        return self.prev

    def node(self, node: Node) -> Node:
        self.nodes += 1
        self.work.nodes += 1
        if self.nodes > MAX_NODES:
            raise FormulaError(f"formula is too complex (more than {MAX_NODES} nodes)")
        return node

    def enter(self, pos: int) -> None:
        self.depth += 1
        if self.depth > MAX_NESTING_DEPTH:
            msg = f"formula is nested too deeply (limit {MAX_NESTING_DEPTH} levels)"
            raise FormulaError(msg, pos, "parentheses, function calls and signs each add a level")

    def parse(self) -> Node:
        tree = self.expr()
        if self.tok.kind != "end":
            raise self.unexpected(None)
        return tree

    def expr(self) -> Node:
        left = self.term()
        while self.tok.kind == "op" and self.tok.text in "+-":
            op = self.advance().text
            left = self.node(BinOp(op, left, self.term()))
        return left

    def term(self) -> Node:
        left = self.unary()
        while self.tok.kind == "op" and self.tok.text in "*/":
            op = self.advance().text
            left = self.node(BinOp(op, left, self.unary()))
        return left

    def signs(self) -> list[str]:
        # A loop, not recursion, so 10,000 '-' signs cannot blow the Python stack.
        signs: list[str] = []
        while self.tok.kind == "op" and self.tok.text in "+-":
            tok = self.advance()
            self.enter(tok.pos)
            signs.append(tok.text)
        return signs

    def apply_signs(self, signs: list[str], node: Node) -> Node:
        for sign in reversed(signs):
            if sign == "-":  # unary plus is a no-op and leaves no node
                node = self.node(Neg(node))
        return node

    def unary(self) -> Node:
        start = self.depth
        signs = self.signs()
        operand = self.power()
        self.depth = start
        return self.apply_signs(signs, operand)

    def power(self) -> Node:
        # Collect `p0 ^ s1 p1 ^ s2 p2 ...` iteratively, then fold right-associatively.
        operands, signs, carets = [self.primary()], [list[str]()], [0]
        while self.tok.text == "^":
            carets.append(self.advance().pos)
            start = self.depth
            signs.append(self.signs())
            operands.append(self.primary())
            self.depth = start
        acc = self.apply_signs(signs[-1], operands[-1])
        for k in range(len(operands) - 2, -1, -1):
            acc = self.apply_signs(signs[k], self.pow(operands[k], acc, carets[k + 1]))
        return acc

    def pow(self, base: Node, exponent: Node, pos: int) -> Node:
        # Checked before anything is computed, so 9**9**9 fails in microseconds.
        walked = _postorder(exponent)
        self.work.nodes += len(walked)
        if not any(isinstance(n, Var) for n in walked):
            self.work.nodes += len(walked)  # walked again to evaluate it
            value = float(_evaluate(exponent, np.zeros((), dtype=np.float64)))
            if abs(value) > MAX_EXPONENT:  # inf included; NaN exponents just give NaN
                raise FormulaError(f"exponent is too large (|exponent| > {MAX_EXPONENT})", pos)
        return self.node(BinOp("^", base, exponent))

    def primary(self) -> Node:
        tok = self.tok
        if tok.kind == "num":
            self.advance()
            return self.node(Num(tok.value))
        if tok.kind == "name":
            self.advance()
            if tok.text == "x":
                return self.node(Var())
            if tok.text in _CONSTANTS:
                return self.node(Const(tok.text))
            return self.call(tok)
        if tok.text == "(":
            self.advance()
            self.enter(tok.pos)
            if self.tok.text == ")":
                raise FormulaError("empty parentheses", tok.pos)
            inner = self.expr()
            if self.tok.text != ")":
                raise self.unexpected(tok)
            self.advance()
            self.depth -= 1
            return inner
        if tok.kind == "end":
            raise FormulaError("unexpected end of formula", tok.pos, "expected an operand")
        msg = f"expected a number, x, a constant, a function or '(' but found {tok.text!r}"
        raise FormulaError(msg, tok.pos)

    def call(self, name_tok: _Token) -> Node:
        name = _ALIASES.get(name_tok.text, name_tok.text)
        if self.tok.text != "(":
            raise FormulaError(f"function {name_tok.text!r} must be followed by '('", self.tok.pos)
        opening = self.advance()
        self.enter(opening.pos)
        args: list[Node] = []
        if self.tok.text != ")":
            args.append(self.expr())
            while self.tok.text == ",":
                self.advance()
                args.append(self.expr())
        if self.tok.text != ")":
            raise self.unexpected(opening)
        self.advance()
        self.depth -= 1
        arity = 2 if name in _FUNCS2 or name == "pow" else 1
        if len(args) != arity:
            plural = "argument" if arity == 1 else "arguments"
            msg = f"{name_tok.text}() takes {arity} {plural}, got {len(args)}"
            raise FormulaError(msg, name_tok.pos)
        if name == "pow":
            return self.pow(args[0], args[1], name_tok.pos)
        return self.node(Call(name, tuple(args)))

    def unexpected(self, opening: _Token | None) -> FormulaError:
        """Error for a token that cannot follow a complete operand."""
        tok, prev = self.tok, self.prev
        if tok.kind == "end" and opening is not None:
            return FormulaError("unbalanced parenthesis: '(' is never closed", opening.pos)
        if tok.kind in ("num", "name") or tok.text == "(":
            if tok.spaced:
                return FormulaError("missing operator between two terms", tok.pos, _PLUS_HINT)
            left = prev.text if prev.kind != "op" else ")"
            right = tok.text if tok.kind != "op" else "("
            hint = f"write {left}*{right} instead of {left}{right}"
            return FormulaError("implicit multiplication is not supported", tok.pos, hint)
        if tok.text == ")":
            return FormulaError("unbalanced parenthesis: unexpected ')'", tok.pos)
        if tok.text == ",":
            hint = "commas only separate the arguments of min, max, atan2 and pow"
            return FormulaError("unexpected ','", tok.pos, hint)
        return FormulaError(f"unexpected {tok.text!r}", tok.pos)  # pragma: no cover


def _children(node: Node) -> tuple[Node, ...]:
    if isinstance(node, Neg):
        return (node.operand,)
    if isinstance(node, BinOp):
        return (node.left, node.right)
    if isinstance(node, Call):
        return node.args
    return ()


def _postorder(root: Node) -> list[Node]:
    """Children before parents, with an explicit stack: AST depth never touches the C stack."""
    out: list[Node] = []
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, expanded = stack.pop()
        if expanded:
            out.append(node)
            continue
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(_children(node)))
    return out


def _evaluate(root: Node, x: FloatArray) -> FloatArray:
    values: list[FloatArray] = []
    with np.errstate(all="ignore"):
        for node in _postorder(root):
            if isinstance(node, Num | Const):
                value = node.value if isinstance(node, Num) else _CONSTANTS[node.name]
                values.append(np.asarray(value, dtype=np.float64))
            elif isinstance(node, Var):
                values.append(x)
            elif isinstance(node, Neg):
                values.append(np.negative(values.pop()))
            else:
                n = len(_children(node))
                args, values[-n:] = values[-n:], []
                if isinstance(node, BinOp):
                    values.append(_BINOPS[node.op](*args))
                else:
                    values.append((_FUNCS1 if n == 1 else _FUNCS2)[node.name](*args))
    return values.pop()


def _format_number(value: float) -> str:
    """Shortest round-tripping text: repr's digits, positional or e-form, whichever is shorter."""
    _, digit_tuple, exp = Decimal(repr(value)).as_tuple()
    assert isinstance(exp, int)  # finite: literals that overflow are rejected by the tokenizer
    digits = "".join(map(str, digit_tuple)).lstrip("0")
    if not digits:
        return "0"
    stripped = digits.rstrip("0")
    exp, digits = exp + len(digits) - len(stripped), stripped
    point = len(digits) + exp  # digits before the decimal point
    if exp >= 0:
        positional = digits + "0" * exp
    elif point > 0:
        positional = f"{digits[:point]}.{digits[point:]}"
    else:
        positional = "." + "0" * -point + digits
    scientific = digits[0] + (f".{digits[1:]}" if len(digits) > 1 else "") + f"e{point - 1}"
    return positional if len(positional) <= len(scientific) else scientific


def _canonical(root: Node) -> str:
    # Precedence levels: 1 + -, 2 * /, 3 unary minus, 4 ^, 5 atoms; parenthesise only as needed.
    parts: list[tuple[str, int]] = []
    for node in _postorder(root):
        if isinstance(node, Num):
            parts.append((_format_number(node.value), 5))
        elif isinstance(node, Var | Const):
            parts.append(("x" if isinstance(node, Var) else node.name, 5))
        elif isinstance(node, Neg):
            text, prec = parts.pop()
            parts.append(("-" + (text if prec >= 3 else f"({text})"), 3))
        elif isinstance(node, Call):
            n = len(node.args)
            args, parts[-n:] = parts[-n:], []
            parts.append((f"{node.name}({','.join(text for text, _ in args)})", 5))
        else:
            (right, rprec), (left, lprec) = parts.pop(), parts.pop()
            prec = 4 if node.op == "^" else 2 if node.op in "*/" else 1
            # ^ is right-associative and takes a unary right operand; the others are left-assoc.
            left_paren = lprec <= prec if node.op == "^" else lprec < prec
            right_paren = rprec < 3 if node.op == "^" else rprec <= prec
            left = f"({left})" if left_paren else left
            right = f"({right})" if right_paren else right
            parts.append((f"{left}{node.op}{right}", prec))
    return parts[0][0]


@dataclass(frozen=True)
class Formula:
    """A parsed formula; ``canonical`` is a whitespace-free normal form usable as a cache key."""

    source: str
    canonical: str
    tree: Node = field(repr=False, compare=False)

    def evaluate(self, x: npt.ArrayLike) -> FloatArray:
        """Evaluate over ``x``; always a new float64 array of x's shape (NaN/inf, never raises)."""
        xs = np.asarray(x, dtype=np.float64)
        result = _evaluate(self.tree, xs)
        return np.broadcast_to(result, xs.shape).astype(np.float64, copy=True)


def parse_formula(text: str, work: FormulaWork | None = None) -> Formula:
    """Parse and validate ``text``; raises FormulaError for anything invalid or too costly.
    ``work``, if given, counts what the parse cost (also when it raises)."""
    if not isinstance(text, str):
        raise FormulaError("formula must be a string")
    if len(text) > MAX_FORMULA_LENGTH:  # before any scanning, so huge inputs cost nothing
        msg = f"formula is too long ({len(text)} characters; limit {MAX_FORMULA_LENGTH})"
        raise FormulaError(msg)
    if not text.strip(_SPACES):
        raise FormulaError("empty formula", None, "pass an expression in x such as f=sin(x)")
    work = FormulaWork() if work is None else work
    tree = _Parser(_tokenize(text, work), work).parse()
    return Formula(text, _canonical(tree), tree)
