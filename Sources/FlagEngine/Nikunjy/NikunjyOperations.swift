// SPDX-License-Identifier: Apache-2.0

/// nikunjy/rules' typed operations: the literal's type picks the operation set, the context value must fit it.
/// A missing attribute or a value of the wrong type makes the comparison false; an operator the literal's
/// type does not support (e.g. `gt` on a boolean) fails the whole query.
enum NikunjyOperations {
    typealias Failure = NikunjyEvaluator.Failure

    static func apply(
        _ op: NikunjyOperator, left: QueryValue, literal: NikunjyLiteral, intBits: Int
    ) throws(Failure) -> Bool {
        switch literal {
        case .bool(let r):
            guard op == .eq || op == .ne else { throw Failure() }
            guard case .bool(let l) = left else { return false }
            return op == .eq ? l == r : l != r
        case .null:
            switch op {
            case .eq: return left.isNil
            case .ne: return !left.isNil
            default: throw Failure()
            }
        case .string(let r):
            if op == .in { return false }
            guard case .string(let l) = left else { return false }
            return compareLowered(op, l, r)
        case .strings(let list):
            guard op == .in else { return false }
            guard case .string(let l) = left else { return false }
            return list.contains { UTF8Bytes.equal(l, $0) }
        case .long(let parsed):
            guard let parsed else { throw Failure() }
            guard op != .co, op != .sw, op != .ew else { throw Failure() }
            if op == .in { return false }
            guard let l = toInt(left, intBits) else { return false }
            return compare(op, l, GoNumeric.int(parsed, bits: intBits))
        case .ints(let list):
            guard let list else { throw Failure() }
            guard op != .co, op != .sw, op != .ew else { throw Failure() }
            guard op == .in, case .int(let raw) = left else { return false }
            let l = clamp(raw, intBits)
            return list.contains { GoNumeric.int($0, bits: intBits) == l }
        case .double(let r):
            guard op != .co, op != .sw, op != .ew else { throw Failure() }
            guard op != .in, let l = toFloat(left), let r else { return false }
            return compare(op, l, r)
        case .doubles(let list):
            guard let list else { throw Failure() }
            guard op != .co, op != .sw, op != .ew else { throw Failure() }
            guard op == .in, let l = toFloat(left) else { return false }
            return list.contains { $0 == l }
        case .version(let r):
            guard op != .co, op != .sw, op != .ew, op != .in else { throw Failure() }
            guard case .string(let l) = left, let lv = SemVer(l), let rv = SemVer(r) else { return false }
            return compare(op, lv, rv)
        }
    }

    /// nikunjy's `toInt`: an `int`, or a `float64` truncated.
    static func toInt(_ v: QueryValue, _ bits: Int) -> Int64? {
        switch v {
        case .int(let i): return clamp(i, bits)
        case .double(let d): return GoNumeric.int(d, bits: bits)
        default: return nil
        }
    }

    /// A context `int` as Go holds it for the build's `int` width (the conversion from float64 saturates).
    static func clamp(_ i: Int64, _ bits: Int) -> Int64 {
        bits == 32 ? min(max(i, Int64(Int32.min)), Int64(Int32.max)) : i
    }

    static func toFloat(_ v: QueryValue) -> Double? {
        switch v {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }

    static func compare<T: Comparable>(_ op: NikunjyOperator, _ l: T, _ r: T) -> Bool {
        switch op {
        case .eq: return l == r
        case .ne: return l != r
        case .gt: return l > r
        case .lt: return l < r
        case .ge: return l >= r
        case .le: return l <= r
        default: return false
        }
    }

    static func compareStrings(_ op: NikunjyOperator, _ l: [UInt8], _ r: [UInt8]) -> Bool {
        switch op {
        case .eq: return l == r
        case .ne: return l != r
        case .gt: return r.lexicographicallyPrecedes(l)
        case .lt: return l.lexicographicallyPrecedes(r)
        case .ge: return !l.lexicographicallyPrecedes(r)
        case .le: return !r.lexicographicallyPrecedes(l)
        case .co: return GoStrings.contains(l, r)
        case .sw: return l.starts(with: r)
        case .ew: return l.count >= r.count && l[(l.count - r.count)...].elementsEqual(r)
        case .in: return false
        }
    }
}
