package org.pluralstats.regress;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Tokenizer, operator-precedence parser and evaluator of the formula language, a port of patsy 0.5's
 * {@code infix_parser.py} (precedences: {@code ~} -100; binary and unary {@code + -} 100;
 * {@code * /} 200; {@code :} 300; {@code **} 500; all left-associative) and of the term algebra of
 * its {@code desc.py} ({@code IntermediateExpr} with intercept / intercept-removed flags).
 */
final class FormulaParser {
    record Result(Factor response, List<Term> terms, boolean intercept) {
    }

    private enum Kind { NAME, ZERO, ONE, NUMBER, OP, LPAREN, RPAREN, END }

    private record Token(Kind kind, String text, int pos, Factor factor) {
    }

    /** A parse tree node: a leaf token or an operator applied to one or two operands. */
    private record Node(Token token, Node left, Node right) {
        boolean unary() {
            return token.kind() == Kind.OP && right == null;
        }
    }

    /** patsy's IntermediateExpr. */
    private record Expr(boolean intercept, boolean interceptRemoved, List<Term> terms) {
        Expr {
            terms = List.copyOf(new LinkedHashSet<>(terms));
        }
    }

    private final String text;
    private final List<Token> tokens;
    private int at;

    private FormulaParser(String text) {
        this.text = text;
        this.tokens = tokenize(text);
    }

    static Result parse(String text) {
        FormulaParser p = new FormulaParser(text);
        int tilde = -1;
        for (int i = 0; i < p.tokens.size(); i++) {
            Token t = p.tokens.get(i);
            if (t.kind() == Kind.OP && t.text().equals("~")) {
                if (tilde >= 0) {
                    throw p.error(t.pos(), "'~' may appear only once");
                }
                tilde = i;
            }
        }
        if (tilde < 0) {
            throw new RegressionException("formula '" + text + "' has no '~': write response ~ terms");
        }
        if (tilde == 0) {
            throw p.error(0, "the formula needs a response before '~'");
        }
        Node lhs = p.parseExpression(-99);
        p.expect("~");
        Node rhs = p.parseExpression(-99);
        if (p.peek().kind() != Kind.END) {
            throw p.error(p.peek().pos(), "unexpected '" + p.peek().text() + "'");
        }
        Expr left = p.eval(lhs);
        if (left.intercept() || left.terms().size() != 1 || left.terms().get(0).factors().size() != 1) {
            throw new RegressionException("formula '" + text + "': the response must be one numeric column, found '"
                    + text.substring(0, p.tokens.get(tilde).pos()).strip() + "'");
        }
        Factor response = left.terms().get(0).factors().get(0);
        if (response.forceCategorical()) {
            throw new RegressionException("formula '" + text + "': the response " + response.name()
                    + " must be numeric, not categorical");
        }
        Expr right = p.eval(rhs);
        return new Result(response, right.terms(), !right.interceptRemoved());
    }

    // ---------------------------------------------------------------------------------- tokens

