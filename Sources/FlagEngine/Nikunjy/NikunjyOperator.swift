// SPDX-License-Identifier: Apache-2.0

/// A comparison operator of the query language.
enum NikunjyOperator: Equatable, Sendable {
    case eq, ne, gt, lt, ge, le, co, sw, ew, `in`
}
