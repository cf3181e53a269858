// SPDX-License-Identifier: Apache-2.0

import Events

/// Walks a ``NikunjyExpression`` exactly as nikunjy/rules' visitor does, including its state: the left operand
/// of a comparison stays from the previous comparison when a nested attribute path hits a missing object, and
/// the attribute stack is not cleared in that case either.
struct NikunjyEvaluator {
    /// Go's `int` width (64 on the Go relay, 32 in the reference WebAssembly build).
    let intBits: Int

    /// The visitor's state.
    private var leftOp: QueryValue = .null
    private var stack: [QueryValue] = []

    /// Raised for what makes GOFF's `Process` fail: a panic (bad tree, non-map in a path) or an invalid
    /// operation for the literal's type. The whole query is then false.
    struct Failure: Error {}

    init(intBits: Int) {
        self.intBits = intBits
    }

    /// The query's truth value; any failure makes it `false`.
    static func matches(_ expression: NikunjyExpression, context: MergedContext, intBits: Int) -> Bool {
        process(expression, context: context, intBits: intBits) ?? false
    }

    /// nikunjy's `Process`: the truth value, or `nil` when it fails (an error or a panic).
    static func process(_ expression: NikunjyExpression, context: MergedContext, intBits: Int) -> Bool? {
        var evaluator = NikunjyEvaluator(intBits: intBits)
        do {
            return try evaluator.visit(expression, context)
        } catch {
            return nil
        }
    }

    private mutating func visit(_ e: NikunjyExpression, _ context: MergedContext) throws(Failure) -> Bool {
        switch e {
        case .logical(let isOr, let l, let r):
            let left = try visit(l, context)
            if isOr ? left : !left { return left }
            return try visit(r, context)
        case .paren(let negated, let inner):
            let v = try visit(inner, context)
            return negated ? !v : v
        case .present(let path):
            try resolve(path, context)
            return !leftOp.isNil
        case .compare(let path, let op, let literal):
            try resolve(path, context)
            return try NikunjyOperations.apply(op, left: leftOp, literal: literal, intBits: intBits)
        case .broken:
            throw Failure()
        }
    }

    /// nikunjy's `VisitAttrPath`: sets ``leftOp`` from the context, with its stack quirks (a missing object
    /// on the way stops the walk, leaving ``leftOp`` and the stack as they were).
    private mutating func resolve(_ path: [String], _ context: MergedContext) throws(Failure) {
        for (index, name) in path.enumerated() {
            let isLast = index == path.count - 1
            let fromStack: QueryValue?
            if stack.isEmpty {
                fromStack = nil
            } else if isLast {
                fromStack = stack.removeLast()
            } else {
                fromStack = stack[stack.count - 1]
            }
            let value: QueryValue
            if let item = fromStack {
                switch item {
                case .null: return
                case .object(let map): value = map[name].map { QueryValue($0, topLevelInt: false) } ?? .null
                default: throw Failure()
                }
            } else {
                value = context.queryRoot(name) ?? .null
            }
            if isLast {
                leftOp = value
                stack.removeAll()
            } else {
                stack.append(value)
            }
        }
    }
}