    private static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                out.add(new Token(Kind.LPAREN, "(", i, null));
                i++;
            } else if (c == ')') {
                out.add(new Token(Kind.RPAREN, ")", i, null));
                i++;
            } else if (c == '*' && i + 1 < n && s.charAt(i + 1) == '*') {
                out.add(new Token(Kind.OP, "**", i, null));
                i += 2;
            } else if ("~+-*/:".indexOf(c) >= 0) {
                out.add(new Token(Kind.OP, String.valueOf(c), i, null));
                i++;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1)))) {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '.')) {
                    j++;
                }
                String num = s.substring(i, j);
                Kind k = num.equals("0") ? Kind.ZERO : num.equals("1") ? Kind.ONE : Kind.NUMBER;
                out.add(new Token(k, num, i, null));
                i = j;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_' || s.charAt(j) == '.')) {
                    j++;
                }
                String name = s.substring(i, j);
                int k = j;
                while (k < n && Character.isWhitespace(s.charAt(k))) {
                    k++;
                }
                if (k < n && s.charAt(k) == '(') {
                    int close = matchingParen(s, k);
                    String inner = s.substring(k + 1, close).strip();
                    out.add(new Token(Kind.NAME, s.substring(i, close + 1), i, call(s, name, inner, i)));
                    i = close + 1;
                } else {
                    out.add(new Token(Kind.NAME, name, i, new Factor(name, name, false)));
                    i = j;
                }
            } else {
                throw new RegressionException("formula '" + s + "': unexpected character '" + c + "' at position "
                        + (i + 1));
            }
        }
        out.add(new Token(Kind.END, "end of formula", n, null));
        return out;
    }

    private static int matchingParen(String s, int open) {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        throw new RegressionException("formula '" + s + "': unclosed '(' at position " + (open + 1));
    }

    /** {@code C(col)}, {@code C(Q("col"))} or {@code Q("col")}. */
    private static Factor call(String s, String fn, String inner, int pos) {
        switch (fn) {
            case "Q" -> {
                String col = quoted(s, inner, pos);
                return new Factor("Q(" + inner + ")", col, false);
            }
            case "C" -> {
                if (inner.contains(",")) {
                    throw new RegressionException("formula '" + s + "': C() at position " + (pos + 1)
                            + " takes one column; contrasts other than treatment coding are not supported");
                }
                String col = inner.startsWith("Q(") && inner.endsWith(")")
                        ? quoted(s, inner.substring(2, inner.length() - 1).strip(), pos)
                        : inner;
                if (col.isEmpty()) {
                    throw new RegressionException("formula '" + s + "': C() at position " + (pos + 1) + " names no column");
                }
                if (!inner.startsWith("Q(") && !isIdentifier(col)) {
                    throw new RegressionException("formula '" + s + "': C(" + inner + ") at position " + (pos + 1)
                            + " must name one column; write C(Q(\"" + col + "\")) for other names");
                }
                return new Factor("C(" + inner + ")", col, true);
            }
            default -> throw new RegressionException("formula '" + s + "': unsupported function " + fn + "() at position "
                    + (pos + 1) + "; supported: C(column) for categorical coding, Q(\"column\") for any column name");
        }
    }

    private static boolean isIdentifier(String s) {
        if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_')) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private static String quoted(String s, String inner, int pos) {
        if (inner.length() >= 2) {
            char q = inner.charAt(0);
            if ((q == '"' || q == '\'') && inner.charAt(inner.length() - 1) == q
                    && inner.indexOf(q, 1) == inner.length() - 1) {
                return inner.substring(1, inner.length() - 1);
            }
        }
        throw new RegressionException("formula '" + s + "': Q() at position " + (pos + 1)
                + " takes one quoted column name, e.g. Q(\"response language\")");
    }

    // ---------------------------------------------------------------------------------- parser

    private Token peek() {
        return tokens.get(at);
    }

    private void expect(String op) {
        Token t = peek();
        if (t.kind() != Kind.OP || !t.text().equals(op)) {
            throw error(t.pos(), "expected '" + op + "', found '" + t.text() + "'");
        }
        at++;
    }

    private RegressionException error(int pos, String what) {
        return new RegressionException("formula '" + text + "': " + what + " at position " + (pos + 1));
    }

    private static int binaryPrecedence(String op) {
        return switch (op) {
            case "~" -> -100;
            case "+", "-" -> 100;
            case "*", "/" -> 200;
            case ":" -> 300;
            case "**" -> 500;
            default -> throw new IllegalArgumentException(op);
        };
    }

    /** Parses operators whose precedence is at least {@code min} (left-associative). */
    private Node parseExpression(int min) {
        Node left = parseOperand();
        while (true) {
            Token t = peek();
            if (t.kind() != Kind.OP) {
                if (t.kind() == Kind.END || t.kind() == Kind.RPAREN) {
                    return left;
                }
                throw error(t.pos(), "expected an operator before '" + t.text() + "'");
            }
            int prec = binaryPrecedence(t.text());
            if (prec < min) {
                return left;
            }
            at++;
            Node right = parseExpression(prec + 1);
            left = new Node(t, left, right);
        }
    }

    private Node parseOperand() {
        Token t = peek();
        switch (t.kind()) {
            case NAME, ZERO, ONE, NUMBER -> {
                at++;
                return new Node(t, null, null);
            }
            case LPAREN -> {
                at++;
                Node inner = parseExpression(-99);
                if (peek().kind() != Kind.RPAREN) {
                    throw error(peek().pos(), "expected ')', found '" + peek().text() + "'");
                }
                at++;
                return inner;
            }
            case OP -> {
                if (t.text().equals("+") || t.text().equals("-")) {
                    at++;
                    // unary + and - have precedence 100 in patsy: they bind tighter than nothing but ~
                    return new Node(t, parseExpression(101), null);
                }
                throw error(t.pos(), "expected a term, found '" + t.text() + "'");
            }
            case RPAREN -> throw error(t.pos(), "expected a term, found ')'");
            default -> throw error(t.pos(), "expected a term, found the end of the formula");
        }
    }

    // ---------------------------------------------------------------------------------- evaluator

    private Expr eval(Node node) {
        Token t = node.token();
        switch (t.kind()) {
            case NAME:
                return new Expr(false, false, List.of(Term.of(List.of(t.factor()))));
            case ZERO:
                return new Expr(false, true, List.of());
            case ONE:
                return new Expr(true, false, List.of());
            case NUMBER:
                throw error(t.pos(), "numbers other than 0 and 1 are allowed only after '**'");
            default:
                break;
        }
        if (node.unary()) {
            Token operand = node.left().token();
            if (t.text().equals("+")) {
                return eval(node.left());
            }
            if (operand.kind() == Kind.ZERO && node.left().left() == null) {
                return new Expr(true, false, List.of());
            }
            if (operand.kind() == Kind.ONE && node.left().left() == null) {
                return new Expr(false, true, List.of());
            }
            throw error(t.pos(), "unary minus can only be applied to 0 or 1");
        }
        return switch (t.text()) {
            case "+" -> plus(node);
            case "-" -> minus(node);
            case "*" -> {
                Expr a = eval(node.left());
                Expr b = eval(node.right());
                List<Term> terms = new ArrayList<>(a.terms());
                terms.addAll(b.terms());
                terms.addAll(interaction(a, b, t).terms());
                yield new Expr(false, false, terms);
            }
            case "/" -> {
                Expr a = eval(node.left());
                Expr b = eval(node.right());
                checkInteractable(a, t);
                List<Factor> all = new ArrayList<>();
                for (Term term : a.terms()) {
                    all.addAll(term.factors());
                }
                List<Term> terms = new ArrayList<>(a.terms());
                terms.addAll(interaction(new Expr(false, false, List.of(Term.of(all))), b, t).terms());
                yield new Expr(false, false, terms);
            }
            case ":" -> interaction(eval(node.left()), eval(node.right()), t);
            case "**" -> power(node);
            case "~" -> throw error(t.pos(), "'~' may appear only once, at the top level");
            default -> throw error(t.pos(), "unknown operator '" + t.text() + "'");
        };
    }

    private Expr plus(Node node) {
        Expr left = eval(node.left());
        if (isLeaf(node.right(), Kind.ZERO)) {
            return new Expr(false, true, left.terms());
        }
        Expr right = eval(node.right());
        List<Term> terms = new ArrayList<>(left.terms());
        terms.addAll(right.terms());
        if (right.intercept()) {
            return new Expr(true, false, terms);
        }
        return new Expr(left.intercept(), left.interceptRemoved(), terms);
    }

    private Expr minus(Node node) {
        Expr left = eval(node.left());
        if (isLeaf(node.right(), Kind.ZERO)) {
            return new Expr(true, false, left.terms());
        }
        if (isLeaf(node.right(), Kind.ONE)) {
            return new Expr(false, true, left.terms());
        }
        Expr right = eval(node.right());
        List<Term> terms = new ArrayList<>();
        for (Term term : left.terms()) {
            if (!right.terms().contains(term)) {
                terms.add(term);
            }
        }
        if (right.intercept()) {
            return new Expr(false, true, terms);
        }
        return new Expr(left.intercept(), left.interceptRemoved(), terms);
    }

    private static boolean isLeaf(Node n, Kind kind) {
        return n.left() == null && n.right() == null && n.token().kind() == kind;
    }

    private void checkInteractable(Expr e, Token op) {
        if (e.intercept()) {
            throw error(op.pos(), "the intercept cannot interact with anything else");
        }
    }

    private Expr interaction(Expr a, Expr b, Token op) {
        checkInteractable(a, op);
        checkInteractable(b, op);
        List<Term> terms = new ArrayList<>();
        for (Term l : a.terms()) {
            for (Term r : b.terms()) {
                terms.add(l.interact(r));
            }
        }
        return new Expr(false, false, terms);
    }

    private Expr power(Node node) {
        Token op = node.token();
        Expr left = eval(node.left());
        checkInteractable(left, op);
        Token exp = node.right().token();
        int power = -1;
        if (node.right().left() == null && (exp.kind() == Kind.ONE || exp.kind() == Kind.NUMBER)) {
            try {
                power = Integer.parseInt(exp.text());
            } catch (NumberFormatException e) {
                power = -1;
            }
        }
        if (power < 1) {
            throw error(exp.pos(), "'**' requires a positive integer");
        }
        List<Term> all = new ArrayList<>(left.terms());
        Expr big = left;
        power = Math.min(left.terms().size(), power);
        for (int i = 1; i < power; i++) {
            big = interaction(left, big, op);
            all.addAll(big.terms());
        }
        return new Expr(false, false, all);
    }
}
